extension ShelterState {
    /// Applies one recorded event. Total: never fails (decide has checked the rules; `verify --deep`
    /// checks that the journal obeys them).
    public mutating func evolve(_ r: RecordedEvent) {
        lastSequence = r.sequence
        switch r.event {
        case let .shelterConfigured(name, muni):
            shelterName = name; municipality = muni
        case let .staffAdded(s):
            staff[s.id] = s; staffByUsername[s.username] = s.id
        case let .staffRoleChanged(id, role):
            staff[id]?.role = role
        case let .staffDeactivated(id):
            staff[id]?.active = false
        case let .locationAdded(l):
            locations[l.id] = l
        case let .roomAdded(room):
            rooms[room.id] = room
        case let .bedAdded(b):
            if beds[b.id] == nil { bedOrder.append(b.id) }
            beds[b.id] = b
        case let .clientRegistered(c):
            var c = c
            c.registeredAt = r.timestamp
            clients[c.id] = c
        case let .bedAssigned(night, bed, client):
            // Mutate in place (no copy of the night's dictionaries per event).
            let (displaced, previousBed) = nights[night, default: NightBoard()].place(client: client, bed: bed, status: .reserved)
            _ = previousBed
            if let other = displaced { removeNight(night, of: other) }
            insertNight(night, of: client)
            if clients[client]?.stayStart == nil { clients[client]?.stayStart = night }
        case let .checkedIn(night, bed, client):
            let (displaced, _) = nights[night, default: NightBoard()].place(client: client, bed: bed, status: .checkedIn)
            if let other = displaced { removeNight(night, of: other) }
            insertNight(night, of: client)
        case let .reservationReleased(night, bed, client, _):
            if nights[night]?.byBed[bed]?.clientID == client {
                nights[night]?.byBed[bed] = nil
                nights[night]?.bedOfClient[client] = nil
                removeNight(night, of: client)
            }
        case let .extensionRequested(x):
            extensions[x.id] = x
        case let .extensionDecided(id, approved, until, _):
            extensions[id]?.status = approved ? .approved : .declined
            extensions[id]?.approvedUntil = approved ? until : nil
            extensions[id]?.decidedBy = r.actor
        case let .stayEnded(client, _, outflow):
            clients[client]?.stayStart = nil
            clients[client]?.lastOutflow = outflow
        case let .loginSucceeded(id):
            loginFailures[id] = nil
        case let .loginFailed(id):
            loginFailures[id, default: 0] += 1
        case let .accountLocked(id, until):
            lockedUntil[id] = until
            loginFailures[id] = nil
        case let .assistanceNormSet(from, cents, source):
            assistanceNorms.removeAll { $0.from == from }
            assistanceNorms.append(SocialAssistanceNorm(from: from, monthlyEUR: Double(cents) / 100, source: source))
            assistanceNorms.sort { $0.from < $1.from }
        case let .staffLanguageSet(id, language):
            staff[id]?.language = language
        case let .assessmentRecorded(a):
            var a = a
            a.recordedBy = r.actor
            a.recordedAt = r.timestamp
            assessments[a.clientID, default: []].append(a)
            assessmentCount = max(assessmentCount, a.id)
        }
    }

    mutating func insertNight(_ night: Day, of client: ClientID) {
        // In place: the array is not copied per event.
        if let last = clientNights[client]?.last, last >= night {
            let i = lowerBound(clientNights[client]!, night)
            if i < clientNights[client]!.count, clientNights[client]![i] == night { return }
            clientNights[client]!.insert(night, at: i)
        } else {
            clientNights[client, default: []].append(night)
        }
    }

    mutating func removeNight(_ night: Day, of client: ClientID) {
        guard let list = clientNights[client] else { return }
        let i = lowerBound(list, night)
        if i < list.count, list[i] == night { clientNights[client]!.remove(at: i) }
    }

    /// The state after all `events`, starting from `initial`.
    public static func fold(_ events: some Sequence<RecordedEvent>) -> ShelterState {
        var s = ShelterState.initial
        for e in events { s.evolve(e) }
        return s
    }
}
