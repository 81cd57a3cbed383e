import Foundation
import Testing

@Suite("End to end: the terminal UI in tmux", .serialized)
struct TUITests {
    @Test("Demo journal opens with the DEMO banner and names intact; resize 80×24 → 40×12 → back; F10 exits 0")
    func demoHomeResizeQuit() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j]).code == 0)
        let t = Tmux()
        t.start(["--journal", j])
        #expect(t.waitFor("DEMO"))
        #expect(t.waitFor("Cliënten"))
        #expect(t.screen().contains("Nachtopvang De Haven"))
        t.resize(40, 12)
        #expect(t.waitFor("terminal te klein"))
        t.resize(80, 24)
        #expect(t.waitFor("Cliënten"))
        t.send("F10")
        #expect(t.waitFor("EXIT=0"))
    }

    @Test("Empty journal: the screen offers a demo; d writes it; live refresh shows another process's appends")
    func emptyThenDemoThenLiveRefresh() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/new.onderdak"
        let t = Tmux()
        t.start(["--journal", j, "--lang", "en"])
        #expect(t.waitFor("Press d"))
        t.send("d")
        #expect(t.waitFor("DEMO"))
        #expect(t.waitFor("Clients"))
        let before = t.screen()
        #expect(before.split(separator: "\n").contains { $0.contains("Clients") && $0.contains("48") })
        // Another process appends 5 clients: the open screen shows 53 within a second or so.
        #expect(try Harness.run(["stress-register", "--journal", j, "--count", "5"]).code == 0)
        #expect(t.waitForLine("Clients", "53", timeout: 5))
        t.send("F10")
        #expect(t.waitFor("EXIT=0"))
        #expect(try Harness.run(["verify", "--deep", "--journal", j]).code == 0)
    }

    @Test("A corrupt journal: the TUI refuses with the record and offset, exit 1, nothing written")
    func corruptRefused() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j]).code == 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: j))
        bytes[bytes.count / 3] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: j))
        let r = try Harness.run(["--journal", j])
        #expect(r.code == 1)
        #expect(r.stderr.contains("damaged at record"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: j)) == bytes)
    }
}
