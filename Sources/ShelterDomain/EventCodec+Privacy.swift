extension EventCodec {
    /// Bodies of tags 65–67 (66 is v2, the others v1). None carries personal data: they stay readable for ever.
    static func encodePrivacy(_ e: Event, into w: inout ByteWriter) {
        switch e {
        case let .clientErased(client, reason, automatic):
            w.int(client); w.string(reason); w.bool(automatic)
        case let .retentionPolicySet(months, careMonths):
            w.int(months); w.int(careMonths)
        case let .careDataErased(client, referrals, notes):
            w.int(client)
            w.varint(UInt64(referrals.count)); for id in referrals { w.int(id) }
            w.varint(UInt64(notes.count)); for id in notes { w.int(id) }
        default:
            break
        }
    }

    static func decodePrivacy(type: EventType, version: UInt8, _ r: inout ByteReader) throws(CodecError) -> Event {
        switch type {
        case .clientErased:
            return .clientErased(client: try r.int32(), reason: try r.string(), automatic: try r.bool())
        case .retentionPolicySet:
            let months = try r.int()
            let care = version >= 2 ? try r.int() : min(months, RetentionPolicy.standardCareMonths)
            return .retentionPolicySet(months: months, careMonths: care)
        case .careDataErased:
            let client = try r.int32()
            return .careDataErased(client: client, referrals: try ids(&r), notes: try ids(&r))
        default:
            throw .unknownEventType(type.rawValue)
        }
    }

    private static func ids(_ r: inout ByteReader) throws(CodecError) -> [Int32] {
        let n = try r.varint()
        guard n <= 1_000_000 else { throw .malformed("count out of range") }
        var out: [Int32] = []
        for _ in 0..<n { out.append(try r.int32()) }
        return out
    }
}
