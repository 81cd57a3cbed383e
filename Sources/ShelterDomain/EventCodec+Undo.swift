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

    static func decodeUndo(type: EventType, _ r: inout ByteReader) throws(CodecError) -> Event {
        if type == .exitUndone { return .exitUndone(client: try r.int32(), night: try r.day(), stayStart: try r.day()) }
        let night = try r.day(), bed = try r.int32(), client = try r.int32()
        switch type {
        case .reservationCancelled: return .reservationCancelled(night: night, bed: bed, client: client, reason: try r.string(), inError: try r.bool())
        case .checkInUndone: return .checkInUndone(night: night, bed: bed, client: client)
        case .noShowUndone: return .noShowUndone(night: night, bed: bed, client: client)
        case .checkOutUndone: return .checkOutUndone(night: night, bed: bed, client: client)
        default: throw .unknownEventType(type.rawValue)
        }
    }
}
