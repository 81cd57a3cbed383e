/// A request to let someone stay beyond the location's maximum, and its decision.
public struct ExtensionRequest: Hashable, Sendable {
    public enum Status: UInt8, Sendable { case pending = 1, approved = 2, declined = 3 }
    public enum Reason: UInt8, Sendable, CaseIterable { case medical = 1, workStarting = 2, returnPlanned = 3, vulnerable = 4, other = 5 }
    public var id: RequestID
    public var clientID: ClientID
    public var locationID: LocationID
    public var reason: Reason
    public var note: String
    public var requestedUntil: Day
    public var status: Status
    /// The last night covered when approved (may be earlier than requested).
    public var approvedUntil: Day?
    public var requestedBy: StaffID
    public var decidedBy: StaffID?
    public init(id: RequestID, clientID: ClientID, locationID: LocationID, reason: Reason, note: String,
                requestedUntil: Day, status: Status = .pending, approvedUntil: Day? = nil, requestedBy: StaffID, decidedBy: StaffID? = nil) {
        self.id = id; self.clientID = clientID; self.locationID = locationID; self.reason = reason; self.note = note
        self.requestedUntil = requestedUntil; self.status = status; self.approvedUntil = approvedUntil
        self.requestedBy = requestedBy; self.decidedBy = decidedBy
    }
}
