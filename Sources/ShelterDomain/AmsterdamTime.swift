/// Local time in Europe/Amsterdam (CET, UTC+1; CEST, UTC+2 from the last Sunday of March
/// 01:00 UTC to the last Sunday of October 01:00 UTC), computed without the system's
/// time-zone files so the domain stays pure and its nights are testable.
public enum AmsterdamTime {
    /// The UTC offset in seconds in force at `t`.
    public static func utcOffsetSeconds(at t: Timestamp) -> Int {
        // From the table of changes (every event of a replay asks: working out the last Sundays
        // each time was 3% of it); outside the table's years, worked out.
        let ms = t.milliseconds, table = changes
        if ms >= table[0], ms < table[table.count - 1] {
            var lo = 0, hi = table.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if table[mid] <= ms { lo = mid + 1 } else { hi = mid }
            }
            // `lo` changes have happened: an odd number means summer time began and has not ended.
            return lo % 2 == 1 ? 7200 : 3600
        }
        return computedOffset(at: t)
    }

    /// The moments (UTC milliseconds) summer time begins and ends, 1970–2199, in order.
    static let changes: [Int64] = (1970...2199).flatMap { year in
        [Timestamp(utcDay: lastSunday(year: year, month: 3), seconds: 3600).milliseconds,
         Timestamp(utcDay: lastSunday(year: year, month: 10), seconds: 3600).milliseconds]
    }

    /// The offset at `t` from its year's last Sundays of March and October.
    static func computedOffset(at t: Timestamp) -> Int {
        let (day, _) = t.utcDayAndSeconds
        let year = day.year
        let start = Timestamp(utcDay: lastSunday(year: year, month: 3), seconds: 3600)
        let end = Timestamp(utcDay: lastSunday(year: year, month: 10), seconds: 3600)
        return (t >= start && t < end) ? 7200 : 3600
    }

    /// The last Sunday of a month.
    public static func lastSunday(year: Int, month: Int) -> Day {
        let last = Day(year: year, month: month, day: Day.daysInMonth(year: year, month: month))!
        return last.adding(days: -(last.isoWeekday % 7))
    }

    /// Local date and seconds since local midnight.
    public static func local(_ t: Timestamp) -> (day: Day, seconds: Int) {
        let shifted = Timestamp(milliseconds: t.milliseconds + Int64(utcOffsetSeconds(at: t)) * 1000)
        return shifted.utcDayAndSeconds
    }

    /// The hour (local) at which a new shelter night starts. Before noon belongs to the night before.
    public static let nightStartsAtHour = 12

    /// The shelter night a moment belongs to: 23-11 18:00 and 24-11 07:00 are both the night of 23-11.
    public static func night(of t: Timestamp) -> Day {
        let (day, secs) = local(t)
        return secs < nightStartsAtHour * 3600 ? day.adding(days: -1) : day
    }

    /// The moment of a local (Amsterdam) date and time of day. In the hour that is skipped in
    /// March the result is an hour later; in the hour that repeats in October, the first one.
    public static func utc(local day: Day, seconds: Int) -> Timestamp {
        let asUTC = Timestamp(utcDay: day, seconds: seconds)
        // Try the winter offset first, then the summer one: the right one maps back to the same local time.
        for offset in [3600, 7200] {
            let t = Timestamp(milliseconds: asUTC.milliseconds - Int64(offset) * 1000)
            if utcOffsetSeconds(at: t) == offset { return t }
        }
        return Timestamp(milliseconds: asUTC.milliseconds - 3_600_000)
    }

    /// `23-11-2026 19:04` in Amsterdam time.
    public static func formatted(_ t: Timestamp) -> String {
        let (day, secs) = local(t)
        func p(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day.dutch) \(p(secs / 3600)):\(p(secs / 60 % 60))"
    }
}
