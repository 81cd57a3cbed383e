import Foundation
import Journal
import ScreenTestSupport
import Services
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Client search screen (golden)")
struct SearchScreenTests {
    @Test("/ opens search; typing finds across scripts; Enter opens the card; Esc goes back", arguments: ["nl", "en"])
    func search(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("search", lang: lang)
        s.handle(.char("1"))
        s.handle(.char("/"))
        func shot(_ name: String) {
            Golden.check(Fixtures.render(s, 80, 24, dir: dir), "search-\(name)-\(lang)-80x24")
            Golden.check(Fixtures.render(s, 60, 16, dir: dir), "search-\(name)-\(lang)-60x16")
            Golden.check(Fixtures.render(s, 160, 45, dir: dir), "search-\(name)-\(lang)-160x45")
        }
        shot("empty")
        for c in "lukasz wojcik" { s.handle(.char(c)) }
        let screen = Fixtures.render(s, 80, 24, dir: dir).lines
        #expect(screen.contains { $0.contains("Łukasz Wójcik") })
        #expect(screen.contains { $0.contains("Lukasz Wojcik") }, "the near-duplicate shows too")
        shot("lukasz")
        s.handle(.ctrl("u"))
        for c in "ivan" { s.handle(.char(c)) }
        #expect(Fixtures.render(s, 80, 24, dir: dir).lines.contains { $0.contains("Иван Петров (Vanya)") })
        s.handle(.enter)
        shot("card-ivan")
        s.handle(.escape)
        s.handle(.ctrl("u"))
        for c in "qqqqqq" { s.handle(.char(c)) }
        shot("none")
        s.handle(.escape)
        #expect(s.mode == .home)
    }
}
