import Foundation
import Testing

/// Issue #17, findings 4–10 in the real binary (tmux at 100×30, demo journal at Harness.now,
/// Monday 23-11-2026 19:30): each test walks what the finding describes and shows the fixed
/// behaviour, in English and Dutch where the text matters. Findings 1–3 are in DeskUndoE2ETests.
@Suite("End to end: the desk under pressure, findings 4–10 (issue #17)")
struct DeskFindingsE2ETests {
    /// A demo journal and the TUI at 100×30 in `lang`, logged in with demo role `role`
    /// (1 desk, 2 coordinator, 3 supervisor); the home screen shown.
    static func start(_ lang: String, role: String = "1", width: Int = 100, height: Int = 30) throws -> (Tmux, String, String) {
        let dir = Harness.tempDir()
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j]).code == 0)
        let t = Tmux()
        t.start(["--journal", j, "--lang", lang], width: width, height: height)
        #expect(t.waitFor(lang == "en" ? "pick a role" : "kies een rol"))
        t.send(role)
        #expect(t.waitFor(lang == "en" ? "Clients" : "Cliënten"))
        return (t, dir, j)
    }

    /// The board (F4), then the cursor on `bed` with `j` (type-to-jump).
    static func boardAt(_ t: Tmux, _ bed: String, en: Bool) {
        t.send("F4")
        #expect(t.waitFor(en ? "Beds · night Mon 23/11/2026" : "Bedden · nacht ma 23-11-2026"))
        t.send("j")
        #expect(t.waitFor(en ? "Go to bed or name:" : "Naar bed of naam:"))
        t.send("-l", bed); t.send("Enter")
    }

    static func quit(_ t: Tmux) {
        t.send("F10")
        #expect(t.waitFor("EXIT=0"))
    }

    @Test("Finding 4: a women-only refusal offers only OK (e does nothing); the stay-limit refusal offers e, which opens the request", arguments: ["en", "nl"])
    func refusalOffersTheRightAction(_ lang: String) throws {
        let (t, dir, j) = try Self.start(lang)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let en = lang == "en"
        // A man (Nicolae Ciobanu, #43, 28 of 28 nights) on a free women-only bed.
        Self.boardAt(t, "V4", en: en)
        t.send("a")
        #expect(t.waitFor(en ? "Choose the client for bed V4" : "Kies de cliënt voor bed V4"))
        t.send("-l", "43"); #expect(t.waitFor("Nicolae Ciobanu"))
        t.send("Enter")
        #expect(t.waitFor(en ? "Bed V4 is for women only." : "Bed V4 is alleen voor vrouwen."))
        #expect(!t.screen().contains(en ? "e Request extension" : "e Verlenging aanvragen"), "no extension offered for a women-only bed")
        t.send("e")
        #expect(!t.waitFor(en ? "Request: Nicolae" : "Verzoek: Nicolae", timeout: 1), "e opens nothing")
        t.send("Enter")  // OK: back in the picker, the person still found
        #expect(t.waitFor(en ? "Choose the client for bed V4" : "Kies de cliënt voor bed V4"))
        t.send("Escape")
        #expect(t.waitFor(en ? "Beds · night" : "Bedden · nacht"))
        // The same man on a normal bed: the stay limit, with the request offered and working.
        t.send("j"); t.send("-l", "S10"); t.send("Enter")
        t.send("a"); #expect(t.waitFor(en ? "Choose the client for bed S10" : "Kies de cliënt voor bed S10"))
        t.send("-l", "43"); #expect(t.waitFor("Nicolae Ciobanu"))
        t.send("Enter")
        #expect(t.waitFor(en ? "Maximum stay reached (28/28 nights)" : "(28/28 nachten)"))
        #expect(t.waitFor(en ? "e Request extension" : "e Verlenging aanvragen"))
        t.send("e")
        #expect(t.waitFor(en ? "Request: Nicolae Ciobanu" : "Verzoek: Nicolae Ciobanu"))
        #expect(t.waitFor(en ? "^S Save" : "^S Opslaan"), "the request form saves with ^S, as the intake does")
        t.send("Escape")
        Self.quit(t)
        #expect(try Harness.run(["verify", "--journal", j]).code == 0)
    }

    @Test("Finding 5: no codes and no English on Dutch screens and in Dutch CLI tables; dates in one format per language", arguments: ["en", "nl"])
    func noCodesOnScreen(_ lang: String) throws {
        let (t, dir, j) = try Self.start(lang, role: "3")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let en = lang == "en"
        func clean(_ where_: String) {
            let s = t.screen()
            let code = s.range(of: "\\b[a-z]+(_[a-z0-9]+)+\\b", options: .regularExpression)
            #expect(code == nil, "a code on \(where_): \(code.map { String(s[$0]) } ?? "")\n\(s)")
            let iso = s.range(of: "\\b20[0-9]{2}-([0-9]{2}-[0-9]{2}|W[0-9]{2})\\b", options: .regularExpression)
            #expect(iso == nil, "an ISO date on \(where_): \(iso.map { String(s[$0]) } ?? "")")
            let other = s.range(of: en ? "\\b[0-9]{2}-[0-9]{2}-20[0-9]{2}\\b" : "\\b[0-9]{2}/[0-9]{2}/20[0-9]{2}\\b", options: .regularExpression)
            #expect(other == nil, "another language's date on \(where_): \(other.map { String(s[$0]) } ?? "")")
        }
        t.send("F4"); #expect(t.waitFor(en ? "Beds · night Mon 23/11/2026" : "Bedden · nacht ma 23-11-2026")); clean("the board")
        #expect(t.screen().contains(en ? "checked in" : "binnen"))
        t.send("F7"); #expect(t.waitFor(en ? "Occupancy" : "Bezetting")); clean("occupancy by week")
        #expect(t.screen().contains("wk 4"), "weeks in words")
        t.send("b"); #expect(t.waitFor(en ? "Nov 2026" : "nov 2026")); clean("occupancy by month")
        t.send("v"); #expect(t.waitFor(en ? "Nationality" : "Nationaliteit")); clean("the breakdowns")
        #expect(!t.screen().contains("not_shown") && !t.screen().contains(" none "))
        t.send("F8"); #expect(t.waitFor(en ? "Audit log" : "Logboek")); clean("the audit")
        #expect(!t.screen().contains("login_succeeded") && !t.screen().contains("bed_assigned"))
        t.send("F6"); #expect(t.waitFor(en ? "Approvals" : "Goedkeuren")); clean("approvals")
        t.send("/"); t.send("-l", "43"); t.send("Enter")
        #expect(t.waitFor("Nicolae Ciobanu")); clean("a file")
        Self.quit(t)
        let board = try Harness.run(["board", "--journal", j, "--lang", lang]).stdout
        #expect(!board.contains("checked_in") && board.hasPrefix(en ? "Night of Mon 23/11/2026" : "Nacht van ma 23-11-2026"))
        let outflow = try Harness.run(["report", "outflow", "--journal", j, "--from", "2026-10-01", "--to", Harness.tonightISO, "--lang", lang]).stdout
        #expect(!outflow.contains("regular_wmo_shelter"))
        #expect(outflow.contains(en ? "positive rate" : "landelijke referentie") && (en || !outflow.contains("positive rate")), "\(outflow)")
    }

    @Test("Finding 6: j jumps to a bed or a name, l shows one location, marks have a legend, the waiting list stands beside at 130 columns", arguments: ["en", "nl"])
    func boardIsFast(_ lang: String) throws {
        let (t, dir, _) = try Self.start(lang, width: 130, height: 40)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let en = lang == "en"
        // Marks with their legend, the waiting list beside the board.
        t.send("F4")
        #expect(t.waitFor(en ? "W women only" : "V vrouwen"), "\(t.screen())")
        #expect(t.screen().contains("⏳20d"))
        #expect(t.screen().contains(en ? "Waiting list (" : "Wachtlijst ("))
        // A name: the cursor is on that person's bed (x names them: before the cut-off it asks).
        t.send("j"); t.send("-l", "wisniewski"); t.send("Enter")
        t.send("x")
        #expect(t.waitFor("Krzysztof Wiśniewski (#7)"), "\(t.screen())")
        t.send("n")
        // A bed label: S1 in Oost, 28 rows down; x names its holder.
        t.send("j"); t.send("-l", "S1"); t.send("Enter")
        t.send("x")
        #expect(t.waitFor("Sándor Nagy (#"), "\(t.screen())")
        t.send("n")
        // One location: the cursor's (Oost); Centrum's beds are not listed.
        t.send("l")
        #expect(t.waitFor(en ? "Beds · night Mon 23/11/2026 · Oost" : "Bedden · nacht ma 23-11-2026 · Oost"))
        #expect(!t.screen().contains(" A5 ") && t.screen().contains(" S1 "))
        Self.quit(t)
    }

    @Test("Finding 7: a on an occupied bed and X before the cut-off say why; t and e on an empty bed say why", arguments: ["en", "nl"])
    func refusedKeysSayWhy(_ lang: String) throws {
        let (t, dir, _) = try Self.start(lang)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let en = lang == "en"
        Self.boardAt(t, "wisniewski", en: en)
        t.send("a")
        #expect(t.waitFor(en ? "This bed is not free" : "Dit bed is niet vrij"))
        t.send("X")
        #expect(t.waitFor(en ? "reserved beds are held until then" : "gereserveerde bedden blijven tot dan vrijgehouden"))
        #expect(!t.screen().contains(en ? "c Checklist first" : "c Checklist eerst"), "nothing but OK offered")
        t.send("Enter")
        t.send("f")
        #expect(t.waitFor(en ? "free beds only" : "alleen vrije bedden"))
        t.send("t")
        #expect(t.waitFor(en ? "Nobody in this bed: t gives" : "Niemand in dit bed: t geeft"))
        t.send("e")
        #expect(t.waitFor(en ? "Nobody in this bed: request" : "Niemand in dit bed: een verlenging"))
        Self.quit(t)
    }

    @Test("Finding 8: > saves what is on the return plan's screen first (transport, date, ticket not yet saved); the hint bar is not cut", arguments: ["en", "nl"])
    func returnPlanSavesVisibleEdits(_ lang: String) throws {
        let (t, dir, j) = try Self.start(lang, role: "2")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let en = lang == "en"
        t.send("/"); t.send("-l", "7"); #expect(t.waitForLine("7", "Krzysztof Wiśniewski"))
        t.send("Enter"); #expect(t.waitFor(en ? "Client 7: Krzysztof Wiśniewski" : "Cliënt 7: Krzysztof Wiśniewski"))
        t.send("r"); #expect(t.waitFor(en ? "new plan" : "nieuw plan"))
        t.send("Tab"); t.send("-l", "Gdańsk")
        t.send("Tab"); t.send("Right")
        t.send("C-s"); #expect(t.waitFor(en ? "Recorded." : "Vastgelegd."))
        // Transport, travel date and ticket typed but not saved, then >.
        for _ in 0..<9 { t.send("Tab") }
        t.send("Right")
        t.send("Tab"); t.send("-l", Harness.tonightDutch)
        t.send("Tab"); t.send("Tab"); t.send("Right"); t.send("Right")
        t.send(">")
        #expect(t.waitFor(en ? "The plan is now:" : "Plan staat nu op:"), "\(t.screen())")
        #expect(!t.screen().contains(en ? "travel date missing" : "reisdatum ontbreekt"))
        let last = t.screen().split(separator: "\n").last.map(String.init) ?? ""
        #expect(!last.hasSuffix("…") && !last.hasSuffix(en ? "w Consent" : "w Toestemming"), "the hint bar ends on a whole hint: \(last)")
        Self.quit(t)
        #expect(try Harness.run(["verify", "--journal", j]).code == 0)
    }

    @Test("Finding 9: keys typed while the window is too small are ignored and said to be; cut text ends in …", arguments: ["en", "nl"])
    func drawing(_ lang: String) throws {
        let (t, dir, j) = try Self.start(lang)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let en = lang == "en"
        let before = try Data(contentsOf: URL(fileURLWithPath: j))
        t.resize(50, 12)
        #expect(t.waitFor(en ? "terminal too small" : "terminal te klein"))
        #expect(t.waitFor(en ? "Keys are ignored" : "Toetsen"), "\(t.screen())")
        t.send("n"); t.send("-l", "Blind")
        t.resize(100, 30)
        #expect(t.waitFor(en ? "Clients" : "Cliënten"))
        #expect(!t.screen().contains("Blind"), "nothing typed blind reached a screen")
        #expect(!t.screen().contains(en ? "Register a new client" : "Nieuwe cliënt inschrijven"))
        // At 60 columns the board cuts long names with "…", and the scroll marker has its own column.
        t.resize(60, 16)
        t.send("F4")
        #expect(t.waitFor(en ? "Beds · night" : "Bedden · nacht"))
        // The board may first be drawn at the old width (F4 read before the resize was): wait
        // for the frame at 60 columns, whose hint bar ends in the quit key.
        let quit = en ? "F10 Quit" : "F10 Afsluiten"
        let deadline = Date().addingTimeInterval(15)
        var lines: [String] = []
        repeat {
            lines = t.screen().split(separator: "\n").map(String.init)
            if lines.last?.hasSuffix(quit) == true, lines.contains(where: { $0.contains("…") }) { break }
            usleep(50_000)
        } while Date() < deadline
        #expect(lines.contains { $0.contains("…") }, "cut text ends in …:\n\(lines.joined(separator: "\n"))")
        #expect(!lines.contains { $0.range(of: "[0-9]/[0-9]+[▼▲]", options: .regularExpression) != nil }, "no marker on a digit")
        Self.quit(t)
        #expect(try Data(contentsOf: URL(fileURLWithPath: j)) == before, "nothing written")
    }

    @Test("Finding 10: the message does not follow to the board; F6 says when a request was filed; F1 is per screen; audit by name; 1 event", arguments: ["en", "nl"])
    func smallButTelling(_ lang: String) throws {
        let (t, dir, _) = try Self.start(lang, role: "3")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let en = lang == "en"
        t.send("F6"); #expect(t.waitFor(en ? "Requested" : "Aangevraagd"))
        t.send("F1"); #expect(t.waitFor(en ? "On this screen:" : "Op dit scherm:"))
        #expect(t.screen().contains(en ? "a Approve" : "a Goedkeuren"))
        t.send("Escape")
        t.send("F4"); #expect(t.waitFor(en ? "Beds · night" : "Bedden · nacht"))
        t.send("F1"); #expect(t.waitFor(en ? "On this screen:" : "Op dit scherm:"))
        #expect(t.screen().contains("r ") && t.screen().contains("i ") && t.screen().contains("F5") && t.screen().contains("F8"), "\(t.screen())")
        t.send("Escape")
        // A message on the board does not follow to another screen.
        t.send("j"); t.send("-l", "wisniewski"); t.send("Enter")
        t.send("a"); #expect(t.waitFor(en ? "This bed is not free" : "Dit bed is niet vrij"))
        t.send("F8"); #expect(t.waitFor(en ? "Audit log" : "Logboek"))
        #expect(!t.screen().contains(en ? "This bed is not free" : "Dit bed is niet vrij"))
        // The audit's client filter takes a name; one event says so in the singular.
        t.send("c"); t.send("-l", "Tõnu Tamm"); t.send("Enter")
        #expect(t.waitFor(en ? " event" : " gebeurtenis"))
        #expect(!t.screen().contains(en ? "1 events" : "1 gebeurtenissen"))
        Self.quit(t)
    }
}
