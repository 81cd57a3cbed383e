/// What the desk records about a person beyond the minimum (name, nationality, nights):
/// languages, ID document, BSN, phone, situation before tonight, work, insurance, problem areas
/// disclosed and vulnerability flags, and the GDPR consent that allows keeping any of it.
public struct ClientDetails: Hashable, Sendable {
    /// ISO 639-1 codes, lower case ("pl", "ro"), for interpreters.
    public var languages: [String] = []
    public var idDocument: IDDocument?
    /// Burgerservicenummer, 9 digits passing the 11-check, or "".
    public var bsn = ""
    public var phone = ""
    /// ETHOS Light living situation before tonight (1–6), nil when not asked.
    public var ethos: UInt8?
    public var lastEmployer = ""
    public var employmentEnded: Day?
    public var insurance: Insurance = .unknown
    public var problems: ProblemAreas = []
    public var vulnerabilities: Vulnerabilities = []
    public var consent = Consent()

    public init() {}

    /// Health insurance status (zorgverzekering).
    public enum Insurance: UInt8, Sendable, CaseIterable {
        case unknown = 0, insured = 1, lostWithJob = 2, never = 3
        public var code: String {
            switch self { case .unknown: "unknown"; case .insured: "insured"; case .lostWithJob: "lost_with_job"; case .never: "never" }
        }
    }

    /// Problem areas the person disclosed (special-category data: only with consent).
    public struct ProblemAreas: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let alcohol = ProblemAreas(rawValue: 1)
        public static let drugs = ProblemAreas(rawValue: 2)
        public static let psychiatric = ProblemAreas(rawValue: 4)
        public static let physical = ProblemAreas(rawValue: 8)
        public static let memory = ProblemAreas(rawValue: 16)
        public static let noneDisclosed = ProblemAreas(rawValue: 32)
        public static let all: [(ProblemAreas, String)] = [(.alcohol, "alcohol"), (.drugs, "drugs"), (.psychiatric, "psychiatric"),
                                                            (.physical, "physical"), (.memory, "memory"), (.noneDisclosed, "none")]
    }

    /// Flags that change how the desk treats a person (bed choice, alerts on no-show).
    public struct Vulnerabilities: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let womanAtRisk = Vulnerabilities(rawValue: 1)
        public static let medical = Vulnerabilities(rawValue: 2)
        public static let confused = Vulnerabilities(rawValue: 4)
        public static let youngAdult = Vulnerabilities(rawValue: 8)
        public static let all: [(Vulnerabilities, String)] = [(.womanAtRisk, "woman_at_risk"), (.medical, "medical"),
                                                               (.confused, "confused"), (.youngAdult, "young_adult")]
    }

    /// True when nothing beyond the consent record itself is filled in.
    public var isMinimal: Bool {
        var d = self
        d.consent = Consent()
        return d == ClientDetails()
    }
}
