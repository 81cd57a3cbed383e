/// One step of a return plan's status timeline: to which status, on which date, by whom, why.
public struct ReturnStep: Hashable, Sendable {
    public var status: ReturnStatus
    public var on: Day
    public var by: StaffID
    public var note: String
    public init(status: ReturnStatus, on: Day, by: StaffID, note: String) { self.status = status; self.on = on; self.by = by; self.note = note }
}
