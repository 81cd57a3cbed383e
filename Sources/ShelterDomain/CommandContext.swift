/// Who acts and when: injected into `decide` so the domain never reads a clock.
public struct CommandContext: Sendable {
    public var actor: StaffID
    public var now: Timestamp
    public init(actor: StaffID, now: Timestamp) { self.actor = actor; self.now = now }
}
