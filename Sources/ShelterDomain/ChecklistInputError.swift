/// Why an answers file cannot be evaluated. Every message names the field.
public enum ChecklistInputError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidJSON(String)
    case notAnObject
    case unknownField(String)
    case duplicateField(String)
    case missingField(String)
    case wrongType(field: String, expected: String)
    case impossibleDate(field: String, text: String)
    case outOfRange(field: String, reason: String)
    case unknownEvidence(String)

    /// The field the message is about, if any.
    public var field: String? {
        switch self {
        case .invalidJSON, .notAnObject: nil
        case .unknownField(let f), .duplicateField(let f), .missingField(let f): f
        case .wrongType(let f, _), .impossibleDate(let f, _), .outOfRange(let f, _): f
        case .unknownEvidence: "evidence"
        }
    }

    public var description: String {
        switch self {
        case .invalidJSON(let why): "the answers are \(why)"
        case .notAnObject: "the answers must be one JSON object {…}"
        case .unknownField(let f): "field \"\(f)\" is not a checklist question (check the spelling; see CHECKLIST.md for the keys)"
        case .duplicateField(let f): "field \"\(f)\" is given twice"
        case .missingField(let f): "field \"\(f)\" is required but missing"
        case .wrongType(let f, let expected): "field \"\(f)\" must be \(expected)"
        case .impossibleDate(let f, let text): "field \"\(f)\": \"\(text)\" is not a real date in the form YYYY-MM-DD"
        case .outOfRange(let f, let reason): "field \"\(f)\": \(reason)"
        case .unknownEvidence(let e): "field \"evidence\": \"\(e)\" is not a known document (known: \(ChecklistAnswers.evidenceKinds.joined(separator: ", ")))"
        }
    }
}
