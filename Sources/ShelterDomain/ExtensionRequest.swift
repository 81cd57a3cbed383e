/// A request to let someone stay beyond the location's maximum, and its decision.
public struct ExtensionRequest: Hashable, Sendable {
    public enum Status: UInt8, Sendable { case pending = 1, approved = 2, declined = 3 }
    public enum Reason: UInt8, Sendable, CaseIterable { case medical = 1, workStarting = 2, returnPlanned = 3, vulnerable = 4, other = 5
        /// Placement in a 24-hour (or emergency) bed where the location needs approval.
        case twentyFourHourBed = 6
        public var code: String {
            switch self {
            case .medical: "medical"; case .workStarting: "work_starting"; case .returnPlanned: "return_planned"
            case .vulnerable: "vulnerable"; case .other: "other"; case .twentyFourHourBed: "twenty_four_hour_bed"
            }
        }
    }
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
