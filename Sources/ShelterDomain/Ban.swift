/// A service restriction (toegangsbeperking) set by a supervisor: no bed from `from` through
/// `until` (nil: until lifted). Shown as a red flag; blocks bed assignment with its end date.
public struct Ban: Hashable, Sendable {
    public var id: Int32
    public var clientID: ClientID
    public var from: Day
    public var until: Day?
    public var reason: String
    public var setBy: StaffID = 0
    public var liftedOn: Day?

    public init(id: Int32, clientID: ClientID, from: Day, until: Day?, reason: String) {
        self.id = id; self.clientID = clientID; self.from = from; self.until = until; self.reason = reason
    }

    /// True when the ban applies to `night`.
    public func covers(_ night: Day) -> Bool {
        guard night >= from else { return false }
        if let l = liftedOn, night >= l { return false }
        if let u = until, night > u { return false }
        return true
    }
}
