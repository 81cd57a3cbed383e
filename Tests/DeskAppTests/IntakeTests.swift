import ScreenTestSupport
import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Intake (golden)")
struct IntakeTests {
    static func type(_ s: DeskSession, _ text: String) { for c in text { s.handle(.char(c)) } }

    static func intake(_ s: DeskSession) -> IntakeScreen? {
        if case .intake(let i) = s.mode { return i }
        return nil
    }

    /// Consent given, explained, in `lang`; focus ends on the given names.
    static func giveConsent(_ s: DeskSession, language: String) {
        s.handle(.right); s.handle(.tab); s.handle(.char(" ")); s.handle(.tab); type(s, language); s.handle(.tab); s.handle(.tab)
    }

    @Test("Register a person with consent; a similar name gets the duplicate warning side by side", arguments: ["nl", "en"])
    func intake(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("intake", lang: lang)
        s.handle(.char("1"))
        s.handle(.char("n"))
        func shot(_ name: String) {
            Golden.check(Fixtures.render(s, 80, 24, dir: dir), "intake-\(name)-\(lang)-80x24")
            Golden.check(Fixtures.render(s, 60, 16, dir: dir), "intake-\(name)-\(lang)-60x16")
            Golden.check(Fixtures.render(s, 160, 45, dir: dir), "intake-\(name)-\(lang)-160x45")
        }
        shot("empty")
        Self.giveConsent(s, language: "bg")
        Self.type(s, "Иван"); s.handle(.tab); Self.type(s, "Петров"); s.handle(.tab); s.handle(.tab)
        s.handle(.right); s.handle(.tab)  // man
        Self.type(s, "Bulgarije"); s.handle(.tab)
        Self.type(s, "31-02-1972"); s.handle(.tab)
        Self.type(s, "30-02-2025"); s.handle(.tab)
        Self.type(s, "bg, ru"); s.handle(.tab)
        s.handle(.right); s.handle(.tab); Self.type(s, "123"); s.handle(.tab); s.handle(.tab)
        Self.type(s, "111222334")
        shot("errors")
        s.handle(.ctrl("s"))  // ^S saves; Enter only moves on
        guard let i = Self.intake(s) else { Issue.record("left intake with errors"); return }
        #expect(i.form[IntakeScreen.given].text == "Иван" && i.form[IntakeScreen.birth].text == "31-02-1972", "nothing typed is lost")
        #expect(i.form.focus == IntakeScreen.birth, "the first wrong field gets the focus")
        #expect(i.form[IntakeScreen.bsn].problem != nil && i.form[IntakeScreen.idNumber].problem != nil)
        #expect(s.store!.state.files.clients.count == 75, "nothing saved")
        // Correct everything from there: no birth date, no arrival date, a real ID number, a valid BSN.
        s.handle(.ctrl("u")); s.handle(.tab)  // birth date unknown
        s.handle(.ctrl("u")); s.handle(.tab); s.handle(.tab); s.handle(.tab)
        s.handle(.ctrl("u")); Self.type(s, "AB 123456"); s.handle(.tab); s.handle(.tab)
        s.handle(.ctrl("u")); Self.type(s, "111222333")
        let before = s.store!.state.files.clients.count
        s.handle(.ctrl("s"))  // ^S saves; Enter only moves on
        guard let dup = Self.intake(s), !dup.candidates.isEmpty else {
            Issue.record("expected the duplicate warning: \(Self.intake(s).map { $0.form.rows.compactMap { r in r.problem.map { "\(r.label): \($0)" } } } ?? [])")
            return
        }
        #expect(dup.candidates.map(\.clientID).contains(4), "the existing Иван Петров (#4) is proposed")
        shot("duplicate")
        s.handle(.char("n"))
        #expect(s.store!.state.files.clients.count == before + 1)
        let new = s.store!.state.files.clients[Int32(before + 1)]!
        #expect(new.givenNames == "Иван" && new.nationality == "BG" && new.birth == nil)
        #expect(new.details.bsn == "111222333" && new.details.idDocument?.number == "AB 123456" && new.details.languages == ["bg", "ru"])
        #expect(new.details.consent.status == .given && new.details.consent.language == "bg")
        #expect(s.store!.state.files.notDuplicates.contains(ShelterState.pairKey(new.id, 4)), "'someone else' is remembered")
        guard case .search(let sc) = s.mode else { Issue.record("the new file is not open"); return }
        #expect(sc.opened == new.id)
    }

    @Test("Consent refused: the other rows are locked, only the minimum is saved", arguments: ["nl", "en"])
    func refused(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("intake-refused", lang: lang)
        s.handle(.char("1")); s.handle(.char("n"))
        // Type a birth date first (with consent), then the person refuses: kept in the form, not saved.
        Self.giveConsent(s, language: "ro")
        Self.type(s, "Zsófia"); s.handle(.tab); Self.type(s, "Bíró"); s.handle(.tab); s.handle(.tab)
        s.handle(.right); s.handle(.right); s.handle(.tab)  // woman
        Self.type(s, "HU"); s.handle(.tab); Self.type(s, "01-02-1990")
        for _ in 0..<9 { s.handle(.backTab) }
        #expect(Self.intake(s)?.form.focus == IntakeScreen.consent)
        s.handle(.right)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "intake-refused-\(lang)-80x24")
        guard let i = Self.intake(s) else { return }
        #expect(!i.form[IntakeScreen.birth].enabled && i.form[IntakeScreen.birth].text == "01-02-1990")
        s.handle(.ctrl("s"))  // ^S saves; Enter only moves on
        let c = s.store!.state.files.clients[s.store!.state.nextClientID - 1]
        #expect(c?.birth == nil && c?.details.consent.status == .refused && c?.nationality == "HU" && c?.givenNames == "Zsófia")
    }

    @Test("Enter on the intake moves to the next field and saves nothing; ^S saves only with names, nationality, gender and the consent question answered")
    func enterNeverSaves() throws {
        let (s, dir) = try Fixtures.demoSession("intake-enter", lang: "nl")
        s.handle(.char("1")); s.handle(.char("n"))
        let seq = s.store!.state.lastSequence
        s.handle(.tab); Self.type(s, "Zsófia")   // the issue's case: a first name, then Enter
        let focus = Self.intake(s)?.form.focus
        s.handle(.enter)
        #expect(s.store!.state.lastSequence == seq, "Enter adds no event to the journal")
        #expect(Self.intake(s)?.form.focus != focus, "Enter moved to the next field")
        s.handle(.ctrl("s"))
        #expect(s.store!.state.lastSequence == seq, "^S with required fields missing saves nothing")
        guard let i = Self.intake(s) else { Issue.record("left the intake"); return }
        #expect(i.form[IntakeScreen.family].problem != nil && i.form[IntakeScreen.nationality].problem != nil)
        #expect(i.form[IntakeScreen.gender].problem != nil && i.form[IntakeScreen.consent].problem != nil)
        #expect(i.form[IntakeScreen.given].text == "Zsófia", "nothing typed is lost")
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "intake-required-nl-80x24")
    }

    @Test("Bad input: control characters, a 500-character name, future and impossible dates, a bad BSN each say what is wrong")
    func badInput() throws {
        let (s, dir) = try Fixtures.demoSession("intake-bad", lang: "en")
        s.handle(.char("1")); s.handle(.char("n"))
        Self.giveConsent(s, language: "pl")
        Self.type(s, String(repeating: "a", count: 500))
        guard let i = Self.intake(s) else { Issue.record("not in intake"); return }
        #expect(i.form[IntakeScreen.given].text.count == 500)
        #expect(i.form[IntakeScreen.given].problem == "too long: at most 100 characters")
        s.handle(.ctrl("u"))
        s.handle(.char("\u{1B}"))  // an escape character typed as text never enters the field
        Self.type(s, "Jan\u{7}")
        #expect(Self.intake(s)?.form[IntakeScreen.given].text == "Jan")
        for _ in 0..<5 { s.handle(.tab) }
        Self.type(s, "24-11-2026")
        #expect(Self.intake(s)?.form[IntakeScreen.birth].problem == "24/11/2026 is in the future", "the English date format")
        s.handle(.ctrl("u")); Self.type(s, "31-02-1980")
        #expect(Self.intake(s)?.form[IntakeScreen.birth].problem == "dd/mm/yyyy, or only the year as an estimate")
        s.handle(.ctrl("u")); Self.type(s, "29-02-1980")
        #expect(Self.intake(s)?.form[IntakeScreen.birth].problem == nil, "1980 was a leap year")
        for _ in 0..<6 { s.handle(.tab) }
        #expect(Self.intake(s)?.form.focus == IntakeScreen.bsn)
        Self.type(s, "123456789")
        #expect(Self.intake(s)?.form[IntakeScreen.bsn].problem == "not a valid BSN (fails the 11-check); check the digits")
        let count = s.store!.state.files.clients.count
        s.handle(.ctrl("s"))  // ^S saves; Enter only moves on
        #expect(s.store!.state.files.clients.count == count)
        #expect(Self.intake(s)?.form[IntakeScreen.birth].text == "29-02-1980", "nothing typed is lost")
        s.handle(.function(10))
        #expect(s.overlay == .confirmQuit, "F10 asks before throwing the form away")
    }

    @Test("Search with no result: Enter opens intake pre-filled with what was typed")
    func fromSearch() throws {
        let (s, dir) = try Fixtures.demoSession("intake-search", lang: "nl")
        s.handle(.char("1")); s.handle(.char("/"))
        Self.type(s, "Zsófia Bíró")
        s.handle(.enter)
        guard let i = Self.intake(s) else { Issue.record("intake not opened: \(s.mode)"); return }
        #expect(i.form[IntakeScreen.given].text == "Zsófia" && i.form[IntakeScreen.family].text == "Bíró")
    }
}
