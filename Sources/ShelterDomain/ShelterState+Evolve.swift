extension ShelterState {
    /// Applies one recorded event. Total: never fails (decide has checked the rules; `verify --deep`
    /// checks that the journal obeys them).
    public mutating func evolve(_ r: RecordedEvent) {
        Self.noteContact(r, in: &lastContactNight)
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
        swap(&taken, &lastContactNight)
        return taken
    }

    /// Puts back the last-contact nights taken with `takeLastContacts`, with what was noted since.
    public mutating func restoreLastContacts(_ contacts: consuming PerClient<Day>) {
        lastContactNight = contacts
    }

    /// `evolve` without the last-contact night: for a replay that notes it with `noteContact`.
    public mutating func evolveExceptContact(_ r: RecordedEvent) {
        lastSequence = r.sequence
        noteBedAction(r)
        switch r.event {
        case .reservationCancelled, .checkInUndone, .noShowUndone, .checkOutUndone, .exitUndone:
            evolveUndo(r)
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
            clientRevision += 1
            history[c.id, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .registered))
        case let .bedAssigned(night, bed, client):
            // Mutate in place (no copy of the night's dictionaries per event).
            let (displaced, previousBed) = nights[night, default: NightBoard()].place(client: client, bed: bed, status: .reserved)
            _ = previousBed
            if let other = displaced { removeNight(night, of: other) }
            insertNight(night, of: client)
            clients.update(client) { if $0.stayStart == nil { $0.stayStart = night } }
        case let .checkedIn(night, bed, client):
            let (displaced, _) = nights[night, default: NightBoard()].place(client: client, bed: bed, status: .checkedIn)
            if let other = displaced { removeNight(night, of: other) }
            insertNight(night, of: client)
        case let .reservationReleased(night, bed, client, noShow):
            if noShow, let loc = beds[bed]?.locationID { noShows[night, default: [:]][loc, default: 0] += 1 }
            if nights[night]?.byBed[bed]?.clientID == client {
                nights[night]?.byBed[bed] = nil
                nights[night]?.bedOfClient[client] = nil
                removeNight(night, of: client)
            }
        case let .extensionRequested(x):
            extensions[x.id] = x
            extensionIDs[x.clientID, default: []].append(x.id)
            history[x.clientID, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .extensionRequested(x.id)))
        case let .extensionDecided(id, approved, until, _):
            extensions[id]?.status = approved ? .approved : .declined
            extensions[id]?.approvedUntil = approved ? until : nil
            extensions[id]?.decidedBy = r.actor
        case let .stayEnded(client, night, outflow):
            clients.update(client) { $0.stayStart = nil; $0.lastOutflow = outflow }
            history[client, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .stayEnded(night: night, outflow: outflow)))
        case let .outflowOverridden(client, night, _, reason):
            history[client, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .outflowOverride(night: night, reason: reason)))
        case let .absencePolicySet(location, nights):
            absenceNights[location] = nights
        case let .stayClosedForAbsence(client, lastNight, closedOn, _):
            clients.update(client) { $0.stayStart = nil; $0.lastOutflow = .leftWithoutNotice }
            history[client, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .stayEnded(night: lastNight, outflow: .leftWithoutNotice)))
            history[client, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .absenceClosure(night: lastNight, on: closedOn)))
        case let .outflowCorrected(client, night, outflow, _):
            correctOutflow(of: client, night: night, to: outflow, at: r.timestamp, by: r.actor)
        case .referralMade, .referralAppointmentMade, .referralClosed, .adminStatusChanged, .householdFormed, .householdMemberAdded,
             .familyPolicySet, .selfRelianceAssessed, .interpreterNeedSet:
            evolveCare(r)
        case let .clientUpdated(c, changes):
            guard let old = clients[c.id] else { break }
            var c = c
            c.registeredAt = old.registeredAt; c.stayStart = old.stayStart; c.lastOutflow = old.lastOutflow; c.mergedInto = old.mergedInto
            clients[c.id] = c
            clientRevision += 1
            history[c.id, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .updated(changes)))
        case let .noteAdded(n):
            var n = n
            n.writtenBy = r.actor; n.writtenAt = r.timestamp
            notes[n.clientID, default: []].append(n)
            noteCount = max(noteCount, n.id)
            history[n.clientID, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .note(n.id)))
        case let .banImposed(b):
            var b = b
            b.setBy = r.actor
            bans[b.id] = b
            banIDs[b.clientID, default: []].append(b.id)
            history[b.clientID, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .ban(b.id)))
        case let .banLifted(id, on, _):
            bans[id]?.liftedOn = on
            if let c = bans[id]?.clientID { history[c, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .banLifted(id))) }
        case let .alertRaised(a):
            var a = a
            a.raisedBy = r.actor; a.raisedAt = r.timestamp
            alerts[a.id] = a
            history[a.clientID, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .alert(a.id)))
        case let .alertClosed(id, note):
            alerts[id]?.closedNote = note
            if let c = alerts[id]?.clientID { history[c, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .alertClosed(id))) }
        case let .clientsMerged(survivor, absorbed, merged):
            merge(absorbed, into: survivor, values: merged)
            clientRevision += 1
            history[survivor, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .mergedFrom(absorbed)))
        case let .bedOutOfService(bed, period):
            outOfService[bed, default: []].append(period)
        case let .bedBackInService(bed, from):
            outOfService[bed] = (outOfService[bed] ?? []).compactMap { p in
                guard p.contains(from) || p.from >= from else { return p }
                if p.from >= from { return nil }
                var q = p; q.until = from.adding(days: -1); return q
            }
        case let .coldWeatherStarted(period):
            coldWeather.append(period)
        case let .coldWeatherEnded(lastNight):
            coldWeather = coldWeather.compactMap { p in
                if p.from > lastNight { return nil }
                guard (p.until ?? lastNight) > lastNight else { return p }
                var q = p; q.until = lastNight; return q
            }
        case let .waitlisted(w):
            var w = w
            w.askedAt = r.timestamp
            waitlist[w.id] = w
            waitlistCount = max(waitlistCount, w.id)
            waitlistByNight[w.night, default: []].append(w.id)
        case let .waitlistClosed(id, outcome):
            if let w = waitlist.removeValue(forKey: id) {
                if outcome == .turnedAway {
                    turnedAwayCount[w.night, default: 0] += 1
                    turnedAwayPersons[w.night, default: []].append(w.clientID)
                }
                waitlistByNight[w.night]?.removeAll { $0 == id }
                if waitlistByNight[w.night]?.isEmpty == true { waitlistByNight[w.night] = nil }
            }
        case let .checkedOut(night, bed, client, duringNight):
            if nights[night]?.byBed[bed]?.clientID == client {
                nights[night]?.byBed[bed]?.status = duringNight ? .leftDuringNight : .checkedOut
            }
        case let .returnPlanOpened(p):
            var p = p
            p.status = .exploring
            returnPlans[p.id] = p
            returnPlanIDs[p.clientID, default: []].append(p.id)
            returnSteps[p.id] = [ReturnStep(status: .exploring, on: AmsterdamTime.local(r.timestamp).day, by: r.actor, note: "")]
            history[p.clientID, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .returnStep(p.id, .exploring)))
        case let .returnPlanUpdated(p):
            guard let old = returnPlans[p.id] else { break }
            var p = p
            p.status = old.status; p.cancelReason = old.cancelReason; p.consentWithdrawn = old.consentWithdrawn; p.clientID = old.clientID
            returnPlans[p.id] = p
        case let .returnStatusChanged(id, to, on, note):
            returnPlans[id]?.status = to
            if to == .cancelled { returnPlans[id]?.cancelReason = note }
            returnSteps[id, default: []].append(ReturnStep(status: to, on: on, by: r.actor, note: note))
            if let c = returnPlans[id]?.clientID { history[c, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .returnStep(id, to))) }
        case let .returnConsentWithdrawn(id, on, _):
            returnPlans[id]?.consentWithdrawn = on
        case let .indDecisionRecorded(d):
            indDecisions[d.clientID] = d
            history[d.clientID, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .indDecision))
        case .exportMade:
            exportCount += 1
        case .accessRefused:
            refusedAttempts += 1
        case let .bedRefused(night, bed, client, reason, outcome):
            refusals.append(BedRefusal(night: night, client: client, location: beds[bed]?.locationID ?? 0, bed: bed, reason: reason,
                                       outcome: outcome, at: r.timestamp, by: r.actor))
        case let .medicalNotesViewed(client):
            history[client, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .medicalViewed))
        case let .duplicateDismissed(a, b):
            notDuplicates.insert(ShelterState.pairKey(a, b))
            history[a, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .notDuplicate(b)))
            history[b, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .notDuplicate(a)))
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
        case let .clientErased(client, reason, automatic):
            guard clients[client] != nil else { break }
            redact(client)
            erasures[client] = Erasure(client: client, at: r.timestamp, by: r.actor, reason: reason, automatic: automatic)
            history[client, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .erased(automatic: automatic)))
        case let .retentionPolicySet(months, careMonths):
            retention = RetentionPolicy(months: months, careMonths: careMonths)
        case let .careDataErased(client, referrals, noteIDs):
            eraseCareData(client: client, referrals: referrals, notes: noteIDs)
            history[client, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: .careErased(referrals: referrals.count, notes: noteIDs.count)))
        case let .assessmentRecorded(a):
            var a = a
            a.recordedBy = r.actor
            a.recordedAt = r.timestamp
            assessments[a.clientID, default: []].append(a)
            latestChecklist[a.clientID] = LatestChecklist(a)
            assessmentCount = max(assessmentCount, a.id)
        }
    }

    /// Rewrites the outflow of the latest exit after `night` and notes the correction.
    mutating func correctOutflow(of client: ClientID, night: Day, to outflow: Outflow, at: Timestamp, by: StaffID) {
        guard let items = history[client],
              let i = items.lastIndex(where: { if case .stayEnded(night, _) = $0.kind { true } else { false } }),
              case let .stayEnded(_, old) = items[i].kind else { return }
        history[client]![i].kind = .stayEnded(night: night, outflow: outflow)
        let latest = items.lastIndex { if case .stayEnded = $0.kind { true } else { false } }
        if latest == i { clients.update(client) { $0.lastOutflow = outflow } }
        history[client]!.append(ClientHistoryItem(at: at, by: by, kind: .outflowCorrected(night: night, from: old, to: outflow)))
    }

    /// Moves everything of `absorbed` to `survivor` (nights, beds, assessments, notes, bans,
    /// alerts, extension requests, history); the absorbed record stays, marked as merged.
    mutating func merge(_ absorbed: ClientID, into survivor: ClientID, values: Client) {
        guard let old = clients[survivor], clients[absorbed] != nil else { return }
        var c = values
        c.id = survivor; c.registeredAt = min(old.registeredAt, clients[absorbed]!.registeredAt)
        c.mergedInto = nil
        let other = clients[absorbed]!
        c.stayStart = [old.stayStart, other.stayStart].compactMap { $0 }.min()
        c.lastOutflow = old.lastOutflow ?? other.lastOutflow
        clients[survivor] = c
        clients.update(absorbed) { $0.mergedInto = survivor }
        for night in clientNights[absorbed] ?? [] {
            if let bed = nights[night]?.bedOfClient[absorbed] {
                nights[night]?.bedOfClient[absorbed] = nil
                nights[night]?.bedOfClient[survivor] = bed
                nights[night]?.byBed[bed]?.clientID = survivor
            }
            insertNight(night, of: survivor)
        }
        clientNights[absorbed] = nil
        if let a = assessments.removeValue(forKey: absorbed) {
            assessments[survivor, default: []].append(contentsOf: a)
            assessments[survivor]!.sort { $0.id < $1.id }
            latestChecklist[absorbed] = nil
            if let last = assessments[survivor]?.last { latestChecklist[survivor] = LatestChecklist(last) }
        }
        if let n = notes.removeValue(forKey: absorbed) {
            notes[survivor, default: []].append(contentsOf: n.map { var n = $0; n.clientID = survivor; return n })
            notes[survivor]!.sort { $0.id < $1.id }
        }
        for id in banIDs.removeValue(forKey: absorbed) ?? [] { bans[id]?.clientID = survivor; banIDs[survivor, default: []].append(id) }
        banIDs[survivor]?.sort()
        for (id, a) in alerts where a.clientID == absorbed { alerts[id]?.clientID = survivor }
        for id in extensionIDs.removeValue(forKey: absorbed) ?? [] { extensions[id]?.clientID = survivor; extensionIDs[survivor, default: []].append(id) }
        extensionIDs[survivor]?.sort()
        for id in returnPlanIDs.removeValue(forKey: absorbed) ?? [] { returnPlans[id]?.clientID = survivor; returnPlanIDs[survivor, default: []].append(id) }
        returnPlanIDs[survivor]?.sort()
        for (id, w) in waitlist where w.clientID == absorbed { waitlist[id]?.clientID = survivor }
        for (night, list) in turnedAwayPersons where list.contains(absorbed) {
            turnedAwayPersons[night] = list.map { $0 == absorbed ? survivor : $0 }
        }
        if let d = indDecisions.removeValue(forKey: absorbed), indDecisions[survivor] == nil { var d = d; d.clientID = survivor; indDecisions[survivor] = d }
        mergeCare(absorbed, into: survivor)
        if let h = history.removeValue(forKey: absorbed) {
            history[survivor, default: []].append(contentsOf: h)
            history[survivor]!.sort { $0.at < $1.at }
        }
    }

    mutating func insertNight(_ night: Day, of client: ClientID) {
        // One hash lookup, in place: the array is not copied per event.
        Self.insertSorted(night, into: &clientNights[client, default: []])
    }

    static func insertSorted(_ night: Day, into list: inout [Day]) {
        guard let last = list.last, last >= night else { list.append(night); return }
        if last == night { return }  // a check-in on the night of its reservation
        var lo = 0, hi = list.count
        while lo < hi { let mid = (lo + hi) / 2; if list[mid] < night { lo = mid + 1 } else { hi = mid } }
        if lo < list.count, list[lo] == night { return }
        list.insert(night, at: lo)
    }

    mutating func removeNight(_ night: Day, of client: ClientID) {
        guard let list = clientNights[client] else { return }
        let i = lowerBound(list, night)
        if i < list.count, list[i] == night { clientNights[client]!.remove(at: i) }
        if clientNights[client]?.isEmpty == true { clientNights[client] = nil }
    }

    /// The state after all `events`, starting from `initial`.
    public static func fold(_ events: some Sequence<RecordedEvent>) -> ShelterState {
        var s = ShelterState.initial
        for e in events { s.evolve(e) }
        return s
    }
}
