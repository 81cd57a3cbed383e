/// One part of a client's administrative status, with the values it may take.
public enum AdminItem: UInt8, Sendable, CaseIterable {
    /// Health insurance: dutch, ehic (EHIC / foreign), none.
    case insurance = 1
    /// Postal address (briefadres): none, requested, granted (detail: at which organisation).
    case postalAddress
    /// Registration in the BRP or RNI: none, rni, brp.
    case registration
    /// Whether a BSN is known: yes, no.
    case bsnKnown
    /// Bank account: yes, no.
    case bankAccount
    /// Also reported to another municipality: yes, no (detail: which).
    case otherMunicipality

    public var code: String {
        switch self {
        case .insurance: "insurance"
        case .postalAddress: "postal_address"
        case .registration: "registration"
        case .bsnKnown: "bsn_known"
        case .bankAccount: "bank_account"
        case .otherMunicipality: "other_municipality"
        }
    }

    /// The values this item may take (stable codes).
    public var values: [String] {
        switch self {
        case .insurance: ["dutch", "ehic", "none"]
        case .postalAddress: ["none", "requested", "granted"]
        case .registration: ["none", "rni", "brp"]
        case .bsnKnown, .bankAccount, .otherMunicipality: ["yes", "no"]
        }
    }

    /// True when the value needs a detail (the organisation of a briefadres, the other municipality).
    public func needsDetail(_ value: String) -> Bool {
        switch self {
        case .postalAddress: value == "requested" || value == "granted"
        case .otherMunicipality: value == "yes"
        default: false
        }
    }

    public init?(code: String) {
        guard let k = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = k
    }
}
