import CommandSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A desk appending while its PostgreSQL server restarts. On a cluster of its own: restarting
/// the shared test server cut the connections of the suites running beside it.
@Suite("End to end: the PostgreSQL server restarts under a desk", .serialized, .enabled(if: PostgresCluster.enabled))
struct PostgresRestartE2ETests {
    static func acks(_ text: String) -> [Int] {
        text.split(separator: "\n").compactMap { $0.hasPrefix("ack ") ? Int($0.dropFirst(4)) : nil }
    }

    static func lastSequence(_ url: String) throws -> Int? {
        try Harness.run(["verify", "--store", url]).stdout.split(separator: "\n").first { $0.hasPrefix("last sequence:") }
            .flatMap { Int($0.split(separator: " ").last!) }
    }

    @Test("The server restarts in the middle of appends: no acknowledged event is lost, the desk reconnects")
    func serverRestart() throws {
        let cluster = try PostgresCluster()
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A demo copied in (faster than writing it there event by event).
        #expect(try Harness.run(["demo", "--journal", dir + "/j"]).code == 0)
        let copy = try Harness.run(["store", "copy", "--from", dir + "/j", "--to", cluster.url])
        try #require(copy.code == 0, "\(copy.stderr)")
        let before = try #require(try Self.lastSequence(cluster.url))

        let out = dir + "/sim"
        let p = try ChildProcess(Harness.binary, ["simulate", "--store", cluster.url, "--seconds", "8", "--seed", "7", "--print-acks"],
                                 environment: Harness.environment([:]), stdout: .file(out), stderr: .sameAsStandardOutput)
        func acked() -> [Int] { Self.acks((try? String(contentsOfFile: out, encoding: .utf8)) ?? "") }
        // Until the desk is appending (opening takes seconds in a debug build on a loaded machine).
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, acked().count < 5 { usleep(20_000) }
        try cluster.restart()
        let mid = try Self.lastSequence(cluster.url) ?? Int.max
        p.waitUntilExit()
        let all = acked()
        let last = try #require(try Self.lastSequence(cluster.url))
        #expect(all.allSatisfy { $0 <= last }, "every ack (max \(all.max() ?? 0)) is in the journal (last \(last))")
        #expect(all.contains { $0 > before }, "appends before the restart")
        let afterRestart = all.filter { $0 > mid }.count
        #expect(afterRestart > 5, "the same desk process reconnected and went on after the restart (\(afterRestart) acks after sequence \(mid))")
        #expect(try Harness.run(["verify", "--deep", "--store", cluster.url]).code == 0)
    }
}
