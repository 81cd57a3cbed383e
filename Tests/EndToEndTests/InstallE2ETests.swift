import CommandSupport
import Foundation
import Testing

/// Issue #22, "installed like a Unix tool": the binary finds its data beside an installed copy
/// (`PREFIX/share/onderdak/data`), the man page comes from the command definitions, and the
/// nightly head anchor (`verify --anchor SEQ:HASH`) of the deployment guide holds.
@Suite("End to end: installed layout, man page, head anchors")
struct InstallE2ETests {
    /// An installed layout made by hand as `make install` makes it: `bin/onderdak` and
    /// `share/onderdak/data`, with one translation changed so that we can tell which data was read.
    @Test("A copy in PREFIX/bin reads PREFIX/share/onderdak/data, from any directory, also through a symlink")
    func installedDataIsFound() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        let prefix = dir + "/prefix"
        try fm.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: prefix + "/share/onderdak", withIntermediateDirectories: true)
        try fm.copyItem(atPath: Harness.binary, toPath: prefix + "/bin/onderdak")
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Resources/data").standardized.path
        try fm.copyItem(atPath: source, toPath: prefix + "/share/onderdak/data")
        let en = prefix + "/share/onderdak/data/i18n/en.json"
        let text = try String(contentsOfFile: en, encoding: .utf8)
        #expect(text.contains("\"board.state.free\": \"free\""))
        try text.replacingOccurrences(of: "\"board.state.free\": \"free\"", with: "\"board.state.free\": \"FREE-FROM-SHARE\"")
            .write(toFile: en, atomically: true, encoding: .utf8)
        try fm.createDirectory(atPath: dir + "/links", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: dir + "/links/onderdak", withDestinationPath: prefix + "/bin/onderdak")

        let j = dir + "/j.onderdak"
        let demo = try run(prefix + "/bin/onderdak", ["demo", "--journal", j], cwd: "/")
        #expect(demo.code == 0, "\(demo.stderr)")
        for exe in [prefix + "/bin/onderdak", dir + "/links/onderdak"] {
            let board = try run(exe, ["board", "--journal", j, "--lang", "en"], cwd: "/")
            #expect(board.code == 0, "\(board.stderr)")
            #expect(board.stdout.contains("FREE-FROM-SHARE"), "\(exe) did not read the installed data")
        }
        // ONDERDAK_DATA wins over the installed copy: the build's own data says "free".
        let pinned = try run(prefix + "/bin/onderdak", ["board", "--journal", j, "--lang", "en"], cwd: "/", env: ["ONDERDAK_DATA": source])
        #expect(pinned.stdout.contains(" free") && !pinned.stdout.contains("FREE-FROM-SHARE"))
    }

    @Test("onderdak manual writes a man page with every visible command and its options, and not the hidden ones")
    func manualPage() throws {
        let out = try Harness.run(["manual", "--date", "2026-12-02"])
        #expect(out.code == 0, "\(out.stderr)")
        let page = out.stdout
        #expect(page.contains(".TH ONDERDAK 1 \"2026-12-02\""))
        #expect(page.contains(".SH NAME\nonderdak \\- "))
        for section in ["onderdak verify", "onderdak demo", "onderdak board", "onderdak store copy", "onderdak report care",
                        "onderdak client erase", "onderdak referrals", "onderdak beds import"] {
            #expect(page.contains(".SS \(section)\n"), "no section for \(section)")
        }
        #expect(page.contains("\\fB\\-\\-anchor\\fR \\fIseq:hash\\fR"))
        #expect(page.contains("\\fB\\-\\-expect\\-head\\fR \\fIhash\\fR"))
        #expect(!page.contains(".SS onderdak manual"), "the packaging command is hidden")
        #expect(!page.contains("experimental"), "ArgumentParser's own flags are not listed per command")
        // No line may start with a dot that roff would read as a request, except our own requests.
        let requests: Set<String> = [".TH", ".SH", ".SS", ".TP", ".PP", ".B", ".I", ".\\\""]
        for line in page.split(separator: "\n") where line.hasPrefix(".") {
            #expect(requests.contains(String(line.split(separator: " ").first ?? "")), "stray roff request: \(line)")
        }
        // When man is installed, the page must format without warnings.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/man") {
            let dir = Harness.tempDir()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try page.write(toFile: dir + "/onderdak.1", atomically: true, encoding: .utf8)
            // man-db's seccomp sandbox refuses what libfaketime needs (the suite at other moments,
            // `make test-clocks`): without it, man formats the same page.
            let man = try run("/usr/bin/man", ["--warnings", "-l", dir + "/onderdak.1"], cwd: dir,
                              env: ["MANPAGER": "cat", "MANWIDTH": "80", "MAN_DISABLE_SECCOMP": "1"])
            #expect(man.code == 0 && man.stdout.contains("verify"), "\(man.stderr)")
            #expect(man.stderr.isEmpty, "man warns: \(man.stderr)")
        }
    }

    @Test("verify --anchor: a head written down earlier still matches after the journal grew; a wrong or missing one fails")
    func headAnchor() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/j.onderdak"
        #expect(try Harness.run(["demo", "--journal", j]).code == 0)
        let first = try Harness.run(["verify", "--journal", j])
        let seq = try #require(field(first.stdout, "last sequence:"))
        let head = try #require(field(first.stdout, "head hash:"))
        // The journal grows: one more event (a client registered through `do`).
        let add = try Harness.run(["do", "--journal", j],
                                  stdin: #"{"command":"register_client","given_names":"Łukasz","family_name":"Wiśniewski","nationality":"PL","gender":"male","birth_date":"1990-04-02","consent":{"given":true,"purpose_explained":true,"language":"pl"}}"# + "\n")
        #expect(add.code == 0, "\(add.stdout) \(add.stderr)")
        let later = try Harness.run(["verify", "--journal", j, "--anchor", "\(seq):\(head)"])
        #expect(later.code == 0, "\(later.stdout)")
        #expect(later.stdout.contains("anchor:        record \(seq) matches"))
        #expect(field(later.stdout, "head hash:") != head, "the journal did grow")
        #expect(try Harness.run(["verify", "--journal", j, "--expect-head", head]).code == 1, "--expect-head wants the exact end")

        let wrong = String(head.reversed())
        let mismatch = try Harness.run(["verify", "--journal", j, "--anchor", "\(seq):\(wrong)"])
        #expect(mismatch.code == 1 && mismatch.stdout.contains("ANCHOR MISMATCH: record \(seq)"))
        let missing = try Harness.run(["verify", "--journal", j, "--anchor", "99999999:\(head)"])
        #expect(missing.code == 1 && missing.stdout.contains("ANCHOR MISSING"))
        let malformed = try Harness.run(["verify", "--journal", j, "--anchor", "last"])
        #expect(malformed.code == 2 && malformed.stderr.contains("--anchor takes SEQ:HASH"))
    }

    func field(_ text: String, _ label: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(label) }.map { $0.dropFirst(label.count).trimmingCharacters(in: .whitespaces) }
    }

    func run(_ exe: String, _ args: [String], cwd: String, env: [String: String] = [:]) throws -> Harness.Output {
        let r = try ChildProcess.run(exe, args, environment: Harness.environment(env), directory: cwd)
        return Harness.Output(code: r.status, stdout: String(decoding: r.stdout, as: UTF8.self), stderr: String(decoding: r.stderr, as: UTF8.self))
    }
}
