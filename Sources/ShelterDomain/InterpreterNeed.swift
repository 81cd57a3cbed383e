/// A client needs an interpreter: in which language, by phone or in person.
public struct InterpreterNeed: Hashable, Sendable {
    public enum Kind: UInt8, Sendable, CaseIterable {
        case phone = 1, inPerson
        public var code: String { self == .phone ? "phone" : "in_person" }
        public init?(code: String) {
            guard let k = Self.allCases.first(where: { $0.code == code }) else { return nil }
            self = k
        }
    }

    /// ISO 639-1, lower case ("pl").
    public var language: String
    public var kind: Kind

    public init(language: String, kind: Kind) { self.language = language; self.kind = kind }
}
