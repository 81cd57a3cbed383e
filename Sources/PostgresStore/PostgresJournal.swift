import Foundation
import Journal
import PostgresNIO
import ShelterDomain

/// The journal on PostgreSQL: the records of a journal file, one per row of `onderdak_events`,
/// with the same bytes and hash chain. Every read checks the frames, checksums and links as a
/// file open does. An append holds the session advisory lock (taken after catching up, so the
/// command is re-decided on fresh state), inserts in one transaction with a NOTIFY, and commits;
/// when the commit's outcome is unknown (the connection dropped), the rows are looked for by their
/// link after reconnecting — applied once or not at all, never twice.
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
    static func open(session: PostgresSession, writable: Bool, visit: JournalFile.Visitor) throws(JournalError) -> PostgresJournal {
        let j = PostgresJournal(session: session, writable: writable)
        let head = try session.rows("SELECT store_id FROM onderdak_header WHERE id = 1")
        guard let row = head.first else { throw .notFound(path: session.location.display) }
        j.storeID = (try? row.decode(ByteBuffer.self)).map { Array($0.readableBytesView) } ?? []
        try j.readNew(visit: visit)
        if j.recordCount == 0 { throw .notAJournal(path: j.path) }
        return j
    }

    public var hasNewData: Bool {
        if session.listens { return session.notified.peek() || !session.isConnected }
        // Without LISTEN: ask at most once a second.
        guard Date().timeIntervalSince(lastPoll) >= 1 else { return false }
        lastPoll = Date()
        let n = try? session.rows("SELECT coalesce(max(seq), -1) FROM onderdak_events").first?.decode(Int64.self)
        return (n ?? -1) >= Int64(recordCount)
    }

    public func refresh(visit: JournalFile.Visitor) throws(JournalError) {
        _ = session.notified.take()
        try readNew(visit: visit)
    }

    /// Reads the rows after the last one read, checking them as one stretch of a journal file.
    func readNew(visit: JournalFile.Visitor) throws(JournalError) {
        let rows = try session.rows("SELECT seq, record, link FROM onderdak_events WHERE seq >= \(Int64(recordCount)) ORDER BY seq")
        guard !rows.isEmpty else { return }
        var bytes: [UInt8] = []
        for (i, row) in rows.enumerated() {
            guard let (seq, record, link) = try? row.decode((Int64, ByteBuffer, ByteBuffer).self), seq == Int64(recordCount + i) else {
                throw .corrupt(path: path, record: recordCount + i, offset: 0, reason: "the rows of onderdak_events are not numbered without gaps")
            }
            let r = Array(record.readableBytesView)
            guard r.withUnsafeBytes({ RecordFormat.sha256($0) }) == Array(link.readableBytesView) else {
                throw .corrupt(path: path, record: recordCount + i, offset: 0, reason: "its link column is not the hash of its record")
            }
            bytes += r
        }
        let first = recordCount
        var decodedHeader: JournalHeader?
        let result: JournalScanner.Result
        do {
            result = try bytes.withUnsafeBytes { buf in
                try JournalScanner.scan(buf, baseOffset: 0, firstIndex: first, previousHash: headHash, verifyChain: true) { index, _, payload in
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
        recordCount += result.records
        headHash = result.headHash
        if let problem = result.problem {
            throw .corrupt(path: path, record: recordCount, offset: 0, reason: "\(problem)")
        }
    }

    public func withExclusiveLock<T>(visit: JournalFile.Visitor, _ body: () throws -> T) throws -> T {
        precondition(writable, "the journal was opened read-only")
        if lockDepth > 0 { lockDepth += 1; defer { lockDepth -= 1 }; return try body() }
        try session.rows("SELECT pg_advisory_lock(\(PostgresSchema.lockKey))")
        lockDepth = 1
        defer {
            lockDepth = 0
            // A dropped connection has released the lock with the session.
            if session.isConnected { _ = try? session.rows("SELECT pg_advisory_unlock(\(PostgresSchema.lockKey))") }
        }
        _ = session.notified.take()
        try readNew(visit: visit)
        return try body()
    }

    @discardableResult
    public func append(_ payloads: [[UInt8]]) throws(JournalError) -> Int {
        precondition(writable && lockDepth > 0, "append outside withExclusiveLock")
        guard !payloads.isEmpty else { return recordCount }
        var head = headHash
        var rows: [(Int64, [UInt8], [UInt8])] = []
        for (i, payload) in payloads.enumerated() {
            let flags = i < payloads.count - 1 ? RecordFormat.flagContinued : 0
            let record = RecordFormat.build(kind: RecordFormat.kindEvent, flags: flags, payload: payload, previousHash: head)
            head = record.withUnsafeBytes { RecordFormat.sha256($0) }
            rows.append((Int64(recordCount + i), record, head))
        }
        do {
            try session.simple("BEGIN")
            for (seq, record, link) in rows {
                try session.rows("INSERT INTO onderdak_events (seq, record, link) VALUES (\(seq), \(ByteBuffer(bytes: record)), \(ByteBuffer(bytes: link)))")
            }
            try session.simple("NOTIFY onderdak_events")
        } catch {
            try? session.simple("ROLLBACK")
            throw .writeFailed(path: path, reason: "\(error)")
        }
        do { try session.simple("COMMIT") } catch {
            // The outcome is unknown: look for the last row after reconnecting.
            session.drop()
            let found = try? session.rows("SELECT seq FROM onderdak_events WHERE link = \(ByteBuffer(bytes: head))")
            guard let found else {
                throw .syncFailed(path: path, reason: "the server did not confirm the commit and cannot be reached to check it (\(error)); nothing is acknowledged")
            }
            guard !found.isEmpty else { throw .writeFailed(path: path, reason: "the commit did not reach the server (\(error)); nothing was recorded") }
            notices.append("The connection to \(path) dropped during a commit; the records were found on the server, so the command counts once.")
        }
        recordCount += payloads.count
        headHash = head
        return recordCount
    }
}
