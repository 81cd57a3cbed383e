extension EventCodec {
    /// Bodies of tags 45–48 (all v1): night, bed, client; a cancellation adds its reason and
    /// whether it was entered in error. Tag 49 (exit undone, v1): client, night, stay start.
    static func encodeUndo(_ e: Event, into w: inout ByteWriter) {
        switch e {
        case let .reservationCancelled(night, bed, client, reason, inError):
            w.day(night); w.int(bed); w.int(client); w.string(reason); w.bool(inError)
        case let .checkInUndone(night, bed, client), let .noShowUndone(night, bed, client), let .checkOutUndone(night, bed, client):
            w.day(night); w.int(bed); w.int(client)
        case let .exitUndone(client, night, stayStart):
            w.int(client); w.day(night); w.day(stayStart)
        default:
            break
        }
    }

    static func decodeUndo(tag: UInt16, _ r: inout ByteReader) throws(CodecError) -> Event {
        if tag == 49 { return .exitUndone(client: try r.int32(), night: try r.day(), stayStart: try r.day()) }
        let night = try r.day(), bed = try r.int32(), client = try r.int32()
        switch tag {
        case 45: return .reservationCancelled(night: night, bed: bed, client: client, reason: try r.string(), inError: try r.bool())
        case 46: return .checkInUndone(night: night, bed: bed, client: client)
        case 47: return .noShowUndone(night: night, bed: bed, client: client)
        case 48: return .checkOutUndone(night: night, bed: bed, client: client)
        default: throw .unknownEventType(tag)
        }
    }
}
