/// The care figures of a period (F7 and `onderdak report care`): referrals made in the period by
/// kind and where they stand, CAK scheme uses, and — among the people who had a bed in the
/// period — the uninsured and the share of them referred, postal addresses, registrations,
/// households, minors and self-reliance assessments. Pure: from the state alone.
public struct CareReport: Equatable, Sendable {
    public var from: Day
    public var to: Day
    /// Referrals made in the period, per kind and current status.
    public var referrals: [ReferralKind: [ReferralStatus: Int]] = [:]
    public var referralTotal = 0
    /// Referrals made in the period that used the CAK scheme.
    public var cakUses = 0
    /// People with at least one bed-night in the period.
    public var served = 0
    /// Of them: insurance recorded as none.
    public var uninsured = 0
    /// Of the uninsured: at least one referral made in the period.
    public var uninsuredReferred = 0
    /// Of the people served: a briefadres granted / requested (not yet granted).
    public var postalGranted = 0
    public var postalRequested = 0
    /// Of the people served: registered in the RNI or the BRP.
    public var registered = 0
    /// Households with a member served in the period, and minors served (under 18 on the last night).
    public var households = 0
    public var minors = 0
    /// Self-reliance assessments dated in the period, by outcome.
    public var selfReliant = 0
    public var notSelfReliant = 0

    /// Share of the uninsured with at least one referral, in percent (nil without uninsured people).
    public var uninsuredReferredShare: Double? {
        uninsured == 0 ? nil : (Double(uninsuredReferred) * 1000 / Double(uninsured)).rounded() / 10
    }

    public func count(_ kind: ReferralKind, _ status: ReferralStatus) -> Int { referrals[kind]?[status] ?? 0 }
    public func count(_ kind: ReferralKind) -> Int { referrals[kind]?.values.reduce(0, +) ?? 0 }
    public func count(_ status: ReferralStatus) -> Int { referrals.values.reduce(0) { $0 + ($1[status] ?? 0) } }

    public init(_ s: ShelterState, from: Day, to: Day) {
        self.from = from; self.to = to
        var referredClients: Set<ClientID> = []
        for x in s.care.referrals.values where x.referredOn >= from && x.referredOn <= to {
            let client = s.files.clients[x.clientID]?.mergedInto ?? x.clientID
            referrals[x.kind, default: [:]][x.status, default: 0] += 1
            referralTotal += 1
            if x.cakScheme { cakUses += 1 }
            referredClients.insert(client)
        }
        var households: Set<Int32> = []
        for (client, nights) in s.ledger.clientNights where s.files.clients[client]?.mergedInto == nil {
            let i = s.lowerBound(nights, from)
            guard i < nights.count, nights[i] <= to else { continue }
            served += 1
            if s.adminValue(.insurance, of: client) == "none" {
                uninsured += 1
                if referredClients.contains(client) { uninsuredReferred += 1 }
            }
            switch s.adminValue(.postalAddress, of: client) {
            case "granted": postalGranted += 1
            case "requested": postalRequested += 1
            default: break
            }
            if ["rni", "brp"].contains(s.adminValue(.registration, of: client)) { registered += 1 }
            if let h = s.care.householdOf[client] { households.insert(h) }
            if s.isMinor(client, on: to) { minors += 1 }
        }
        self.households = households.count
        for list in s.care.selfReliance.values {
            for a in list where a.on >= from && a.on <= to {
                if a.outcome == .selfReliant { selfReliant += 1 } else { notSelfReliant += 1 }
            }
        }
    }
}
