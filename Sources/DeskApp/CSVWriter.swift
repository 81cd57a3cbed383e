/// RFC 4180 CSV: fields with a separator, quote, CR or LF are quoted, quotes doubled, lines end
/// in CRLF. `excel` gives what Dutch Excel opens directly: a UTF-8 BOM and ';' as separator.
public struct CSVWriter: Sendable {
    public var excel: Bool
    public init(excel: Bool = false) { self.excel = excel }

    var separator: Character { excel ? ";" : "," }

    public func field(_ s: String) -> String {
        let needs = s.contains(separator) || s.contains("\"") || s.contains("\n") || s.contains("\r")
        return needs ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    public func document(header: [String], rows: [[String]]) -> String {
        var out = excel ? "\u{FEFF}" : ""
        for r in [header] + rows { out += r.map(field).joined(separator: String(separator)) + "\r\n" }
        return out
    }
}
