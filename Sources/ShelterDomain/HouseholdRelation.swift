/// How a member belongs to a household.
public enum HouseholdRelation: UInt8, Sendable, CaseIterable {
    case adult = 1, partner, child, otherRelative

    public var code: String {
        switch self { case .adult: "adult"; case .partner: "partner"; case .child: "child"; case .otherRelative: "other_relative" }
    }

    public init?(code: String) {
        guard let k = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = k
    }
}
