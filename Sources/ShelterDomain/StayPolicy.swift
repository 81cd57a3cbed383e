/// A municipality's rules for one location: maximum nights within a window, check-in cut-off.
public struct StayPolicy: Hashable, Sendable {
    /// Maximum nights within `windowDays`; nil means no limit.
    public var maxNights: Int?
    public var windowDays: Int
    /// Minutes after local midnight of the night's date when an unclaimed reservation is released (23:00 = 1380).
    public var checkInCutoffMinutes: Int
    public var twentyFourHourNeedsApproval: Bool

    public init(maxNights: Int?, windowDays: Int = 90, checkInCutoffMinutes: Int = 23 * 60, twentyFourHourNeedsApproval: Bool = true) {
        self.maxNights = maxNights; self.windowDays = windowDays
        self.checkInCutoffMinutes = checkInCutoffMinutes; self.twentyFourHourNeedsApproval = twentyFourHourNeedsApproval
    }
}
