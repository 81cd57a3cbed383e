extension EventCodec {
    static func code<T: RawRepresentable>(_ r: inout ByteReader, _ what: String) throws(CodecError) -> T where T.RawValue == UInt8 {
        guard let v = T(rawValue: try r.u8()) else { throw .malformed("unknown \(what)") }
        return v
    }

    static func encodeMember(_ m: HouseholdMember, into w: inout ByteWriter) {
        w.int(m.clientID); w.u8(m.relation.rawValue)
        if let a = m.responsibleAdult { w.bool(true); w.int(a) } else { w.bool(false) }
    }

    static func decodeMember(_ r: inout ByteReader) throws(CodecError) -> HouseholdMember {
        let c = try r.int32()
        let rel: HouseholdRelation = try code(&r, "household relation")
        return HouseholdMember(clientID: c, relation: rel, responsibleAdult: try r.bool() ? try r.int32() : nil)
    }

    static func encodeReferral(_ x: Referral, into w: inout ByteWriter) {
        w.int(x.id); w.int(x.clientID); w.u8(x.kind.rawValue); w.string(x.organisation); w.day(x.referredOn)
        w.u8(x.reason?.rawValue ?? 0); w.bool(x.cakScheme)
    }

    static func decodeReferral(_ r: inout ByteReader) throws(CodecError) -> Referral {
        let id = try r.int32(), client = try r.int32()
        let kind: ReferralKind = try code(&r, "referral kind")
        let org = try r.string(), on = try r.day()
        let rc = try r.u8()
        var reason: ReferralReason?
        if rc != 0 {
            guard let x = ReferralReason(rawValue: rc) else { throw .malformed("unknown referral reason") }
            reason = x
        }
        return Referral(id: id, clientID: client, kind: kind, organisation: org, referredOn: on, reason: reason, cakScheme: try r.bool())
    }

    static func encodeAdminEntry(_ e: AdminEntry, into w: inout ByteWriter) {
        w.string(e.value); w.string(e.detail); w.day(e.on); w.string(e.source)
    }

    static func decodeAdminEntry(_ r: inout ByteReader) throws(CodecError) -> AdminEntry {
        AdminEntry(value: try r.string(), detail: try r.string(), on: try r.day(), source: try r.string())
    }

    /// Bodies of tags 54–62, the care events (all v1).
    static func encodeCare(_ e: Event, into w: inout ByteWriter) {
        switch e {
        case let .referralMade(x):
            encodeReferral(x, into: &w)
        case let .referralAppointmentMade(id, on):
            w.int(id); w.day(on)
        case let .referralClosed(id, outcome, on, note):
            w.int(id); w.u8(outcome.rawValue); w.day(on); w.string(note)
        case let .adminStatusChanged(client, change):
            w.int(client); w.u8(change.item.rawValue); w.string(change.old); encodeAdminEntry(change.new, into: &w)
        case let .householdFormed(h):
            w.int(h.id); w.day(h.formedOn); w.varint(UInt64(h.members.count)); for m in h.members { encodeMember(m, into: &w) }
        case let .householdMemberAdded(id, m):
            w.int(id); encodeMember(m, into: &w)
        case let .familyPolicySet(location, accepted):
            w.int(location); w.bool(accepted)
        case let .selfRelianceAssessed(a):
            w.int(a.clientID); w.day(a.on); w.string(a.organisation); w.u8(a.outcome.rawValue)
        case let .interpreterNeedSet(client, need):
            w.int(client)
            if let need { w.bool(true); w.string(need.language); w.u8(need.kind.rawValue) } else { w.bool(false) }
        default:
            break
        }
    }

    static func decodeCare(type: EventType, _ r: inout ByteReader) throws(CodecError) -> Event {
        switch type {
        case .referralMade:
            return .referralMade(try decodeReferral(&r))
        case .referralAppointmentMade:
            return .referralAppointmentMade(referral: try r.int32(), on: try r.day())
        case .referralClosed:
            let id = try r.int32()
            let outcome: ReferralStatus = try code(&r, "referral outcome")
            guard outcome.isClosed else { throw .malformed("a referral outcome must be an end state") }
            return .referralClosed(referral: id, outcome: outcome, on: try r.day(), note: try r.string())
        case .adminStatusChanged:
            let client = try r.int32()
            let item: AdminItem = try code(&r, "administrative item")
            return .adminStatusChanged(client: client, change: AdminStatusChange(item: item, old: try r.string(), new: try decodeAdminEntry(&r)))
        case .householdFormed:
            let id = try r.int32(), on = try r.day()
            let n = try r.varint()
            guard n <= 64 else { throw .malformed("too many household members") }
            var members: [HouseholdMember] = []
            for _ in 0..<n { members.append(try decodeMember(&r)) }
            return .householdFormed(Household(id: id, members: members, formedOn: on))
        case .householdMemberAdded:
            return .householdMemberAdded(household: try r.int32(), member: try decodeMember(&r))
        case .familyPolicySet:
            return .familyPolicySet(location: try r.int32(), accepted: try r.bool())
        case .selfRelianceAssessed:
            let client = try r.int32(), on = try r.day(), org = try r.string()
            let outcome: SelfRelianceOutcome = try code(&r, "self-reliance outcome")
            return .selfRelianceAssessed(SelfRelianceAssessment(clientID: client, on: on, organisation: org, outcome: outcome))
        case .interpreterNeedSet:
            let client = try r.int32()
            guard try r.bool() else { return .interpreterNeedSet(client: client, need: nil) }
            let lang = try r.string()
            let kind: InterpreterNeed.Kind = try code(&r, "interpreter kind")
            return .interpreterNeedSet(client: client, need: InterpreterNeed(language: lang, kind: kind))
        default:
            throw .unknownEventType(type.rawValue)
        }
    }
}
