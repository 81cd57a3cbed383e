import Foundation
import NIOCore
import Journal
@testable import PostgresStore
import ShelterDomain
import Testing

/// Catching up on a PostgreSQL journal a page at a time (one aggregated row per page, the next
/// page asked for while this one is checked): with pages of a few rows every command of several
/// records is cut somewhere, and the records read must still be exactly the file's.
@Suite("Reading a PostgreSQL journal in pages", .serialized, .enabled(if: TestDatabase.enabled))
struct PostgresPagingTests {
    /// The payloads a journal's visitor sees, in order, with the head hash and record count.
    static func payloads(_ open: (@escaping JournalFile.Visitor) throws -> any JournalBackend) throws -> ([[UInt8]], [UInt8], Int) {
        var seen: [[UInt8]] = []
        let j = try open { _, payload in seen.append(Array(payload)) }
        return (seen, j.headHash, j.recordCount)
    }

    @Test("Pages of 1, 2, 3, 7 and 64 rows read exactly the file's records, commands cut by a page included; a refresh continues in pages")
    func smallPages() throws {
        let db = try TestDatabase()
        let dir = NSTemporaryDirectory() + "onderdak-pgpage-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gen = TestDatabase.run(PostgresCLITests.bin, ["demo", "--journal", dir + "/demo"], env: PostgresCLITests.now)
        try #require(gen.0 == 0, "\(gen.1)")
        _ = try StoreCopy.copy(from: dir + "/demo", to: db.url)
        // The demo has commands of several records (bit 0 of the flags: more follow).
        let (status, continued) = db.psql("SELECT count(*) FROM onderdak_events WHERE get_byte(record, 6) & 1 = 1")
        try #require(status == 0)
        #expect((Int(continued.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 10)
        let file = try Self.payloads { v in try JournalFile.open(path: dir + "/demo", writable: false, visit: v) }
        #expect(file.0.count > 500)
        for rows in [1, 2, 3, 7, 64, PostgresJournal.rowsPerRead] {
            let pg = try Self.payloads { v in
                try PostgresJournal.open(session: PostgresSession(try PostgresLocation(db.url)), writable: false, pageRows: rows, visit: v)
            }
            #expect(pg.0 == file.0, "pages of \(rows) rows")
            #expect(pg.1 == file.1 && pg.2 == file.2, "pages of \(rows) rows")
        }
        // Pages the server aggregated in another order are asked for again, sorted: the same records.
        for rows in [7, PostgresJournal.rowsPerRead] {
            let pg = try Self.payloads { v in
                try PostgresJournal.open(session: PostgresSession(try PostgresLocation(db.url)), writable: false, pageRows: rows, reversedPagesForTests: true, visit: v)
            }
            #expect(pg.0 == file.0 && pg.1 == file.1, "reversed pages of \(rows) rows")
        }
        #expect(PostgresJournal.inOrder(ByteBuffer(bytes: [0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 6]), first: 5, count: 2))
        #expect(!PostgresJournal.inOrder(ByteBuffer(bytes: [0, 0, 0, 0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0, 5]), first: 5, count: 2))
        // Another desk appends; a reader in pages of 2 rows catches up with exactly those records.
        var seen: [[UInt8]] = []
        let reader = try PostgresJournal.open(session: PostgresSession(try PostgresLocation(db.url)), writable: false, pageRows: 2) { _, _ in }
        let desk = try EventStore.open(path: db.url, clock: fixedClock)
        let before = desk.journal.recordCount
        let actor = desk.state.roster.staff.values.filter { $0.role == .desk }.map(\.id).min() ?? 1
        for name in ["Ștefan", "Łukasz", "Győző", "Иван", "Jan"] {
            try desk.execute(.registerClient(Client(id: 0, givenNames: name, familyNames: "Popescu", gender: .man, nationality: "RO")), actor: actor)
        }
        try reader.refresh { _, payload in seen.append(Array(payload)) }
        #expect(seen.count == desk.journal.recordCount - before)
        #expect(reader.recordCount == desk.journal.recordCount && reader.headHash == desk.journal.headHash)
    }
}
