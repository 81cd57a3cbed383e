/// The person's answer to "may we keep your information?" (GDPR). Without a recorded "yes",
/// only the minimum may be stored: name, nationality and the nights stayed.
public struct Consent: Hashable, Sendable {
    public var status: Status = .notRecorded
    /// The purpose was explained to the person.
    public var purposeExplained = false
    /// The language the explanation was given in (ISO 639-1, e.g. "pl").
    public var language = ""
    public var date: Day?
    public var written = false

    public init(status: Status = .notRecorded, purposeExplained: Bool = false, language: String = "", date: Day? = nil, written: Bool = false) {
        self.status = status; self.purposeExplained = purposeExplained; self.language = language; self.date = date; self.written = written
    }

    public enum Status: UInt8, Sendable, CaseIterable {
        case notRecorded = 0, given = 1, refused = 2
        public var code: String {
            switch self { case .notRecorded: "not_recorded"; case .given: "given"; case .refused: "refused" }
        }
    }

    /// True when more than the minimum may be stored.
    public var allowsDetails: Bool { status == .given }
}
