import ScreenTestSupport
import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Care at intake (golden): the responsible adult of a minor, chosen by search, and the interpreter need")
struct CareIntakeTests {
    static func type(_ s: DeskSession, _ text: String) { for ch in text { s.handle(.char(ch)) } }

    /// Moves the focus backwards (wrapping from the top) to `row`.
    static func focus(_ s: DeskSession, _ row: Int) {
        for _ in 0..<60 where IntakeTests.intake(s)?.form.focus != row { s.handle(.backTab) }
    }

    @Test("A child of 10 is not saved without a responsible adult (the form is kept); the adult is chosen by search with birth date and number, a minor is refused; the interpreter need is saved with the person", arguments: ["nl", "en"])
    func minorWithAdultAndInterpreter(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("care-intake", lang: lang)
        let nl = lang == "nl"
        let st = { s.store!.state }
        let mother = try #require(st().files.clients.values.first { $0.givenNames == "Daniela" && $0.familyNames == "Rusu" }?.id)
        let andrei = try #require(st().files.clients.values.first { $0.givenNames == "Andrei" && $0.familyNames == "Rusu" }?.id)
        let count = st().files.clients.count
        s.handle(.char("1"))
        s.handle(.char("n"))
        IntakeTests.giveConsent(s, language: "ro")
        Self.type(s, "Elena"); s.handle(.tab); Self.type(s, "Rusu"); s.handle(.tab); s.handle(.tab)
        s.handle(.right); s.handle(.right); s.handle(.tab)  // woman
        Self.type(s, "RO"); s.handle(.tab)
        Self.type(s, "03-03-2016")
        s.handle(.ctrl("s"))
        let refused = try #require(IntakeTests.intake(s), "the form stays open")
        #expect(st().files.clients.count == count, "nothing saved")
        #expect(refused.form.focus == IntakeScreen.adultRow, "the responsible adult's row gets the focus")
        #expect(refused.form[IntakeScreen.given].text == "Elena" && refused.form[IntakeScreen.birth].text == "03-03-2016", "nothing typed is lost")
        #expect(CareScreensTests.text(s).contains(nl ? "10 jaar: kies een verantwoordelijke volwassene" : "10 years old: choose a responsible adult"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-intake-adult-needed-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "care-intake-adult-needed-\(lang)-60x16")

        // Typing on the row opens the search; Esc there goes back to the form (asking nothing).
        Self.type(s, "x")
        #expect(IntakeTests.intake(s)?.adultPicker != nil)
        s.handle(.escape)
        #expect(IntakeTests.intake(s)?.adultPicker == nil && IntakeTests.intake(s)?.form[IntakeScreen.given].text == "Elena")
        #expect(!CareScreensTests.text(s).contains(nl ? "weggooien" : "Discard"), "closing the search discards nothing")
        // A minor cannot be chosen.
        Self.type(s, "Andrei Rusu")
        #expect(IntakeTests.intake(s)?.adultPicker != nil)
        #expect(CareScreensTests.text(s).contains("#\(andrei)") || CareScreensTests.text(s).contains(String(andrei)))
        s.handle(.enter)
        #expect(IntakeTests.intake(s)?.adult == nil)
        #expect(CareScreensTests.text(s).contains(nl ? "is minderjarig: kies een volwassene" : "is a minor: choose an adult"))
        s.handle(.ctrl("u")); Self.type(s, "Daniela")
        let picker = CareScreensTests.text(s)
        #expect(picker.contains(nl ? "Verantwoordelijke volwassene kiezen voor Elena Rusu" : "Choose the responsible adult for Elena Rusu"))
        #expect(picker.contains("Daniela Rusu") && picker.contains(nl ? "14-06-1991" : "14/06/1991"), "the birth date tells people of one name apart")
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-intake-adult-pick-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "care-intake-adult-pick-\(lang)-60x16")
        s.handle(.enter)  // takes the highlighted row: Daniela
        let chosen = try #require(IntakeTests.intake(s))
        #expect(chosen.adultPicker == nil && chosen.adult == mother)
        #expect(chosen.form[IntakeScreen.adultRow].text == "Daniela Rusu · \(nl ? "14-06-1991" : "14/06/1991") · #\(mother)")
        #expect(chosen.form.focus == IntakeScreen.relation, "back on the form, on the next row")
        s.handle(.tab); Self.type(s, "ro"); s.handle(.tab); s.handle(.right)  // interpreter in person
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-intake-adult-chosen-\(lang)-80x24")
        s.handle(.ctrl("s"))
        if let dup = IntakeTests.intake(s), !dup.candidates.isEmpty { s.handle(.char("n")) }  // someone else
        #expect(st().files.clients.count == count + 1)
        let elena = st().nextClientID - 1
        #expect(st().files.clients[elena]?.givenNames == "Elena")
        #expect(st().care.household(of: elena)?.member(elena)?.responsibleAdult == mother)
        #expect(st().care.household(of: elena)?.member(elena)?.relation == .child)
        #expect(st().care.interpreter[elena] == InterpreterNeed(language: "ro", kind: .inPerson))
        let file = CareScreensTests.text(s, 160, 24)
        #expect(file.contains(nl ? "Tolk: ro (ter plaatse)" : "Interpreter: ro (in person)"))
        #expect(file.contains("Daniela (\(nl ? "volwassene" : "adult"))"))
    }

    @Test("An adult needs no responsible adult; a wrong interpreter language is shown as you type and keeps the form; correcting the record has no household rows")
    func adultAndEditing() throws {
        let (s, dir) = try Fixtures.demoSession("care-intake-adult", lang: "en")
        let count = s.store!.state.files.clients.count
        s.handle(.char("1"))
        s.handle(.char("n"))
        IntakeTests.giveConsent(s, language: "pl")
        Self.type(s, "Marek"); s.handle(.tab); Self.type(s, "Zieliński"); s.handle(.tab); s.handle(.tab)
        s.handle(.right); s.handle(.tab)
        Self.type(s, "PL"); s.handle(.tab)
        Self.type(s, "01-01-1980")
        Self.focus(s, IntakeScreen.interpreterLanguage)
        Self.type(s, "p1")
        #expect(IntakeTests.intake(s)?.form[IntakeScreen.interpreterLanguage].problem != nil)
        s.handle(.ctrl("s"))
        #expect(s.store!.state.files.clients.count == count && IntakeTests.intake(s) != nil, "not saved with a wrong language")
        s.handle(.ctrl("u")); Self.type(s, "pl")
        s.handle(.ctrl("s"))
        if let dup = IntakeTests.intake(s), !dup.candidates.isEmpty { s.handle(.char("n")) }
        let marek = s.store!.state.nextClientID - 1
        #expect(s.store!.state.files.clients.count == count + 1 && s.store!.state.care.householdOf[marek] == nil)
        #expect(s.store!.state.care.interpreter[marek] == InterpreterNeed(language: "pl", kind: .phone))
        s.handle(.char("e"))  // correct the record: the household and interpreter are on the file (h, t)
        let edit = try #require(IntakeTests.intake(s))
        #expect(edit.form.rows.count == IntakeScreen.adultRow - 1)
    }
}
