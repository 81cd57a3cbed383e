/// A referral of a client to care or help, and how it went. The reason is special-category
/// data: read it through `ShelterState.referrals(of:visibleTo:)`, which hides it from desk staff.
public struct Referral: Hashable, Sendable {
    public var id: Int32
    public var clientID: ClientID
    public var kind: ReferralKind
    /// The organisation referred to (e.g. "Kruispost", "FairWork").
    public var organisation: String
    public var referredOn: Day
    /// The reason as a category; nil when shown to someone who may not read it.
    public var reason: ReferralReason?
    /// Whether the CAK scheme for medically necessary care of uninsured people was used.
    public var cakScheme: Bool
    /// Who referred (set from the event's actor when folded).
    public var referredBy: StaffID = 0
    public var status: ReferralStatus = .referred
    public var appointmentOn: Day?
    /// When the outcome (attended, not attended, cancelled) was recorded.
    public var outcomeOn: Day?
    /// Why it was cancelled or not attended ("" when not given).
    public var outcomeNote = ""

    public init(id: Int32, clientID: ClientID, kind: ReferralKind, organisation: String, referredOn: Day,
                reason: ReferralReason?, cakScheme: Bool) {
        self.id = id; self.clientID = clientID; self.kind = kind; self.organisation = organisation
        self.referredOn = referredOn; self.reason = reason; self.cakScheme = cakScheme
    }

    /// An appointment whose date has passed with no outcome recorded: the coordinator follows it up.
    public func isOverdue(today: Day) -> Bool {
        guard status == .appointmentMade, let a = appointmentOn else { return false }
        return a < today
    }
}
