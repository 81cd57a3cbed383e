/// Why the outflow category list could not be read, with what to fix in the file.
public enum OutflowCatalogError: Error, Equatable, Sendable, CustomStringConvertible {
    case notJSON(String)
    case badEntry(index: Int, reason: String)
    case unknownCode(String)
    case rawMismatch(code: String, expected: UInt8, found: Int)
    case duplicate(String)
    case missing([String])

    public var description: String {
        switch self {
        case .notJSON(let m): "outflow.json is not valid JSON: \(m)"
        case let .badEntry(i, reason): "outflow.json, category \(i + 1): \(reason)"
        case .unknownCode(let c): "outflow.json names a category this build does not know: \"\(c)\" (update the program or remove the entry)"
        case let .rawMismatch(c, e, f): "outflow.json gives \"\(c)\" the journal value \(f), but the journal stores it as \(e); journal values are never renumbered"
        case .duplicate(let c): "outflow.json lists \"\(c)\" twice"
        case .missing(let cs): "outflow.json lacks categories the journal can hold: \(cs.joined(separator: ", "))"
        }
    }
}
