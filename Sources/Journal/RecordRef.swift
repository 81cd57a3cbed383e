/// Where one record's payload lies in a scanned buffer.
public struct RecordRef: Sendable, Equatable {
    public var offset: Int
    public var kind: UInt8
    public var flags: UInt16
    public var payloadOffset: Int
    public var payloadLength: Int
    public var end: Int { payloadOffset + payloadLength + 4 }
}
