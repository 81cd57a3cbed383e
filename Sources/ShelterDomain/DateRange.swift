/// A run of nights from `from` through `until` (inclusive); nil `until` means "until ended".
/// Used for beds out of service and cold-weather periods.
public struct DateRange: Hashable, Sendable {
    public var from: Day
    public var until: Day?
    public var note: String

    public init(from: Day, until: Day?, note: String = "") { self.from = from; self.until = until; self.note = note }

    public func contains(_ night: Day) -> Bool { night >= from && (until.map { night <= $0 } ?? true) }
}
