import CommandSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue #18 from the command line: nobody writes as a member of staff without their PIN, and
/// opening a journal never touches, follows or waits on a file that is not one.
@Suite("End to end: trust boundaries", .serialized)
struct TrustCLITests {
    static let real = ["ONDERDAK_NOW": ""]
    static let pin = "24680135"

    static func sha(_ path: String) -> Data { (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data() }
    static func lastSequence(_ j: String) throws -> Int {
        let out = try Harness.run(["verify", "--journal", j], env: real).stdout
        return Int(out.split(separator: "\n").first { $0.hasPrefix("last sequence:") }?.split(separator: " ").last ?? "") ?? -1
    }

    /// A real journal made with `init`, supervisor ineke.
    static func initJournal(_ j: String) throws {
        let out = try Harness.run(["init", "--journal", j, "--shelter", "De Haven", "--municipality", "Utrecht", "--username", "ineke", "--name", "Ineke de Vries"],
                                  stdin: "\(pin)\n\(pin)\n", env: real)
        #expect(out.code == 0, "\(out.stderr)")
    }

    @Test("init sets up a real journal from the shell: PIN twice on stdin, never over an existing file")
    func initCommand() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/j.onderdak"
        let differ = try Harness.run(["init", "--journal", j, "--shelter", "De Haven", "--municipality", "Utrecht", "--username", "ineke", "--name", "Ineke"],
                                     stdin: "\(Self.pin)\n13572468\n", env: Self.real)
        #expect(differ.code == 2 && differ.stderr.contains("differ"))
        let short = try Harness.run(["init", "--journal", j, "--shelter", "De Haven", "--municipality", "Utrecht", "--username", "ineke", "--name", "Ineke"],
                                    stdin: "12345\n12345\n", env: Self.real)
        #expect(short.code == 2 && short.stderr.contains("8 digits"), "five-digit PINs are too short now: \(short.stderr)")
        #expect(!FileManager.default.fileExists(atPath: j))
        try Self.initJournal(j)
        let verify = try Harness.run(["verify", "--journal", j], env: Self.real)
        #expect(verify.code == 0 && !verify.stdout.contains("(demo)"))
        let list = try Harness.run(["user", "list", "--journal", j], env: Self.real)
        #expect(list.stdout.contains("ineke") && list.stdout.contains("supervisor"))
        let before = Self.sha(j)
        #expect(try Harness.run(["init", "--journal", j, "--shelter", "X", "--municipality", "Y", "--username", "other", "--name", "Other"],
                                stdin: "\(Self.pin)\n\(Self.pin)\n", env: Self.real).code == 1)
        #expect(Self.sha(j) == before, "never over an existing journal")
        #expect(!String(decoding: before, as: UTF8.self).contains(Self.pin))
    }

    @Test("simulate, stress-register and stress-assign on a real journal: no PIN, a wrong PIN, a lockout or a deactivated account write nothing as them")
    func pinBypassRefused() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/j.onderdak"
        try Self.initJournal(j)
        let start = try Self.lastSequence(j)
        // No PIN on the descriptor: refused before anything is recorded.
        let none = try Harness.run(["simulate", "--journal", j, "--staff", "ineke", "--operations", "20", "--pin-fd", "0"], stdin: "", env: Self.real)
        #expect(none.code == 2 && none.stderr.contains("PIN"))
        #expect(try Self.lastSequence(j) == start)
        // Wrong PINs are recorded as failed logins (and nothing else), five lock the account…
        let tools: [[String]] = [["simulate", "--operations", "20"], ["stress-register", "--count", "5"], ["stress-assign", "--count", "5"],
                                 ["simulate", "--operations", "20"], ["stress-register", "--count", "5"]]
        for (i, tool) in tools.enumerated() {
            let wrong = try Harness.run(tool + ["--journal", j, "--as", "ineke", "--pin-fd", "0"], stdin: "11111111\n", env: Self.real)
            #expect(wrong.code == 1 && wrong.stderr.contains("wrong PIN"), "\(tool): \(wrong.stderr)")
            #expect(try Self.lastSequence(j) == start + i + 1 + (i == 4 ? 1 : 0), "one login_failed (and at the fifth the lock)")
        }
        // …and then even the right PIN is refused, with nothing recorded.
        let locked = Self.sha(j)
        let afterLock = try Harness.run(["simulate", "--journal", j, "--staff", "ineke", "--operations", "20", "--pin-fd", "0"], stdin: "\(Self.pin)\n", env: Self.real)
        #expect(afterLock.code == 1 && afterLock.stderr.contains("locked"), "\(afterLock.stderr)")
        #expect(Self.sha(j) == locked)
        // The load tools that act as demo staff refuse real journals outright.
        let ui = try Harness.run(["stress-ui", "--journal", j, "--keys", "10"], env: Self.real)
        #expect(ui.code == 2 && ui.stderr.contains("demo"))
        #expect(Self.sha(j) == locked)

        // A fresh journal: the right PIN works (and is recorded as a login); a deactivated member cannot act.
        let k = dir + "/k.onderdak"
        try Self.initJournal(k)
        #expect(try Harness.run(["user", "add", "--journal", k, "--username", "joost", "--name", "Joost", "--role", "desk", "--as", "ineke"],
                                stdin: "\(Self.pin)\n97531975\n", env: Self.real).code == 0)
        let ok = try Harness.run(["stress-register", "--journal", k, "--staff", "joost", "--count", "2", "--pin-fd", "0"], stdin: "97531975\n", env: Self.real)
        #expect(ok.code == 0, "\(ok.stderr)")
        let s0 = try Self.lastSequence(k)
        #expect(try Harness.run(["user", "deactivate", "--journal", k, "--username", "joost", "--as", "ineke"], stdin: "\(Self.pin)\n", env: Self.real).code == 0)
        let s1 = try Self.lastSequence(k)
        #expect(s1 == s0 + 2, "the supervisor's login and the deactivation")
        let gone = try Harness.run(["stress-register", "--journal", k, "--staff", "joost", "--count", "2", "--pin-fd", "0"], stdin: "97531975\n", env: Self.real)
        #expect(gone.code == 1 && gone.stderr.contains("deactivated"))
        #expect(try Self.lastSequence(k) == s1)
        // Demo journals stay as they were: demo staff act without a PIN.
        let demo = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", demo]).code == 0)
        #expect(try Harness.run(["stress-register", "--journal", demo, "--count", "2"]).code == 0)
    }

    /// Runs the binary, killing it after `seconds` (then the exit code is -1).
    static func runWithTimeout(_ args: [String], seconds: Double = 20) throws -> Int32 {
        let p = try ChildProcess(Harness.executable(for: args), args, environment: Harness.environment([:]), stdout: .discard, stderr: .discard)
        let deadline = Date().addingTimeInterval(seconds)
        while p.isRunning, Date() < deadline { usleep(20_000) }
        if p.isRunning { p.terminate(); p.waitUntilExit(); return -1 }
        return p.terminationStatus
    }

    @Test("--journal at a symbolic link to a copy of a foreign file, or at the file itself: refused, mode and bytes untouched")
    func symlinkAndForeignFile() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let foreign = dir + "/notes.txt"
        let content = Data("ONDR? no: a file that is not a journal\n".utf8)
        FileManager.default.createFile(atPath: foreign, contents: content)
        chmod(foreign, 0o644)
        let link = dir + "/j.onderdak"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: foreign)
        for path in [link, foreign] {
            for args in [["simulate", "--operations", "1"], ["stress-register", "--count", "1"], ["board"], ["user", "list"]] {
                let out = try Harness.run(args + ["--journal", path])
                #expect(out.code != 0 && !out.stderr.isEmpty, "\(args) \(path)")
            }
        }
        var st = stat()
        #expect(stat(foreign, &st) == 0 && st.st_mode & 0o777 == 0o644, "mode unchanged")
        #expect(Self.sha(foreign) == content, "bytes unchanged")
        #expect(!FileManager.default.fileExists(atPath: link + ".snapshot-key") && !FileManager.default.fileExists(atPath: foreign + ".snapshot"))
    }

    @Test("A FIFO at <journal>.snapshot (or .snapshot-key) does not hang board, user list or verify --deep")
    func fifoSnapshot() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j]).code == 0)
        for name in [".snapshot", ".snapshot-key"] {
            try? FileManager.default.removeItem(atPath: j + ".snapshot")
            try? FileManager.default.removeItem(atPath: j + ".snapshot-key")
            #expect(mkfifo(j + name, 0o600) == 0)
            for args in [["board"], ["user", "list"], ["verify", "--deep"]] {
                let code = try Self.runWithTimeout(args + ["--journal", j])
                #expect(code == 0, "\(args) with a FIFO at \(name): exit \(code) (-1 = hung)")
            }
        }
    }

    @Test("Messages never send control characters from input to the terminal (ESC, OSC 52, BEL)")
    func escapedMessages() throws {
        let evil = "/tmp/x\u{1B}]52;c;aGk=\u{07}\u{1B}[2J.onderdak"
        for args in [["board", "--journal", evil], ["user", "list", "--journal", evil], ["verify", "--journal", evil], ["board", "--night", "\u{1B}[31m"],
                     ["--no-such-option\u{1B}]52;c;x\u{07}"]] {
            let out = try Harness.run(args)
            #expect(out.code != 0)
            #expect(!out.stderr.isEmpty)
            #expect(!out.stderr.contains("\u{1B}") && !out.stderr.contains("\u{07}"), "\(args): \(out.stderr.debugDescription)")
        }
    }
}
