/// A payload that cannot be decoded: damaged bytes, or written by a newer version of Onderdak.
public enum CodecError: Error, Equatable, Sendable, CustomStringConvertible {
    case truncated
    case malformed(String)
    case unknownEventType(UInt16)
    case unsupportedVersion(type: UInt16, version: UInt8)

    public var description: String {
        switch self {
        case .truncated: "the event payload ends too early"
        case .malformed(let why): "the event payload is malformed (\(why))"
        case .unknownEventType(let t): "unknown event type \(t): this journal was written by a newer Onderdak; upgrade to read it"
        case .unsupportedVersion(let t, let v): "event type \(t) version \(v) is newer than this Onderdak understands; upgrade to read it"
        }
    }
}
