/// A point in time: milliseconds since 1970-01-01T00:00:00Z (UTC). Shown in Europe/Amsterdam.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var milliseconds: Int64
    public init(milliseconds: Int64) { self.milliseconds = milliseconds }
    public init(seconds: Int64) { self.milliseconds = seconds * 1000 }
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

    /// The UTC calendar day and time of day in seconds.
    public var utcDayAndSeconds: (day: Day, seconds: Int) {
        let s = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let days = s >= 0 ? s / 86400 : (s - 86399) / 86400
        return (Day(ordinal: Int32(days)), Int(s - days * 86400))
    }

    /// `2026-11-23T18:04:05Z`
    public var isoUTC: String {
        let (d, secs) = utcDayAndSeconds
        func p(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(d.iso)T\(p(secs / 3600)):\(p(secs / 60 % 60)):\(p(secs % 60))Z"
    }

    public var description: String { isoUTC }

    /// Parses `2026-11-23T18:04:05Z` (UTC only).
    public static func parseISO(_ s: String) -> Timestamp? {
        guard s.count == 20, s.hasSuffix("Z"), let day = Day.parseISO(String(s.prefix(10))) else { return nil }
        let t = s.dropFirst(11).dropLast().split(separator: ":").compactMap { Int($0) }
        guard t.count == 3, (0..<24).contains(t[0]), (0..<60).contains(t[1]), (0..<60).contains(t[2]) else { return nil }
        return Timestamp(utcDay: day, seconds: t[0] * 3600 + t[1] * 60 + t[2])
    }

    /// A timestamp at a UTC day and second of that day.
    public init(utcDay: Day, seconds: Int) {
        self.milliseconds = (Int64(utcDay.ordinal) * 86400 + Int64(seconds)) * 1000
    }
}
