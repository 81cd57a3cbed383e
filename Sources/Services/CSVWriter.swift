/// RFC 4180 CSV: fields with a separator, quote, CR or LF are quoted, quotes doubled, lines end
/// in CRLF. `excel` gives what Dutch Excel opens directly: a UTF-8 BOM and ';' as separator.
/// A cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return: `=HYPERLINK(…)`, `+cmd|' /C calc'!A0`) gets a leading `'` (the OWASP rule),
/// in every flavour. The app writes no negative numbers, so only text is ever changed.
public struct CSVWriter: Sendable {
    public var excel: Bool
    public init(excel: Bool = false) { self.excel = excel }

    var separator: Character { excel ? ";" : "," }

    /// Characters that make a spreadsheet read a cell as a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `s` with a leading `'` when it would start a formula.
    public static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, formulaStarts.contains(Character(first)) else { return s }
        return "'" + s
    }

    public func field(_ raw: String) -> String {
        let s = CSVWriter.neutralised(raw)
        let needs = s.contains(separator) || s.contains("\"") || s.contains("\n") || s.contains("\r")
        return needs ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    public func document(header: [String], rows: [[String]]) -> String {
        var out = excel ? "\u{FEFF}" : ""
        for r in [header] + rows { out += r.map(field).joined(separator: String(separator)) + "\r\n" }
        return out
    }
}
