import ShelterDomain

/// A clock the test moves by hand: 23-11-2026 19:00 UTC (20:00 in Amsterdam) until moved.
public final class TestClock: @unchecked Sendable {
    public var now = Timestamp(utcDay: Day.parseISO("2026-11-23")!, seconds: 19 * 3600)
    public init() {}
    public func advance(minutes: Int64) { now = Timestamp(milliseconds: now.milliseconds + minutes * 60_000) }
}
