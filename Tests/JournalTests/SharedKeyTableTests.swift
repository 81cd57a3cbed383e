import Crypto
@testable import Journal
import ShelterDomain
import Testing

/// A key table shared by every desk (PostgreSQL's `onderdak_keys`), in memory: it can refuse
/// the next insert, and another desk can add keys to it directly.
final class SharedKeyTable: PersonalKeyRemote {
    var rows: [ClientID: [UInt8]] = [:]
    var refuseNextInsert = false
    let storeID: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]

    func loadKeys() throws(JournalError) -> [(ClientID, [UInt8])] { rows.map { ($0.key, $0.value) } }

    func insertKeys(_ entries: [(ClientID, [UInt8])]) throws(JournalError) {
        if refuseNextInsert { refuseNextInsert = false; throw .behind(path: "memory") }
        for (c, k) in entries where rows[c] == nil { rows[c] = k }  // ON CONFLICT DO NOTHING
    }

    func deleteKeys(_ clients: [ClientID]) throws(JournalError) { for c in clients { rows[c] = nil } }
}

@Suite("Keys in a shared table")
struct SharedKeyTableTests {
    static func bytes(_ k: SymmetricKey) -> [UInt8] { k.withUnsafeBytes { Array($0) } }

    @Test("Keys the table did not take are never used: after a refused insert the next key for that person is the one the table holds")
    func refusedKeysAreDropped() throws {
        let table = SharedKeyTable()
        let store = try PersonalKeyStore.open(remote: table, name: "memory")
        let mine = Self.bytes(store.keyCreating(300))
        table.refuseNextInsert = true
        #expect(throws: JournalError.behind(path: "memory")) { try store.flush() }
        #expect(table.rows[300] == nil, "nothing was stored")
        // Meanwhile another desk registered number 300 with a key of its own.
        let theirs = Self.bytes(SymmetricKey(size: .bits256))
        table.rows[300] = theirs
        #expect(Self.bytes(store.keyCreating(300)) == theirs, "the table's key, not the one that was never stored")
        #expect(Self.bytes(store.keyCreating(300)) != mine)
        try store.flush()
        #expect(table.rows[300] == theirs)
        // The next number gets a batch of its own, stored when flushed.
        let next = Self.bytes(store.keyCreating(301))
        try store.flush()
        #expect(table.rows[301] == next && table.rows[302] != nil)
    }
}
