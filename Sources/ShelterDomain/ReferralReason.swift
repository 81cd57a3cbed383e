/// Why someone was referred, as a category (no diagnosis text is needed). Special-category data:
/// only staff who may read medical notes see it (`ShelterState.referrals(of:visibleTo:)`).
public enum ReferralReason: UInt8, Sendable, CaseIterable {
    case physical = 1, mental, addiction, dental, injury, legal, work, other

    /// Stable code for scripts and the identifiable export.
    public var code: String {
        switch self {
        case .physical: "physical"
        case .mental: "mental"
        case .addiction: "addiction"
        case .dental: "dental"
        case .injury: "injury"
        case .legal: "legal"
        case .work: "work"
        case .other: "other"
        }
    }

    public init?(code: String) {
        guard let k = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = k
    }
}
