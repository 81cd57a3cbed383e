extension ShelterState {
    /// Client records and everything in their files (area `.files`).
    mutating func evolveFiles(_ r: RecordedEvent) {
        switch r.event {
        case let .clientRegistered(c):
            var c = c
            c.registeredAt = r.timestamp
            files.clients[c.id] = c
            files.clientRevision += 1
            files.note(c.id, r, .registered)
        case let .clientUpdated(c, changes):
            guard let old = files.clients[c.id] else { break }
            var c = c
            c.registeredAt = old.registeredAt; c.stayStart = old.stayStart; c.lastOutflow = old.lastOutflow; c.mergedInto = old.mergedInto
            files.clients[c.id] = c
            files.clientRevision += 1
            files.note(c.id, r, .updated(changes))
        case let .stayEnded(client, night, outflow):
            files.clients.update(client) { $0.stayStart = nil; $0.lastOutflow = outflow }
            files.note(client, r, .stayEnded(night: night, outflow: outflow))
        case let .outflowOverridden(client, night, _, reason):
            files.note(client, r, .outflowOverride(night: night, reason: reason))
        case let .stayClosedForAbsence(client, lastNight, closedOn, _):
            files.clients.update(client) { $0.stayStart = nil; $0.lastOutflow = .leftWithoutNotice }
            files.note(client, r, .stayEnded(night: lastNight, outflow: .leftWithoutNotice))
            files.note(client, r, .absenceClosure(night: lastNight, on: closedOn))
        case let .outflowCorrected(client, night, outflow, _):
            correctOutflow(of: client, night: night, to: outflow, at: r.timestamp, by: r.actor)
        case let .noteAdded(n):
            var n = n
            n.writtenBy = r.actor; n.writtenAt = r.timestamp
            files.notes[n.clientID, default: []].append(n)
            files.noteCount = max(files.noteCount, n.id)
            files.note(n.clientID, r, .note(n.id))
        case let .banImposed(b):
            var b = b
            b.setBy = r.actor
            files.bans[b.id] = b
            files.banIDs[b.clientID, default: []].append(b.id)
            files.note(b.clientID, r, .ban(b.id))
        case let .banLifted(id, on, _):
            files.bans[id]?.liftedOn = on
            if let c = files.bans[id]?.clientID { files.note(c, r, .banLifted(id)) }
        case let .alertRaised(a):
            var a = a
            a.raisedBy = r.actor; a.raisedAt = r.timestamp
            files.alerts[a.id] = a
            files.note(a.clientID, r, .alert(a.id))
        case let .alertClosed(id, note):
            files.alerts[id]?.closedNote = note
            if let c = files.alerts[id]?.clientID { files.note(c, r, .alertClosed(id)) }
        case let .clientsMerged(survivor, absorbed, merged):
            merge(absorbed, into: survivor, values: merged)
            files.clientRevision += 1
            files.note(survivor, r, .mergedFrom(absorbed))
        case let .indDecisionRecorded(d):
            files.indDecisions[d.clientID] = d
            files.note(d.clientID, r, .indDecision)
        case let .medicalNotesViewed(client):
            files.note(client, r, .medicalViewed)
        case let .duplicateDismissed(a, b):
            files.notDuplicates.insert(ShelterState.pairKey(a, b))
            files.note(a, r, .notDuplicate(b))
            files.note(b, r, .notDuplicate(a))
        case let .clientErased(client, reason, automatic):
            guard files.clients[client] != nil else { break }
            redact(client)
            files.erasures[client] = Erasure(client: client, at: r.timestamp, by: r.actor, reason: reason, automatic: automatic)
            files.note(client, r, .erased(automatic: automatic))
        case let .careDataErased(client, referrals, noteIDs):
            eraseCareData(client: client, referrals: referrals, notes: noteIDs)
            files.note(client, r, .careErased(referrals: referrals.count, notes: noteIDs.count))
        case let .assessmentRecorded(a):
            var a = a
            a.recordedBy = r.actor
            a.recordedAt = r.timestamp
            files.assessments[a.clientID, default: []].append(a)
            files.latestChecklist[a.clientID] = LatestChecklist(a)
            files.assessmentCount = max(files.assessmentCount, a.id)
        default:
            break
        }
    }

    /// Rewrites the outflow of the latest exit after `night` and notes the correction.
    mutating func correctOutflow(of client: ClientID, night: Day, to outflow: Outflow, at: Timestamp, by: StaffID) {
        guard let items = files.history[client],
              let i = items.lastIndex(where: { if case .stayEnded(night, _) = $0.kind { true } else { false } }),
              case let .stayEnded(_, old) = items[i].kind else { return }
        files.history[client]![i].kind = .stayEnded(night: night, outflow: outflow)
        let latest = items.lastIndex { if case .stayEnded = $0.kind { true } else { false } }
        if latest == i { files.clients.update(client) { $0.lastOutflow = outflow } }
        files.history[client]!.append(ClientHistoryItem(at: at, by: by, kind: .outflowCorrected(night: night, from: old, to: outflow)))
    }

    /// Moves everything of `absorbed` to `survivor` (nights, beds, assessments, notes, bans,
    /// alerts, extension requests, history); the absorbed record stays, marked as merged.
    mutating func merge(_ absorbed: ClientID, into survivor: ClientID, values: Client) {
        guard let old = files.clients[survivor], files.clients[absorbed] != nil else { return }
        var c = values
        c.id = survivor; c.registeredAt = min(old.registeredAt, files.clients[absorbed]!.registeredAt)
        c.mergedInto = nil
        let other = files.clients[absorbed]!
        c.stayStart = [old.stayStart, other.stayStart].compactMap { $0 }.min()
        c.lastOutflow = old.lastOutflow ?? other.lastOutflow
        files.clients[survivor] = c
        files.clients.update(absorbed) { $0.mergedInto = survivor }
        for night in ledger.clientNights[absorbed] ?? [] {
            if let bed = ledger.nights[night]?.bedOfClient[absorbed] {
                ledger.nights[night]?.bedOfClient[absorbed] = nil
                ledger.nights[night]?.bedOfClient[survivor] = bed
                ledger.nights[night]?.byBed[bed]?.clientID = survivor
            }
            ledger.insertNight(night, of: survivor)
        }
        ledger.clientNights[absorbed] = nil
        if let a = files.assessments.removeValue(forKey: absorbed) {
            files.assessments[survivor, default: []].append(contentsOf: a)
            files.assessments[survivor]!.sort { $0.id < $1.id }
            files.latestChecklist[absorbed] = nil
            if let last = files.assessments[survivor]?.last { files.latestChecklist[survivor] = LatestChecklist(last) }
        }
        if let n = files.notes.removeValue(forKey: absorbed) {
            files.notes[survivor, default: []].append(contentsOf: n.map { var n = $0; n.clientID = survivor; return n })
            files.notes[survivor]!.sort { $0.id < $1.id }
        }
        for id in files.banIDs.removeValue(forKey: absorbed) ?? [] { files.bans[id]?.clientID = survivor; files.banIDs[survivor, default: []].append(id) }
        files.banIDs[survivor]?.sort()
        for (id, a) in files.alerts where a.clientID == absorbed { files.alerts[id]?.clientID = survivor }
        for id in requests.extensionIDs.removeValue(forKey: absorbed) ?? [] { requests.extensions[id]?.clientID = survivor; requests.extensionIDs[survivor, default: []].append(id) }
        requests.extensionIDs[survivor]?.sort()
        for id in returns.returnPlanIDs.removeValue(forKey: absorbed) ?? [] { returns.returnPlans[id]?.clientID = survivor; returns.returnPlanIDs[survivor, default: []].append(id) }
        returns.returnPlanIDs[survivor]?.sort()
        for (id, w) in ledger.waitlist where w.clientID == absorbed { ledger.waitlist[id]?.clientID = survivor }
        for (night, list) in ledger.turnedAwayPersons where list.contains(absorbed) {
            ledger.turnedAwayPersons[night] = list.map { $0 == absorbed ? survivor : $0 }
        }
        if let d = files.indDecisions.removeValue(forKey: absorbed), files.indDecisions[survivor] == nil { var d = d; d.clientID = survivor; files.indDecisions[survivor] = d }
        mergeCare(absorbed, into: survivor)
        if let h = files.history.removeValue(forKey: absorbed) {
            files.history[survivor, default: []].append(contentsOf: h)
            files.history[survivor]!.sort { $0.at < $1.at }
        }
    }
}
