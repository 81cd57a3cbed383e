extension ShelterState {
    /// Applies one recorded event. Total: never fails (decide has checked the rules; `verify --deep`
    /// checks that the journal obeys them).
    public mutating func evolve(_ r: RecordedEvent) {
        Self.noteContact(r, in: &ledger.lastContactNight)
        evolveExceptContact(r)
    }

    /// The night of each client's last contact, as `evolve` keeps it in `lastContactNight`. It
    /// depends on the events alone, never on the rest of the state, so a replay can keep it on
    /// the thread that decodes (`takeLastContacts`, `evolveExceptContact`, `restoreLastContacts`).
    @inline(__always)
    public static func noteContact(_ r: RecordedEvent, in contacts: inout PerClient<Day>) {
        if let c = r.event.contactClient {
            let night = AmsterdamTime.night(of: r.timestamp)
            if let last = contacts[c], last >= night {} else { contacts[c] = night }
        }
    }

    /// Moves the last-contact nights out of the state (leaving none), for a replay that notes
    /// contacts itself; give them back with `restoreLastContacts` before the state is used.
    public mutating func takeLastContacts() -> PerClient<Day> {
        var taken = PerClient<Day>()
        swap(&taken, &ledger.lastContactNight)
        return taken
    }

    /// Puts back the last-contact nights taken with `takeLastContacts`, with what was noted since.
    public mutating func restoreLastContacts(_ contacts: consuming PerClient<Day>) {
        ledger.lastContactNight = contacts
    }

    /// `evolve` without the last-contact night: for a replay that notes it with `noteContact`.
    /// Each event goes to its area's fold (`EventType.area`).
    public mutating func evolveExceptContact(_ r: RecordedEvent) {
        lastSequence = r.sequence
        noteBedAction(r)
        switch r.event.type.area {
        case .settings: evolveSettings(r)
        case .staff: roster.evolve(r)
        case .inventory: inventory.evolve(r)
        case .nights: evolveNights(r)
        case .undo: evolveUndo(r)
        case .files: evolveFiles(r)
        case .requests:
            requests.evolve(r)
            if case let .extensionRequested(x) = r.event { files.note(x.clientID, r, .extensionRequested(x.id)) }
        case .returns:
            returns.evolve(r)
            switch r.event {
            case let .returnPlanOpened(p): files.note(p.clientID, r, .returnStep(p.id, .exploring))
            case let .returnStatusChanged(id, to, _, _): if let c = returns.returnPlans[id]?.clientID { files.note(c, r, .returnStep(id, to)) }
            default: break
            }
        case .care: evolveCare(r)
        }
    }

    /// The shelter's own settings and counters (area `.settings`).
    mutating func evolveSettings(_ r: RecordedEvent) {
        switch r.event {
        case let .shelterConfigured(name, muni):
            shelterName = name; municipality = muni
        case let .assistanceNormSet(from, cents, source):
            assistanceNorms.removeAll { $0.from == from }
            assistanceNorms.append(SocialAssistanceNorm(from: from, monthlyEUR: Double(cents) / 100, source: source))
            assistanceNorms.sort { $0.from < $1.from }
        case let .retentionPolicySet(months, careMonths):
            retention = RetentionPolicy(months: months, careMonths: careMonths)
        case .exportMade:
            exportCount += 1
        case .accessRefused:
            refusedAttempts += 1
        default:
            break
        }
    }

    /// The state after all `events`, starting from `initial`.
    public static func fold(_ events: some Sequence<RecordedEvent>) -> ShelterState {
        var s = ShelterState.initial
        for e in events { s.evolve(e) }
        return s
    }
}
