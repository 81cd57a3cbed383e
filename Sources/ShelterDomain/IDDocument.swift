/// An identity document shown at the desk: its type, number and whether staff saw it.
public struct IDDocument: Hashable, Sendable {
    public var kind: Kind
    public var number: String
    public var seen: Bool

    public init(kind: Kind, number: String, seen: Bool) { self.kind = kind; self.number = number; self.seen = seen }

    public enum Kind: UInt8, Sendable, CaseIterable {
        case passport = 1, idCard = 2, drivingLicence = 3, residenceDocument = 4, other = 5
        public var code: String {
            switch self {
            case .passport: "passport"; case .idCard: "id_card"; case .drivingLicence: "driving_licence"
            case .residenceDocument: "residence_document"; case .other: "other"
            }
        }
    }

    /// Letters, digits, spaces and hyphens, 4–30 characters (nil when acceptable).
    public static func numberProblem(_ s: String) -> TextProblem? {
        guard (4...30).contains(s.count) else { return .idNumberLength }
        guard s.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == " " || $0 == "-" }) else {
            return .idNumberCharacters
        }
        return nil
    }

    /// The number folded for matching: upper case, no spaces or hyphens.
    public var normalizedNumber: String { IDDocument.normalize(number) }

    public static func normalize(_ s: String) -> String { String(s.uppercased().filter { $0.isLetter || $0.isNumber }) }
}
