/// Where a person is referred to for care or help (the GGD study's kinds of care).
public enum ReferralKind: UInt8, Sendable, CaseIterable {
    case gp = 1, streetDoctor, mentalHealth, addiction, medicalShelter, hospital, dentist, legalAid, exploitationSupport, other

    /// Stable code for scripts, exports and reports.
    public var code: String {
        switch self {
        case .gp: "gp"
        case .streetDoctor: "street_doctor"
        case .mentalHealth: "mental_health"
        case .addiction: "addiction"
        case .medicalShelter: "medical_shelter"
        case .hospital: "hospital"
        case .dentist: "dentist"
        case .legalAid: "legal_aid"
        case .exploitationSupport: "exploitation_support"
        case .other: "other"
        }
    }

    public init?(code: String) {
        guard let k = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = k
    }
}
