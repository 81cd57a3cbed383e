/// "Looking for": a vulnerable person did not show up or was reported missing. Open alerts are
/// shown on every role's home screen until closed, with who to call when the person is seen.
public struct ClientAlert: Hashable, Sendable {
    public var id: Int32
    public var clientID: ClientID
    public var reason: String
    /// Who to call when seen (name and number, as typed).
    public var contact: String
    public var raisedBy: StaffID = 0
    public var raisedAt = Timestamp(milliseconds: 0)
    public var closedNote: String?

    public init(id: Int32, clientID: ClientID, reason: String, contact: String) {
        self.id = id; self.clientID = clientID; self.reason = reason; self.contact = contact
    }

    public var isOpen: Bool { closedNote == nil }
}
