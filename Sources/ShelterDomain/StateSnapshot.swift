/// The whole `ShelterState` as compact bytes, for the disposable snapshot cache beside the
/// journal (never a source of truth: a snapshot that does not match the journal is ignored).
/// Entities reuse the event codec's field layouts, plus the fields only the fold sets; indexes
/// that follow from other fields (usernames, each client's nights, per-client and per-night
/// indexes) are rebuilt on load. `foldVersion` changes whenever evolve or this layout changes.
public enum StateSnapshot {
    /// Bump when `ShelterState.evolve` or this encoding changes: older snapshots are then ignored.
    /// (14: the snapshot file is authenticated with an HMAC instead of a CRC; 24: absence
    /// policies, turned-away persons, outflow history; 25: refusals and the latest-checklist index;
    /// 27: each desk's last undoable bed action; 28: the care records — households in the core,
    /// referrals and the rest at the end; 29: erasures (redacted records), the retention policy
    /// and each person's last contact; 31: undo, care and privacy together; 32: an exit can be undone;
    /// 33: the care term of the retention policy and care data erased by it; 34–35: the assessments
    /// and each file's history in sections of their own, by client, read per client on demand; no set of
    /// closed waiting-list ids; 36: the undo memory keeps the beds a household was given together.)
    public static let foldVersion: UInt8 = 36

    static func body(_ e: Event, _ w: inout ByteWriter) { EventCodec.encodeBody(e, into: &w) }
    static func read(_ type: EventType, _ r: inout ByteReader) throws(CodecError) -> Event {
        try EventCodec.decodeBody(type: type, version: type.currentVersion, &r)
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

    /// Seven sections, each length-prefixed so that a reader can skip or pick from it: the core
    /// (configuration, beds, periods, counters), clients (with an id → offset table), nights
    /// (with a night → offset table), extension requests, the rest of the client files, the assessments and the history (by client).
    public static func encode(_ s: ShelterState) -> [UInt8] {
        var w = ByteWriter(capacity: 1 << 20)
        w.varint(UInt64(sectionCount))
        for section in encodeSections(s) { w.raw(section) }
        return w.bytes
    }

    /// How many sections a snapshot has (core, clients, nights, extensions, rest, assessments, history).
    public static let sectionCount = 7

    /// The seven sections apart, for a file that seals each on its own (`SnapshotFile`). The
    /// assessments and the history come last: the state keeps those sections' bytes (`ClientArchive`).
    public static func encodeSections(_ s: ShelterState) -> [[UInt8]] {
        [encodeCore(s), encodeClients(s), encodeNights(s), encodeExtensions(s), encodeRest(s), s.files.assessments.encoded, s.files.history.encoded]
    }

    /// Runs `body` on the bytes of `b` (typed throws through `withUnsafeBytes`).
    static func with(_ b: [UInt8], _ body: (UnsafeRawBufferPointer) throws(CodecError) -> Void) throws(CodecError) {
        do { try b.withUnsafeBytes { try body($0) } } catch let e as CodecError { throw e } catch { throw .malformed("\(error)") }
    }

    /// The whole state from sections handed out one at a time by `section` (each is decoded,
    /// then let go: the peak memory is the state plus one section).
    public static func decode(section: (Int) throws(CodecError) -> [UInt8]) throws(CodecError) -> ShelterState {
        var s = ShelterState()
        try with(try section(0)) { (p) throws(CodecError) in try decodeCore(p, into: &s) }
        try with(try section(1)) { (p) throws(CodecError) in try decodeClients(p, only: nil, into: &s) }
        try with(try section(2)) { (p) throws(CodecError) in try decodeNights(p, from: nil, through: nil, into: &s) }
        try with(try section(3)) { (p) throws(CodecError) in try decodeExtensions(p, into: &s) }
        try with(try section(4)) { (p) throws(CodecError) in try decodeRest(p, into: &s) }
        s.files.assessments = ClientBook(archive: try ClientArchive(bytes: try section(5)))
        s.files.history = ClientBook(archive: try ClientArchive(bytes: try section(6)))
        return s
    }

    /// Only what a night's bed board reads (`BoardRow.board`, `isColdWeather`, names): the core,
    /// every extension request, the nights of the longest stay-limit window ending with `night`
    /// (so each holder's nights-used count is exact) and the clients with a bed that night.
    /// Nothing else is loaded: the result is for showing that board, never for deciding.
    /// `also`: further clients to read (the subjects of records after the snapshot, so that
    /// folding them — a merge, an edit — finds what it needs).
    /// The sections are handed out by `section` (the rest and the assessments are never asked for).
    public static func decodeBoardView(section: (Int) throws(CodecError) -> [UInt8], night: Day, also: Set<ClientID> = []) throws(CodecError) -> ShelterState {
        var s = ShelterState()
        try with(try section(0)) { (p) throws(CodecError) in try decodeCore(p, into: &s, board: true) }
        let window = s.inventory.locations.values.map(\.policy.windowDays).max() ?? 90
        try with(try section(2)) { (p) throws(CodecError) in
            try decodeNights(p, from: night.adding(days: -max(1, window)), through: night.adding(days: 1), into: &s)
        }
        let wanted = also.union(s.ledger.nights[night]?.bedOfClient.keys.map { $0 } ?? [])
        try with(try section(1)) { (p) throws(CodecError) in try decodeClients(p, only: wanted, into: &s) }
        try with(try section(3)) { (p) throws(CodecError) in try decodeExtensions(p, into: &s) }
        return s
    }

    static func encodeCore(_ s: ShelterState) -> [UInt8] {
        var w = ByteWriter(capacity: 1 << 16)
        w.string(s.shelterName); w.string(s.municipality)
        w.varint(UInt64(s.roster.staff.count))
        for st in s.roster.staff.values.sorted(by: { $0.id < $1.id }) {
            body(.staffAdded(st), &w); w.bool(st.active); w.string(st.language ?? ""); w.bool(st.language != nil)
        }
        w.varint(UInt64(s.inventory.locations.count)); for l in s.inventory.locations.values.sorted(by: { $0.id < $1.id }) { body(.locationAdded(l), &w) }
        w.varint(UInt64(s.inventory.rooms.count)); for r in s.inventory.rooms.values.sorted(by: { $0.id < $1.id }) { body(.roomAdded(r), &w) }
        w.varint(UInt64(s.inventory.bedOrder.count)); for id in s.inventory.bedOrder { body(.bedAdded(s.inventory.beds[id]!), &w) }
        w.varint(UInt64(s.inventory.outOfService.count))
        for (bed, periods) in s.inventory.outOfService.sorted(by: { $0.key < $1.key }) {
            w.int(bed); w.varint(UInt64(periods.count)); for p in periods { w.day(p.from); w.optionalDay(p.until); w.string(p.note) }
        }
        w.varint(UInt64(s.inventory.coldWeather.count)); for p in s.inventory.coldWeather { w.day(p.from); w.optionalDay(p.until); w.string(p.note) }
        w.int(s.files.assessmentCount)
        w.varint(UInt64(s.roster.loginFailures.count)); for (k, v) in s.roster.loginFailures.sorted(by: { $0.key < $1.key }) { w.int(k); w.int(v) }
        w.varint(UInt64(s.roster.lockedUntil.count)); for (k, v) in s.roster.lockedUntil.sorted(by: { $0.key < $1.key }) { w.int(k); w.int(v.milliseconds) }
        w.varint(UInt64(s.assistanceNorms.count)); for n in s.assistanceNorms { w.day(n.from); w.double(n.monthlyEUR); w.string(n.source) }
        w.int(s.files.noteCount)
        w.varint(UInt64(s.files.notDuplicates.count)); for k in s.files.notDuplicates.sorted() { w.int(k) }
        w.int(s.files.clientRevision)
        w.int(s.ledger.waitlistCount)
        // History the bed board never reads is kept in blocks it can skip (see `decodeCore`).
        history(&w) { w in
            w.varint(UInt64(s.ledger.turnedAwayCount.count)); for (d, n) in s.ledger.turnedAwayCount.sorted(by: { $0.key < $1.key }) { w.day(d); w.int(n) }
            w.varint(UInt64(s.ledger.noShows.count))
            for (day, m) in s.ledger.noShows.sorted(by: { $0.key < $1.key }) {
                w.day(day); w.varint(UInt64(m.count)); for (l, n) in m.sorted(by: { $0.key < $1.key }) { w.int(l); w.int(n) }
            }
        }
        w.int(s.exportCount); w.int(s.refusedAttempts)
        history(&w) { w in
            w.varint(UInt64(s.ledger.refusals.count))
            for x in s.ledger.refusals {
                w.day(x.night); w.int(x.client); w.int(x.location); w.int(x.bed); w.string(x.reason); w.string(x.outcome?.rawValue ?? "")
                w.int(x.at.milliseconds); w.int(x.by)
            }
        }
        w.varint(s.lastSequence)
        w.varint(UInt64(s.inventory.absenceNights.count)); for (l, n) in s.inventory.absenceNights.sorted(by: { $0.key < $1.key }) { w.int(l); w.int(n) }
        history(&w) { w in
            w.varint(UInt64(s.ledger.turnedAwayPersons.count))
            for (d, list) in s.ledger.turnedAwayPersons.sorted(by: { $0.key < $1.key }) { w.day(d); w.varint(UInt64(list.count)); for c in list { w.int(c) } }
        }
        encodeCareCore(s.care, &w)
        w.varint(UInt64(s.ledger.lastBedAction.count))
        for (staff, a) in s.ledger.lastBedAction.sorted(by: { $0.key < $1.key }) {
            w.int(staff); w.u8(a.kind.rawValue); w.day(a.night); w.int(a.bed); w.int(a.client); w.int(a.at.milliseconds)
            w.bool(a.stayStart != nil); if let d = a.stayStart { w.day(d) }
            w.varint(UInt64(a.alsoAssigned.count)); for p in a.alsoAssigned { w.int(p.bed); w.int(p.client) }
        }
        w.varint(UInt64(s.files.erasures.count))
        for e in s.files.erasures.values.sorted(by: { $0.client < $1.client }) {
            w.int(e.client); w.int(e.at.milliseconds); w.int(e.by); w.string(e.reason); w.bool(e.automatic)
        }
        w.int(s.retention.months); w.int(s.retention.careMonths)
        history(&w) { w in
            w.varint(UInt64(s.ledger.lastContactNight.count)); for (c, d) in s.ledger.lastContactNight.sorted(by: { $0.key < $1.key }) { w.int(c); w.day(d) }
        }
        return w.bytes
    }

    /// Writes what `body` writes as one length-prefixed block (a reader may skip it whole).
    static func history(_ w: inout ByteWriter, _ body: (inout ByteWriter) -> Void) {
        var h = ByteWriter(capacity: 1 << 12)
        body(&h)
        w.raw(h.bytes)
    }

    /// Decodes a block written by `history` with `body`, or skips it when `skip`.
    static func history(_ r: inout ByteReader, skip: Bool, _ body: (inout ByteReader) throws(CodecError) -> Void) throws(CodecError) {
        let block = try r.block()
        guard !skip else { return }
        var h = ByteReader(block)
        try body(&h)
        guard h.isAtEnd else { throw .malformed("extra bytes in a block of the snapshot's core") }
    }

    /// count, then a table of (id, offset) as fixed 32-bit pairs sorted by id, then the records.
    static func encodeClients(_ s: ShelterState) -> [UInt8] {
        var records = ByteWriter(capacity: 1 << 22)
        var table = ByteWriter(capacity: 8 * s.files.clients.count + 8)
        let sorted = s.files.clients.values.sorted(by: { $0.id < $1.id })
        table.varint(UInt64(sorted.count))
        for c in sorted {
            table.fixed32(UInt32(bitPattern: c.id)); table.fixed32(UInt32(records.bytes.count))
            EventCodec.encodeClient(c, into: &records)
            records.int(c.registeredAt.milliseconds); records.optionalDay(c.stayStart); records.u8(c.lastOutflow?.rawValue ?? 0); optInt(c.mergedInto, &records)
            if let l = s.files.latestChecklist[c.id] {
                records.u8(l.outcome.code); records.optionalDay(l.validUntil); records.day(l.assessedOn); records.int(l.assessmentID)
            } else { records.u8(0) }
        }
        return table.bytes + records.bytes
    }

    /// count, then a table of (night ordinal, offset) sorted by night, then each night's beds.
    static func encodeNights(_ s: ShelterState) -> [UInt8] {
        var records = ByteWriter(capacity: 1 << 22)
        var table = ByteWriter(capacity: 8 * s.ledger.nights.count + 8)
        table.varint(UInt64(s.ledger.nights.count))
        for (day, board) in s.ledger.nights.sorted(by: { $0.key < $1.key }) {
            table.fixed32(UInt32(bitPattern: day.ordinal)); table.fixed32(UInt32(records.bytes.count))
            records.varint(UInt64(board.byBed.count))
            for (bed, bn) in board.byBed.sorted(by: { $0.key < $1.key }) { records.int(bed); records.int(bn.clientID); records.u8(bn.status.rawValue) }
        }
        return table.bytes + records.bytes
    }

    static func encodeExtensions(_ s: ShelterState) -> [UInt8] {
        var w = ByteWriter(capacity: 1 << 16)
        w.varint(UInt64(s.requests.extensions.count))
        for x in s.requests.extensions.values.sorted(by: { $0.id < $1.id }) {
            body(.extensionRequested(x), &w); w.u8(x.status.rawValue); w.optionalDay(x.approvedUntil); optInt(x.decidedBy, &w)
        }
        return w.bytes
    }

    static func encodeRest(_ s: ShelterState) -> [UInt8] {
        var w = ByteWriter(capacity: 1 << 20)
        let notes = s.files.notes.values.flatMap { $0 }.sorted { $0.id < $1.id }
        w.varint(UInt64(notes.count)); for n in notes { body(.noteAdded(n), &w); w.int(n.writtenBy); w.int(n.writtenAt.milliseconds) }
        w.varint(UInt64(s.files.bans.count))
        for b in s.files.bans.values.sorted(by: { $0.id < $1.id }) { body(.banImposed(b), &w); w.int(b.setBy); w.optionalDay(b.liftedOn) }
        w.varint(UInt64(s.files.alerts.count))
        for a in s.files.alerts.values.sorted(by: { $0.id < $1.id }) {
            body(.alertRaised(a), &w); w.int(a.raisedBy); w.int(a.raisedAt.milliseconds); w.bool(a.closedNote != nil); w.string(a.closedNote ?? "")
        }
        w.varint(UInt64(s.ledger.waitlist.count))
        for e in s.ledger.waitlist.values.sorted(by: { $0.id < $1.id }) { body(.waitlisted(e), &w); w.int(e.askedAt.milliseconds); w.u8(e.outcome?.rawValue ?? 0) }
        w.varint(UInt64(s.returns.returnPlans.count))
        for p in s.returns.returnPlans.values.sorted(by: { $0.id < $1.id }) {
            body(.returnPlanOpened(p), &w); w.u8(p.status.rawValue); w.string(p.cancelReason); w.optionalDay(p.consentWithdrawn)
            let steps = s.returns.returnSteps[p.id] ?? []
            w.varint(UInt64(steps.count)); for st in steps { w.u8(st.status.rawValue); w.day(st.on); w.int(st.by); w.string(st.note) }
        }
        w.varint(UInt64(s.files.indDecisions.count))
        for d in s.files.indDecisions.values.sorted(by: { $0.clientID < $1.clientID }) { body(.indDecisionRecorded(d), &w) }
        encodeCareRest(s.care, &w)
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
        case let .absenceClosure(night, on): w.u8(15); w.day(night); w.day(on)
        case let .outflowCorrected(night, from, to): w.u8(16); w.day(night); w.u8(from.rawValue); w.u8(to.rawValue)
        case let .outflowOverride(night, reason): w.u8(17); w.day(night); w.string(reason)
        case .erased(let automatic): w.u8(18); w.bool(automatic)
        case let .careErased(referrals, notes): w.u8(19); w.int(referrals); w.int(notes)
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
        case 15: return .absenceClosure(night: try r.day(), on: try r.day())
        case 16: return .outflowCorrected(night: try r.day(), from: try EventCodec.outflow(&r), to: try EventCodec.outflow(&r))
        case 17: return .outflowOverride(night: try r.day(), reason: try r.string())
        case 18: return .erased(automatic: try r.bool())
        case 19: return .careErased(referrals: try r.int(), notes: try r.int())
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

    static func expect<T>(_ e: Event, _ f: (Event) -> T?) throws(CodecError) -> T {
        guard let v = f(e) else { throw .malformed("unexpected entity") }
        return v
    }

    /// The seven sections as views into the bytes.
    static func sections(_ r: inout ByteReader) throws(CodecError) -> [UnsafeRawBufferPointer] {
        guard try r.varint() == UInt64(sectionCount) else { throw .malformed("snapshot sections") }
        var out: [UnsafeRawBufferPointer] = []
        for _ in 0..<sectionCount { out.append(try r.block()) }
        return out
    }

    static func decode(_ r: inout ByteReader, done: (UnsafeRawBufferPointer) -> Void = { _ in }) throws(CodecError) -> ShelterState {
        var s = ShelterState()
        let sec = try sections(&r)
        try decodeCore(sec[0], into: &s); done(sec[0])
        try decodeClients(sec[1], only: nil, into: &s); done(sec[1])
        try decodeNights(sec[2], from: nil, through: nil, into: &s); done(sec[2])
        try decodeExtensions(sec[3], into: &s); done(sec[3])
        try decodeRest(sec[4], into: &s); done(sec[4])
        s.files.assessments = ClientBook(archive: try ClientArchive(bytes: Array(sec[5]))); done(sec[5])
        s.files.history = ClientBook(archive: try ClientArchive(bytes: Array(sec[6]))); done(sec[6])
        return s
    }

    /// - Parameter board: only what a bed board reads (the history blocks are skipped).
    static func decodeCore(_ bytes: UnsafeRawBufferPointer, into s: inout ShelterState, board: Bool = false) throws(CodecError) {
        var r = ByteReader(bytes)
        s.shelterName = try r.string(); s.municipality = try r.string()
        for _ in 0..<(try count(&r)) {
            var st = try expect(try read(.staffAdded, &r)) { if case .staffAdded(let x) = $0 { x } else { nil } }
            st.active = try r.bool()
            let lang = try r.string()
            st.language = try r.bool() ? lang : nil
            s.roster.staff[st.id] = st; s.roster.staffByUsername[st.username] = st.id
        }
        for _ in 0..<(try count(&r)) { let l = try expect(try read(.locationAdded, &r)) { if case .locationAdded(let x) = $0 { x } else { nil } }; s.inventory.locations[l.id] = l }
        for _ in 0..<(try count(&r)) { let x = try expect(try read(.roomAdded, &r)) { if case .roomAdded(let x) = $0 { x } else { nil } }; s.inventory.rooms[x.id] = x }
        for _ in 0..<(try count(&r)) {
            let b = try expect(try read(.bedAdded, &r)) { if case .bedAdded(let x) = $0 { x } else { nil } }
            s.inventory.beds[b.id] = b; s.inventory.bedOrder.append(b.id)
        }
        for _ in 0..<(try count(&r)) {
            let bed = try r.int32()
            var periods: [DateRange] = []
            for _ in 0..<(try count(&r)) { periods.append(DateRange(from: try r.day(), until: try r.optionalDay(), note: try r.string())) }
            s.inventory.outOfService[bed] = periods
        }
        for _ in 0..<(try count(&r)) { s.inventory.coldWeather.append(DateRange(from: try r.day(), until: try r.optionalDay(), note: try r.string())) }
        s.files.assessmentCount = try r.int32()
        for _ in 0..<(try count(&r)) { s.roster.loginFailures[try r.int32()] = try r.int() }
        for _ in 0..<(try count(&r)) { s.roster.lockedUntil[try r.int32()] = Timestamp(milliseconds: try r.int64()) }
        for _ in 0..<(try count(&r)) { s.assistanceNorms.append(SocialAssistanceNorm(from: try r.day(), monthlyEUR: try r.double(), source: try r.string())) }
        s.files.noteCount = try r.int32()
        for _ in 0..<(try count(&r)) { s.files.notDuplicates.insert(try r.int64()) }
        s.files.clientRevision = try r.int()
        s.ledger.waitlistCount = try r.int32()
        try history(&r, skip: board) { (r) throws(CodecError) in
            for _ in 0..<(try count(&r)) { s.ledger.turnedAwayCount[try r.day()] = try r.int() }
            for _ in 0..<(try count(&r)) {
                let day = try r.day()
                var m: [LocationID: Int] = [:]
                for _ in 0..<(try count(&r)) { m[try r.int32()] = try r.int() }
                s.ledger.noShows[day] = m
            }
        }
        s.exportCount = try r.int(); s.refusedAttempts = try r.int()
        try history(&r, skip: board) { (r) throws(CodecError) in
            for _ in 0..<(try count(&r)) {
                let night = try r.day(), client = try r.int32(), location = try r.int32(), bed = try r.int32(), reason = try r.string()
                let outcome = ChecklistOutcome(rawValue: try r.string())
                s.ledger.refusals.append(BedRefusal(night: night, client: client, location: location, bed: bed, reason: reason, outcome: outcome,
                                             at: Timestamp(milliseconds: try r.int64()), by: try r.int32()))
            }
        }
        s.lastSequence = try r.varint()
        for _ in 0..<(try count(&r)) { s.inventory.absenceNights[try r.int32()] = try r.int() }
        try history(&r, skip: board) { (r) throws(CodecError) in
            for _ in 0..<(try count(&r)) {
                let d = try r.day()
                var list: [ClientID] = []
                for _ in 0..<(try count(&r)) { list.append(try r.int32()) }
                s.ledger.turnedAwayPersons[d] = list
            }
        }
        try decodeCareCore(&r, into: &s)
        for _ in 0..<(try count(&r)) {
            let staff = try r.int32()
            guard let kind = UndoableAction.Kind(rawValue: try r.u8()) else { throw .malformed("unknown undoable action") }
            let night = try r.day(), bed = try r.int32(), client = try r.int32(), at = Timestamp(milliseconds: try r.int64())
            let stayStart: Day? = try r.bool() ? try r.day() : nil
            var also: [UndoableAction.Placement] = []
            for _ in 0..<(try count(&r)) { also.append(UndoableAction.Placement(bed: try r.int32(), client: try r.int32())) }
            s.ledger.lastBedAction[staff] = UndoableAction(kind: kind, night: night, bed: bed, client: client, at: at, stayStart: stayStart, alsoAssigned: also)
        }
        for _ in 0..<(try count(&r)) {
            let e = Erasure(client: try r.int32(), at: Timestamp(milliseconds: try r.int64()), by: try r.int32(), reason: try r.string(), automatic: try r.bool())
            s.files.erasures[e.client] = e
        }
        s.retention = RetentionPolicy(months: try r.int(), careMonths: try r.int())
        try history(&r, skip: board) { (r) throws(CodecError) in
            for _ in 0..<(try count(&r)) { s.ledger.lastContactNight[try r.int32()] = try r.day() }
        }
        guard r.isAtEnd else { throw .malformed("extra bytes in the snapshot's core") }
    }

    /// A table of `n` fixed (key, offset) pairs followed by the records; the records' bytes.
    static func table(_ r: inout ByteReader) throws(CodecError) -> (keys: [Int32], offsets: [Int], records: UnsafeRawBufferPointer) {
        let n = try count(&r)
        var keys: [Int32] = [], offsets: [Int] = []
        keys.reserveCapacity(n); offsets.reserveCapacity(n)
        for _ in 0..<n { keys.append(Int32(bitPattern: try r.fixed32())); offsets.append(Int(try r.fixed32())) }
        let records = r.rest()
        for (i, o) in offsets.enumerated() where o > records.count || (i > 0 && (o < offsets[i - 1] || keys[i] <= keys[i - 1])) {
            throw .malformed("snapshot table out of order")
        }
        return (keys, offsets, records)
    }

    static func decodeClients(_ bytes: UnsafeRawBufferPointer, only: Set<ClientID>?, into s: inout ShelterState) throws(CodecError) {
        var t = ByteReader(bytes)
        let (keys, offsets, records) = try table(&t)
        // At their final size at once: growing a city's table step by step held the old and the
        // new one together (17 + 34 MB) for a moment.
        s.files.clients.reserveCapacity(s.files.clients.count + (only?.count ?? keys.count))
        for i in keys.indices where only?.contains(keys[i]) ?? true {
            var r = ByteReader(UnsafeRawBufferPointer(rebasing: records[offsets[i]...]))
            var c = try EventCodec.decodeClient(version: EventType.clientRegistered.currentVersion, &r)
            c.registeredAt = Timestamp(milliseconds: try r.int64()); c.stayStart = try r.optionalDay()
            let o = try r.u8(); c.lastOutflow = o == 0 ? nil : Outflow(rawValue: o)
            c.mergedInto = try optInt(&r)
            let code = try r.u8()
            if code != 0 {
                guard let outcome = ChecklistOutcome(code: code) else { throw .malformed("checklist outcome") }
                s.files.latestChecklist[c.id] = LatestChecklist(outcome: outcome, validUntil: try r.optionalDay(), assessedOn: try r.day(), assessmentID: try r.int32())
            }
            guard c.id == keys[i] else { throw .malformed("client table") }
            s.files.clients[c.id] = c
        }
    }

    /// Nights in `from..<through` (all when nil), rebuilding each client's list of nights.
    static func decodeNights(_ bytes: UnsafeRawBufferPointer, from: Day?, through: Day?, into s: inout ShelterState) throws(CodecError) {
        var t = ByteReader(bytes)
        let (keys, offsets, records) = try table(&t)
        var lo = 0, hi = keys.count
        if let from { lo = keys.firstIndex { $0 >= from.ordinal } ?? keys.count }
        if let through { hi = keys.firstIndex { $0 >= through.ordinal } ?? keys.count }
        for i in lo..<max(lo, hi) {
            let day = Day(ordinal: keys[i])
            var r = ByteReader(UnsafeRawBufferPointer(rebasing: records[offsets[i]...]))
            // Both indexes built in one go, at their exact size (thousands of nights stay in memory).
            var board = NightBoard()
            var ofBed: [(BedID, BedNight)] = [], ofClient: [(ClientID, BedID)] = []
            let n = try count(&r)
            ofBed.reserveCapacity(n); ofClient.reserveCapacity(n)
            for _ in 0..<n {
                let bed = try r.int32(), client = try r.int32()
                guard let status = BedNightStatus(rawValue: try r.u8()) else { throw .malformed("bed-night status") }
                ofBed.append((bed, BedNight(clientID: client, status: status)))
                ofClient.append((client, bed))
                s.ledger.clientNights[client, default: []].append(day)  // nights are written in ascending order
            }
            board.byBed = SortedMap(uniqueKeysWithValues: ofBed)
            board.bedOfClient = SortedMap(uniqueKeysWithValues: ofClient)
            guard board.byBed.count == n, board.bedOfClient.count == n else { throw .malformed("a bed or a person twice in one night") }
            s.ledger.nights[day] = board
        }
    }

    static func decodeExtensions(_ bytes: UnsafeRawBufferPointer, into s: inout ShelterState) throws(CodecError) {
        var r = ByteReader(bytes)
        for _ in 0..<(try count(&r)) {
            var x = try expect(try read(.extensionRequested, &r)) { if case .extensionRequested(let x) = $0 { x } else { nil } }
            guard let st = ExtensionRequest.Status(rawValue: try r.u8()) else { throw .malformed("extension status") }
            x.status = st; x.approvedUntil = try r.optionalDay(); x.decidedBy = try optInt(&r)
            s.requests.extensions[x.id] = x; s.requests.extensionIDs[x.clientID, default: []].append(x.id)
        }
    }

    static func decodeRest(_ bytes: UnsafeRawBufferPointer, into s: inout ShelterState) throws(CodecError) {
        var r = ByteReader(bytes)
        for _ in 0..<(try count(&r)) {
            var n = try expect(try read(.noteAdded, &r)) { if case .noteAdded(let x) = $0 { x } else { nil } }
            n.writtenBy = try r.int32(); n.writtenAt = Timestamp(milliseconds: try r.int64())
            s.files.notes[n.clientID, default: []].append(n)
        }
        for _ in 0..<(try count(&r)) {
            var b = try expect(try read(.banImposed, &r)) { if case .banImposed(let x) = $0 { x } else { nil } }
            b.setBy = try r.int32(); b.liftedOn = try r.optionalDay()
            s.files.bans[b.id] = b; s.files.banIDs[b.clientID, default: []].append(b.id)
        }
        for _ in 0..<(try count(&r)) {
            var a = try expect(try read(.alertRaised, &r)) { if case .alertRaised(let x) = $0 { x } else { nil } }
            a.raisedBy = try r.int32(); a.raisedAt = Timestamp(milliseconds: try r.int64())
            let closed = try r.bool(), note = try r.string()
            a.closedNote = closed ? note : nil
            s.files.alerts[a.id] = a
        }
        for _ in 0..<(try count(&r)) {
            var e = try expect(try read(.waitlisted, &r)) { if case .waitlisted(let x) = $0 { x } else { nil } }
            e.askedAt = Timestamp(milliseconds: try r.int64())
            let o = try r.u8(); e.outcome = o == 0 ? nil : WaitlistEntry.Outcome(rawValue: o)
            s.ledger.waitlist[e.id] = e; s.ledger.waitlistByNight[e.night, default: []].append(e.id)
        }
        for _ in 0..<(try count(&r)) {
            var p = try expect(try read(.returnPlanOpened, &r)) { if case .returnPlanOpened(let x) = $0 { x } else { nil } }
            guard let st = ReturnStatus(rawValue: try r.u8()) else { throw .malformed("return status") }
            p.status = st; p.cancelReason = try r.string(); p.consentWithdrawn = try r.optionalDay()
            var steps: [ReturnStep] = []
            for _ in 0..<(try count(&r)) {
                guard let ss = ReturnStatus(rawValue: try r.u8()) else { throw .malformed("return status") }
                steps.append(ReturnStep(status: ss, on: try r.day(), by: try r.int32(), note: try r.string()))
            }
            s.returns.returnPlans[p.id] = p; s.returns.returnSteps[p.id] = steps; s.returns.returnPlanIDs[p.clientID, default: []].append(p.id)
        }
        for _ in 0..<(try count(&r)) {
            let d = try expect(try read(.indDecisionRecorded, &r)) { if case .indDecisionRecorded(let x) = $0 { x } else { nil } }
            s.files.indDecisions[d.clientID] = d
        }
        try decodeCareRest(&r, into: &s)
        guard r.isAtEnd else { throw .malformed("extra bytes in the snapshot") }
    }
}
