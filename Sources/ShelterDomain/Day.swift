/// A calendar date without a time zone: a shelter night, a birth date, an assessment date.
///
/// The night of 23-11-2026 runs from the evening of the 23rd to the morning of the 24th.
/// Stored as days since 1970-01-01 so comparison, hashing and encoding are cheap.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public var ordinal: Int32

    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// A validated date; returns nil for impossible dates such as 31-02 or month 13.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysInMonth(year: year, month: month) else { return nil }
        self.ordinal = Int32(Day.daysFromCivil(year: year, month: month, day: day))
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Year, month and day of this date.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(ordinal) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    public var year: Int { components.year }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let w = (Int(ordinal) % 7 + 7 + 3) % 7  // 1970-01-01 was a Thursday (index 3 from Monday)
        return w + 1
    }

    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + Int32(n)) }

    /// Calendar month arithmetic, clamped to the last day of the month:
    /// 2026-08-31 + 6 months = 2027-02-28.
    public func adding(months n: Int) -> Day {
        let c = components
        let total = c.year * 12 + (c.month - 1) + n
        let y = total / 12, m = total % 12 + 1
        let d = min(c.day, Day.daysInMonth(year: y, month: m))
        return Day(ordinal: Int32(Day.daysFromCivil(year: y, month: m, day: d)))
    }

    public func adding(years n: Int) -> Day { adding(months: 12 * n) }

    /// Whole calendar months completed from `self` to `later` (0 when `later` is earlier).
    public func wholeMonths(until later: Day) -> Int {
        guard later > self else { return 0 }
        let a = components, b = later.components
        var months = (b.year - a.year) * 12 + (b.month - a.month)
        if adding(months: months) > later { months -= 1 }
        return max(0, months)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { Int(other.ordinal) - Int(ordinal) }

    /// ISO 8601 text: 2026-11-23.
    public var iso: String {
        let c = components
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// Dutch notation: 23-11-2026.
    public var dutch: String {
        let c = components
        return "\(pad(c.day, 2))-\(pad(c.month, 2))-\(pad(c.year, 4))"
    }

    public var description: String { iso }

    /// Parses ISO `2026-11-23` only.
    public static func parseISO(_ text: some StringProtocol) -> Day? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// Parses what staff type: `23-11-2026`, `23/11/2026`, `23.11.2026`, `2026-11-23`.
    public static func parse(_ text: some StringProtocol) -> Day? {
        let t = text.trimmingWhitespace
        if let iso = parseISO(t) { return iso }
        let parts = t.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

extension StringProtocol {
    /// The text without leading and trailing spaces/tabs/newlines (no Foundation needed).
    var trimmingWhitespace: Substring {
        let s = Substring(self)
        guard let start = s.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = s.lastIndex(where: { !$0.isWhitespace })!
        return s[start...end]
    }
}
