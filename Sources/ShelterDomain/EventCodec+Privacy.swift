extension EventCodec {
    /// Bodies of tags 65–66 (all v1). Neither carries personal data: they stay readable for ever.
    static func encodePrivacy(_ e: Event, into w: inout ByteWriter) {
        switch e {
        case let .clientErased(client, reason, automatic):
            w.int(client); w.string(reason); w.bool(automatic)
        case let .retentionPolicySet(months):
            w.int(months)
        default:
            break
        }
    }

    static func decodePrivacy(tag: UInt16, _ r: inout ByteReader) throws(CodecError) -> Event {
        switch tag {
        case 65:
            return .clientErased(client: try r.int32(), reason: try r.string(), automatic: try r.bool())
        case 66:
            return .retentionPolicySet(months: try r.int())
        default:
            throw .unknownEventType(tag)
        }
    }
}
