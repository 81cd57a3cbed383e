/// Where a referral stands: referred → appointment made → attended / not attended, or cancelled.
public enum ReferralStatus: UInt8, Sendable, CaseIterable {
    case referred = 1, appointmentMade, attended, notAttended, cancelled

    /// Stable code for scripts, exports and `referrals list`.
    public var code: String {
        switch self {
        case .referred: "referred"
        case .appointmentMade: "appointment_made"
        case .attended: "attended"
        case .notAttended: "not_attended"
        case .cancelled: "cancelled"
        }
    }

    /// True for the end states (an outcome was recorded).
    public var isClosed: Bool { self == .attended || self == .notAttended || self == .cancelled }

    public init?(code: String) {
        guard let k = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = k
    }
}
