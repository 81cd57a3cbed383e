extension EventCodec {
    static func outflow(_ r: inout ByteReader) throws(CodecError) -> Outflow {
        guard let o = Outflow(rawValue: try r.u8()) else { throw .malformed("unknown outflow") }
        return o
    }

    /// Bodies of tags 50–53 (all v1).
    static func encodeOutflow(_ e: Event, into w: inout ByteWriter) {
        switch e {
        case let .outflowOverridden(client, night, outflow, reason):
            w.int(client); w.day(night); w.u8(outflow.rawValue); w.string(reason)
        case let .absencePolicySet(location, nights):
            w.int(location); w.int(nights)
        case let .stayClosedForAbsence(client, lastNight, closedOn, absentNights):
            w.int(client); w.day(lastNight); w.day(closedOn); w.int(absentNights)
        case let .outflowCorrected(client, night, outflow, note):
            w.int(client); w.day(night); w.u8(outflow.rawValue); w.string(note)
        default:
            break
        }
    }

    static func decodeOutflow(type: EventType, _ r: inout ByteReader) throws(CodecError) -> Event {
        switch type {
        case .outflowOverridden:
            return .outflowOverridden(client: try r.int32(), night: try r.day(), outflow: try outflow(&r), reason: try r.string())
        case .absencePolicySet:
            return .absencePolicySet(location: try r.int32(), nights: try r.int())
        case .stayClosedForAbsence:
            return .stayClosedForAbsence(client: try r.int32(), lastNight: try r.day(), closedOn: try r.day(), absentNights: try r.int())
        case .outflowCorrected:
            return .outflowCorrected(client: try r.int32(), night: try r.day(), outflow: try outflow(&r), note: try r.string())
        default:
            throw .unknownEventType(type.rawValue)
        }
    }
}
