import Foundation
import Journal
import PostgresNIO
import PostgresStore
import ShelterDomain

/// The journal on PostgreSQL, each figure beside bare SQL on the same server in the same run
/// (the server of `ONDERDAK_TEST_PG`: `make bench` runs under Tests/with-postgres.sh, which
/// starts a throwaway cluster on a private socket):
/// - durable append p50/p99 through the full store (lock, catch-up, decide, encode, insert with
///   NOTIFY, commit) against a bare `INSERT … ; COMMIT` of the same bytes (the COMMIT waited for);
/// - the cold board (the real binary: connect, replay, fold, print) against `psql` answering the
///   same query on our own export loaded into the same server (indexed on the night);
/// - the replay of `journal` (the city when generated) over the local socket against the same
///   journal in a file.
/// Without a server it says so and the rows are skipped (not failed).
@MainActor
func postgresBench(journal: String, night: String, appends: Int, onderdak: String, dir: String) {
    let env = ProcessInfo.processInfo.environment
    guard let server = env["ONDERDAK_TEST_PG"].flatMap({ $0.isEmpty ? nil : $0 }) else {
        print("\nPostgreSQL — SKIP (no server: ONDERDAK_TEST_PG is not set; `make bench` starts one with Tests/with-postgres.sh when PostgreSQL is installed)")
        return
    }
    let psql = env["ONDERDAK_TEST_PG_BIN"].map { $0 + "/psql" } ?? "/usr/bin/psql"
    PostgresJournals.install()
    // The desk's own snapshot cache of the server's journal, kept with the bench's files.
    setenv("ONDERDAK_CACHE_DIR", dir + "/pg-cache", 1)
    let db = "bench_\(getpid())"
    func url(_ database: String) -> String {
        var c = URLComponents(string: server)!
        c.path = "/" + database
        return c.string!
    }
    let storeURL = url(db)
    guard spawnSeconds([psql, server, "-qc", "CREATE DATABASE \(db)"]).ok else {
        print("\nPostgreSQL — SKIP (could not create a database on \(server))")
        return
    }
    defer { _ = spawnSeconds([psql, server, "-qc", "DROP DATABASE IF EXISTS \(db) WITH (FORCE)"]) }
    let copy = runTimed([onderdak, "store", "copy", "--from", journal, "--to", storeURL], stdout: true, stderr: true)
    guard copy.ok else {
        print("\nPostgreSQL — store copy failed: \(copy.err.prefix(300))")
        return
    }
    let mb = Double((try? FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int) ?? 0) / 1e6
    Report.header("PostgreSQL (local socket) — \((journal as NSString).lastPathComponent), \(String(format: "%.1f", mb)) MB, copied in \(String(format: "%.1f", copy.seconds)) s")

    // 1. Durable append against a bare INSERT of the same bytes, one of each per round.
    let clock: () -> Timestamp = { Timestamp(utcDay: Day.parseISO("2026-11-23")!, seconds: 19 * 3600) }
    do {
        let live = try EventStore.open(path: storeURL, clock: clock)
        let actor = live.state.roster.staff.values.filter { $0.role == .desk }.map(\.id).min() ?? 1
        let location = try PostgresLocation(storeURL)
        let conn = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(), configuration: location.configuration,
                                                  id: 9, logger: Logger(label: "bench")).wait()
        defer { try? conn.close().wait() }
        _ = try conn.query("CREATE TABLE bench_bare (seq bigint PRIMARY KEY, record bytea NOT NULL)", logger: Logger(label: "bench")).wait()
        var storeLat: [Double] = [], bareLat: [Double] = []
        var record = ByteBuffer()
        for i in 0..<appends {
            let t = now()
            try live.execute(.registerClient(Client(id: 0, givenNames: "Agnieszka", familyNames: "Zielińska", gender: .woman, nationality: "PL")), actor: actor)
            storeLat.append(now() - t)
            if i == 0 {
                // The very bytes of the record just appended.
                let last = try conn.query("SELECT record FROM onderdak_events ORDER BY seq DESC LIMIT 1", logger: Logger(label: "bench")).wait()
                record = try last.rows.first?.decode(ByteBuffer.self) ?? ByteBuffer()
            }
            let b = now()
            // INSERT; COMMIT as the store sends it (BEGIN not waited for): the COMMIT is answered once
            // the commit is durable; an INSERT committing by itself is answered before that.
            _ = conn.query("BEGIN", logger: Logger(label: "bench"))
            _ = try conn.query("INSERT INTO bench_bare (seq, record) VALUES (\(Int64(i)), \(record))", logger: Logger(label: "bench")).wait()
            _ = try conn.query("COMMIT", logger: Logger(label: "bench")).wait()
            bareLat.append(now() - b)
        }
        let blocks = 5
        func blockPercentiles(_ xs: [Double], _ p: Double) -> [Double] {
            let n = max(1, xs.count / blocks)
            return (0..<blocks).map { k in percentile(Array(xs[min(xs.count - 1, k * n)..<min(xs.count, (k + 1) * n)]), p) }
        }
        let p50 = Paired(ours: blockPercentiles(storeLat, 0.5), references: blockPercentiles(bareLat, 0.5))
        let p99 = Paired(ours: blockPercentiles(storeLat, 0.99), references: blockPercentiles(bareLat, 0.99))
        Report.add(Figure(name: "pg_append_p50", label: "pg: durable append p50", value: p50.value * 1000, unit: "ms",
                          reference: String(format: "INSERT;COMMIT %.3f ms", p50.reference * 1000), ratio: p50.ratio, target: 1.5, ratios: p50.ratios),
                   valueText: String(format: "%.3f ms", p50.value * 1000))
        Report.add(Figure(name: "pg_append_p99", label: "pg: durable append p99", value: p99.value * 1000, unit: "ms",
                          reference: String(format: "INSERT;COMMIT %.3f ms", p99.reference * 1000), ratio: p99.ratio, target: 1.5, ratios: p99.ratios),
                   valueText: String(format: "%.3f ms", p99.value * 1000))
    } catch {
        print("pg: durable append not measured: \(error)")
    }

    // 2. The cold board against psql on our export, loaded into the same server.
    let board = [onderdak, "board", "--store", storeURL, "--night", night, "--format", "json"]
    // The first board on a desk replays every row and writes the desk's snapshot cache; the
    // pairs below are the boards after it (as with a file's snapshot).
    let first = spawnSeconds(board)
    print(String(format: "pg: first board on a desk without its cache (full replay, writes the cache): %.2f s", first.seconds))
    let sqlitePath = dir + "/pg-export.sqlite"
    if runTimed([onderdak, "export", "--journal", journal, "--format", "sqlite", "--out", sqlitePath]).ok, loadBedNights(sqlite: sqlitePath, psql: psql, url: storeURL) {
        let query = "SELECT location, room, bed, person_key, status FROM bed_nights WHERE night = '\(night)' ORDER BY location, bed"
        let vsPsql = Paired(reference: { spawnSeconds([psql, storeURL, "-Atqc", query]).seconds }, ours: { spawnSeconds(board).seconds })
        Report.add(Figure(name: "pg_board_vs_psql", label: "pg: cold board vs psql (night index)", value: vsPsql.value, unit: "s",
                          reference: String(format: "psql %.3f s", vsPsql.reference), ratio: vsPsql.ratio, target: 2, ratios: vsPsql.ratios),
                   valueText: String(format: "%.3f s", vsPsql.value))
    } else {
        print("pg: the export could not be loaded into PostgreSQL; board vs psql not measured")
    }

    // 3. Replay over the local socket against the same journal in a file (both without snapshot).
    let replay = Paired(reference: {
        let t = now()
        _ = try? EventStore.open(path: journal, writable: false, clock: clock, useSnapshot: false)
        return now() - t
    }, ours: {
        let t = now()
        _ = try? EventStore.open(path: storeURL, writable: false, clock: clock, useSnapshot: false)
        return now() - t
    })
    Report.add(Figure(name: "pg_replay_vs_file", label: "pg: full replay over the socket", value: replay.value, unit: "s",
                      reference: String(format: "file replay %.3f s", replay.reference), ratio: replay.ratio, target: 2, ratios: replay.ratios),
               valueText: String(format: "%.3f s", replay.value))
}

/// Loads the `bed_nights` table of our SQLite export into PostgreSQL (text columns, indexed on
/// the night as in the export) with sqlite3 and psql's \copy.
func loadBedNights(sqlite: String, psql: String, url: String) -> Bool {
    let columns = ["person_key", "night", "location", "room", "bed", "status", "cold_weather"]
    let ddl = "CREATE TABLE bed_nights (" + columns.map { "\($0) text" }.joined(separator: ", ") + "); CREATE INDEX bed_nights_night ON bed_nights (night)"
    guard spawnSeconds([psql, url, "-qc", ddl]).ok else { return false }
    let script = "/usr/bin/sqlite3 -csv '\(sqlite)' 'SELECT \(columns.joined(separator: ", ")) FROM bed_nights' | '\(psql)' '\(url)' -qc '\\copy bed_nights FROM STDIN WITH (FORMAT csv)' && '\(psql)' '\(url)' -qc 'ANALYZE bed_nights'"
    return spawnSeconds(["/bin/sh", "-c", script]).ok
}
