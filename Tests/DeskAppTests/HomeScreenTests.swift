import Foundation
import Journal
import ScreenTestSupport
import Services
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Application frame: the demo's roles, help, sizes, languages (golden)")
struct HomeScreenTests {
    @Test("Demo journal: role picker, then each role's home, nl and en, 80×24, 60×16 and 160×45", arguments: ["nl", "en"])
    func demoRoles(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("roles", lang: lang)
        #expect(s.mode == .rolePicker)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "roles-\(lang)-80x24")
        s.handle(.char("1"))
        #expect(s.staff?.role == .desk)
        let home = Fixtures.render(s, 80, 24, dir: dir)
        #expect(home.lines[0].hasPrefix(" DEMO  Nachtopvang De Haven "))
        #expect(home.lines[0].contains("Joost Bakker"))
        Golden.check(home, "home-desk-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "home-desk-\(lang)-60x16")
        Golden.check(Fixtures.render(s, 160, 45, dir: dir), "home-desk-\(lang)-160x45")
        s.handle(.function(9))
        #expect(s.mode == .rolePicker && s.user == nil)
        s.handle(.char("3"))
        #expect(s.staff?.role == .supervisor)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "home-supervisor-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 160, 45, dir: dir), "home-supervisor-\(lang)-160x45")
        // Every pick is a login event in the journal.
        let logins = s.store!.state.lastSequence
        #expect(logins > 0)
    }

    @Test("Help overlay lists the keys in words; Esc closes it", arguments: ["nl", "en"])
    func help(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("help", lang: lang)
        s.handle(.char("2"))
        s.handle(.function(1))
        #expect(s.overlay == .help)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "help-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 160, 45, dir: dir), "help-\(lang)-160x45")
        s.handle(.escape)
        #expect(s.overlay == nil)
        s.handle(.char("?"))
        #expect(s.overlay == .help)
    }

    @Test("Below 60×16 the screen says so, at every size down to 0×0")
    func tooSmall() throws {
        let (s, dir) = try Fixtures.demoSession("small", lang: "en")
        Golden.check(Fixtures.render(s, 40, 12, dir: dir), "too-small-en-40x12")
        for w in [0, 1, 2, 10, 59, 60, 61] {
            for h in [0, 1, 2, 15, 16, 17] { _ = Fixtures.render(s, w, h, dir: dir) }
        }
        #expect(Fixtures.render(s, 59, 24, dir: dir).lines[0] == "terminal too small (need 60x16)")
    }

    @Test("Each person's language: l switches and is remembered at the next login")
    func language() throws {
        let (s, dir) = try Fixtures.demoSession("lang", lang: "nl")
        s.handle(.char("1"))
        #expect(s.strings.lang == "nl")
        s.handle(.char("l"))
        #expect(s.strings.lang == "en")
        #expect(Fixtures.render(s, 80, 24, dir: dir).lines[0].contains("(desk)"))
        s.handle(.function(9))
        #expect(s.strings.lang == "nl")
        s.handle(.char("2"))
        #expect(s.strings.lang == "nl", "the coordinator has not chosen English")
        s.handle(.function(9)); s.handle(.char("1"))
        #expect(s.strings.lang == "en", "the desk member's choice is remembered")
        // Desk staff cannot open the staff screen.
        s.handle(.char("m"))
        #expect(s.mode == .home)
        #expect(Fixtures.render(s, 80, 24, dir: dir).lines.contains { $0.contains("Only supervisors manage staff") })
    }
}
