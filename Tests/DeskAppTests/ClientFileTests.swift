import ScreenTestSupport
import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Client file (golden)")
struct ClientFileTests {
    static func type(_ s: DeskSession, _ text: String) { for c in text { s.handle(.char(c)) } }

    static func file(_ s: DeskSession) -> ClientFileScreen? {
        if case .search(let sc) = s.mode { return sc.file }
        return nil
    }

    /// Opens client `id`'s file through search (by number).
    static func open(_ s: DeskSession, _ id: ClientID) {
        s.handle(.escape); s.handle(.escape); s.handle(.escape)
        s.handle(.char("/")); type(s, String(id)); s.handle(.enter)
    }

    @Test("Notes, an alert on every home screen, a ban that blocks a bed; medical notes hidden from the desk", arguments: ["nl", "en"])
    func file(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("file", lang: lang)
        s.handle(.char("2"))  // coordinator
        Self.open(s, 5)  // Marek Nowak
        #expect(Self.file(s)?.clientID == 5)
        s.handle(.char("o")); s.handle(.right); s.handle(.tab); Self.type(s, "Insuline in de koelkast")
        s.handle(.ctrl("s"))
        s.handle(.char("o")); s.handle(.tab); Self.type(s, "Zus Ewa: 0048 600 100 200"); s.handle(.ctrl("s"))
        #expect(s.store!.state.openAlerts.map(\.clientID) == [5], "the demo's alert for Marek")
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "file-coordinator-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "file-coordinator-\(lang)-60x16")
        s.handle(.char("b"))
        #expect(Self.file(s)?.action == nil, "a coordinator cannot open the ban form")
        // Tomasz (#9) did not come either: an alert with who to call.
        Self.open(s, 9)
        s.handle(.char("a")); Self.type(s, "Niet gekomen, verward"); s.handle(.tab); Self.type(s, "Samira 06-12345678"); s.handle(.ctrl("s"))
        #expect(s.store!.state.openAlerts.map(\.clientID) == [5, 9])
        // The desk: the alert on the home screen, no medical note in the file.
        s.handle(.escape); s.handle(.escape); s.handle(.escape); s.handle(.function(9)); s.handle(.char("1"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "home-alert-\(lang)-80x24")
        Self.open(s, 5)
        var b = Buffer(width: 80, height: 24); s.render(into: &b)
        #expect(b.lines.joined().contains(lang == "nl" ? "Gezocht: gisteren niet gekomen" : "Looking for: gisteren niet gekomen"), "the alert is in the timeline")
        #expect(!b.lines.joined().contains("Diabetes"), "the demo's medical note is hidden from the desk too")
        #expect(!b.lines.joined().contains("Insuline"), "medical note hidden from the desk")
        #expect(b.lines.joined().contains("Zus Ewa"))
        s.handle(.char("c")); Self.type(s, "Gezien bij CS, komt vanavond"); s.handle(.ctrl("s"))
        #expect(s.store!.state.openAlerts.map(\.clientID) == [9], "Marek's alert is closed")
        // The supervisor bans #7 for a week; the desk's bed assignment is refused with the end date.
        s.handle(.escape); s.handle(.escape); s.handle(.escape); s.handle(.function(9)); s.handle(.char("3"))
        Self.open(s, 7)
        s.handle(.char("b")); s.handle(.tab); Self.type(s, "30-11-2026"); s.handle(.tab); Self.type(s, "Geweld tegen medewerker"); s.handle(.ctrl("s"))
        #expect(s.store!.state.ban(of: 7, on: Day.parseISO("2026-11-24")!)?.until == Day.parseISO("2026-11-30"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "file-banned-\(lang)-80x24")
        s.handle(.escape); s.handle(.ctrl("u")); Self.type(s, "krzysztof")
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "search-flags-\(lang)-80x24")
    }

    @Test("Edit shows old and new values to supervisors; merge moves nights and notes into one file")
    func editAndMerge() throws {
        let (s, dir) = try Fixtures.demoSession("file-merge", lang: "en")
        s.handle(.char("3"))
        // #38 "Lukasz Wojcik" is a near-duplicate of #1 "Łukasz Wójcik".
        Self.open(s, 38)
        s.handle(.char("e"))
        guard case .intake(let i) = s.mode, i.editing == 38 else { Issue.record("edit not opened"); return }
        for _ in 0..<6 { s.handle(.tab) }  // to the nickname
        #expect({ if case .intake(let j) = s.mode { return j.form.focus == IntakeScreen.alias }; return false }())
        Self.type(s, "Lukas")
        s.handle(.ctrl("s"))  // ^S saves the edit (Enter only moves on)
        #expect(s.store!.state.files.clients[38]?.alias == "Lukas")
        Self.open(s, 1)
        s.handle(.char("M")); Self.type(s, "38"); s.handle(.ctrl("s"))
        guard case .merge(let m) = s.mode else { Issue.record("merge not opened: \(s.mode)"); return }
        #expect(m.fields.contains("alias"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "merge-en-80x24")
        let shared = Set(s.store!.state.ledger.clientNights[1] ?? []).intersection(s.store!.state.ledger.clientNights[38] ?? [])
        #expect(!shared.isEmpty, "in the demo both records slept here on the same nights")
        // ^S asks first, naming both records; n keeps the screen and merges nothing.
        s.handle(.ctrl("s"))
        guard case .merge(let asking) = s.mode, asking.confirming else { Issue.record("merge did not ask first"); return }
        let question = Fixtures.render(s, 80, 24, dir: dir)
        let asked = question.lines.joined(separator: "\n")
        #expect(asked.contains("Merge?") && asked.contains("(#38,") && asked.contains("(#1,"))
        Golden.check(question, "merge-confirm-en-80x24")
        s.handle(.char("n"))
        #expect(s.store!.state.files.clients[38]?.mergedInto == nil)
        s.handle(.ctrl("s")); s.handle(.char("y"))
        guard case .error(let text)? = s.overlay else { Issue.record("merge with a shared night was not refused"); return }
        #expect(text.contains("Cannot merge: both records have a bed on the night of"))
        s.handle(.enter)
        // A record made at another desk tonight, with a note: merged into #1 with its nickname.
        let store = s.store!
        var dup = Client(id: 0, givenNames: "Lukasz", familyNames: "Wojcik", alias: "Łuki", gender: .man, nationality: "PL")
        dup.details.consent = Consent(status: .refused)
        try store.execute(.registerClient(dup), actor: 3)
        let new = store.state.nextClientID - 1
        try store.execute(.addNote(client: new, category: .contact, text: "Broer in Tilburg"), actor: 3)
        try store.execute(.assignBed(night: Day.parseISO("2026-11-25")!, bed: 1, client: new), actor: 3)
        s.handle(.escape)
        Self.open(s, 1)
        s.handle(.char("M")); Self.type(s, String(new)); s.handle(.ctrl("s"))
        guard case .merge(let m2) = s.mode else { Issue.record("merge not opened"); return }
        let aliasRow = m2.fields.firstIndex(of: "alias")!
        for _ in 0..<aliasRow { s.handle(.tab) }
        s.handle(.right)
        s.handle(.ctrl("s")); s.handle(.char("y"))
        #expect(s.overlay == nil)
        let st = s.store!.state
        #expect(st.files.clients[new]?.mergedInto == 1 && st.files.clients[1]?.alias == "Łuki" && st.files.clients[1]?.givenNames == "Łukasz")
        #expect(st.bed(of: 1, on: Day.parseISO("2026-11-25")!) == 1 && st.files.notes[1]?.contains { $0.text == "Broer in Tilburg" } == true)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "file-merged-en-80x24")
    }
}
