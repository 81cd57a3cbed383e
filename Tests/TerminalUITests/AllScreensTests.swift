import Foundation
import Journal
import ScreenTestSupport
import Services
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Every screen, nl and en, 80×24 and 60×16 (golden)")
struct AllScreensTests {
    static func type(_ s: DeskSession, _ text: String) { for c in text { s.handle(.char(c)) } }

    /// Drives a session through every screen, rendering each at both sizes.
    @Test("Screens", arguments: ["nl", "en"])
    func screens(_ lang: String) throws {
        let dir = Fixtures.tempDir("all-" + lang)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let clock = TestClock()
        let s = try DeskSession(path: dir + "/j.onderdak", lang: lang, clock: { clock.now }, rules: nil)
        func shot(_ name: String) {
            Golden.check(Fixtures.render(s, 80, 24, dir: dir), "screen-\(name)-\(lang)-80x24")
            Golden.check(Fixtures.render(s, 60, 16, dir: dir), "screen-\(name)-\(lang)-60x16")
        }
        shot("choose")
        s.handle(.char("s"))
        shot("setup")
        Fixtures.type(s, "De Haven"); s.handle(.tab); Fixtures.type(s, "Utrecht"); s.handle(.tab)
        Fixtures.type(s, "Ineke de Vries"); s.handle(.tab); Fixtures.type(s, "ineke"); s.handle(.tab)
        Fixtures.type(s, "24680246"); s.handle(.tab); Fixtures.type(s, "24680247")
        shot("setup-errors")
        s.handle(.function(10))
        shot("quit-confirm")
        s.handle(.char("n"))
        s.handle(.backspace); Fixtures.type(s, "6"); s.handle(.ctrl("s"))
        shot("login")
        Fixtures.type(s, "11111111"); s.handle(.enter)
        shot("login-wrong")
        Fixtures.type(s, "24680246"); s.handle(.enter)
        #expect(s.user == 1)
        shot("home-supervisor")
        s.handle(.function(1))
        shot("help")
        s.handle(.escape)
        s.handle(.char("m"))
        shot("staff")
        s.handle(.char("a"))
        Fixtures.type(s, "Joost Bakker"); s.handle(.tab); Fixtures.type(s, "Joost")
        shot("staff-add-errors")
        s.handle(.backspace); s.handle(.backspace); s.handle(.backspace); s.handle(.backspace); s.handle(.backspace)
        Fixtures.type(s, "joost"); s.handle(.tab); Fixtures.type(s, "13579135"); s.handle(.tab); Fixtures.type(s, "13579135")
        s.handle(.tab); s.handle(.left)  // role: supervisor → (wraps) … pick desk below
        s.handle(.right)
        s.handle(.ctrl("s"))
        #expect(s.store?.state.roster.staffByUsername["joost"] != nil)
        shot("staff-saved")
        s.handle(.down); s.handle(.char("x"))
        shot("staff-confirm")
        s.handle(.char("y"))
        #expect(s.store?.state.roster.staff[2]?.active == false)
        // The last supervisor cannot lose the role: the domain refuses, the screen says why.
        s.handle(.up); s.handle(.char("r"))
        shot("staff-refused")
        #expect(s.store?.state.roster.staff[1]?.role == .supervisor)
        #expect(try JournalVerifier.verify(path: dir + "/j.onderdak", deep: true).exitCode == 0)
    }
}
