extension ShelterState {
    /// Applies the care events (54–62); other events are left alone.
    mutating func evolveCare(_ r: RecordedEvent) {
        switch r.event {
        case let .referralMade(x):
            var x = x
            x.referredBy = r.actor
            care.referrals[x.id] = x
            care.referralIDs[x.clientID, default: []].append(x.id)
        case let .referralAppointmentMade(id, on):
            care.referrals[id]?.status = .appointmentMade
            care.referrals[id]?.appointmentOn = on
        case let .referralClosed(id, outcome, on, note):
            care.referrals[id]?.status = outcome
            care.referrals[id]?.outcomeOn = on
            care.referrals[id]?.outcomeNote = note
        case let .adminStatusChanged(client, change):
            care.admin[client, default: [:]][change.item] = change.new
            care.adminHistory[client, default: []].append(change)
        case let .householdFormed(h):
            care.households[h.id] = h
            for m in h.members { care.householdOf[m.clientID] = h.id }
        case let .householdMemberAdded(id, m):
            care.households[id]?.members.append(m)
            care.householdOf[m.clientID] = id
        case let .familyPolicySet(location, accepted):
            if accepted { care.familiesRefused.remove(location) } else { care.familiesRefused.insert(location) }
        case let .selfRelianceAssessed(a):
            care.selfReliance[a.clientID, default: []].append(a)
        case let .interpreterNeedSet(client, need):
            care.interpreter[client] = need
        default:
            break
        }
    }

    /// Moves an absorbed record's referrals, administrative status, household place,
    /// assessments and interpreter need to the survivor (the survivor's own values win).
    mutating func mergeCare(_ absorbed: ClientID, into survivor: ClientID) {
        for id in care.referralIDs.removeValue(forKey: absorbed) ?? [] {
            care.referrals[id]?.clientID = survivor
            care.referralIDs[survivor, default: []].append(id)
        }
        care.referralIDs[survivor]?.sort()
        if let a = care.admin.removeValue(forKey: absorbed) { care.admin[survivor] = a.merging(care.admin[survivor] ?? [:]) { _, mine in mine } }
        if let h = care.adminHistory.removeValue(forKey: absorbed) { care.adminHistory[survivor, default: []].insert(contentsOf: h, at: 0) }
        if let h = care.householdOf.removeValue(forKey: absorbed) {
            if care.householdOf[survivor] == nil {
                care.householdOf[survivor] = h
                let members = care.households[h]?.members ?? []
                care.households[h]?.members = members.map { var m = $0; if m.clientID == absorbed { m.clientID = survivor }; return m }
            } else {
                care.households[h]?.members.removeAll { $0.clientID == absorbed }
            }
        }
        for (id, h) in care.households where h.members.contains(where: { $0.responsibleAdult == absorbed }) {
            care.households[id]?.members = h.members.map { var m = $0; if m.responsibleAdult == absorbed { m.responsibleAdult = survivor }; return m }
        }
        if let a = care.selfReliance.removeValue(forKey: absorbed) { care.selfReliance[survivor, default: []].insert(contentsOf: a, at: 0) }
        if let i = care.interpreter.removeValue(forKey: absorbed), care.interpreter[survivor] == nil { care.interpreter[survivor] = i }
    }

    /// A client's referrals, newest first, as `role` may see them: without the medical
    /// permission the reason is left out (desk staff see that a referral exists and its status).
    public func referrals(of client: ClientID, visibleTo role: Role) -> [Referral] {
        let medical = role.permissions.contains(.readMedicalNotes)
        return (care.referralIDs[client] ?? []).compactMap { care.referrals[$0] }.reversed().map {
            var x = $0
            if !medical { x.reason = nil }
            return x
        }
    }

    /// Every referral whose appointment has passed with no outcome, oldest appointment first
    /// (reasons left out: a follow-up list needs none).
    public func overdueReferrals(today: Day) -> [Referral] {
        care.referrals.values.filter { $0.isOverdue(today: today) }
            .map { var x = $0; x.reason = nil; return x }
            .sorted { ($0.appointmentOn!, $0.id) < ($1.appointmentOn!, $1.id) }
    }

    /// True when the client is under 18 on `day` (the birth date, or estimated year, is known).
    public func isMinor(_ client: ClientID, on day: Day) -> Bool {
        guard let b = files.clients[client]?.birth else { return false }
        return b.age(on: day) < 18
    }

    /// The current value of an administrative item ("" when never recorded).
    public func adminValue(_ item: AdminItem, of client: ClientID) -> String { care.admin[client]?[item]?.value ?? "" }
}
