import Foundation
import Testing

/// Issue #17, finding 1 (and 7) in the real binary: the bed picker shows several people with
/// birth dates, Enter gives the bed to the highlighted row (not a hidden first match) and the
/// confirmation names them; `u` takes it back as "entered in error"; `x` before the cut-off asks.
@Suite("End to end: picker, undo and no-show confirmation in tmux")
struct DeskUndoE2ETests {
    /// Moves the board's selection to the row of `bed` (header in either language).
    static func select(_ t: Tmux, _ bed: String) -> Bool {
        let lines = t.screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: { $0.contains("Bed ") && ($0.contains("State") || $0.contains("Status")) }),
              let row = lines.indices.first(where: { $0 > header && lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix(bed + " ") }) else { return false }
        for _ in 0..<(row - header - 1) { t.send("Down") }
        return true
    }

    @Test("Several matches: ↓ Enter gives the bed to the highlighted second person, named; u undoes it; the journal agrees", arguments: ["en", "nl"])
    func pickHighlightedThenUndo(_ lang: String) throws {
        let (t, dir, j) = try Tmux.demoAsDesk(lang: lang)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let en = lang == "en"
        t.send("F4")
        #expect(t.waitFor(en ? "Beds · night Mon" : "Bedden · nacht ma"))
        t.send("f")
        #expect(t.waitFor(en ? "free beds only" : "alleen vrije bedden"))
        #expect(Self.select(t, "S9"))
        t.send("a")
        #expect(t.waitFor(en ? "Choose the client for bed S9" : "Kies de cliënt voor bed S9"))
        t.send("-l", "mar")
        // Three people match "mar" before the one meant; each row shows number, country and birth date.
        #expect(t.waitFor(en ? "19/05/1995" : "19-05-1995"))
        #expect(t.screen().contains("Marek Horák") && t.screen().contains(en ? "06/12/1974" : "06-12-1974"))
        t.send("Down"); t.send("Down")
        t.send("Enter")
        #expect(t.waitFor(en ? "Bed assigned: S9 (Oost) → Martin Novák (#64), night Mon 23/11"
                             : "Bed toegewezen: S9 (Oost) → Martin Novák (#64), nacht ma 23-11"))
        let board = try Harness.run(["board", "--journal", j, "--format", "json"])
        #expect(board.stdout.contains("\"client_id\":64"), "the highlighted person got the bed")
        t.send("u")
        #expect(t.waitFor(en ? "Undone (entered in error): bed S9 (Oost) no longer given to Martin Novák"
                             : "Ongedaan (ingevoerd in fout): bed S9 (Oost) niet meer voor Martin Novák (#64)"))
        t.send("F10")
        #expect(t.waitFor("EXIT=0"))
        let after = try Harness.run(["board", "--journal", j, "--format", "json"])
        #expect(!after.stdout.contains("\"client_id\":64"), "the bed is free again")
        #expect(try Harness.run(["verify", "--deep", "--journal", j]).code == 0)
    }

    @Test("x on a reserved bed at 19:30 asks first (the cut-off is 23:00); n keeps the reservation")
    func noShowAsks() throws {
        let (t, dir, j) = try Tmux.demoAsDesk(lang: "en")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try Harness.run(["board", "--journal", j, "--format", "json"]).stdout
        t.send("F4")
        #expect(t.waitFor("Beds · night Mon"))
        // The first reserved row on the board.
        let lines = t.screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: { $0.contains("Bed ") && $0.contains("State") }),
              let row = lines.indices.first(where: { $0 > header && lines[$0].contains(" reserved ") }) else {
            Issue.record("no reserved bed on screen:\n\(lines.joined(separator: "\n"))"); return
        }
        for _ in 0..<(row - header - 1) { t.send("Down") }
        t.send("x")
        #expect(t.waitFor("Before the cut-off"))
        #expect(t.screen().contains("held until 23:00"))
        t.send("n")
        #expect(t.waitFor("Beds · night Mon"))
        t.send("F10")
        #expect(t.waitFor("EXIT=0"))
        #expect(try Harness.run(["board", "--journal", j, "--format", "json"]).stdout == before, "nothing released")
    }

    @Test("Finding 2 and 3: a first name and Enter records nothing; F4 and Esc with input ask; n keeps the name; y discards", arguments: ["en", "nl"])
    func intakeAsksBeforeDiscarding(_ lang: String) throws {
        let (t, dir, j) = try Tmux.demoAsDesk(lang: lang)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let en = lang == "en"
        let before = try Data(contentsOf: URL(fileURLWithPath: j))
        t.send("n")
        #expect(t.waitFor(en ? "Register a new client" : "Nieuwe cliënt inschrijven"))
        t.send("Tab"); t.send("-l", "Zsófia"); t.send("Enter")
        t.send("F4")
        #expect(t.waitFor(en ? "Discard what you typed?" : "Invoer weggooien?"))
        t.send("n")
        #expect(t.waitFor("Zsófia"), "the name is still on the form")
        #expect(!t.screen().contains(en ? "Beds · night" : "Bedden · nacht"))
        t.send("Escape")
        #expect(t.waitFor(en ? "Discard what you typed?" : "Invoer weggooien?"))
        t.send(en ? "y" : "j")
        #expect(t.waitFor(en ? "Input discarded (nothing saved)." : "Invoer weggegooid (niets opgeslagen)."))
        t.send("F10")
        #expect(t.waitFor("EXIT=0"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: j)) == before, "nothing written to the journal")
    }
}
