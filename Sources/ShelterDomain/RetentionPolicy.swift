/// How long personal data is kept after a person's last contact (a registration, a bed, a
/// note, a checklist, a return step…). Past `months`, their data is erased (as an event). The
/// default is 24 months: long enough for the winter-to-winter returns typical of seasonal labour migrants and for
/// a stay limit or ban to be checked against earlier stays, short enough not to keep a person's
/// file for years after they left (AVG art. 5(1)(e), storage limitation). See README "Privacy".
///
/// Medical notes and referrals (their reason and outcome note: special-category data, AVG art. 9)
/// have a shorter term of their own, `careMonths` (default 6): counted from the referral's last
/// move (referred, appointment, outcome) or the note's date. A referral is arranged and followed
/// up within weeks; six months covers a winter's follow-up and a late outcome, after which
/// the reason is no longer needed for the person's care. The referral itself (kind, organisation,
/// dates, status) stays for the person's file and the care figures until the person is erased.
public struct RetentionPolicy: Hashable, Sendable {
    public var months: Int
    /// The term for medical notes and referral reasons (at most `months`).
    public var careMonths: Int
    public init(months: Int, careMonths: Int = RetentionPolicy.standardCareMonths) {
        self.months = months; self.careMonths = careMonths
    }

    /// 24 months after the last contact; medical notes and referral reasons 6 months.
    public static let standard = RetentionPolicy(months: 24)
    /// The default term for medical notes and referral reasons.
    public static let standardCareMonths = 6
    /// The allowed range of `careMonths` (and never above `months`).
    public static let careRange = 1...120

    /// The night from which a medical note or referral reason whose last move was `lastMove` is erased.
    public func careErasureDay(lastMove: Day) -> Day { Self.addMonths(careMonths, to: lastMove) }
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
