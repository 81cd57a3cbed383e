/// The outcome of a self-reliance assessment (zelfredzaamheidsonderzoek, Wmo 1.1.1).
public enum SelfRelianceOutcome: UInt8, Sendable, CaseIterable {
    case selfReliant = 1
    /// Not self-reliant: referred to regular (Wmo) shelter.
    case notSelfReliant

    public var code: String { self == .selfReliant ? "self_reliant" : "not_self_reliant" }

    public init?(code: String) {
        guard let k = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = k
    }
}
