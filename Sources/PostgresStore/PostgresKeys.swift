import Journal
import PostgresNIO
import ShelterDomain

/// The per-person keys in `onderdak_keys`, shared by every desk on the database. Rows are added
/// (committed before the records they seal) and deleted only by an erasure.
final class PostgresKeys: PersonalKeyRemote {
    let session: PostgresSession
    let storeID: [UInt8]

    init(session: PostgresSession, storeID: [UInt8]) { self.session = session; self.storeID = storeID }

    func loadKeys() throws(JournalError) -> [(ClientID, [UInt8])] {
        try session.rows("SELECT client, key FROM onderdak_keys").map { row throws(JournalError) in
            guard let (c, k) = try? row.decode((Int32, ByteBuffer).self), k.readableBytes == 32 else {
                throw .keyStore(path: session.location.display, reason: "a row of onderdak_keys is damaged")
            }
            return (c, Array(k.readableBytesView))
        }
    }

    func insertKeys(_ entries: [(ClientID, [UInt8])]) throws(JournalError) {
        guard !entries.isEmpty else { return }
        var sql = "INSERT INTO onderdak_keys (client, key) VALUES "
        var binds = PostgresBindings()
        for (i, (c, k)) in entries.enumerated() {
            sql += (i > 0 ? ", " : "") + "($\(2 * i + 1), $\(2 * i + 2))"
            binds.append(c)
            binds.append(ByteBuffer(bytes: k))
        }
        sql += " ON CONFLICT (client) DO NOTHING"
        do { try session.rows(PostgresQuery(unsafeSQL: sql, binds: binds)) } catch {
            throw .keyStore(path: session.location.display, reason: "a new key could not be stored (\(error)); nothing was recorded")
        }
    }

    func deleteKeys(_ clients: [ClientID]) throws(JournalError) {
        guard !clients.isEmpty else { return }
        try session.rows("DELETE FROM onderdak_keys WHERE client = ANY(\(clients.map { Int32($0) }))")
    }
}
