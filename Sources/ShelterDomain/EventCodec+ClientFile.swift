extension EventCodec {
    /// A client record: the v1 fields, then (v2) the details.
    static func encodeClient(_ c: Client, into w: inout ByteWriter) {
        w.int(c.id); w.string(c.givenNames); w.string(c.familyNames); w.string(c.alias)
        switch c.birth {
        case nil: w.u8(0)
        case .exact(let d)?: w.u8(1); w.day(d)
        case .estimatedYear(let y)?: w.u8(2); w.int(y)
        }
        w.u8(c.gender.rawValue); w.string(c.nationality); w.optionalDay(c.arrivedNL)
        let d = c.details
        w.varint(UInt64(d.languages.count)); for l in d.languages { w.string(l) }
        if let doc = d.idDocument { w.u8(doc.kind.rawValue); w.string(doc.number); w.bool(doc.seen) } else { w.u8(0) }
        w.string(d.bsn); w.string(d.phone); w.u8(d.ethos ?? 0)
        w.string(d.lastEmployer); w.optionalDay(d.employmentEnded)
        w.u8(d.insurance.rawValue); w.u8(d.problems.rawValue); w.u8(d.vulnerabilities.rawValue)
        w.u8(d.consent.status.rawValue); w.bool(d.consent.purposeExplained); w.string(d.consent.language)
        w.optionalDay(d.consent.date); w.bool(d.consent.written)
    }

    /// Reads a client record; version 1 (no details) is upcast to "consent not recorded, no details".
    static func decodeClient(version: UInt8, _ r: inout ByteReader) throws(CodecError) -> Client {
        var c = Client(id: try r.int32(), givenNames: try r.string(), familyNames: try r.string(), alias: try r.string())
        switch try r.u8() {
        case 0: c.birth = nil
        case 1: c.birth = .exact(try r.day())
        case 2: c.birth = .estimatedYear(try r.int())
        default: throw .malformed("bad birth date kind")
        }
        guard let g = Gender(rawValue: try r.u8()) else { throw .malformed("unknown gender") }
        c.gender = g
        c.nationality = try r.string()
        c.arrivedNL = try r.optionalDay()
        guard version >= 2 else { return c }
        var d = ClientDetails()
        let n = try r.varint()
        guard n < 64 else { throw .malformed("too many languages") }
        for _ in 0..<n { d.languages.append(try r.string()) }
        let kind = try r.u8()
        if kind != 0 {
            guard let k = IDDocument.Kind(rawValue: kind) else { throw .malformed("unknown ID document type") }
            d.idDocument = IDDocument(kind: k, number: try r.string(), seen: try r.bool())
        }
        d.bsn = try r.string(); d.phone = try r.string()
        let ethos = try r.u8()
        d.ethos = ethos == 0 ? nil : ethos
        d.lastEmployer = try r.string(); d.employmentEnded = try r.optionalDay()
        guard let ins = ClientDetails.Insurance(rawValue: try r.u8()) else { throw .malformed("unknown insurance status") }
        d.insurance = ins
        d.problems = ClientDetails.ProblemAreas(rawValue: try r.u8())
        d.vulnerabilities = ClientDetails.Vulnerabilities(rawValue: try r.u8())
        guard let st = Consent.Status(rawValue: try r.u8()) else { throw .malformed("unknown consent status") }
        d.consent = Consent(status: st, purposeExplained: try r.bool(), language: try r.string(), date: try r.optionalDay(), written: try r.bool())
        c.details = d
        return c
    }

    static func encodeClientFile(_ e: Event, into w: inout ByteWriter) {
        switch e {
        case let .clientUpdated(c, changes):
            encodeClient(c, into: &w)
            w.varint(UInt64(changes.count)); for ch in changes { w.string(ch.field); w.string(ch.old); w.string(ch.new) }
        case let .noteAdded(n):
            w.int(n.id); w.int(n.clientID); w.u8(n.category.rawValue); w.string(n.text)
        case let .banImposed(b):
            w.int(b.id); w.int(b.clientID); w.day(b.from); w.optionalDay(b.until); w.string(b.reason)
        case let .banLifted(id, on, note):
            w.int(id); w.day(on); w.string(note)
        case let .alertRaised(a):
            w.int(a.id); w.int(a.clientID); w.string(a.reason); w.string(a.contact)
        case let .alertClosed(id, note):
            w.int(id); w.string(note)
        case let .clientsMerged(survivor, absorbed, merged):
            w.int(survivor); w.int(absorbed); encodeClient(merged, into: &w)
        case let .duplicateDismissed(a, b):
            w.int(a); w.int(b)
        case let .bedOutOfService(bed, p):
            w.int(bed); w.day(p.from); w.optionalDay(p.until); w.string(p.note)
        case let .bedBackInService(bed, from):
            w.int(bed); w.day(from)
        case let .coldWeatherStarted(p):
            w.day(p.from); w.optionalDay(p.until); w.string(p.note)
        case let .coldWeatherEnded(lastNight):
            w.day(lastNight)
        case let .waitlisted(e):
            w.int(e.id); w.day(e.night); w.int(e.clientID); w.string(e.note)
        case let .waitlistClosed(id, outcome):
            w.int(id); w.u8(outcome.rawValue)
        case let .checkedOut(night, bed, client, duringNight):
            w.day(night); w.int(bed); w.int(client); w.bool(duringNight)
        default: break
        }
    }

    static func decodeClientFile(type: EventType, _ r: inout ByteReader) throws(CodecError) -> Event {
        switch type {
        case .clientUpdated:
            let c = try decodeClient(version: 2, &r)
            let n = try r.varint()
            guard n < 64 else { throw .malformed("too many changes") }
            var changes: [FieldChange] = []
            for _ in 0..<n { changes.append(FieldChange(field: try r.string(), old: try r.string(), new: try r.string())) }
            return .clientUpdated(c, changes: changes)
        case .noteAdded:
            let id = try r.int32(), client = try r.int32()
            guard let cat = Note.Category(rawValue: try r.u8()) else { throw .malformed("unknown note category") }
            return .noteAdded(Note(id: id, clientID: client, category: cat, text: try r.string()))
        case .banImposed:
            return .banImposed(Ban(id: try r.int32(), clientID: try r.int32(), from: try r.day(), until: try r.optionalDay(), reason: try r.string()))
        case .banLifted:
            return .banLifted(ban: try r.int32(), on: try r.day(), note: try r.string())
        case .alertRaised:
            return .alertRaised(ClientAlert(id: try r.int32(), clientID: try r.int32(), reason: try r.string(), contact: try r.string()))
        case .alertClosed:
            return .alertClosed(alert: try r.int32(), note: try r.string())
        case .clientsMerged:
            return .clientsMerged(survivor: try r.int32(), absorbed: try r.int32(), merged: try decodeClient(version: 2, &r))
        case .duplicateDismissed:
            return .duplicateDismissed(try r.int32(), try r.int32())
        case .bedOutOfService:
            return .bedOutOfService(bed: try r.int32(), period: DateRange(from: try r.day(), until: try r.optionalDay(), note: try r.string()))
        case .bedBackInService:
            return .bedBackInService(bed: try r.int32(), from: try r.day())
        case .coldWeatherStarted:
            return .coldWeatherStarted(DateRange(from: try r.day(), until: try r.optionalDay(), note: try r.string()))
        case .coldWeatherEnded:
            return .coldWeatherEnded(lastNight: try r.day())
        case .waitlisted:
            return .waitlisted(WaitlistEntry(id: try r.int32(), night: try r.day(), clientID: try r.int32(), note: try r.string()))
        case .waitlistClosed:
            let id = try r.int32()
            guard let o = WaitlistEntry.Outcome(rawValue: try r.u8()) else { throw .malformed("unknown waiting-list outcome") }
            return .waitlistClosed(entry: id, outcome: o)
        case .checkedOut:
            return .checkedOut(night: try r.day(), bed: try r.int32(), client: try r.int32(), duringNight: try r.bool())
        default:
            throw .unknownEventType(type.rawValue)
        }
    }
}
