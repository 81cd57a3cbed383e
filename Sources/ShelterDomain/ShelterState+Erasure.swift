extension ShelterState {
    /// The person whose key seals an event's personal fields (nil: the event has none about a person).
    public func sealSubject(of e: Event) -> ClientID? {
        switch e {
        case let .extensionDecided(id, _, _, _): requests.extensions[id]?.clientID
        case let .banLifted(id, _, _): files.bans[id]?.clientID
        case let .alertClosed(id, _): files.alerts[id]?.clientID
        case let .returnStatusChanged(id, _, _, _), let .returnConsentWithdrawn(id, _, _): returns.returnPlans[id]?.clientID
        default: e.clientID
        }
    }

    /// The records whose keys an erasure of `client` destroys: theirs and those merged into it.
    public func erasureGroup(of client: ClientID) -> [ClientID] {
        [client] + files.clients.values.filter { $0.mergedInto == client }.map(\.id).sorted()
    }

    /// True once the person's data has been erased (also for a record merged into an erased one).
    public func isErased(_ client: ClientID) -> Bool {
        if files.erasures[client] != nil { return true }
        if let into = files.clients[client]?.mergedInto { return files.erasures[into] != nil }
        return false
    }

    /// Empties every personal field kept about `client` and the records merged into it, with the
    /// same `Redaction` that stored events get: folding the redacted events gives the same state.
    mutating func redact(_ client: ClientID) {
        for id in erasureGroup(of: client) {
            if let c = files.clients[id] { files.clients[id] = Redaction.client(c) }
            files.clientRevision += 1
            if let n = files.notes[id] { files.notes[id] = n.map(Redaction.note) }
            for b in files.banIDs[id] ?? [] { if let ban = files.bans[b] { files.bans[b] = Redaction.ban(ban) } }
            for x in requests.extensionIDs[id] ?? [] { if let e = requests.extensions[x] { requests.extensions[x] = Redaction.extensionRequest(e) } }
            for (k, a) in files.alerts where a.clientID == id { files.alerts[k] = Redaction.alert(a) }
            if let a = files.assessments[id] { files.assessments[id] = a.map(Redaction.assessment) }
            files.assessments.scrubArchive(id)
            defer { files.history.scrubArchive(id) }
            for (k, w) in ledger.waitlist where w.clientID == id { ledger.waitlist[k] = Redaction.waitlistEntry(w) }
            for p in returns.returnPlanIDs[id] ?? [] {
                if let plan = returns.returnPlans[p] { returns.returnPlans[p] = Redaction.returnPlan(plan) }
                returns.returnSteps[p] = returns.returnSteps[p]?.map { var s = $0; s.note = ""; return s }
            }
            files.history[id] = files.history[id]?.map { item in
                var item = item
                switch item.kind {
                case .updated(let changes): item.kind = .updated(changes.map(Redaction.change))
                case let .outflowOverride(night, _): item.kind = .outflowOverride(night: night, reason: "")
                default: break
                }
                return item
            }
        }
    }
}
