/// The whole `ShelterState` as compact bytes, for the disposable snapshot cache beside the
/// journal (never a source of truth: a snapshot that does not match the journal is ignored).
/// Entities reuse the event codec's field layouts, plus the fields only the fold sets; indexes
/// that follow from other fields (usernames, each client's nights, per-client and per-night
/// indexes) are rebuilt on load. `foldVersion` changes whenever evolve or this layout changes.
public enum StateSnapshot {
    /// Bump when `ShelterState.evolve` or this encoding changes: older snapshots are then ignored.
    public static let foldVersion: UInt8 = 2

    static func body(_ e: Event, _ w: inout ByteWriter) { EventCodec.encodeBody(e, into: &w) }
    static func read(_ tag: UInt16, _ r: inout ByteReader) throws(CodecError) -> Event {
        try EventCodec.decodeBody(tag: tag, version: EventCodec.currentVersion(of: tag), &r)
    }
    static func ts(_ t: Timestamp?, _ w: inout ByteWriter) { if let t { w.bool(true); w.int(t.milliseconds) } else { w.bool(false) } }
    static func ts(_ r: inout ByteReader) throws(CodecError) -> Timestamp? { try r.bool() ? Timestamp(milliseconds: try r.int64()) : nil }
    static func optInt(_ v: Int32?, _ w: inout ByteWriter) { if let v { w.bool(true); w.int(v) } else { w.bool(false) } }
    static func optInt(_ r: inout ByteReader) throws(CodecError) -> Int32? { try r.bool() ? try r.int32() : nil }
    static func count(_ r: inout ByteReader) throws(CodecError) -> Int {
        let n = try r.varint()
        guard n < 50_000_000 else { throw .malformed("count out of range") }
        return Int(n)
    }

    public static func encode(_ s: ShelterState) -> [UInt8] {
        var w = ByteWriter(capacity: 1 << 20)
        w.string(s.shelterName); w.string(s.municipality)
        w.varint(UInt64(s.staff.count))
        for st in s.staff.values.sorted(by: { $0.id < $1.id }) {
            body(.staffAdded(st), &w); w.bool(st.active); w.string(st.language ?? ""); w.bool(st.language != nil)
        }
        w.varint(UInt64(s.locations.count)); for l in s.locations.values.sorted(by: { $0.id < $1.id }) { body(.locationAdded(l), &w) }
        w.varint(UInt64(s.rooms.count)); for r in s.rooms.values.sorted(by: { $0.id < $1.id }) { body(.roomAdded(r), &w) }
        w.varint(UInt64(s.bedOrder.count)); for id in s.bedOrder { body(.bedAdded(s.beds[id]!), &w) }
        w.varint(UInt64(s.clients.count))
        for c in s.clients.values.sorted(by: { $0.id < $1.id }) {
            EventCodec.encodeClient(c, into: &w)
            w.int(c.registeredAt.milliseconds); w.optionalDay(c.stayStart); w.u8(c.lastOutflow?.rawValue ?? 0); optInt(c.mergedInto, &w)
        }
        w.varint(UInt64(s.nights.count))
        for (day, board) in s.nights.sorted(by: { $0.key < $1.key }) {
            w.day(day); w.varint(UInt64(board.byBed.count))
            for (bed, bn) in board.byBed.sorted(by: { $0.key < $1.key }) { w.int(bed); w.int(bn.clientID); w.u8(bn.status.rawValue) }
        }
        w.varint(UInt64(s.extensions.count))
        for x in s.extensions.values.sorted(by: { $0.id < $1.id }) {
            body(.extensionRequested(x), &w); w.u8(x.status.rawValue); w.optionalDay(x.approvedUntil); optInt(x.decidedBy, &w)
        }
        let assessments = s.assessments.values.flatMap { $0 }.sorted { $0.id < $1.id }
        w.varint(UInt64(assessments.count))
        for a in assessments { body(.assessmentRecorded(a), &w); optInt(a.recordedBy, &w); ts(a.recordedAt, &w) }
        w.int(s.assessmentCount)
        w.varint(UInt64(s.loginFailures.count)); for (k, v) in s.loginFailures.sorted(by: { $0.key < $1.key }) { w.int(k); w.int(v) }
        w.varint(UInt64(s.lockedUntil.count)); for (k, v) in s.lockedUntil.sorted(by: { $0.key < $1.key }) { w.int(k); w.int(v.milliseconds) }
        w.varint(UInt64(s.assistanceNorms.count)); for n in s.assistanceNorms { w.day(n.from); w.double(n.monthlyEUR); w.string(n.source) }
        let notes = s.notes.values.flatMap { $0 }.sorted { $0.id < $1.id }
        w.varint(UInt64(notes.count)); for n in notes { body(.noteAdded(n), &w); w.int(n.writtenBy); w.int(n.writtenAt.milliseconds) }
        w.int(s.noteCount)
        w.varint(UInt64(s.bans.count))
        for b in s.bans.values.sorted(by: { $0.id < $1.id }) { body(.banImposed(b), &w); w.int(b.setBy); w.optionalDay(b.liftedOn) }
        w.varint(UInt64(s.alerts.count))
        for a in s.alerts.values.sorted(by: { $0.id < $1.id }) {
            body(.alertRaised(a), &w); w.int(a.raisedBy); w.int(a.raisedAt.milliseconds); w.bool(a.closedNote != nil); w.string(a.closedNote ?? "")
        }
        w.varint(UInt64(s.history.count))
        for (c, items) in s.history.sorted(by: { $0.key < $1.key }) {
            w.int(c); w.varint(UInt64(items.count))
            for h in items { w.int(h.at.milliseconds); w.int(h.by); encodeKind(h.kind, &w) }
        }
        w.varint(UInt64(s.notDuplicates.count)); for k in s.notDuplicates.sorted() { w.int(k) }
        w.int(s.clientRevision)
        w.varint(UInt64(s.outOfService.count))
        for (bed, periods) in s.outOfService.sorted(by: { $0.key < $1.key }) {
            w.int(bed); w.varint(UInt64(periods.count)); for p in periods { w.day(p.from); w.optionalDay(p.until); w.string(p.note) }
        }
        w.varint(UInt64(s.coldWeather.count)); for p in s.coldWeather { w.day(p.from); w.optionalDay(p.until); w.string(p.note) }
        w.varint(UInt64(s.waitlist.count))
        for e in s.waitlist.values.sorted(by: { $0.id < $1.id }) { body(.waitlisted(e), &w); w.int(e.askedAt.milliseconds); w.u8(e.outcome?.rawValue ?? 0) }
        w.int(s.waitlistCount)
        w.varint(UInt64(s.closedWaitlist.count)); for id in s.closedWaitlist.sorted() { w.int(id) }
        w.varint(UInt64(s.turnedAwayCount.count)); for (d, n) in s.turnedAwayCount.sorted(by: { $0.key < $1.key }) { w.day(d); w.int(n) }
        w.varint(UInt64(s.noShows.count))
        for (day, m) in s.noShows.sorted(by: { $0.key < $1.key }) {
            w.day(day); w.varint(UInt64(m.count)); for (l, n) in m.sorted(by: { $0.key < $1.key }) { w.int(l); w.int(n) }
        }
        w.varint(UInt64(s.returnPlans.count))
        for p in s.returnPlans.values.sorted(by: { $0.id < $1.id }) {
            body(.returnPlanOpened(p), &w); w.u8(p.status.rawValue); w.string(p.cancelReason); w.optionalDay(p.consentWithdrawn)
            let steps = s.returnSteps[p.id] ?? []
            w.varint(UInt64(steps.count)); for st in steps { w.u8(st.status.rawValue); w.day(st.on); w.int(st.by); w.string(st.note) }
        }
        w.varint(UInt64(s.indDecisions.count))
        for d in s.indDecisions.values.sorted(by: { $0.clientID < $1.clientID }) { body(.indDecisionRecorded(d), &w) }
        w.int(s.exportCount); w.int(s.refusedAttempts)
        w.varint(s.lastSequence)
        return w.bytes
    }

    static func encodeKind(_ k: ClientHistoryItem.Kind, _ w: inout ByteWriter) {
        switch k {
        case .registered: w.u8(1)
        case .updated(let changes):
            w.u8(2); w.varint(UInt64(changes.count)); for c in changes { w.string(c.field); w.string(c.old); w.string(c.new) }
        case .note(let id): w.u8(3); w.int(id)
        case .ban(let id): w.u8(4); w.int(id)
        case .banLifted(let id): w.u8(5); w.int(id)
        case .alert(let id): w.u8(6); w.int(id)
        case .alertClosed(let id): w.u8(7); w.int(id)
        case .mergedFrom(let id): w.u8(8); w.int(id)
        case let .stayEnded(night, outflow): w.u8(9); w.day(night); w.u8(outflow.rawValue)
        case .extensionRequested(let id): w.u8(10); w.int(id)
        case .notDuplicate(let id): w.u8(11); w.int(id)
        case let .returnStep(id, status): w.u8(12); w.int(id); w.u8(status.rawValue)
        case .indDecision: w.u8(13)
        case .medicalViewed: w.u8(14)
        }
    }

    static func decodeKind(_ r: inout ByteReader) throws(CodecError) -> ClientHistoryItem.Kind {
        switch try r.u8() {
        case 1: return .registered
        case 2:
            var changes: [FieldChange] = []
            for _ in 0..<(try count(&r)) { changes.append(FieldChange(field: try r.string(), old: try r.string(), new: try r.string())) }
            return .updated(changes)
        case 3: return .note(try r.int32())
        case 4: return .ban(try r.int32())
        case 5: return .banLifted(try r.int32())
        case 6: return .alert(try r.int32())
        case 7: return .alertClosed(try r.int32())
        case 8: return .mergedFrom(try r.int32())
        case 9:
            let night = try r.day()
            guard let o = Outflow(rawValue: try r.u8()) else { throw .malformed("outflow") }
            return .stayEnded(night: night, outflow: o)
        case 10: return .extensionRequested(try r.int32())
        case 11: return .notDuplicate(try r.int32())
        case 12:
            let id = try r.int32()
            guard let st = ReturnStatus(rawValue: try r.u8()) else { throw .malformed("return status") }
            return .returnStep(id, st)
        case 13: return .indDecision
        case 14: return .medicalViewed
        default: throw .malformed("history kind")
        }
    }

    public static func decode(_ bytes: [UInt8]) throws(CodecError) -> ShelterState {
        do {
            return try bytes.withUnsafeBytes { (p: UnsafeRawBufferPointer) throws(CodecError) -> ShelterState in
                var r = ByteReader(p)
                let s = try decode(&r)
                guard r.isAtEnd else { throw .malformed("extra bytes after the snapshot") }
                return s
            }
        } catch let e as CodecError { throw e } catch { throw .malformed("\(error)") }
    }

    /// Reads a length-prefixed snapshot straight from a reader (no copy of the bytes).
    public static func decodeEmbedded(_ r: inout ByteReader) throws(CodecError) -> ShelterState {
        let n = try r.varint()
        let start = r.offset
        let s = try decode(&r)
        guard UInt64(r.offset - start) == n else { throw .malformed("snapshot length mismatch") }
        return s
    }

    static func decode(_ r: inout ByteReader) throws(CodecError) -> ShelterState {
        var s = ShelterState()
        func expect<T>(_ e: Event, _ f: (Event) -> T?) throws(CodecError) -> T {
            guard let v = f(e) else { throw .malformed("unexpected entity") }
            return v
        }
        s.shelterName = try r.string(); s.municipality = try r.string()
        for _ in 0..<(try count(&r)) {
            var st = try expect(try read(2, &r)) { if case .staffAdded(let x) = $0 { x } else { nil } }
            st.active = try r.bool()
            let lang = try r.string()
            st.language = try r.bool() ? lang : nil
            s.staff[st.id] = st; s.staffByUsername[st.username] = st.id
        }
        for _ in 0..<(try count(&r)) { let l = try expect(try read(5, &r)) { if case .locationAdded(let x) = $0 { x } else { nil } }; s.locations[l.id] = l }
        for _ in 0..<(try count(&r)) { let x = try expect(try read(6, &r)) { if case .roomAdded(let x) = $0 { x } else { nil } }; s.rooms[x.id] = x }
        for _ in 0..<(try count(&r)) {
            let b = try expect(try read(7, &r)) { if case .bedAdded(let x) = $0 { x } else { nil } }
            s.beds[b.id] = b; s.bedOrder.append(b.id)
        }
        for _ in 0..<(try count(&r)) {
            var c = try EventCodec.decodeClient(version: EventCodec.currentVersion(of: 8), &r)
            c.registeredAt = Timestamp(milliseconds: try r.int64()); c.stayStart = try r.optionalDay()
            let o = try r.u8(); c.lastOutflow = o == 0 ? nil : Outflow(rawValue: o)
            c.mergedInto = try optInt(&r)
            s.clients[c.id] = c
        }
        for _ in 0..<(try count(&r)) {
            let day = try r.day()
            var board = NightBoard()
            for _ in 0..<(try count(&r)) {
                let bed = try r.int32(), client = try r.int32()
                guard let status = BedNightStatus(rawValue: try r.u8()) else { throw .malformed("bed-night status") }
                board.byBed[bed] = BedNight(clientID: client, status: status)
                board.bedOfClient[client] = bed
                s.clientNights[client, default: []].append(day)  // nights are written in ascending order
            }
            s.nights[day] = board
        }
        for _ in 0..<(try count(&r)) {
            var x = try expect(try read(12, &r)) { if case .extensionRequested(let x) = $0 { x } else { nil } }
            guard let st = ExtensionRequest.Status(rawValue: try r.u8()) else { throw .malformed("extension status") }
            x.status = st; x.approvedUntil = try r.optionalDay(); x.decidedBy = try optInt(&r)
            s.extensions[x.id] = x; s.extensionIDs[x.clientID, default: []].append(x.id)
        }
        for _ in 0..<(try count(&r)) {
            var a = try expect(try read(15, &r)) { if case .assessmentRecorded(let x) = $0 { x } else { nil } }
            a.recordedBy = try optInt(&r); a.recordedAt = try ts(&r)
            s.assessments[a.clientID, default: []].append(a)
        }
        s.assessmentCount = try r.int32()
        for _ in 0..<(try count(&r)) { s.loginFailures[try r.int32()] = try r.int() }
        for _ in 0..<(try count(&r)) { s.lockedUntil[try r.int32()] = Timestamp(milliseconds: try r.int64()) }
        for _ in 0..<(try count(&r)) { s.assistanceNorms.append(SocialAssistanceNorm(from: try r.day(), monthlyEUR: try r.double(), source: try r.string())) }
        for _ in 0..<(try count(&r)) {
            var n = try expect(try read(22, &r)) { if case .noteAdded(let x) = $0 { x } else { nil } }
            n.writtenBy = try r.int32(); n.writtenAt = Timestamp(milliseconds: try r.int64())
            s.notes[n.clientID, default: []].append(n)
        }
        s.noteCount = try r.int32()
        for _ in 0..<(try count(&r)) {
            var b = try expect(try read(23, &r)) { if case .banImposed(let x) = $0 { x } else { nil } }
            b.setBy = try r.int32(); b.liftedOn = try r.optionalDay()
            s.bans[b.id] = b; s.banIDs[b.clientID, default: []].append(b.id)
        }
        for _ in 0..<(try count(&r)) {
            var a = try expect(try read(25, &r)) { if case .alertRaised(let x) = $0 { x } else { nil } }
            a.raisedBy = try r.int32(); a.raisedAt = Timestamp(milliseconds: try r.int64())
            let closed = try r.bool(), note = try r.string()
            a.closedNote = closed ? note : nil
            s.alerts[a.id] = a
        }
        for _ in 0..<(try count(&r)) {
            let c = try r.int32()
            var items: [ClientHistoryItem] = []
            for _ in 0..<(try count(&r)) {
                let at = Timestamp(milliseconds: try r.int64()), by = try r.int32()
                items.append(ClientHistoryItem(at: at, by: by, kind: try decodeKind(&r)))
            }
            s.history[c] = items
        }
        for _ in 0..<(try count(&r)) { s.notDuplicates.insert(try r.int64()) }
        s.clientRevision = try r.int()
        for _ in 0..<(try count(&r)) {
            let bed = try r.int32()
            var periods: [DateRange] = []
            for _ in 0..<(try count(&r)) { periods.append(DateRange(from: try r.day(), until: try r.optionalDay(), note: try r.string())) }
            s.outOfService[bed] = periods
        }
        for _ in 0..<(try count(&r)) { s.coldWeather.append(DateRange(from: try r.day(), until: try r.optionalDay(), note: try r.string())) }
        for _ in 0..<(try count(&r)) {
            var e = try expect(try read(33, &r)) { if case .waitlisted(let x) = $0 { x } else { nil } }
            e.askedAt = Timestamp(milliseconds: try r.int64())
            let o = try r.u8(); e.outcome = o == 0 ? nil : WaitlistEntry.Outcome(rawValue: o)
            s.waitlist[e.id] = e; s.waitlistByNight[e.night, default: []].append(e.id)
        }
        s.waitlistCount = try r.int32()
        for _ in 0..<(try count(&r)) { s.closedWaitlist.insert(try r.int32()) }
        for _ in 0..<(try count(&r)) { s.turnedAwayCount[try r.day()] = try r.int() }
        for _ in 0..<(try count(&r)) {
            let day = try r.day()
            var m: [LocationID: Int] = [:]
            for _ in 0..<(try count(&r)) { m[try r.int32()] = try r.int() }
            s.noShows[day] = m
        }
        for _ in 0..<(try count(&r)) {
            var p = try expect(try read(36, &r)) { if case .returnPlanOpened(let x) = $0 { x } else { nil } }
            guard let st = ReturnStatus(rawValue: try r.u8()) else { throw .malformed("return status") }
            p.status = st; p.cancelReason = try r.string(); p.consentWithdrawn = try r.optionalDay()
            var steps: [ReturnStep] = []
            for _ in 0..<(try count(&r)) {
                guard let ss = ReturnStatus(rawValue: try r.u8()) else { throw .malformed("return status") }
                steps.append(ReturnStep(status: ss, on: try r.day(), by: try r.int32(), note: try r.string()))
            }
            s.returnPlans[p.id] = p; s.returnSteps[p.id] = steps; s.returnPlanIDs[p.clientID, default: []].append(p.id)
        }
        for _ in 0..<(try count(&r)) {
            let d = try expect(try read(40, &r)) { if case .indDecisionRecorded(let x) = $0 { x } else { nil } }
            s.indDecisions[d.clientID] = d
        }
        s.exportCount = try r.int(); s.refusedAttempts = try r.int()
        s.lastSequence = try r.varint()
        return s
    }
}
