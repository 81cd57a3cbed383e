import CommandSupport
import Foundation
import Journal
import PostgresStore
import ShelterDomain

/// A fresh database on the test server (`ONDERDAK_TEST_PG`, started by Tests/with-postgres.sh),
/// dropped when the test ends.
final class TestDatabase {
    /// The server's URL; nil when no server was started (the tests are then skipped, loudly,
    /// except with CI=true, where they fail).
    static let server: String? = ProcessInfo.processInfo.environment["ONDERDAK_TEST_PG"].flatMap { $0.isEmpty ? nil : $0 }
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"
    /// Runs the PostgreSQL tests: a server is there, or CI requires one (and the test fails).
    static let enabled: Bool = {
        if server == nil, !required {
            FileHandle.standardError.write(Data("!!!! WARNING: ONDERDAK_TEST_PG is not set: the PostgreSQL store tests are SKIPPED (run them with Tests/with-postgres.sh) !!!!\n".utf8))
        }
        return server != nil || required
    }()

    let name: String
    let url: String

    init() throws {
        guard let server = Self.server else { throw TestDatabaseError.noServer }
        name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        url = Self.url(server, database: name)
        let (status, out) = Self.psql(server, "CREATE DATABASE \(name)")
        guard status == 0 else { throw TestDatabaseError.psql(out) }
        PostgresJournals.install()
    }

    deinit { _ = Self.psql(Self.server!, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }

    static func url(_ server: String, database: String) -> String {
        var c = URLComponents(string: server)!
        c.path = "/" + database
        return c.string!
    }

    /// Runs SQL with psql on `url`: its exit status and what it printed.
    @discardableResult
    static func psql(_ url: String, _ sql: String, user: String? = nil) -> (Int32, String) {
        var target = url
        if let user, var c = URLComponents(string: url) { c.user = user; target = c.string! }
        return run("/usr/bin/env", ["psql", target, "-v", "ON_ERROR_STOP=1", "-Atqc", sql])
    }

    func psql(_ sql: String, user: String? = nil) -> (Int32, String) { Self.psql(url, sql, user: user) }

    /// Runs a program; its exit status and its standard output and error together.
    static func run(_ exe: String, _ args: [String], env: [String: String] = [:]) -> (Int32, String) {
        var e = ProcessInfo.processInfo.environment
        for (k, v) in env { e[k] = v }
        guard let r = try? ChildProcess.run(exe, args, environment: e, mergingStandardError: true) else { return (-1, "cannot start \(exe)") }
        return (r.status, String(decoding: r.stdout, as: UTF8.self))
    }
}

enum TestDatabaseError: Error { case noServer, psql(String) }

let fixedClock: @Sendable () -> Timestamp = { Timestamp(utcDay: Day.parseISO("2026-11-23")!, seconds: 18 * 3600) }

/// A journal with a supervisor (1), a desk member (2), one location with 4 beds and 3 clients.
func makeSmallJournal(_ path: String) throws -> EventStore {
    let s = try EventStore.create(path: path, isDemo: false, label: "test", installationID: [1, 2, 3], clock: fixedClock)
    try s.execute(.configureShelter(name: "De Haven", municipality: "Utrecht"), actor: systemActor)
    try s.execute(.addStaff(username: "ineke", displayName: "Ineke", role: .supervisor, credential: nil), actor: systemActor)
    try s.execute(.addStaff(username: "joost", displayName: "Joost", role: .desk, credential: nil), actor: 1)
    try s.execute(.addLocation(name: "Centrum", municipality: "Utrecht", policy: StayPolicy(maxNights: 28)), actor: 1)
    try s.execute(.addRoom(location: 1, name: "A"), actor: 1)
    for i in 1...4 { try s.execute(.addBed(room: 1, label: "A\(i)", attributes: []), actor: 1) }
    for n in ["Łukasz Wójcik", "Иван Петров", "Győző Kovács"] {
        let parts = n.split(separator: " ").map(String.init)
        try s.execute(.registerClient(Client(id: 0, givenNames: parts[0], familyNames: parts[1], gender: .man, nationality: "PL")), actor: 2)
    }
    return s
}
