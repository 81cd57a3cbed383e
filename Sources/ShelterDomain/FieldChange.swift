/// One changed field of a client's record: its name and the old and new values as shown.
/// Kept in the `client_updated` event so the audit trail shows what changed without replay.
public struct FieldChange: Hashable, Sendable {
    public var field: String
    public var old: String
    public var new: String
    public init(field: String, old: String, new: String) { self.field = field; self.old = old; self.new = new }
}
