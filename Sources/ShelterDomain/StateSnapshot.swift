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
    /// closed waiting-list ids; 36: the undo memory keeps the beds a household was given together;
    /// 37: the sections follow the state's areas — settings, staff and places; client files;
    /// the night ledger; requests; returns and care; assessments; history.)
    public static let foldVersion: UInt8 = 37

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

    /// Seven sections, each length-prefixed so that a reader can skip or pick from it, one per
    /// area of the state (`StateSnapshot+Areas.swift`, `+Ledger.swift`): the core (settings,
    /// `StaffRoster`, `BedInventory`, households), `ClientFiles` (with an id → offset table),
    /// `NightLedger` (with a night → offset table), `StayRequests`, `ReturnPlanBook` with the rest
    /// of `CareRecords`, and the files' assessments and history (by client).
    public static func encode(_ s: ShelterState) -> [UInt8] {
        var w = ByteWriter(capacity: 1 << 20)
        w.varint(UInt64(sectionCount))
        for section in encodeSections(s) { w.raw(section) }
        return w.bytes
    }

    /// How many sections a snapshot has (core, files, ledger, requests, returns and care, assessments, history).
    public static let sectionCount = 7

    /// The seven sections apart, for a file that seals each on its own (`SnapshotFile`). The
    /// assessments and the history come last: the state keeps those sections' bytes (`ClientArchive`).
    public static func encodeSections(_ s: ShelterState) -> [[UInt8]] {
        [encodeCore(s), encodeFiles(s.files), encodeLedger(s.ledger), encodeRequests(s.requests), encodeReturnsAndCare(s),
         s.files.assessments.encoded, s.files.history.encoded]
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
        try with(try section(1)) { (p) throws(CodecError) in try decodeFiles(p, only: nil, into: &s.files) }
        try with(try section(2)) { (p) throws(CodecError) in try decodeLedger(p, from: nil, through: nil, into: &s.ledger) }
        try with(try section(3)) { (p) throws(CodecError) in try decodeRequests(p, into: &s.requests) }
        try with(try section(4)) { (p) throws(CodecError) in try decodeReturnsAndCare(p, into: &s) }
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
        try with(try section(0)) { (p) throws(CodecError) in try decodeCore(p, into: &s) }
        let window = s.inventory.locations.values.map(\.policy.windowDays).max() ?? 90
        try with(try section(2)) { (p) throws(CodecError) in
            try decodeLedger(p, from: night.adding(days: -max(1, window)), through: night.adding(days: 1), into: &s.ledger)
        }
        let wanted = also.union(s.ledger.nights[night]?.bedOfClient.keys.map { $0 } ?? [])
        try with(try section(1)) { (p) throws(CodecError) in try decodeFiles(p, only: wanted, into: &s.files) }
        try with(try section(3)) { (p) throws(CodecError) in try decodeRequests(p, into: &s.requests) }
        return s
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
        try decodeFiles(sec[1], only: nil, into: &s.files); done(sec[1])
        try decodeLedger(sec[2], from: nil, through: nil, into: &s.ledger); done(sec[2])
        try decodeRequests(sec[3], into: &s.requests); done(sec[3])
        try decodeReturnsAndCare(sec[4], into: &s); done(sec[4])
        s.files.assessments = ClientBook(archive: try ClientArchive(bytes: Array(sec[5]))); done(sec[5])
        s.files.history = ClientBook(archive: try ClientArchive(bytes: Array(sec[6]))); done(sec[6])
        return s
    }
}
