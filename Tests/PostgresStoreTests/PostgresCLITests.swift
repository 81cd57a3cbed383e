import CommandSupport
import Foundation
import Testing

/// The real binary on the PostgreSQL store: commands, racing desks and kills (the server restart is in
/// EndToEndTests/PostgresRestartE2ETests.swift, on a cluster of its own: restarting this shared
/// server broke the suites running beside it).
@Suite("onderdak --store postgresql://…", .serialized, .enabled(if: TestDatabase.enabled))
struct PostgresCLITests {
    static let bin: String = ProcessInfo.processInfo.environment["ONDERDAK_BIN"].flatMap { $0.isEmpty ? nil : $0 }
        ?? FileManager.default.currentDirectoryPath + "/.build/debug/onderdak"
    static let now = ["ONDERDAK_NOW": "2026-11-28T23:30"]

    static func onderdak(_ args: [String], env: [String: String] = now) -> (Int32, String) {
        TestDatabase.run(bin, args, env: env)
    }

    static func temp() throws -> String {
        let dir = NSTemporaryDirectory() + "onderdak-pgcli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func headLine(_ out: String) -> String? {
        out.split(separator: "\n").first { $0.hasPrefix("head hash:") }.map { String($0.split(separator: " ").last!) }
    }

    @Test("demo, board, a report, an export, verify --deep --expect-head and store copy on --store")
    func commands() throws {
        let db = try TestDatabase()
        let dir = try Self.temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let demo = Self.onderdak(["demo", "--store", db.url])
        #expect(demo.0 == 0, "\(demo.1)")
        let board = Self.onderdak(["board", "--store", db.url])
        // The table is for people: states in words (the codes stay in JSON).
        #expect(board.0 == 0 && board.1.contains("Centrum") && board.1.contains(" checked in ") && !board.1.contains("checked_in"), "\(board.1)")
        let report = Self.onderdak(["report", "occupancy", "--store", db.url, "--from", "2026-11-01", "--to", "2026-11-28"])
        #expect(report.0 == 0 && !report.1.isEmpty, "\(report.1)")
        let export = Self.onderdak(["export", "--store", db.url, "--format", "sqlite", "--out", dir + "/e.sqlite"])
        #expect(export.0 == 0 && FileManager.default.fileExists(atPath: dir + "/e.sqlite"), "\(export.1)")
        let verify = Self.onderdak(["verify", "--deep", "--store", db.url])
        #expect(verify.0 == 0 && verify.1.contains("0 violation(s)"), "\(verify.1)")
        let head = try #require(Self.headLine(verify.1))
        #expect(Self.onderdak(["verify", "--store", db.url, "--expect-head", head]).0 == 0)
        #expect(Self.onderdak(["verify", "--store", db.url, "--expect-head", String(repeating: "0", count: 64)]).0 == 1)
        // By the environment, as a desk would have it configured.
        #expect(Self.onderdak(["verify"], env: Self.now.merging(["ONDERDAK_STORE": db.url]) { $1 }).1.contains(head))
        // Down to a file and up into a second database: the same head everywhere.
        let down = Self.onderdak(["store", "copy", "--from", db.url, "--to", dir + "/j"])
        #expect(down.0 == 0 && down.1.contains("identical") && down.1.contains(head), "\(down.1)")
        #expect(Self.headLine(Self.onderdak(["verify", "--journal", dir + "/j"]).1) == head)
        let db2 = try TestDatabase()
        let up = Self.onderdak(["store", "copy", "--from", dir + "/j", "--to", db2.url])
        #expect(up.0 == 0 && up.1.contains(head), "\(up.1)")
        let again = Self.onderdak(["store", "copy", "--from", dir + "/j", "--to", db2.url])
        #expect(again.0 != 0, "a non-empty target is refused: \(again.1)")
        #expect(Self.onderdak(["board", "--store", db2.url]).1 == board.1)
    }

    /// A demo copied into a fresh database (faster than writing it there event by event).
    static func demoDatabase() throws -> (TestDatabase, String) {
        let db = try TestDatabase()
        let dir = try temp()
        #expect(onderdak(["demo", "--journal", dir + "/j"]).0 == 0)
        #expect(onderdak(["store", "copy", "--from", dir + "/j", "--to", db.url]).0 == 0)
        return (db, dir)
    }

    static func acks(_ out: String) -> [Int] {
        out.split(separator: "\n").compactMap { $0.hasPrefix("ack ") ? Int($0.dropFirst(4)) : nil }
    }

    static func lastSequence(_ url: String) -> Int? {
        onderdak(["verify", "--store", url]).1.split(separator: "\n").first { $0.hasPrefix("last sequence:") }
            .flatMap { Int($0.split(separator: " ").last!) }
    }

    @Test("Three racing simulate desks on one database: verify --deep finds no double booking")
    func racingDesks() throws {
        let (db, dir) = try Self.demoDatabase()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let procs = try (1...3).map { seed in
            try ChildProcess(Self.bin, ["simulate", "--store", db.url, "--operations", "150", "--seed", "\(seed)", "--print-acks"],
                             environment: ProcessInfo.processInfo.environment.merging(Self.now) { $1 }, stderr: .sameAsStandardOutput)
        }
        var all: [Int] = []
        for p in procs {
            let out = String(decoding: p.standardOutput, as: UTF8.self)
            #expect(p.terminationStatus == 0, "\(out.suffix(400))")
            all += Self.acks(out)
        }
        #expect(all.count > 100)
        #expect(Set(all).count == all.count, "no sequence acknowledged to two desks")
        let verify = Self.onderdak(["verify", "--deep", "--store", db.url])
        #expect(verify.0 == 0 && verify.1.contains("0 violation(s)"), "\(verify.1)")
    }

    @Test("kill -9 of a desk mid-append, again and again: every acknowledged event is in the journal")
    func killLoop() throws {
        let (db, dir) = try Self.demoDatabase()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var acked: [Int] = []
        for round in 0..<5 {
            // Output to a file, read while it runs: the kill comes while the desk is appending
            // (opening the store takes seconds in a debug build on a loaded machine).
            let out = NSTemporaryDirectory() + "kill-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: out) }
            let p = try ChildProcess(Self.bin, ["simulate", "--store", db.url, "--seconds", "30", "--seed", "\(round + 10)", "--print-acks"],
                                     environment: ProcessInfo.processInfo.environment.merging(Self.now) { $1 }, stdout: .file(out), stderr: .discard)
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, !((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").contains("ack ") { usleep(20_000) }
            usleep(UInt32(100_000 + round * 150_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            acked += Self.acks((try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
        }
        #expect(!acked.isEmpty, "the desks acknowledged appends before they were killed")
        let last = try #require(Self.lastSequence(db.url))
        #expect(acked.allSatisfy { $0 <= last }, "every ack (max \(acked.max() ?? 0)) is in the journal (last \(last))")
        #expect(Self.onderdak(["verify", "--deep", "--store", db.url]).0 == 0)
    }
}
