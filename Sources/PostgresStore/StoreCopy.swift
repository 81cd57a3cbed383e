import Foundation
import Journal
import PostgresNIO
import ShelterDomain

/// `onderdak store copy`: every record (the very bytes) and every per-person key from one store
/// to a new one, file or PostgreSQL in either direction. The target must be empty; the copy's
/// chain is read back and checked, and its head hash must equal the source's.
public enum StoreCopy {
    /// What was copied.
    public struct Outcome: Sendable {
        public var records: Int
        public var keys: Int
        public var sourceHead: [UInt8]
        public var targetHead: [UInt8]
        public var identical: Bool { sourceHead == targetHead }
    }

    public static func copy(from source: String, to target: String) throws(JournalError) -> Outcome {
        let (records, head) = try readRecords(source)
        let keys = try readKeys(source)
        try write(records, keys: keys, to: target)
        let (back, targetHead) = try readRecords(target)
        return Outcome(records: back.count, keys: keys.count, sourceHead: head, targetHead: targetHead)
    }

    /// Copies a PostgreSQL journal into a new file (for `verify`, which checks files).
    public static func toFile(_ url: String, path: String) throws(JournalError) {
        let (records, _) = try readRecords(url)
        try write(records, keys: try readKeys(url), to: path)
    }

    /// Every record's bytes, checked as an open checks them, and the head hash.
    static func readRecords(_ location: String) throws(JournalError) -> ([[UInt8]], [UInt8]) {
        var bytes: [UInt8]
        if PostgresLocation.handles(location) {
            let s = PostgresSession(try PostgresLocation(location))
            bytes = []
            for row in try s.rows("SELECT record FROM onderdak_events ORDER BY seq") {
                guard let r = try? row.decode(ByteBuffer.self) else { throw .notAJournal(path: s.location.display) }
                bytes += r.readableBytesView
            }
            if bytes.isEmpty { throw .notFound(path: s.location.display) }
        } else {
            guard let d = FileManager.default.contents(atPath: location) else { throw .notFound(path: location) }
            bytes = Array(d)
        }
        var records: [[UInt8]] = []
        let result = bytes.withUnsafeBytes { buf in
            JournalScanner.scan(buf, baseOffset: 0, firstIndex: 0, previousHash: RecordFormat.zeroHash, verifyChain: true) { _, ref, _ in
                records.append(Array(buf[ref.offset..<ref.end]))
            }
        }
        if let p = result.problem { throw .corrupt(path: location, record: result.records, offset: result.validEnd, reason: "\(p)") }
        return (records, result.headHash)
    }

    static func readKeys(_ location: String) throws(JournalError) -> [(ClientID, [UInt8])] {
        if PostgresLocation.handles(location) { return try PostgresJournals().keys(location).exportedKeys() }
        return try PersonalKeyStore.open(journal: location).exportedKeys()
    }

    static func write(_ records: [[UInt8]], keys: [(ClientID, [UInt8])], to target: String) throws(JournalError) {
        guard let first = records.first else { throw .emptyFile(path: target) }
        guard let header = try? first[RecordFormat.headerSize + 32 ..< first.count - 4].withUnsafeBytes({ (p) throws(CodecError) in try JournalHeader.decode(p) }) else {
            throw .notAJournal(path: target)
        }
        if PostgresLocation.handles(target) {
            let s = PostgresSession(try PostgresLocation(target))
            for q in PostgresSchema.create { try s.simple(q) }
            try s.simple("BEGIN")
            do {
                try s.rows("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey))")
                let n = try s.rows("SELECT (SELECT count(*) FROM onderdak_events) + (SELECT count(*) FROM onderdak_keys)").first?.decode(Int64.self) ?? 0
                if n > 0 { throw JournalError.alreadyExists(path: s.location.display) }
                let rows = records.enumerated().map { i, r in (Int64(i), r, r.withUnsafeBytes { RecordFormat.sha256($0) }) }
                for q in PostgresJournal.inserts(rows[...]) { try s.rows(q) }
                let storeID = (0..<8).map { _ in UInt8.random(in: 0...255) }
                try s.rows("""
                    INSERT INTO onderdak_header (id, is_demo, label, installation_id, created_ms, store_id)
                    VALUES (1, \(header.isDemo), \(header.label), \(ByteBuffer(bytes: header.installationID)), \(header.created.milliseconds), \(ByteBuffer(bytes: storeID)))
                    """)
                for q in PostgresKeys.inserts(keys) { try s.rows(q) }
                try s.simple("COMMIT")
            } catch {
                try? s.simple("ROLLBACK")
                if let e = error as? JournalError { throw e }
                throw .io(path: s.location.display, operation: "copy into", reason: "\(error)")
            }
            return
        }
        if FileManager.default.fileExists(atPath: target) { throw .alreadyExists(path: target) }
        if FileManager.default.fileExists(atPath: PersonalKeyStore.path(forJournal: target)) {
            throw .keyStore(path: PersonalKeyStore.path(forJournal: target), reason: "it exists already; move it away")
        }
        let tmp = target + ".copy-\(getpid())"
        let data = Data(records.joined())
        guard FileManager.default.createFile(atPath: tmp, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw .writeFailed(path: tmp, reason: "could not be created")
        }
        let fd = Foundation.open(tmp, O_RDONLY)
        let synced = fd >= 0 && fsync(fd) == 0
        if fd >= 0 { close(fd) }
        guard synced, link(tmp, target) == 0 else {
            unlink(tmp)
            throw .writeFailed(path: target, reason: "could not be put in place")
        }
        unlink(tmp)
        try PersonalKeyStore.write(journal: target, entries: keys)
    }
}
