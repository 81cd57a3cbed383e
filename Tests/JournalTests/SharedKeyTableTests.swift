import Crypto
@testable import Journal
import ShelterDomain
import Testing

/// A key table shared by every desk (PostgreSQL's `onderdak_keys`), in memory: it can refuse
/// the next insert, and another desk can add keys to it directly.
final class SharedKeyTable: PersonalKeyRemote {
    var rows: [ClientID: [UInt8]] = [:]
    var refuseNextInsert = false
    /// What was read: nil for every key, else the range asked for.
    var reads: [ClosedRange<ClientID>?] = []
    let storeID: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]

    func loadKeys() throws(JournalError) -> [(ClientID, [UInt8])] { reads.append(nil); return rows.map { ($0.key, $0.value) } }

    func loadKeys(in range: ClosedRange<ClientID>) throws(JournalError) -> [(ClientID, [UInt8])] {
        reads.append(range)
        return rows.filter { range.contains($0.key) }.map { ($0.key, $0.value) }
    }

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

    @Test("A lazy store (a board's) reads no key at open, then only the batch of numbers a key is asked for, once")
    func lazyReadsABatch() throws {
        let table = SharedKeyTable()
        for c in ClientID(1)...1000 { table.rows[c] = Self.bytes(SymmetricKey(size: .bits256)) }
        let store = try PersonalKeyStore.open(remote: table, name: "memory", lazily: true)
        #expect(table.reads.isEmpty)
        #expect(store.key(700).map(Self.bytes) == table.rows[700])
        #expect(store.key(701).map(Self.bytes) == table.rows[701] && store.key(955).map(Self.bytes) == table.rows[955])
        #expect(table.reads == [700...955], "one read, of that batch")
        #expect(store.key(2000) == nil && store.key(2000) == nil)
        #expect(table.reads == [700...955, 2000...2255], "a missing key is asked for once")
        let eager = try PersonalKeyStore.open(remote: table, name: "memory")
        #expect(eager.count == 1000 && table.reads.last == .some(nil), "a desk's store reads every key")
    }
}
