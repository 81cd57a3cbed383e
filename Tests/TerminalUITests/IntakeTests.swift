import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Intake (golden)")
struct IntakeTests {
    static func type(_ s: DeskSession, _ text: String) { for c in text { s.handle(.char(c)) } }

    @Test("Register a person; a similar name gets a duplicate warning first", arguments: ["nl", "en"])
    func intake(_ lang: String) throws {
        let (s, dir) = try HomeScreenTests.demoSession("intake", lang: lang)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.handle(.char("1"))
        s.handle(.char("n"))
        func shot(_ name: String) {
            Golden.check(HomeScreenTests.render(s, 80, 24, dir: dir), "intake-\(name)-\(lang)-80x24")
            Golden.check(HomeScreenTests.render(s, 60, 16, dir: dir), "intake-\(name)-\(lang)-60x16")
        }
        shot("empty")
        Self.type(s, "Иван"); s.handle(.tab); Self.type(s, "Петров"); s.handle(.tab); s.handle(.tab)
        Self.type(s, "31-02-1972"); s.handle(.tab); Self.type(s, "Bulgarije")
        shot("errors")
        s.handle(.enter)
        guard case .intake(let i) = s.mode else { Issue.record("left intake with errors"); return }
        #expect(i.form[0] == "Иван" && i.form[3] == "31-02-1972", "nothing typed is lost")
        // Correct: an estimated birth year, BG.
        s.handle(.backTab); for _ in 0..<10 { s.handle(.backspace) }; Self.type(s, "1972")
        s.handle(.tab); s.handle(.ctrl("u")); Self.type(s, "bg")
        let before = s.store!.state.clients.count
        s.handle(.enter)
        guard case .intake(let dup) = s.mode else { Issue.record("expected the duplicate warning"); return }
        #expect(dup.candidates.contains(4), "the existing Иван Петров (#4) is proposed")
        shot("duplicate")
        s.handle(.char("n"))
        #expect(s.store!.state.clients.count == before + 1)
        let new = s.store!.state.clients[Int32(before + 1)]!
        #expect(new.givenNames == "Иван" && new.nationality == "BG" && new.birth == .estimatedYear(1972))
        guard case .search(let sc) = s.mode else { Issue.record("the new card is not open"); return }
        #expect(sc.opened == new.id)
    }

    @Test("Bad input: control characters, a 500-character name, a future date each say what is wrong")
    func badInput() throws {
        let (s, dir) = try HomeScreenTests.demoSession("intake-bad", lang: "en")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.handle(.char("1")); s.handle(.char("n"))
        Self.type(s, String(repeating: "a", count: 500))
        guard case .intake(let i) = s.mode else { Issue.record("not in intake"); return }
        #expect(i.form[0].count == 500)
        #expect(i.form.fields[0].problem == "is longer than 100 characters")
        s.handle(.ctrl("u"))
        s.handle(.char("\u{1B}"))  // an escape character typed as text never enters the field
        guard case .intake(let i2) = s.mode else { return }
        #expect(i2.form[0].isEmpty)
        s.handle(.tab); s.handle(.tab); s.handle(.tab)
        Self.type(s, "24-11-2026")
        guard case .intake(let i3) = s.mode else { return }
        #expect(i3.form.fields[3].problem?.contains("future") == true)
        s.handle(.enter)
        guard case .intake(let i4) = s.mode else { Issue.record("saved with a future birth date"); return }
        #expect(i4.form.fields[0].problem == "enter a name or a nickname")
        // A search with no result offers intake with the typed name.
        s.handle(.function(10)); s.handle(.char("y"))
    }

    @Test("Search with no result: Enter opens intake pre-filled with what was typed")
    func fromSearch() throws {
        let (s, dir) = try HomeScreenTests.demoSession("intake-search", lang: "nl")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.handle(.char("1")); s.handle(.char("/"))
        Self.type(s, "Zsófia Bíró")
        s.handle(.enter)
        guard case .intake(let i) = s.mode else { Issue.record("intake not opened: \(s.mode)"); return }
        #expect(i.form[0] == "Zsófia" && i.form[1] == "Bíró")
    }
}
