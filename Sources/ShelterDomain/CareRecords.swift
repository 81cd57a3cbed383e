/// The care and administrative side of the shelter state (issue #19): referrals, administrative
/// status, households, family policies, self-reliance assessments and interpreter needs.
/// Folded from events 54–62 (`ShelterState+Care.swift`).
public struct CareRecords: Hashable, Sendable {
    /// Every referral by id (reasons included: read them through `ShelterState.referrals(of:visibleTo:)`).
    public internal(set) var referrals: [Int32: Referral] = [:]
    public internal(set) var referralIDs: [ClientID: [Int32]] = [:]
    /// Per client, the current value of each administrative item.
    public internal(set) var admin: [ClientID: [AdminItem: AdminEntry]] = [:]
    /// Per client, every administrative change, oldest first (old → new).
    public internal(set) var adminHistory: [ClientID: [AdminStatusChange]] = [:]
    public internal(set) var households: [Int32: Household] = [:]
    public internal(set) var householdOf: [ClientID: Int32] = [:]
    /// Locations that do not take families with minors (a location not listed takes them).
    public internal(set) var familiesRefused: Set<LocationID> = []
    /// Self-reliance assessments per client, oldest first.
    public internal(set) var selfReliance: [ClientID: [SelfRelianceAssessment]] = [:]
    public internal(set) var interpreter: [ClientID: InterpreterNeed] = [:]

    public init() {}

    public var nextReferralID: Int32 { Int32(referrals.count) + 1 }
    public var nextHouseholdID: Int32 { Int32(households.count) + 1 }

    /// The household a client belongs to, if any.
    public func household(of c: ClientID) -> Household? { householdOf[c].flatMap { households[$0] } }

    /// True when minors may get a bed at the location (its family policy).
    public func acceptsFamilies(_ location: LocationID) -> Bool { !familiesRefused.contains(location) }
}
