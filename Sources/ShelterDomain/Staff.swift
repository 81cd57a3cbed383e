/// A member of staff who can log in and act. Every event names its actor.
public struct Staff: Hashable, Sendable {
    public var id: StaffID
    public var username: String
    public var displayName: String
    public var role: Role
    public var active: Bool
    public var credential: PinCredential?
    /// The language this person chose for the screens ("nl", "en"); nil = the default.
    public var language: String?
    public init(id: StaffID, username: String, displayName: String, role: Role, active: Bool = true, credential: PinCredential? = nil) {
        self.id = id; self.username = username; self.displayName = displayName
        self.role = role; self.active = active; self.credential = credential
    }
}
