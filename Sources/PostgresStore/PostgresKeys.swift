import Journal
import PostgresNIO
import ShelterDomain

/// The per-person keys in `onderdak_keys`, shared by every desk on the database. Rows are added
/// (committed before the records they seal) and deleted only by an erasure, both only under the
/// journal's lock (never on the append's fast path).
final class PostgresKeys: PersonalKeyRemote {
    let session: PostgresSession
    let storeID: [UInt8]

    init(session: PostgresSession, storeID: [UInt8]) { self.session = session; self.storeID = storeID }

    func loadKeys() throws(JournalError) -> [(ClientID, [UInt8])] { try keys(where: "") }

    func loadKeys(in range: ClosedRange<ClientID>) throws(JournalError) -> [(ClientID, [UInt8])] {
        try keys(where: " WHERE client BETWEEN \(range.lowerBound) AND \(range.upperBound)")
    }

    /// The rows of `onderdak_keys` matching `condition` (client ids only, never user text).
    private func keys(where condition: String) throws(JournalError) -> [(ClientID, [UInt8])] {
        try session.rows(PostgresQuery(unsafeSQL: "SELECT client, key FROM onderdak_keys" + condition)).map { row throws(JournalError) in
            guard let (c, k) = try? row.decode((Int32, ByteBuffer).self), k.readableBytes == 32 else {
                throw .keyStore(path: session.location.display, reason: "a row of onderdak_keys is damaged")
            }
            return (c, Array(k.readableBytesView))
        }
    }

    /// Keys per INSERT statement (2 parameters each; a statement takes at most 65,535).
    static let keysPerInsert = 10_000

    /// The INSERT statements for `entries`, to run inside a transaction of the caller's.
    static func inserts(_ entries: [(ClientID, [UInt8])]) -> [PostgresQuery] {
        stride(from: 0, to: entries.count, by: keysPerInsert).map { start in
            let chunk = entries[start..<min(entries.count, start + keysPerInsert)]
            var sql = "INSERT INTO onderdak_keys (client, key) VALUES "
            var binds = PostgresBindings(capacity: chunk.count * 2)
            for (i, (c, k)) in chunk.enumerated() {
                sql += (i > 0 ? ", " : "") + "($\(2 * i + 1), $\(2 * i + 2))"
                binds.append(c)
                binds.append(ByteBuffer(bytes: k))
            }
            return PostgresQuery(unsafeSQL: sql + " ON CONFLICT (client) DO NOTHING", binds: binds)
        }
    }

    func insertKeys(_ entries: [(ClientID, [UInt8])]) throws(JournalError) {
        guard !entries.isEmpty else { return }
        // New keys are added only under the lock: a desk on the fast path decides again with it.
        if session.withoutLock { throw .behind(path: session.location.display) }
        // Committed (and answered) before the records they seal are sent: an explicit COMMIT,
        // since a statement committing by itself is answered before its commit.
        session.sendWithoutWaiting("BEGIN")
        do {
            for q in Self.inserts(entries) { try session.rows(q) }
            try session.simple("COMMIT")
        } catch {
            try? session.simple("ROLLBACK")
            throw .keyStore(path: session.location.display, reason: "a new key could not be stored (\(error)); nothing was recorded")
        }
    }

    func deleteKeys(_ clients: [ClientID]) throws(JournalError) {
        guard !clients.isEmpty else { return }
        if session.withoutLock { throw .behind(path: session.location.display) }
        // An erasure is done only once the DELETE is committed (else the next open finishes it).
        session.sendWithoutWaiting("BEGIN")
        do {
            try session.rows("DELETE FROM onderdak_keys WHERE client = ANY(\(clients.map { Int32($0) }))")
            try session.simple("COMMIT")
        } catch {
            try? session.simple("ROLLBACK")
            throw error
        }
    }
}
