/// An event as stored: with its sequence number, UTC time, actor and the schema version it was
/// written with (after upcasting, `event` always has the current shape).
public struct RecordedEvent: Hashable, Sendable {
    public var sequence: UInt64
    public var timestamp: Timestamp
    public var actor: StaffID
    public var schemaVersion: UInt8
    public var event: Event
    public init(sequence: UInt64, timestamp: Timestamp, actor: StaffID, schemaVersion: UInt8, event: Event) {
        self.sequence = sequence; self.timestamp = timestamp; self.actor = actor
        self.schemaVersion = schemaVersion; self.event = event
    }
}
