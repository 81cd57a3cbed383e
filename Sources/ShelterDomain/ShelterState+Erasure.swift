extension ShelterState {
    /// The person whose key seals an event's personal fields (nil: the event has none about a person).
    public func sealSubject(of e: Event) -> ClientID? {
        switch e {
        case let .extensionDecided(id, _, _, _): extensions[id]?.clientID
        case let .banLifted(id, _, _): bans[id]?.clientID
        case let .alertClosed(id, _): alerts[id]?.clientID
        case let .returnStatusChanged(id, _, _, _), let .returnConsentWithdrawn(id, _, _): returnPlans[id]?.clientID
        default: e.clientID
        }
    }

    /// The records whose keys an erasure of `client` destroys: theirs and those merged into it.
    public func erasureGroup(of client: ClientID) -> [ClientID] {
        [client] + clients.values.filter { $0.mergedInto == client }.map(\.id).sorted()
    }

    /// True once the person's data has been erased (also for a record merged into an erased one).
    public func isErased(_ client: ClientID) -> Bool {
        if erasures[client] != nil { return true }
        if let into = clients[client]?.mergedInto { return erasures[into] != nil }
        return false
    }

    /// Empties every personal field kept about `client` and the records merged into it, with the
    /// same `Redaction` that stored events get: folding the redacted events gives the same state.
    mutating func redact(_ client: ClientID) {
        for id in erasureGroup(of: client) {
            if let c = clients[id] { clients[id] = Redaction.client(c) }
            clientRevision += 1
            if let n = notes[id] { notes[id] = n.map(Redaction.note) }
            for b in banIDs[id] ?? [] { if let ban = bans[b] { bans[b] = Redaction.ban(ban) } }
            for x in extensionIDs[id] ?? [] { if let e = extensions[x] { extensions[x] = Redaction.extensionRequest(e) } }
            for (k, a) in alerts where a.clientID == id { alerts[k] = Redaction.alert(a) }
            if let a = assessments[id] { assessments[id] = a.map(Redaction.assessment) }
            assessments.scrubArchive(id)
            defer { history.scrubArchive(id) }
            for (k, w) in waitlist where w.clientID == id { waitlist[k] = Redaction.waitlistEntry(w) }
            for p in returnPlanIDs[id] ?? [] {
                if let plan = returnPlans[p] { returnPlans[p] = Redaction.returnPlan(plan) }
                returnSteps[p] = returnSteps[p]?.map { var s = $0; s.note = ""; return s }
            }
            history[id] = history[id]?.map { item in
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
