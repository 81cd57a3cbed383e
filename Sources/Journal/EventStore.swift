import ShelterDomain

/// The journal plus the state folded from it: the one way the application records anything.
/// `execute` takes the journal's exclusive lock, folds in what other processes appended,
/// re-decides the command against that fresh state, appends durably, then folds the new events.
/// So two desks can never give out the same bed.
public final class EventStore {
    /// The records: a `JournalFile` (the default), or the journal on PostgreSQL.
    public let journal: any JournalBackend
    /// The journal file, when the store runs on one.
    public var file: JournalFile? { journal as? JournalFile }
    /// Where the snapshot cache of this store is kept (`<base>.snapshot`): the journal's own path
    /// for a file, this desk's `SnapshotCache` for PostgreSQL; nil when there is none.
    public internal(set) var snapshotBase: String?
    public private(set) var state: ShelterState
    /// The per-person keys sealing personal fields (`<journal>.keys`).
    public let keys: PersonalKeyStore
    let clock: () -> Timestamp
    /// The outflow catalogue the decider checks exits against (set from Resources by the
    /// composition root; the default still guards `regular_wmo_shelter`).
    public var outflows: OutflowCatalog = .guardDefault

    init(journal: any JournalBackend, state: ShelterState, keys: PersonalKeyStore, clock: @escaping () -> Timestamp) {
        self.journal = journal; self.state = state; self.keys = keys; self.clock = clock
        snapshotBase = journal is JournalFile ? journal.path : nil
    }

    /// Decodes a payload, opening sealed fields with the key store; whose keys were missing is
    /// collected in `missing` (checked against the erasures once the fold is done).
    static func decoder(_ keys: PersonalKeyStore, _ missing: MissingKeys) -> (UnsafeRawBufferPointer) throws -> RecordedEvent {
        { payload in
            let (e, m) = try SealedRecord.decode(payload, key: keys.key)
            if let m { missing.insert(m) }
            return e
        }
    }

    /// Loud when sealed data lacks its key for someone who was never erased: a missing key store
    /// or an old copy of it. Never silently shows (or later writes over) data it cannot read.
    static func checkKeys(_ missing: MissingKeys, state: ShelterState, keys: PersonalKeyStore) throws(JournalError) {
        let lost = missing.ids.filter { !state.isErased($0) }.sorted()
        guard !lost.isEmpty else { return }
        if !keys.exists { throw .keyStoreMissing(path: keys.path) }
        throw .keysMissing(path: keys.path, clients: lost)
    }

    /// Finishes erasures a crash interrupted (the event is in the journal, a key is still in the
    /// store): the keys are destroyed and the snapshot cache removed. Under the journal's lock.
    func completeErasures() throws(JournalError) {
        let stale = state.files.erasures.keys.sorted().flatMap { state.erasureGroup(of: $0) }.filter { keys.holds($0) }
        guard !stale.isEmpty else { return }
        if let snapshotBase { SnapshotFile.remove(journal: snapshotBase) }
        try keys.destroy(stale)
    }

    /// The payload for a new record: sealed under the person's key when it has personal fields.
    /// Refused for an erased person (nothing new is kept about them).
    func payload(_ r: RecordedEvent) throws(DomainError) -> [UInt8] {
        guard SealedRecord.needsSealing(r.event), let subject = state.sealSubject(of: r.event) else { return EventCodec.encode(r) }
        if state.isErased(subject) { throw .alreadyErased(subject) }
        return SealedRecord.encode(r, key: keys.keyCreating(subject), client: subject)
    }

    /// Appends records (their new keys made durable first), under the journal's lock.
    public func appendSealed(_ payloads: [[UInt8]]) throws(JournalError) {
        try keys.flush()
        try journal.append(payloads)
    }

    /// The payload of `r` for batch writers (generators): as `execute` would write it.
    public func encodeForAppend(_ r: RecordedEvent, state s: ShelterState) -> [UInt8] {
        guard SealedRecord.needsSealing(r.event), let subject = s.sealSubject(of: r.event) else { return EventCodec.encode(r) }
        return SealedRecord.encode(r, key: keys.keyCreating(subject), client: subject)
    }

    public var header: JournalHeader { journal.header }
    public var path: String { journal.path }

    /// Where `open`/`create` go for locations that are not files (set by the composition root).
    nonisolated(unsafe) public static var remote: (any RemoteJournals)?

    /// The remote backend for `path`, if it is not a file.
    static func remote(for path: String) -> (any RemoteJournals)? {
        guard let r = remote, r.handles(path) else { return nil }
        return r
    }

    /// Events replayed at open beyond which a new snapshot is written.
    public static let snapshotThreshold = 50_000

    /// Opens an existing journal and replays it — from the snapshot cache beside it when that is
    /// authenticated (its HMAC checks out) and matches the journal (then only the records after it,
    /// whose hash chain is checked from the snapshot's head), else from the start, checking every
    /// link of the chain: a broken chain refuses the open. A snapshot is
    /// (re)written when the replay covered more than `snapshotThreshold` events.
    public static func open(path: String, writable: Bool = true, io: JournalIO = SystemIO(),
                            clock: @escaping () -> Timestamp, useSnapshot: Bool = true) throws(JournalError) -> EventStore {
        if let r = remote(for: path) { return try openRemote(r, path: path, writable: writable, clock: clock, useSnapshot: useSnapshot) }
        var ignored: String?
        if useSnapshot {
            var checked = checkedSnapshot(base: path)
            ignored = checked.notice
            if var snap = checked.snapshot {
                checked.snapshot = nil
                let keys = try PersonalKeyStore.open(journal: path)
                if let store = try resume(&snap, keys: keys, base: path, writable: writable, clock: clock, open: { (snap, visit) throws(JournalError) in
                    try? JournalFile.open(path: path, writable: writable, io: io, resume: snap, visit: visit)
                }) { return store }
            }
        }
        let keys = try PersonalKeyStore.open(journal: path)
        let missing = MissingKeys()
        let decode = decoder(keys, missing)
        let fold = PipelinedFold(.initial)
        let opened = Result { () throws(JournalError) -> JournalFile in
            try JournalFile.open(path: path, writable: writable, io: io) { _, payload in fold.add(try decode(payload)) }
        }
        let state = fold.finish()
        let journal = try opened.get()
        try checkKeys(missing, state: state, keys: keys)
        if let ignored { journal.addNotice(ignored) }
        let store = EventStore(journal: journal, state: state, keys: keys, clock: clock)
        if writable { try store.completeErasuresLocked() }
        if useSnapshot { store.snapshotIfWorthIt(replayed: journal.recordCount) }
        return store
    }

    /// The snapshot cache at `base`, authenticated; nil when there is none (or it is from another
    /// fold version); a notice for the journal when one was there but cannot be trusted.
    static func checkedSnapshot(base: String) -> (snapshot: SnapshotFile?, notice: String?) {
        switch SnapshotFile.readChecked(journal: base) {
        case .failure(.unauthenticated):
            return (nil, "The snapshot cache \(SnapshotFile.path(forJournal: base)) does not check out against its key (damaged or forged); it was ignored and the journal replayed in full.")
        case .failure(.key(.unusable(let p, let reason))):
            return (nil, SnapshotKey.Problem.unusable(path: p, reason: reason).description)
        case .failure: return (nil, nil)
        case .success(let snap): return (snap, nil)
        }
    }

    /// Opens a journal on PostgreSQL: from this desk's snapshot cache when the server's rows
    /// continue it (only the newer rows are read), else every row; the cache is (re)written
    /// after a long replay, as for a file.
    static func openRemote(_ r: any RemoteJournals, path: String, writable: Bool, clock: @escaping () -> Timestamp, useSnapshot: Bool) throws(JournalError) -> EventStore {
        let base = useSnapshot ? SnapshotCache.base(storeID: try r.storeID(path)) : nil
        let keys = try r.keys(path)
        var ignored: String?
        if let base {
            var checked = checkedSnapshot(base: base)
            ignored = checked.notice
            if var snap = checked.snapshot {
                checked.snapshot = nil
                if let store = try resume(&snap, keys: keys, base: base, writable: writable, clock: clock, open: { (snap, visit) throws(JournalError) in
                    try r.open(path, writable: writable, resume: snap, visit: visit)
                }) { return store }
            }
        }
        let store = try open(backend: { (v) throws(JournalError) in try r.open(path, writable: writable, visit: v) }, keys: keys, writable: writable,
                             clock: clock, snapshotBase: base)
        if let ignored { store.journal.addNotice(ignored) }
        store.snapshotIfWorthIt(replayed: store.journal.recordCount)
        return store
    }

    /// Opens a store on another backend (PostgreSQL): `open` reads every record, handing each
    /// payload to the visitor; the fold and the key checks are those of a journal file.
    public static func open(backend open: (JournalFile.Visitor) throws(JournalError) -> any JournalBackend, keys: PersonalKeyStore,
                            writable: Bool, clock: @escaping () -> Timestamp, snapshotBase: String? = nil) throws(JournalError) -> EventStore {
        let missing = MissingKeys()
        let decode = decoder(keys, missing)
        let fold = PipelinedFold(.initial)
        let opened = Result { () throws(JournalError) -> any JournalBackend in try open { _, payload in fold.add(try decode(payload)) } }
        let state = fold.finish()
        let journal = try opened.get()
        try checkKeys(missing, state: state, keys: keys)
        let store = EventStore(journal: journal, state: state, keys: keys, clock: clock)
        if let snapshotBase { store.snapshotBase = snapshotBase }
        if writable { try store.completeErasuresLocked() }
        return store
    }

    /// Opens the journal after an authenticated snapshot kept at `base` (`open` reads only the
    /// records after it, their chain checked from the snapshot's head); nil when the journal does
    /// not continue it. Erasures folded from the newer records rewrite the cache at once (the old
    /// one still held the person's data).
    static func resume(_ snap: inout SnapshotFile, keys: PersonalKeyStore, base: String, writable: Bool, clock: @escaping () -> Timestamp,
                       open: (SnapshotFile, JournalFile.Visitor) throws(JournalError) -> (any JournalBackend)?) throws(JournalError) -> EventStore? {
        // A snapshot taken with a key store: that store (not an older copy) must be there.
        if !snap.keyStoreID.isEmpty {
            if !keys.exists { throw .keyStoreMissing(path: keys.path) }
            if keys.storeID != snap.keyStoreID || keys.count < snap.keyCount - snap.state.files.erasures.count { return nil }
        }
        let missing = MissingKeys()
        let decode = decoder(keys, missing)
        let erasedBefore = snap.state.files.erasures.count
        // The fold gets the only copy of the state (taken out of the snapshot, which the caller
        // holds no other copy of): the newer records change it in place.
        let fold = PipelinedFold(snap.takeState())
        let opened = Result { () throws(JournalError) in try open(snap, { _, payload in fold.add(try decode(payload)) }) }
        let state = fold.finish()
        guard let journal = try opened.get() else { return nil }
        try checkKeys(missing, state: state, keys: keys)
        let store = EventStore(journal: journal, state: state, keys: keys, clock: clock)
        store.snapshotBase = base
        if writable { try store.completeErasuresLocked() }
        if state.files.erasures.count != erasedBefore {
            SnapshotFile.remove(journal: base)
            store.snapshotIfWorthIt(replayed: .max)
        } else {
            store.snapshotIfWorthIt(replayed: journal.recordCount - snap.records)
        }
        return store
    }

    /// The state a night's bed board needs, read without writing to the journal: from the
    /// snapshot cache when it matches the journal (only the board's parts are decoded, then any
    /// newer records are folded in), otherwise from a full replay (which refreshes the cache).
    /// For showing that board, never for deciding.
    public static func boardView(path: String, night: Day) throws(JournalError) -> ShelterState {
        let full = { () throws(JournalError) -> ShelterState in try open(path: path, writable: false, clock: SystemClock.now).state }
        if let r = remote(for: path) {
            // This desk's cache of the server's journal: named by the store id, so it is that
            // journal's; the rows after it are read from the server.
            guard let base = SnapshotCache.base(storeID: try r.storeID(path)) else { return try full() }
            let cached = try boardView(base: base, night: night, keys: { () throws(JournalError) in try r.keys(path, lazily: true) },
                                       tail: { (snap, visit) throws(JournalError) in try r.open(path, writable: false, resume: snap, visit: visit) != nil })
            if let cached { return cached }
            return try full()
        }
        // The key store is loaded only when there are newer records to open (the board itself
        // reads no sealed field); its id in the header is enough to match the snapshot.
        let storeID = PersonalKeyStore.peekStoreID(journal: path)
        let cached = try boardView(base: path, night: night, matches: { $0.keyStoreID.isEmpty || storeID == $0.keyStoreID },
                                   keys: { () throws(JournalError) in try PersonalKeyStore.open(journal: path) },
                                   tail: { (snap, visit) in (try? JournalFile.open(path: path, writable: false, resume: snap, visit: visit)) != nil })
        if let cached { return cached }
        return try full()
    }

    /// The board's state from the snapshot cache at `base` and the records after it (`tail`
    /// visits them; false when the journal does not continue the snapshot); nil when that cannot
    /// be done and a full open must.
    static func boardView(base: String, night: Day, matches: (SnapshotFile) -> Bool = { _ in true },
                          keys: @escaping () throws(JournalError) -> PersonalKeyStore,
                          tail readTail: (SnapshotFile, JournalFile.Visitor) throws(JournalError) -> Bool) throws(JournalError) -> ShelterState? {
        guard var snap = SnapshotFile.readBoardView(journal: base, night: night), matches(snap) else { return nil }
        var tail: [RecordedEvent] = []
        let missing = MissingKeys()
        var decode: ((UnsafeRawBufferPointer) throws -> RecordedEvent)?
        guard try readTail(snap, { _, payload in
            if decode == nil { decode = decoder(try keys(), missing) }
            tail.append(try decode!(payload))
        }) else { return nil }
        // An erasure since the cache was written: the cache still holds the person's data, so it
        // goes now, and the full open that follows writes it again without them.
        if tail.contains(where: { if case .clientErased = $0.event { true } else { false } }) {
            SnapshotFile.remove(journal: base)
            return nil
        }
        // The clients the newer records are about are read too, so that folding them finds them.
        var subjects = Set<ClientID>()
        for e in tail {
            if let c = e.event.clientID { subjects.insert(c) }
            if case let .clientsMerged(_, absorbed, _) = e.event { subjects.insert(absorbed) }
            if case let .duplicateDismissed(_, b) = e.event { subjects.insert(b) }
        }
        if !subjects.allSatisfy(snap.state.files.clients.contains) {
            guard let again = SnapshotFile.readBoardView(journal: base, night: night, also: subjects), again.records == snap.records else { return nil }
            snap = again
        }
        var state = snap.state
        for e in tail { state.evolve(e) }
        return state
    }

    /// `completeErasures` under the journal's exclusive lock (at open); also removes key-store
    /// copies left by a rewrite a crash cut short (they may hold keys erased since).
    func completeErasuresLocked() throws(JournalError) {
        let stale = state.files.erasures.keys.contains { id in state.erasureGroup(of: id).contains { keys.holds($0) } }
        guard stale || !keys.staleRewrites().isEmpty else { return }
        do {
            let decode = Self.decoder(keys, MissingKeys())
            _ = try journal.withExclusiveLock(visit: { [self] _, payload in state.evolve(try decode(payload)) }) {
                keys.removeStaleRewrites()
                try completeErasures()
            }
        } catch let e as JournalError { throw e } catch { throw .io(path: keys.path, operation: "finish an erasure in", reason: "\(error)") }
    }

    /// Writes the snapshot now, whatever the length of the replay (tests, tools).
    public func snapshotIfWorthItForTests() { snapshotIfWorthIt(replayed: Int.max) }

    /// Writes the snapshot cache when a replay was long (ignored on failure: it is only a cache).
    func snapshotIfWorthIt(replayed: Int) {
        guard replayed >= EventStore.snapshotThreshold, let base = snapshotBase, journal.recordCount > 1 else { return }
        // A file's snapshot also says where its records end; the server's rows are found by number.
        if let problem = SnapshotFile.write(SnapshotFile(records: journal.recordCount, end: file?.end ?? 0, lastRecordOffset: file?.lastRecordOffset ?? 0,
                                                         headHash: journal.headHash, headerPayload: journal.header.encoded(), state: state,
                                                         keyStoreID: keys.exists ? keys.storeID : [], keyCount: keys.count), journal: base),
           case .unusable = problem, !journal.notices.contains(problem.description) {
            journal.addNotice(problem.description)
        }
    }

    /// Every event in a journal that `keep` accepts, in order, read without writing (for the audit log).
    public static func events(path: String, keep: (RecordedEvent) -> Bool = { _ in true }) throws(JournalError) -> [RecordedEvent] {
        var out: [RecordedEvent] = []
        if let r = remote(for: path) {
            let keys = try r.keys(path)
            let decode = decoder(keys, MissingKeys())
            _ = try r.open(path, writable: false) { _, payload in
                let e = try decode(payload)
                if keep(e) { out.append(e) }
            }
            return out
        }
        let keys = try PersonalKeyStore.open(journal: path)
        let decode = decoder(keys, MissingKeys())
        _ = try JournalFile.open(path: path, writable: false) { _, payload in
            let e = try decode(payload)
            if keep(e) { out.append(e) }
        }
        return out
    }

    /// Creates a new journal (fails if the path exists) and opens it.
    public static func create(path: String, isDemo: Bool, label: String, installationID: [UInt8],
                              clock: @escaping () -> Timestamp) throws(JournalError) -> EventStore {
        if let r = remote(for: path) {
            try r.create(path, header: JournalHeader(created: clock(), installationID: installationID, isDemo: isDemo, label: label))
            return try open(path: path, clock: clock)
        }
        // A key store left from another journal at this path would not match the new one.
        if PersonalKeyStore.fileSize(PersonalKeyStore.path(forJournal: path)) != nil, PersonalKeyStore.fileSize(path) == nil {
            throw .keyStore(path: PersonalKeyStore.path(forJournal: path), reason: "it is left from an earlier journal at this path; move it away (or put that journal back)")
        }
        try JournalFile.create(path: path, header: JournalHeader(created: clock(), installationID: installationID, isDemo: isDemo, label: label))
        return try open(path: path, clock: clock)
    }

    /// Folds in records appended by other processes. Returns how many events were new.
    @discardableResult
    public func refresh() throws(JournalError) -> Int {
        let before = state.lastSequence, erased = state.files.erasures.count
        let decode = Self.decoder(keys, MissingKeys())
        defer { dropCacheAfterErasures(since: erased) }
        try journal.refresh { [self] _, payload in state.evolve(try decode(payload)) }
        return Int(state.lastSequence - before)
    }

    /// Removes this desk's own snapshot cache of a PostgreSQL journal when erasures recorded by
    /// other desks were folded in (it still holds the person's data; the next open rebuilds it).
    /// A file's snapshot is removed by the process that erases.
    func dropCacheAfterErasures(since count: Int) {
        if state.files.erasures.count != count, file == nil, let snapshotBase { SnapshotFile.remove(journal: snapshotBase) }
    }

    /// Runs many commands (a generator writing a new journal) under one exclusive lock; on
    /// PostgreSQL their records go to the server together at the end, in one transaction.
    /// Nothing in it is acknowledged before it returns: not for desks.
    public func batch<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let decode = Self.decoder(keys, MissingKeys())
        do {
            return try journal.batched(visit: { [self] _, payload in state.evolve(try decode(payload)) }) { () throws -> T in try body() }
        } catch let e as StoreError {
            throw e
        } catch let e as JournalError {
            throw .journal(e)
        } catch {
            throw .journal(.io(path: journal.path, operation: "append to", reason: "\(error)"))
        }
    }

    /// The `bed_refused` event for a bed command refused by a bed rule, with the person's
    /// checklist outcome at that moment; nil for anything else.
    static func refusalEvent(_ command: Command, _ error: DomainError, state: ShelterState) -> Event? {
        guard error.isBedRule, case let .assignBed(night, bed, client) = command, state.inventory.beds[bed] != nil, state.files.clients[client] != nil else { return nil }
        return .bedRefused(night: night, bed: bed, client: client, reason: error.code, outcome: state.checklistOutcome(of: client, on: night))
    }

    /// Decides and records a command as `actor`. Returns the recorded events.
    /// A refusal by a bed rule is itself recorded (`bed_refused`) before the error is thrown.
    /// The state is mutated in place (never copied): records read from other processes are
    /// folded in as they are read; this command's events only after the append is durable.
    @discardableResult
    public func execute(_ command: Command, actor: StaffID) throws(StoreError) -> [RecordedEvent] {
        var erasureProblem: JournalError?
        let erased = state.files.erasures.count
        defer { dropCacheAfterErasures(since: erased) }
        do {
            let decode = Self.decoder(keys, MissingKeys())
            let recorded = try journal.withExclusiveLock(visit: { [self] _, payload in state.evolve(try decode(payload)) }) {
                () throws -> [RecordedEvent] in
                let now = clock()
                let decided = Result { () throws(DomainError) in try Decider.decide(command, state: state, context: CommandContext(actor: actor, now: now, outflows: outflows)) }
                if case .failure(.notPermitted(_, let permission)) = decided {
                    // The attempt itself is audited (who, when, what kind); the command is not recorded.
                    let audit = RecordedEvent(sequence: state.lastSequence + 1, timestamp: now, actor: actor, schemaVersion: 1,
                                              event: .accessRefused(command: command.kind, permission: permission.rawValue))
                    try journal.append([EventCodec.encode(audit)])
                    state.evolve(audit)
                }
                if case .failure(let refusal) = decided, let event = Self.refusalEvent(command, refusal, state: state) {
                    // Every bed refused by a rule is counted: the refusal is an event; the bed is not given.
                    let rec = RecordedEvent(sequence: state.lastSequence + 1, timestamp: now, actor: actor, schemaVersion: 1, event: event)
                    try journal.append([EventCodec.encode(rec)])
                    state.evolve(rec)
                }
                let events = try decided.get()
                let base = state.lastSequence
                let recorded = events.enumerated().map { i, e in
                    RecordedEvent(sequence: base + UInt64(i) + 1, timestamp: now, actor: actor,
                                  schemaVersion: EventCodec.currentVersion(of: e.tag), event: e)
                }
                var payloads: [[UInt8]] = []
                for r in recorded { payloads.append(try payload(r)) }
                try appendSealed(payloads)
                for r in recorded { state.evolve(r) }
                // An erasure: the event is durable; now the keys go (and the snapshot, which may
                // hold the person's data). A failure here is finished at the next open.
                if recorded.contains(where: { if case .clientErased = $0.event { true } else { false } }) {
                    do { try completeErasures() } catch let e as JournalError { erasureProblem = e }
                }
                return recorded
            }
            if let erasureProblem { journal.addNotice(erasureProblem.description) }
            return recorded
        } catch let e as DomainError {
            throw .refused(e)
        } catch let e as JournalError {
            throw .journal(e)
        } catch {
            throw .journal(.io(path: journal.path, operation: "append to", reason: "\(error)"))
        }
    }
}
