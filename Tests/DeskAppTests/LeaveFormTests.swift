import ScreenTestSupport
import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

/// Leaving a form with input never throws it away silently: Esc, F2–F9 ask "discard?"; `n`
/// keeps everything typed; `j` discards (nothing recorded) and goes on. After registering, the
/// file opens with the person's name, number and next steps; Esc goes home.
@Suite("Leaving a form with input asks first")
struct LeaveFormTests {
    static func given(_ s: DeskSession) -> String? { IntakeTests.intake(s).map { $0.form[IntakeScreen.given].text } }

    @Test("Esc, F4, F2, F9 on an intake with a name typed ask; n keeps the input; nothing is recorded", arguments: ["nl", "en"])
    func asksAndKeeps(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("leave-form", lang: lang)
        s.handle(.char("1")); s.handle(.char("n"))
        let seq = s.store!.state.lastSequence
        s.handle(.tab); IntakeTests.type(s, "Zsófia")
        for key in [Key.escape, .function(4), .function(2), .function(9), .function(6)] {
            s.handle(key)
            #expect(s.overlay == .confirmDiscard(key), "\(key) asks first")
            let screen = Fixtures.render(s, 80, 24, dir: dir).lines.joined(separator: "\n")
            #expect(screen.contains(s.strings["discard.title"]))
            s.handle(.char("n"))
            #expect(s.overlay == nil)
            #expect(Self.given(s) == "Zsófia", "\(key): still on the form, the name kept")
        }
        #expect(s.user != nil, "F9 did not log out")
        s.handle(.escape)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "intake-discard-\(lang)-80x24")
        s.handle(.char("n"))
        // j discards and goes where F4 leads: the board. Nothing was written.
        s.handle(.function(4)); s.handle(.char(lang == "nl" ? "j" : "y"))
        guard case .board = s.mode else { Issue.record("not on the board: \(s.mode)"); return }
        #expect(s.message == s.strings["discard.done"])
        #expect(s.store!.state.lastSequence == seq, "nothing recorded")
    }

    @Test("Esc then j on an intake with input goes home; a note being typed in a file asks too")
    func discardGoesBack() throws {
        let (s, dir) = try Fixtures.demoSession("leave-note", lang: "en")
        s.handle(.char("1")); s.handle(.char("n"))
        s.handle(.tab); IntakeTests.type(s, "Zsófia")
        s.handle(.escape); s.handle(.char("y"))
        #expect(s.mode == .home)
        // A note in Krzysztof's file (#7).
        s.handle(.char("/")); IntakeTests.type(s, "7"); s.handle(.enter)
        guard case .search(let sc) = s.mode, sc.opened == 7 else { Issue.record("file 7 not open: \(s.mode)"); return }
        s.handle(.char("o")); s.handle(.tab); IntakeTests.type(s, "Heeft pijn aan de voet")
        guard case .search(let sc2) = s.mode, sc2.file?.action != nil else { Issue.record("no note form"); return }
        s.handle(.escape)
        #expect(s.overlay == .confirmDiscard(.escape))
        s.handle(.char("n"))
        guard case .search(let sc3) = s.mode, sc3.file?.action != nil, sc3.file?.form.hasInput == true else { Issue.record("the note was lost"); return }
        s.handle(.escape); s.handle(.char("y"))
        guard case .search(let sc4) = s.mode else { Issue.record("left the file"); return }
        #expect(sc4.opened == 7 && sc4.file?.action == nil, "the note form closed, the file stays open")
    }

    @Test("After ^S the new file opens with the name, number and next steps; Esc goes home, not to an empty search", arguments: ["nl", "en"])
    func savedOpensFile(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("leave-saved", lang: lang)
        s.handle(.char("1")); s.handle(.char("n"))
        IntakeTests.giveConsent(s, language: "hu")
        IntakeTests.type(s, "Zsófia"); s.handle(.tab); IntakeTests.type(s, "Bíró"); s.handle(.tab); s.handle(.tab)
        s.handle(.right); s.handle(.right); s.handle(.tab); IntakeTests.type(s, "HU")
        s.handle(.ctrl("s"))
        guard case .search(let sc) = s.mode, let id = sc.opened else { Issue.record("the new file is not open: \(s.mode)"); return }
        #expect(s.store!.state.files.clients[id]?.givenNames == "Zsófia")
        #expect(s.message == s.strings.fill("intake.savedNext", "Zsófia Bíró", String(id)))
        #expect(s.message?.contains("F4") == true && s.message?.contains("F3") == true)
        s.handle(.escape)
        #expect(s.mode == .home)
        // n at home starts a new intake again (it is not typed into a search box).
        s.handle(.char("n"))
        #expect(IntakeTests.intake(s) != nil)
    }

    @Test("While the terminal is too small keys are ignored and the frame says so; at full size they act again")
    func tooSmallIgnoresKeys() throws {
        let (s, dir) = try Fixtures.demoSession("too-small", lang: "nl")
        s.handle(.char("1"))
        _ = Fixtures.render(s, 40, 12, dir: dir)
        s.handle(.char("n"))
        #expect(s.mode == .home, "n typed blind did not open an intake")
        let small = Fixtures.render(s, 40, 12, dir: dir).lines.joined(separator: " ")
        #expect(small.contains("terminal te klein") && small.contains("genegeerd"))
        _ = Fixtures.render(s, 80, 24, dir: dir)
        s.handle(.char("n"))
        #expect(IntakeTests.intake(s) != nil)
    }
}
