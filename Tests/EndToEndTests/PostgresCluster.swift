import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL cluster of one test's own — initdb in a temporary directory, listening only on
/// a private Unix socket — for what must not happen to the shared test server: stopping it in
/// the middle of a desk's work, or a standby promoted over it. Uses the server programs
/// Tests/with-postgres.sh found (`ONDERDAK_TEST_PG_BIN`, run as `ONDERDAK_TEST_PG_AS` when
/// root). Stopped and removed when released.
final class PostgresCluster {
    static let env = ProcessInfo.processInfo.environment
    static let bin: String? = env["ONDERDAK_TEST_PG_BIN"].flatMap { $0.isEmpty ? nil : $0 }
    /// `runuser -u postgres --` when the tests run as root (initdb refuses root).
    static let asUser: String = env["ONDERDAK_TEST_PG_AS"] ?? ""
    /// Runs the tests that need a cluster: the server programs are there, or CI requires them
    /// (and the test fails). Outside CI without them the tests are skipped, loudly.
    static let enabled: Bool = {
        if bin == nil, env["CI"] != "true" {
            FileHandle.standardError.write(Data("!!!! WARNING: ONDERDAK_TEST_PG_BIN is not set: the PostgreSQL desk tests are SKIPPED (run them with Tests/with-postgres.sh) !!!!\n".utf8))
        }
        return bin != nil || env["CI"] == "true"
    }()

    let dir: String
    var data: String { dir + "/data" }
    var socket: String { dir + "/sock" }
    /// The database the tests use, as desks name it.
    var url: String { "postgresql://onderdak@/onderdak?host=\(socket)" }

    /// A new cluster with `settings` (`name=value`, to postgresql.conf), started, with a
    /// database `onderdak` owned by the role `onderdak`.
    init(settings: [String] = []) throws {
        dir = try Self.makeDir()
        try Self.check(sh("\(Self.asUser) '\(try Self.program("initdb"))' -D '\(data)' -A trust -U onderdak -E UTF8"), "initdb")
        try configure(["listen_addresses=''", "unix_socket_directories='\(socket)'", "fsync=on"] + settings)
        try start()
        try Self.check(sh("'\(try Self.program("createdb"))' -h '\(socket)' -U onderdak onderdak"), "createdb")
    }

    /// A streaming standby of `primary` (`pg_basebackup -R`: it follows the primary's WAL),
    /// started, with `name` as its `application_name` (what `synchronous_standby_names` names).
    init(standbyOf primary: PostgresCluster, name: String) throws {
        dir = try Self.makeDir()
        try Self.check(sh("\(Self.asUser) '\(try Self.program("pg_basebackup"))' -h '\(primary.socket)' -U onderdak -D '\(data)' -R -X stream"), "pg_basebackup")
        try configure(["unix_socket_directories='\(socket)'"])
        // -R wrote primary_conninfo to postgresql.auto.conf; name this standby (a later line wins)
        // so that the primary's synchronous_standby_names can wait for it.
        try configure(["primary_conninfo='host=\(primary.socket) user=onderdak application_name=\(name)'"], file: "postgresql.auto.conf")
        try start()
    }

    deinit {
        _ = sh("\(Self.asUser) '\(Self.bin ?? "")/pg_ctl' -D '\(data)' -m immediate -w stop")
        try? FileManager.default.removeItem(atPath: dir)
    }

    static func program(_ name: String) throws -> String {
        guard let bin else { throw ClusterError.failed("no PostgreSQL server programs (ONDERDAK_TEST_PG_BIN; run the tests with Tests/with-postgres.sh)") }
        return bin + "/" + name
    }

    static func makeDir() throws -> String {
        let d = "/tmp/odpg-" + String(UUID().uuidString.prefix(8))
        try FileManager.default.createDirectory(atPath: d + "/sock", withIntermediateDirectories: true)
        if !asUser.isEmpty { _ = sh("chown -R postgres '\(d)'") }
        return d
    }

    static func check(_ r: (Int32, String), _ what: String) throws {
        guard r.0 == 0 else { throw ClusterError.failed("\(what) failed: \(r.1)") }
    }

    /// Appends settings to postgresql.conf (later lines win).
    func configure(_ settings: [String], file: String = "postgresql.conf") throws {
        let conf = data + "/" + file
        let text = settings.map { $0 + "\n" }.joined()
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: conf))
        try h.seekToEnd()
        try h.write(contentsOf: Data(text.utf8))
        try h.close()
    }

    func start() throws {
        try Self.check(sh("\(Self.asUser) '\(try Self.program("pg_ctl"))' -D '\(data)' -l '\(dir)/server.log' -w -t 60 start"), "pg_ctl start")
    }

    /// `pg_ctl stop -m fast`: the sessions are ended at once, as when a server goes down.
    func stop() throws {
        try Self.check(sh("\(Self.asUser) '\(try Self.program("pg_ctl"))' -D '\(data)' -m fast -w -t 60 stop"), "pg_ctl stop")
    }

    /// `pg_ctl restart -m fast`: sessions are ended, the server comes back on the same socket.
    func restart() throws {
        try Self.check(sh("\(Self.asUser) '\(try Self.program("pg_ctl"))' -D '\(data)' -l '\(dir)/server.log' -m fast -w -t 60 restart"), "pg_ctl restart")
    }

    /// `pg_ctl promote` on a standby: it becomes a primary taking writes.
    func promote() throws {
        try Self.check(sh("\(Self.asUser) '\(try Self.program("pg_ctl"))' -D '\(data)' -w -t 60 promote"), "pg_ctl promote")
    }

    /// Runs SQL with psql: exit status and output.
    @discardableResult
    func psql(_ sql: String) -> (Int32, String) {
        sh("'\(Self.bin ?? "")/psql' -h '\(socket)' -U onderdak -d onderdak -v ON_ERROR_STOP=1 -Atqc \"\(sql)\"")
    }

    /// Runs a shell command with every descriptor above 2 closed first (a server started by it
    /// must not hold the test runner's pipes open), its output in a file (never a pipe).
    @discardableResult
    static func sh(_ cmd: String) -> (Int32, String) {
        let out = "/tmp/odpg-out-" + UUID().uuidString
        let script = "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\"; done; ( \(cmd) ) >'\(out)' 2>&1"
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/bash"), strdup("-c"), strdup(script), nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/bash", nil, nil, argv, environ) == 0 else { return (-1, "cannot start bash") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        unlink(out)
        return ((status >> 8) & 0xff, text)
    }

    @discardableResult
    func sh(_ cmd: String) -> (Int32, String) { Self.sh(cmd) }
}
