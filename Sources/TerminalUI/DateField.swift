/// A date field: accepts 23-11-2026, 23/11/2026, 23.11.2026 and 2026-11-23; tells as you type
/// whether the text is a real date.
public struct DateField: Equatable, Sendable {
    public var input = TextField(maxLength: 10)
    public init(_ text: String = "") { input = TextField(text, maxLength: 10) }

    /// Parsed (day, month, year) when the text is a real date; nil otherwise.
    public var value: (year: Int, month: Int, day: Int)? {
        let t = input.text
        let parts = t.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3 else { return nil }
        let (y, m, d): (Int?, Int?, Int?) = parts[0].count == 4 ? (Int(parts[0]), Int(parts[1]), Int(parts[2])) : (Int(parts[2]), Int(parts[1]), Int(parts[0]))
        guard let y, let m, let d, (1...9999).contains(y), (1...12).contains(m), d >= 1 else { return nil }
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard d <= days, parts[parts[0].count == 4 ? 0 : 2].count == 4 else { return nil }
        return (y, m, d)
    }

    /// Only digits and separators may be typed.
    public mutating func handle(_ key: Key) -> Bool {
        if case .char(let c) = key, !(c.isASCII && (c.isNumber || c == "-" || c == "/" || c == ".")) { return true }
        return input.handle(key)
    }
}
