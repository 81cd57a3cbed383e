/// One line of a client's history other than nights and assessments (which the state keeps
/// elsewhere): who did what, when. The client file's timeline merges these with the nights.
public struct ClientHistoryItem: Hashable, Sendable {
    public var at: Timestamp
    public var by: StaffID
    public var kind: Kind

    public init(at: Timestamp, by: StaffID, kind: Kind) { self.at = at; self.by = by; self.kind = kind }

    public enum Kind: Hashable, Sendable {
        case registered
        case updated([FieldChange])
        case note(Int32)
        case ban(Int32)
        case banLifted(Int32)
        case alert(Int32)
        case alertClosed(Int32)
        case mergedFrom(ClientID)
        case stayEnded(night: Day, outflow: Outflow)
        case extensionRequested(RequestID)
        case notDuplicate(ClientID)
        case returnStep(ReturnPlanID, ReturnStatus)
        case indDecision
        case medicalViewed
        /// The stay that ended after `night` was closed automatically on `on` (absence policy).
        case absenceClosure(night: Day, on: Day)
        /// The outflow of the stay that ended after `night` was corrected.
        case outflowCorrected(night: Day, from: Outflow, to: Outflow)
        /// A supervisor allowed the exit after `night` although the rules refused it.
        case outflowOverride(night: Day, reason: String)
        /// The person's data was erased (by the retention policy when `automatic`).
        case erased(automatic: Bool)
        /// The care term of the retention policy erased this many referral reasons and medical notes.
        case careErased(referrals: Int, notes: Int)
    }
}
