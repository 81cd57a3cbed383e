import CommandSupport
import Foundation
import Journal
import ShelterDomain
import Testing

/// Each desk's own snapshot cache of a journal on PostgreSQL (`SnapshotCache`), through the real
/// binary: written after a long replay, continued by the rows other desks add, dropped when the
/// server's journal does not continue it, and rewritten without a person another desk erased.
@Suite("A desk's snapshot cache of a PostgreSQL journal", .serialized, .enabled(if: TestDatabase.enabled))
struct PostgresSnapshotCacheTests {
    static let night = "2026-11-23"

    static func onderdak(_ args: [String], cache: String, stdin: String? = nil) -> (Int32, String) {
        let env = PostgresCLITests.now.merging(["ONDERDAK_CACHE_DIR": cache]) { $1 }
        guard let stdin else { return TestDatabase.run(PostgresCLITests.bin, args, env: env) }
        guard let r = try? ChildProcess.run(PostgresCLITests.bin, args, environment: ProcessInfo.processInfo.environment.merging(env) { $1 },
                                            stdin: Data(stdin.utf8), mergingStandardError: true) else { return (-1, "cannot start \(PostgresCLITests.bin)") }
        return (r.status, String(decoding: r.stdout, as: UTF8.self))
    }

    /// The one snapshot in a desk's cache directory (its path base), if any.
    static func cached(_ dir: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.first { $0.hasPrefix("pg-") && $0.hasSuffix(".snapshot") }.map { dir + "/" + $0.dropLast(".snapshot".count) }
    }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil) ?? -1
    }

    /// A city journal of 120 nights (about 70,000 records: past the 50,000 that make a replay
    /// write a snapshot, and past the 65,536 rows of one read, with commands cut by that page)
    /// copied into a fresh database.
    static func cityDatabase(_ dir: String) throws -> TestDatabase {
        let db = try TestDatabase()
        let gen = PostgresCLITests.onderdak(["demo", "--journal", dir + "/city", "--scale", "city", "--days", "120", "--today", night])
        try #require(gen.0 == 0, "\(gen.1)")
        let copy = PostgresCLITests.onderdak(["store", "copy", "--from", dir + "/city", "--to", db.url])
        try #require(copy.0 == 0, "\(copy.1)")
        return db
    }

    @Test("Written after the first long replay (0600, in a 0700 directory), then used and continued: boards and commands see every desk's rows")
    func cacheContinued() throws {
        let dir = try PostgresCLITests.temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try Self.cityDatabase(dir)
        let a = dir + "/cache-a", b = dir + "/cache-b"
        let fileBoard = PostgresCLITests.onderdak(["board", "--journal", dir + "/city", "--night", Self.night, "--format", "json"])
        try #require(fileBoard.0 == 0)

        // Desk A: the first board replays every row (and reads across the page cut), then caches.
        let first = Self.onderdak(["board", "--store", db.url, "--night", Self.night, "--format", "json"], cache: a)
        #expect(first.0 == 0, "\(first.1.prefix(400))")
        #expect(first.1 == fileBoard.1, "the same board as from the file")
        let base = try #require(Self.cached(a), "desk A has a snapshot after a replay of 70,000 rows")
        #expect(Self.mode(a) == 0o700 && Self.mode(base + ".snapshot") == 0o600 && Self.mode(base + ".snapshot-key") == 0o600)
        let snap = try #require(SnapshotFile.read(journal: base))
        let rows = try #require(PostgresCLITests.lastSequence(db.url)) + 1
        #expect(snap.records == rows, "the cache holds every row read")

        // Desk B (its own cache) registers someone and gives them a free bed on the night; desk A's
        // next board, from its cache plus the new rows, shows it.
        let freeBed = try #require(Self.freeBed(first.1))
        let client = snap.state.files.clients.keys.max()! + 1
        let given = Self.onderdak(["do", "--store", db.url], cache: b, stdin: """
            {"command":"register_client","given_names":"Zofia","family_name":"Nowak","nationality":"PL","gender":"woman"}
            {"command":"assign_bed","client":\(client),"bed":"\(freeBed)","night":"\(Self.night)"}

            """)
        #expect(given.0 == 0 && given.1.components(separatedBy: "\"ok\":true").count == 3, "\(given.1)")
        let second = Self.onderdak(["board", "--store", db.url, "--night", Self.night, "--format", "json"], cache: a)
        #expect(second.1.contains(#""bed":"\#(freeBed)","state":"reserved","client_id":\#(client)"#), "\(second.1.prefix(300))")
        #expect(SnapshotFile.read(journal: base)?.records == snap.records, "a short tail does not rewrite the cache")
        // The new rows are sealed: the board reads the keys of just their batch of numbers
        // (not every key of the city) and shows the name.
        let table = Self.onderdak(["board", "--store", db.url, "--night", Self.night], cache: a)
        #expect(table.0 == 0 && table.1.contains("Zofia Nowak"), "\(table.1.prefix(300))")

        // A command on desk A opens from the cache and decides on every row: the bed is taken.
        let again = Self.onderdak(["do", "--store", db.url], cache: a,
                                  stdin: #"{"command":"assign_bed","client":\#(client),"bed":"\#(freeBed)","night":"\#(Self.night)"}"# + "\n")
        #expect(again.1.contains("\"ok\":false"), "\(again.1)")
        let verify = PostgresCLITests.onderdak(["verify", "--deep", "--store", db.url])
        #expect(verify.0 == 0 && verify.1.contains("0 violation(s)"), "\(verify.1)")
    }

    @Test("A cache the server's journal does not continue (another head at its end) is not used: the board is the server's, and the cache is rebuilt")
    func cacheNotContinued() throws {
        let dir = try PostgresCLITests.temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try Self.cityDatabase(dir)
        let a = dir + "/cache-a"
        let first = Self.onderdak(["board", "--store", db.url, "--night", Self.night, "--format", "json"], cache: a)
        let base = try #require(Self.cached(a))
        // The cache claims a different last record (as after the server was restored from an
        // older backup and written on): sealed with the desk's own key, so only the link tells.
        var snap = try #require(SnapshotFile.read(journal: base))
        let right = snap.headHash
        snap.headHash = [UInt8](repeating: 7, count: 32)
        SnapshotFile.write(snap, journal: base)
        #expect(SnapshotFile.read(journal: base)?.headHash != right)
        let board = Self.onderdak(["board", "--store", db.url, "--night", Self.night, "--format", "json"], cache: a)
        #expect(board.0 == 0 && board.1 == first.1, "the server's board, not the cache's")
        #expect(SnapshotFile.read(journal: base)?.headHash == right, "rebuilt from the full replay")
    }

    @Test("An erasure on another desk: this desk's next open drops its cache and writes it again without the person")
    func erasureRewritesCache() throws {
        let dir = try PostgresCLITests.temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try Self.cityDatabase(dir)
        let a = dir + "/cache-a", b = dir + "/cache-b"
        // Someone who stayed in September and has no bed tonight (a bed tonight refuses the erasure).
        let september = Self.onderdak(["board", "--store", db.url, "--night", "2026-09-01", "--format", "json"], cache: a)
        let board = Self.onderdak(["board", "--store", db.url, "--night", Self.night, "--format", "json"], cache: a)
        let base = try #require(Self.cached(a))
        let client = try #require(Set(Self.clientsOnBoard(september.1)).subtracting(Self.clientsOnBoard(board.1)).min())
        let before = try #require(SnapshotFile.read(journal: base)?.state.files.clients[ClientID(client)])
        #expect(!before.givenNames.isEmpty, "the cache holds the person's name")
        let erased = Self.onderdak(["client", "erase", "--store", db.url, "--client", "\(client)", "--reason", "GDPR art. 17 request", "--as", "teamleider"], cache: b)
        #expect(erased.0 == 0, "\(erased.1)")
        // Desk A's board folds the erasure from the server: its cache goes and comes back without them.
        let after = Self.onderdak(["board", "--store", db.url, "--night", "2026-09-01", "--format", "json"], cache: a)
        #expect(after.0 == 0 && after.1 == september.1, "their night still counts")
        let snap = try #require(SnapshotFile.read(journal: base), "written again by the full open")
        #expect(snap.state.isErased(ClientID(client)))
        #expect(snap.state.files.clients[ClientID(client)]?.givenNames != before.givenNames)
        #expect(snap.state.files.clients[ClientID(client)]?.familyNames != before.familyNames)
    }

    static func clientsOnBoard(_ json: String) -> [Int] {
        json.components(separatedBy: "\"client_id\":").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
    }

    /// A bed that is free on the board (its code).
    static func freeBed(_ json: String) -> String? {
        json.components(separatedBy: "{").first { $0.contains("\"state\":\"free\"") }
            .flatMap { $0.components(separatedBy: "\"bed\":\"").dropFirst().first?.components(separatedBy: "\"").first }
    }
}
