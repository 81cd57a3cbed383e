import Foundation
import Journal
import PostgresNIO
import ShelterDomain

/// The journal on PostgreSQL: the records of a journal file, one per row of `onderdak_events`,
/// with the same bytes and hash chain. Every read checks the frames, checksums and hash chain as a
/// file open does. An append decides on fresh state: on the fast path (nothing heard from other
/// desks) it inserts at the next row numbers with the lock taken inside the statement, and a
/// taken row number sends it the slow way — the session advisory lock, catching up, deciding again
/// (`withExclusiveLock`); either inserts in one transaction with a NOTIFY and commits. When the
/// commit's outcome is unknown (the connection dropped), the last row is looked for by its number
/// and link after reconnecting — applied once or not at all, never twice.
public final class PostgresJournal: JournalBackend {
    let session: PostgresSession
    public var path: String { session.location.display }
    public let writable: Bool
    public private(set) var header = JournalHeader(created: Timestamp(milliseconds: 0), installationID: [], isDemo: false, label: "")
    public private(set) var recordCount = 0
    public private(set) var headHash = RecordFormat.zeroHash
    public private(set) var notices: [String] = []
    /// The store id kept in the header table (names the key table in snapshots and reports).
    public private(set) var storeID: [UInt8] = []
    var lockDepth = 0
    var lastPoll = Date.distantPast
    /// Rows decided inside `batched`, sent together at its end.
    var pending: [(Int64, [UInt8], [UInt8])]?
    /// The link of a commit whose outcome is unknown; settled at the next read or lock.
    var unconfirmed: [UInt8]?
    var settled: Bool?
    /// Tests: the next append's answer is lost — after the statement ran or before it was sent
    /// — and the server can (or cannot) be asked afterwards.
    var faultForTests: (sent: Bool, reachable: Bool)?

    public func addNotice(_ text: String) { notices.append(text) }

    init(session: PostgresSession, writable: Bool) { self.session = session; self.writable = writable }

    /// Creates the tables (if needed) and writes the header record; refused when the database
    /// already holds a journal.
    static func create(session: PostgresSession, header: JournalHeader) throws(JournalError) {
        if SystemClock.isOverridden, !header.isDemo { throw .clockOverride(path: session.location.display) }
        for q in PostgresSchema.create { try session.simple(q) }
        try session.simple("BEGIN")
        do {
            try session.rows("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey))")
            let n = try session.rows("SELECT count(*) FROM onderdak_events").first?.decode(Int64.self) ?? 0
            if n > 0 { throw JournalError.alreadyExists(path: session.location.display) }
            let record = RecordFormat.build(kind: RecordFormat.kindHeader, flags: 0, payload: header.encoded(), previousHash: RecordFormat.zeroHash)
            let link = record.withUnsafeBytes { RecordFormat.sha256($0) }
            let storeID = (0..<8).map { _ in UInt8.random(in: 0...255) }
            try session.rows("INSERT INTO onderdak_events (seq, record, link) VALUES (0, \(ByteBuffer(bytes: record)), \(ByteBuffer(bytes: link)))")
            try session.rows("""
                INSERT INTO onderdak_header (id, is_demo, label, installation_id, created_ms, store_id)
                VALUES (1, \(header.isDemo), \(header.label), \(ByteBuffer(bytes: header.installationID)), \(header.created.milliseconds), \(ByteBuffer(bytes: storeID)))
                """)
            try session.simple("COMMIT")
        } catch {
            try? session.simple("ROLLBACK")
            if let e = error as? JournalError { throw e }
            throw .io(path: session.location.display, operation: "create the journal in", reason: "\(error)")
        }
    }

    /// Opens the journal and reads every record (the header's not visited).
    static func open(session: PostgresSession, writable: Bool, pageRows: Int = rowsPerRead, reversedPagesForTests: Bool = false,
                     visit: JournalFile.Visitor) throws(JournalError) -> PostgresJournal {
        let j = PostgresJournal(session: session, writable: writable)
        j.pageRows = pageRows
        j.reversedPagesForTests = reversedPagesForTests
        let head = try session.rows("SELECT store_id FROM onderdak_header WHERE id = 1")
        guard let row = head.first else { throw .notFound(path: session.location.display) }
        j.storeID = (try? row.decode(ByteBuffer.self)).map { Array($0.readableBytesView) } ?? []
        try j.readNew(visit: visit)
        if j.recordCount == 0 { throw .notAJournal(path: j.path) }
        return j
    }

    /// Opens the journal after a snapshot of its first `snap.records` records (this desk's local
    /// cache): only the rows after them are read, their chain checked from the snapshot's head.
    /// Nil when the server's journal does not continue the snapshot — its header row is not the
    /// snapshot's header, or the row the snapshot ends on has another hash (a restored backup, a
    /// journal made again) — so the caller replays in full.
    static func open(session: PostgresSession, writable: Bool, resume snap: SnapshotFile, visit: JournalFile.Visitor) throws(JournalError) -> PostgresJournal? {
        guard snap.records > 1, let header = try? snap.headerPayload.withUnsafeBytes({ (b) throws(CodecError) in try JournalHeader.decode(b) }) else { return nil }
        if SystemClock.isOverridden, !header.isDemo { throw .clockOverride(path: session.location.display) }
        let j = PostgresJournal(session: session, writable: writable)
        let head = try session.rows("SELECT store_id FROM onderdak_header WHERE id = 1")
        guard let row = head.first else { throw .notFound(path: session.location.display) }
        j.storeID = (try? row.decode(ByteBuffer.self)).map { Array($0.readableBytesView) } ?? []
        let ends = try session.rows("SELECT seq, link FROM onderdak_events WHERE seq = 0 OR seq = \(Int64(snap.records - 1))")
        var links: [Int64: [UInt8]] = [:]
        for r in ends { if let (seq, link) = try? r.decode((Int64, ByteBuffer).self) { links[seq] = Array(link.readableBytesView) } }
        let headerRecord = RecordFormat.build(kind: RecordFormat.kindHeader, flags: 0, payload: snap.headerPayload, previousHash: RecordFormat.zeroHash)
        guard links[0] == headerRecord.withUnsafeBytes({ RecordFormat.sha256($0) }), links[Int64(snap.records - 1)] == snap.headHash else { return nil }
        j.header = header
        j.recordCount = snap.records
        j.headHash = snap.headHash
        try j.readNew(visit: visit)
        return j
    }

    public var hasNewData: Bool {
        // While the connection is down there is nothing to read; `isOnline` says so.
        if session.listens { return session.isConnected && session.notified.peek() }
        // Without LISTEN: ask at most once a second.
        guard Date().timeIntervalSince(lastPoll) >= 1 else { return false }
        lastPoll = Date()
        let n = try? session.rows("SELECT coalesce(max(seq), -1) FROM onderdak_events").first?.decode(Int64.self)
        return (n ?? -1) >= Int64(recordCount)
    }

    public var isOnline: Bool { session.isConnected }

    public func reconnect() { session.reconnectInBackground() }

    public func takeSettlement() -> Bool? { defer { settled = nil }; return settled }

    public func refresh(visit: JournalFile.Visitor) throws(JournalError) {
        _ = session.notified.take()
        try readNew(visit: visit)
    }

    /// Rows read per query while catching up (a city's millions are not held at once).
    static let rowsPerRead = 65_536
    /// This journal's page size (tests cut a journal into many small pages).
    var pageRows = PostgresJournal.rowsPerRead
    /// Tests: pages are first aggregated in reverse (as the server is free to), to check the retry.
    var reversedPagesForTests = false

    /// One page of rows as one row: how many, the first and last seq, and the records
    /// concatenated in order — the very bytes of that stretch of a journal file (each record
    /// says its length). One value per page instead of three per row: decoding a city's 2.2
    /// million rows one by one cost more than reading and checking them. The `link` column is not
    /// sent: each record carries the hash of the one before, which the scan checks, as in a file.
    ///
    /// The aggregate takes the rows in the order the sorted subquery gives them (what PostgreSQL
    /// does; an `ORDER BY` inside the aggregate would sort each page again, a third of a city's
    /// replay). That order is not promised, so the page also says it: every row's seq, aggregated
    /// in the same pass. A page not in order is asked for again with `ordered` (sorted in the aggregate).
    static func pageQuery(from: Int, limit: Int, ordered: Bool = false, reversed: Bool = false) -> PostgresQuery {
        let order = ordered ? " ORDER BY seq" : reversed ? " ORDER BY seq DESC" : ""
        return """
        SELECT count(*)::int8, coalesce(min(seq), -1), coalesce(max(seq), -1),
               coalesce(string_agg(record, ''::bytea\(unescaped: order)), ''::bytea),
               coalesce(string_agg(int8send(seq), ''::bytea\(unescaped: order)), ''::bytea)
        FROM (SELECT seq, record FROM onderdak_events WHERE seq >= \(Int64(from)) ORDER BY seq LIMIT \(Int64(limit))) AS page
        """
    }

    /// True when `seqs` (8 bytes each, big-endian) are `first`, `first + 1`, … in that order.
    static func inOrder(_ seqs: ByteBuffer, first: Int64, count: Int64) -> Bool {
        guard seqs.readableBytes == Int(count) * 8 else { return false }
        return seqs.withUnsafeReadableBytes { b in
            var expected = UInt64(bitPattern: first)
            for i in stride(from: 0, to: b.count, by: 8) {
                var v: UInt64 = 0
                for k in 0..<8 { v = v << 8 | UInt64(b[i + k]) }
                guard v == expected else { return false }
                expected &+= 1
            }
            return true
        }
    }

    /// Records read but not yet visited: the rows of a command cut by a page's end (their
    /// records say "more follow"), checked and visited with the next page, never taken for a
    /// torn tail.
    struct Carry {
        var bytes: [UInt8] = []
        var starts: [Int] = []
    }

    /// Reads the rows after the last one read, a page at a time, checking each page as one
    /// stretch of a journal file. The next page is asked for before this one is checked, so the
    /// server reads it while the records are hashed and decoded here.
    func readNew(visit: JournalFile.Visitor) throws(JournalError) {
        let limit = pageRows
        var from = recordCount
        var next = try session.send(Self.pageQuery(from: from, limit: limit, reversed: reversedPagesForTests))
        var carry = Carry()
        while true {
            var rows = try session.wait(next)
            guard let row = rows.first, var (count, first, last, blob, seqs) = try? row.decode((Int64, Int64, Int64, ByteBuffer, ByteBuffer).self) else {
                throw .io(path: path, operation: "read", reason: "the server did not answer with a page of onderdak_events")
            }
            if !Self.inOrder(seqs, first: first, count: count) {
                // Aggregated in another order: the same page again, sorted by the aggregate.
                rows = try session.rows(Self.pageQuery(from: from, limit: limit, ordered: true))
                guard let row = rows.first, let page = try? row.decode((Int64, Int64, Int64, ByteBuffer, ByteBuffer).self),
                      Self.inOrder(page.4, first: page.1, count: page.0) else {
                    throw .io(path: path, operation: "read", reason: "the server did not answer with a page of onderdak_events in order")
                }
                (count, first, last, blob, seqs) = page
            }
            guard count == 0 || (first == Int64(from) && last - first + 1 == count) else {
                throw .corrupt(path: path, record: from, offset: 0, reason: "the rows of onderdak_events are not numbered without gaps")
            }
            let full = count == Int64(limit)
            if full {
                from += limit
                next = try session.send(Self.pageQuery(from: from, limit: limit, reversed: reversedPagesForTests))
            }
            try take(blob, rows: Int(count), carry: &carry, more: full, visit: visit)
            if !full { return }
        }
    }

    /// Checks and visits a page's records after those carried over; with `more` (a full page),
    /// the records after the last whole command are carried to the next page.
    func take(_ blob: ByteBuffer, rows: Int, carry: inout Carry, more: Bool, visit: JournalFile.Visitor) throws(JournalError) {
        var bytes = carry.bytes, starts = carry.starts
        carry = Carry()
        bytes.reserveCapacity(bytes.count + blob.readableBytes)
        starts.reserveCapacity(starts.count + rows + 1)
        let whole = blob.withUnsafeReadableBytes { b -> Bool in
            // Where each record starts, from the lengths in the records' own headers (the scan
            // checks each header's CRC): exactly `rows` records, ending with the page.
            let base = bytes.count
            var o = 0
            for _ in 0..<rows {
                guard o + RecordFormat.headerSize <= b.count else { return false }
                let n = Int(b[o + 8]) | Int(b[o + 9]) << 8 | Int(b[o + 10]) << 16 | Int(b[o + 11]) << 24
                guard n <= RecordFormat.maxPayload, o + RecordFormat.overhead + n <= b.count else { return false }
                starts.append(base + o)
                o += RecordFormat.overhead + n
            }
            guard o == b.count else { return false }
            bytes.append(contentsOf: b)
            return true
        }
        guard whole else { throw .corrupt(path: path, record: recordCount, offset: 0, reason: "a page of onderdak_events is damaged") }
        guard !starts.isEmpty else { return }
        var end = starts.count
        if more {
            // Bytes 6–7 of a record: its flags; bit 0 says more records of its command follow.
            let lastWhole = starts.indices.last { i in
                let s = starts[i], e = i + 1 < starts.count ? starts[i + 1] : bytes.count
                return e - s < RecordFormat.headerSize || bytes[s + 6] & UInt8(RecordFormat.flagContinued) == 0
            }
            end = lastWhole.map { $0 + 1 } ?? 0
            if end < starts.count {
                let cut = starts[end]
                carry.bytes = Array(bytes[cut...])
                carry.starts = starts[end...].map { $0 - cut }
            }
            if end == 0 { return }  // one command longer than the page: all of it waits for the next
        }
        let stop = end < starts.count ? starts[end] : bytes.count
        let first = recordCount
        var decodedHeader: JournalHeader?
        let result: JournalScanner.Result
        do {
            result = try bytes.withUnsafeBytes { all in
                try JournalScanner.scan(UnsafeRawBufferPointer(rebasing: all[0..<stop]), baseOffset: 0, firstIndex: first, previousHash: headHash, verifyChain: true) { index, _, payload in
                    if index == 0 {
                        guard let h = try? JournalHeader.decode(payload) else { throw JournalError.notAJournal(path: path) }
                        if SystemClock.isOverridden, !h.isDemo { throw JournalError.clockOverride(path: path) }
                        decodedHeader = h
                        return
                    }
                    do { try visit(index, payload) } catch {
                        throw JournalError.undecodable(path: path, record: index, offset: 0, reason: "\(error)")
                    }
                }
            }
        } catch let e as JournalError { throw e } catch { throw .io(path: path, operation: "read", reason: "\(error)") }
        if let decodedHeader { header = decodedHeader }
        // An unconfirmed commit whose last row is here: the hash of a record is the next one's
        // previous-hash field (checked by the scan), or the new head for the last.
        if let u = unconfirmed, result.problem == nil,
           result.headHash.elementsEqual(u) || (1..<max(1, end)).contains(where: { i in
               let p = starts[i] + RecordFormat.headerSize
               return bytes[p..<(p + 32)].elementsEqual(u)
           }) {
            unconfirmed = nil; settled = true
        }
        recordCount += result.records
        headHash = result.headHash
        if let problem = result.problem {
            throw .corrupt(path: path, record: recordCount, offset: 0, reason: "\(problem)")
        }
    }

    /// Whether a command may first be tried without the advisory lock (`withExclusiveLock`);
    /// `ONDERDAK_PG_FAST_APPEND=0` turns it off (to compare, or to rule it out).
    static let fastAppend = ProcessInfo.processInfo.environment["ONDERDAK_PG_FAST_APPEND"] != "0"

    /// True during a fast-path attempt once a row was written (the body is then never run again).
    var wroteWithoutLock = false

    /// Runs `body` (decide and append) as if alone on the store. The fast path: when this desk
    /// has heard of no other desk's records (no NOTIFY since its last read) it decides on the state
    /// it has and inserts at the next row number, taking the lock inside that one statement. The
    /// row number is the table's primary key, so if another desk recorded first the insert fails
    /// (`behind`), nothing is written, and `body` runs again the slow way: under the session lock,
    /// after reading what the others recorded — the same decision on fresh state as with `flock`.
    /// New or erased keys always wait for the lock. Batches (`batched`) take the slow way.
    public func withExclusiveLock<T>(visit: JournalFile.Visitor, _ body: () throws -> T) throws -> T {
        precondition(writable, "the journal was opened read-only")
        if lockDepth > 0 { lockDepth += 1; defer { lockDepth -= 1 }; return try body() }
        if Self.fastAppend, pending == nil, unconfirmed == nil, session.isConnected, !(session.listens && session.notified.peek()) {
            lockDepth = 1; session.withoutLock = true; wroteWithoutLock = false
            defer { lockDepth = 0; session.withoutLock = false }
            do { return try body() } catch JournalError.behind(_) where !wroteWithoutLock {
                // Nothing of this command was written: decided again below, under the lock.
            }
        }
        return try lockedRun(visit: visit, body)
    }

    /// `body` under the session advisory lock, after reading every row the others recorded.
    func lockedRun<T>(visit: JournalFile.Visitor, _ body: () throws -> T) throws -> T {
        if lockDepth > 0 { lockDepth += 1; defer { lockDepth -= 1 }; return try body() }
        try session.rows("SELECT pg_advisory_lock(\(PostgresSchema.lockKey))")
        lockDepth = 1
        defer {
            lockDepth = 0
            // A dropped connection has released the lock with the session. Not waited for: the
            // connection runs its queries in order, so the next lock comes after it.
            session.sendWithoutWaiting("SELECT pg_advisory_unlock(\(PostgresSchema.lockKey))")
        }
        _ = session.notified.take()
        try readNew(visit: visit)
        // Under the lock and caught up: an unconfirmed commit not among the rows never happened.
        if unconfirmed != nil { unconfirmed = nil; settled = false }
        return try body()
    }

    public func batched<T>(visit: JournalFile.Visitor, _ body: () throws -> T) throws -> T {
        try lockedRun(visit: visit) { () throws -> T in
            pending = []
            defer { pending = nil }
            let result = Result { try body() }
            // What was decided before a failure is kept, as a file would keep it.
            if let rows = pending, !rows.isEmpty { try insert(rows) }
            return try result.get()
        }
    }

    @discardableResult
    public func append(_ payloads: [[UInt8]]) throws(JournalError) -> Int {
        precondition(writable && lockDepth > 0, "append outside withExclusiveLock")
        guard !payloads.isEmpty else { return recordCount }
        if let u = unconfirmed {
            throw .unconfirmed(path: path, reason: "an earlier command (head \(u.prefix(4).map { String($0, radix: 16) }.joined())…) is still being looked up")
        }
        var head = headHash
        var rows: [(Int64, [UInt8], [UInt8])] = []
        for (i, payload) in payloads.enumerated() {
            let flags = i < payloads.count - 1 ? RecordFormat.flagContinued : 0
            let record = RecordFormat.build(kind: RecordFormat.kindEvent, flags: flags, payload: payload, previousHash: head)
            head = record.withUnsafeBytes { RecordFormat.sha256($0) }
            rows.append((Int64(recordCount + i), record, head))
        }
        if pending != nil {
            pending! += rows
        } else {
            try insert(rows)
        }
        recordCount += payloads.count
        headHash = head
        return recordCount
    }

    /// Rows per INSERT statement (3 parameters each; a statement takes at most 65,535).
    static let rowsPerInsert = 1000

    /// INSERT statements for rows (`rowsPerInsert` at a time); with `notify`, the statement
    /// also sends the NOTIFY (one statement: inserted and announced in one implicit transaction).
    static func inserts(_ rows: ArraySlice<(Int64, [UInt8], [UInt8])>, notify: String? = nil, lock: Bool = false) -> [PostgresQuery] {
        var out: [PostgresQuery] = []
        var i = rows.startIndex
        while i < rows.endIndex {
            let chunk = rows[i..<min(rows.endIndex, i + rowsPerInsert)]
            var sql = "INSERT INTO onderdak_events (seq, record, link) VALUES "
            var binds = PostgresBindings(capacity: chunk.count * 3)
            for (k, (seq, record, link)) in chunk.enumerated() {
                sql += (k > 0 ? ", " : "") + "($\(3 * k + 1), $\(3 * k + 2), $\(3 * k + 3))"
                binds.append(seq)
                binds.append(ByteBuffer(bytes: record))
                binds.append(ByteBuffer(bytes: link))
            }
            if lock {
                // The lock is taken inside the statement, before its first row is inserted: a desk
                // holding it (the slow path) finishes first, and the row number then tells.
                sql = sql.replacingOccurrences(of: "INSERT INTO onderdak_events (seq, record, link) VALUES ",
                                               with: "INSERT INTO onderdak_events (seq, record, link) SELECT v.seq, v.record, v.link FROM (VALUES ")
                    + ") AS v(seq, record, link) CROSS JOIN (SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey))) AS l"
            }
            if let notify {
                binds.append(notify)
                sql = "WITH inserted AS (\(sql) RETURNING seq) SELECT pg_notify('onderdak_events', $\(3 * chunk.count + 1)) FROM (SELECT count(*) FROM inserted) AS n"
            }
            out.append(PostgresQuery(unsafeSQL: sql, binds: binds))
            i += chunk.count
        }
        return out
    }

    /// Inserts rows with a NOTIFY, durably, in one transaction: a command's few rows in one
    /// statement between BEGIN and COMMIT, a generator's many 1,000 per statement. When the outcome is
    /// unknown (the connection dropped after the statement or COMMIT was sent), reconnects and
    /// looks for the last row by its link, under the advisory lock (so the old session has
    /// finished, committed or rolled back).
    func insert(_ rows: [(Int64, [UInt8], [UInt8])]) throws(JournalError) {
        guard let last = rows.last else { return }
        let head = (seq: last.0, link: last.2)
        // Down already: nothing is sent, nothing recorded.
        _ = try session.connected()
        // On the fast path, from here on rows may be on the server (the body is never run again),
        // unless the server says the row number was taken (`behind`: nothing written).
        let fast = session.withoutLock
        if fast { wroteWithoutLock = true; session.withoutLock = false }
        if rows.count <= Self.rowsPerInsert {
            // An explicit transaction, because of when PostgreSQL answers: a statement that commits
            // by itself is answered (CommandComplete, where PostgresNIO's query returns) before its
            // commit, which runs at the Sync after it; COMMIT is answered only once the commit is
            // flushed and, with a synchronous standby, replicated. BEGIN is not waited for (the
            // connection runs queries in order), so this costs no extra round trip before the rows.
            if let f = faultForTests {
                // The answer to the statement is lost (after it ran, or before it was sent).
                faultForTests = nil
                if f.sent {
                    session.sendWithoutWaiting("BEGIN")
                    try session.rows(Self.inserts(rows[...], notify: session.token, lock: fast)[0])
                    try session.simple("COMMIT")
                }
                try settle(head, .offline(path: path, reason: "the answer was lost (test)"), reachable: f.reachable)
                return
            }
            session.sendWithoutWaiting("BEGIN")
            do { try session.rows(Self.inserts(rows[...], notify: session.token, lock: fast)[0]) } catch {
                guard case .offline = error else {
                    try? session.simple("ROLLBACK")
                    // Another desk took the row number: on the fast path, decided again under the lock.
                    if fast, case .behind = error { wroteWithoutLock = false; session.withoutLock = true; throw error }
                    throw .writeFailed(path: path, reason: "\(error)")
                }
                try settle(head, error)
                return
            }
            do { try session.simple("COMMIT") } catch { try settle(head, error) }
            return
        }
        do {
            try session.simple("BEGIN")
            for q in Self.inserts(rows[...]) { try session.rows(q) }
            try session.simple("NOTIFY onderdak_events, '\(session.token)'")
        } catch {
            try? session.simple("ROLLBACK")
            if case .offline = error { throw error }
            throw .writeFailed(path: path, reason: "\(error)")
        }
        do { try session.simple("COMMIT") } catch { try settle(head, error) }
    }

    /// After a commit whose outcome is unknown: returns when the rows are on the server
    /// (counted once), throws when they are not, or when that cannot be found out yet.
    func settle(_ head: (seq: Int64, link: [UInt8]), _ error: JournalError, reachable: Bool = true) throws(JournalError) {
        session.drop()
        switch reachable ? lookUp(head.link, at: head.seq) : nil {
        case .some(true):
            notices.append("The connection to \(path) dropped during a commit; the records were found on the server, so the command counts once.")
        case .some(false):
            throw .writeFailed(path: path, reason: "the commit did not reach the server (\(error)); nothing was recorded")
        case nil:
            unconfirmed = head.link
            throw .unconfirmed(path: path, reason: "\(error)")
        }
    }

    /// Whether the row with this link is on the server at `seq`: asked on a new connection, under
    /// the advisory lock, for up to `lookUpSeconds`; nil when the server could not be asked. (By
    /// row number, so the link needs no index of its own: every append pays for an index.)
    func lookUp(_ link: [UInt8], at seq: Int64) -> Bool? {
        let deadline = Date().addingTimeInterval(lookUpSeconds)
        repeat {
            do {
                _ = try session.connectNow(timeout: .seconds(2))
                try session.rows("SELECT set_config('lock_timeout', \(String(Int(lookUpSeconds * 1000))), false)")
                try session.rows("SELECT pg_advisory_lock(\(PostgresSchema.lockKey))")
                _ = try? session.rows("SELECT set_config('lock_timeout', '0', false)")
                let found = try session.rows("SELECT link FROM onderdak_events WHERE seq = \(seq)").first.flatMap { try? $0.decode(ByteBuffer.self) }
                return found.map { Array($0.readableBytesView) == link } ?? false
            } catch {
                if Date() >= deadline { return nil }
                usleep(250_000)
            }
        } while true
    }

    /// How long an unconfirmed commit is looked up before giving up (a few seconds: the desk
    /// waits meanwhile).
    var lookUpSeconds: TimeInterval = 5
}
