/// Who the short-stay maximum applies to, and how nights count towards it (README, "Stay
/// limits and entitlement"):
/// - It applies to EU/EEA/Swiss citizens whose latest valid checklist outcome is not `likely`.
///   A `likely` outcome (third-country family members included) exempts the person: they belong
///   in regular Wmo shelter. A `likely` past its `valid_until` counts as not assessed. Dutch
///   nationals, and other non-EU nationals, are outside the short-stay rules. A record without a
///   nationality is treated as limited (nobody can tell).
/// - Nights count towards a location's limit only when spent in a location of the same
///   municipality that itself has a limit; cold-weather nights never count.
extension ShelterState {
    /// The client's latest assessment, in brief, if any.
    public func latestAssessment(of client: ClientID) -> LatestChecklist? { files.latestChecklist[client] }

    /// The latest assessment if it still holds on `night` (a `likely` past `valid_until` does not).
    public func latestValidAssessment(of client: ClientID, on night: Day) -> LatestChecklist? {
        guard let a = files.latestChecklist[client] else { return nil }
        if a.outcome == .likely, let until = a.validUntil, until < night { return nil }
        return a
    }

    /// The outcome that counts on a night: nil when never assessed (or an expired `likely`).
    public func checklistOutcome(of client: ClientID, on night: Day) -> ChecklistOutcome? {
        latestValidAssessment(of: client, on: night)?.outcome
    }

    /// True when equal treatment is likely on `night`: refer to regular shelter (MO).
    public func isLikelyEntitled(_ client: ClientID, on night: Day) -> Bool {
        checklistOutcome(of: client, on: night) == .likely
    }

    /// True when a likely-entitled client has not yet left for regular Wmo shelter.
    public func needsReferralToRegularShelter(_ client: ClientID, on night: Day) -> Bool {
        guard isLikelyEntitled(client, on: night), let c = files.clients[client], c.mergedInto == nil else { return false }
        // Until the stay ends with the move to regular Wmo shelter.
        return !(c.stayStart == nil && c.lastOutflow == .regularWmoShelter)
    }

    /// Whether the short-stay maximum applies to this person on this night.
    public func stayLimitApplies(to client: ClientID, on night: Day) -> Bool {
        guard let c = files.clients[client] else { return true }
        let nat = c.nationality.uppercased()
        if nat == "NL" { return false }
        if !nat.isEmpty, !Nationality.isEUEEASwiss(nat) { return false }
        return !isLikelyEntitled(client, on: night)
    }

    /// Nights a client held a bed in the window ending with `night` that count towards the limit
    /// of `location`: spent in limited locations of the same municipality, cold nights excepted.
    public func nightsUsed(by client: ClientID, windowDays: Int, endingWith night: Day, countingFor location: LocationID) -> Int {
        guard let list = ledger.clientNights[client], !list.isEmpty, let here = inventory.locations[location] else { return 0 }
        let first = night.adding(days: -(windowDays - 1))
        var n = 0
        var i = lowerBound(list, first)
        while i < list.count, list[i] <= night {
            let d = list[i]
            i += 1
            guard let bed = ledger.nights[d]?.bedOfClient[client], let b = inventory.beds[bed], let loc = inventory.locations[b.locationID] else { continue }
            guard loc.id == here.id || (loc.municipality == here.municipality && loc.policy.maxNights != nil) else { continue }
            if isColdWeather(d) { continue }
            n += 1
        }
        return n
    }

    /// The limit binding a client at a location on a night, with the nights already used; nil
    /// when none binds (no limit there, a cold night, or the person is not subject to it).
    public func bindingStayLimit(for client: ClientID, at location: LocationID, on night: Day) -> (used: Int, max: Int)? {
        guard let loc = inventory.locations[location], let max = loc.policy.maxNights, !isColdWeather(night),
              stayLimitApplies(to: client, on: night) else { return nil }
        return (nightsUsed(by: client, windowDays: loc.policy.windowDays, endingWith: night, countingFor: location), max)
    }
}
