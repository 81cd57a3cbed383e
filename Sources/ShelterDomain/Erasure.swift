/// A person's erasure as the journal keeps it: who, when, why (never their data), and whether
/// the retention policy did it.
public struct Erasure: Hashable, Sendable {
    public var client: ClientID
    public var at: Timestamp
    public var by: StaffID
    public var reason: String
    public var automatic: Bool
    public init(client: ClientID, at: Timestamp, by: StaffID, reason: String, automatic: Bool) {
        self.client = client; self.at = at; self.by = by; self.reason = reason; self.automatic = automatic
    }
}
