/// Where a return plan stands: exploring → planned → documents ready → booked → departed →
/// arrival confirmed; or cancelled (with a reason) from any state before departure.
public enum ReturnStatus: UInt8, Sendable, CaseIterable, Comparable {
    case exploring = 1, planned = 2, documentsReady = 3, booked = 4, departed = 5, arrivalConfirmed = 6, cancelled = 7

    public static func < (a: ReturnStatus, b: ReturnStatus) -> Bool { a.rawValue < b.rawValue }

    public var code: String {
        switch self {
        case .exploring: "exploring"; case .planned: "planned"; case .documentsReady: "documents_ready"; case .booked: "booked"
        case .departed: "departed"; case .arrivalConfirmed: "arrival_confirmed"; case .cancelled: "cancelled"
        }
    }

    /// The next step forward, if any.
    public var next: ReturnStatus? {
        switch self {
        case .exploring: .planned; case .planned: .documentsReady; case .documentsReady: .booked; case .booked: .departed
        case .departed: .arrivalConfirmed; case .arrivalConfirmed, .cancelled: nil
        }
    }
}
