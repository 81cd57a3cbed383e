import ScreenTestSupport
import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Care forms (golden): administrative status and interpreter need on the client file")
struct CareFormsTests {
    static func type(_ s: DeskSession, _ text: String) { for ch in text { s.handle(.char(ch)) } }

    @Test("s records a status change with organisation, date and source (required ones refused when empty); the file and timeline show old → new", arguments: ["nl", "en"])
    func adminStatusForm(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("care-form-admin", lang: lang)
        let nl = lang == "nl"
        s.handle(.char("2"))  // coordinator
        ClientFileTests.open(s, 12)  // Piotr: uninsured
        s.handle(.char("s"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-form-admin-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "care-form-admin-\(lang)-60x16")
        for _ in 0..<4 { s.handle(.right) }  // postal address: requested
        #expect(CareScreensTests.text(s).contains(nl ? "‹ Briefadres: aangevraagd ›" : "‹ Postal address: requested ›"))
        s.handle(.ctrl("s"))
        #expect(CareScreensTests.text(s).contains(nl ? "verplicht" : "required"), "a requested briefadres needs its organisation")
        Self.type(s, "Stichting De Tussenvoorziening")  // the refusal put the cursor on the field
        s.handle(.ctrl("s"))
        #expect(CareScreensTests.text(s).contains(nl ? "verplicht" : "required"), "the source is required")
        Self.type(s, "brief")
        s.handle(.ctrl("s"))
        let change = s.store!.state.care.adminHistory[12]?.last
        #expect(change?.item == .postalAddress && change?.new.value == "requested" && change?.new.detail == "Stichting De Tussenvoorziening" && change?.new.source == "brief")
        let file = CareScreensTests.text(s, 200, 30)
        #expect(file.contains(nl ? "Administratie: Briefadres — → aangevraagd (Stichting De Tussenvoorziening) · bron: brief"
                                 : "Administrative: Postal address — → requested (Stichting De Tussenvoorziening) · source: brief"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-form-admin-saved-\(lang)-80x24")
    }

    @Test("t records the interpreter need (language required), opens with the current one, and can clear it", arguments: ["nl", "en"])
    func interpreterForm(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("care-form-interpreter", lang: lang)
        let nl = lang == "nl"
        s.handle(.char("2"))
        ClientFileTests.open(s, 12)
        s.handle(.char("t"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-form-interpreter-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "care-form-interpreter-\(lang)-60x16")
        if s.store!.state.care.interpreter[12] == nil {
            s.handle(.ctrl("s"))
            #expect(CareScreensTests.text(s).contains(nl ? "verplicht" : "required"), "the language is required")
            Self.type(s, "pl")
        }
        s.handle(.down); s.handle(.right)  // in person
        s.handle(.ctrl("s"))
        #expect(s.store!.state.care.interpreter[12]?.kind == .inPerson)
        #expect(CareScreensTests.text(s).contains(nl ? "ter plaatse" : "in person"))
        s.handle(.char("t"))
        #expect(CareScreensTests.text(s).contains(nl ? "‹ ter plaatse ›" : "‹ in person ›"), "the form opens with the current need")
        s.handle(.down); s.handle(.right)  // no interpreter
        s.handle(.ctrl("s"))
        #expect(s.store!.state.care.interpreter[12] == nil)
    }
    @Test("h forms a household with the person on the file, then adds to it; the file names the members; an unknown number is refused", arguments: ["nl", "en"])
    func householdForm(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("care-form-household", lang: lang)
        let nl = lang == "nl"
        s.handle(.char("2"))
        #expect(s.store!.state.care.householdOf[12] == nil && s.store!.state.care.householdOf[13] == nil)
        ClientFileTests.open(s, 12)
        s.handle(.char("h"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-form-household-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "care-form-household-\(lang)-60x16")
        s.handle(.ctrl("s"))
        #expect(CareScreensTests.text(s).contains(nl ? "typ het nummer" : "type the number"), "a member's number is required")
        Self.type(s, "13")
        s.handle(.down); s.handle(.right)  // partner
        s.handle(.ctrl("s"))
        let h = try #require(s.store!.state.care.householdOf[12])
        #expect(s.store!.state.care.householdOf[13] == h)
        #expect(s.store!.state.care.households[h]?.members.map(\.relation) == [.adult, .partner])
        #expect(CareScreensTests.text(s, 160, 24).contains(nl ? "Huishouden: Mariusz (partner)" : "Household: Mariusz (partner)"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-form-household-saved-\(lang)-80x24")
    }
}
