/// How long personal data is kept after a person's last contact (a registration, a bed, a
/// note, a checklist, a return step…). Past `months`, their data is erased (as an event). The
/// default is 24 months: long enough for the winter-to-winter returns typical of seasonal labour migrants and for
/// a stay limit or ban to be checked against earlier stays, short enough not to keep a person's
/// file for years after they left (AVG art. 5(1)(e), storage limitation). See README "Privacy".
public struct RetentionPolicy: Hashable, Sendable {
    public var months: Int
    public init(months: Int) { self.months = months }

    /// 24 months after the last contact.
    public static let standard = RetentionPolicy(months: 24)
    /// The review list is shown this many days before someone's erasure date.
    public static let reviewDays = 7

    /// The night from which the person's data is erased, for a last contact on `lastContact`.
    public func erasureDay(lastContact: Day) -> Day { Self.addMonths(months, to: lastContact) }

    /// `day` plus `n` calendar months (the day clamped to the month's length).
    public static func addMonths(_ n: Int, to day: Day) -> Day {
        let c = day.components
        let total = c.year * 12 + (c.month - 1) + n
        let y = total / 12, m = total % 12 + 1
        return Day(year: y, month: m, day: min(c.day, Day.daysInMonth(year: y, month: m))) ?? day
    }
}
