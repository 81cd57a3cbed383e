import ShelterDomain

/// Dates and counts as people read them, in one place for every screen and every CLI table
/// meant for people: one date format per language (Dutch `26-11-2026`, English `26/11/2026`;
/// the separator is the table's `date.separator`), a weekday where a night is shown
/// ("do 26-11", "Thu 26/11"), occupancy periods in words ("wk 47 2026", "nov 2026") and counts
/// with the plural form their language needs. JSON and CSV keep ISO dates and codes.
extension Strings {
    private static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private var dateSeparator: String {
        let s = self["date.separator"]
        return s == "date.separator" ? "-" : s
    }

    /// The full date: "26-11-2026" (nl), "26/11/2026" (en).
    public func date(_ d: Day) -> String {
        let c = d.components, s = dateSeparator
        let y = String(c.year)
        return "\(Self.pad2(c.day))\(s)\(Self.pad2(c.month))\(s)\(String(repeating: "0", count: max(0, 4 - y.count)) + y)"
    }

    /// A moment in Amsterdam time: "26-11-2026 14:05" (nl), "26/11/2026 14:05" (en).
    public func timestamp(_ t: Timestamp) -> String {
        let (day, secs) = AmsterdamTime.local(t)
        return "\(date(day)) \(Self.pad2(secs / 3600)):\(Self.pad2(secs / 60 % 60))"
    }

    /// The full date with its weekday: "do 26-11-2026" (nl), "Thu 26/11/2026" (en).
    public func dayAndDate(_ d: Day) -> String { "\(self["weekday.\(d.isoWeekday)"]) \(date(d))" }

    /// A night this season, without the year: "do 26-11" (nl), "Thu 26/11" (en).
    public func shortNight(_ d: Day) -> String {
        let c = d.components
        return "\(self["weekday.\(d.isoWeekday)"]) \(Self.pad2(c.day))\(dateSeparator)\(Self.pad2(c.month))"
    }

    /// An occupancy period key (`2026-11-23`, `2026-W47`, `2026-11`) in words: "ma 23-11"
    /// (with `withYear` "ma 23-11-2026"), "wk 47 2026", "nov 2026". Anything else is shown as it is.
    public func period(_ key: String, withYear: Bool = false) -> String {
        if let d = Day.parseISO(key) { return withYear ? dayAndDate(d) : shortNight(d) }
        let parts = key.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]) else { return key }
        if parts[1].hasPrefix("W"), let week = Int(parts[1].dropFirst()) { return format("date.week", week, year) }
        if let month = Int(parts[1]), (1...12).contains(month) { return "\(self["month.\(month)"]) \(year)" }
        return key
    }

    /// A count with the plural form its language needs ("1 nacht", "3 nachten"): `key.one`,
    /// `key.other` … in the table (PluralRule), `%d` filled in.
    public func count(_ key: String, _ n: Int) -> String {
        PluralRule.text(key, n, lang: lang) { self[$0] }
    }
}

extension Day {
    /// This date as the reader's language writes it (`Strings.date`): "26-11-2026", "26/11/2026".
    public func shown(_ t: Strings) -> String { t.date(self) }
}
