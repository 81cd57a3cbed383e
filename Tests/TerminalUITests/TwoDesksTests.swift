import Foundation
import Journal
import ScreenTestSupport
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

/// Two desks on one journal file: what the file's lock decides (kept on disk on purpose).
@Suite("Two desks on one journal (golden)")
struct TwoDesksTests {
    /// Selects the first bed labelled `text` on the session's board.
    static func select(_ s: DeskSession, _ text: String) {
        guard case .board(let b) = s.mode, let st = s.store?.state else { return }
        guard let i = b.rows(st).firstIndex(where: { $0.bed.label == text }) else { return }
        s.handle(.home)
        for _ in 0..<i { s.handle(.down) }
    }

    @Test("A women-only bed refuses a man with a clear message; two desks cannot give out one bed")
    func refusals() throws {
        let (a, dir) = try Fixtures.journalDemoSession("board-race", lang: "en")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let b = try DeskSession(path: a.path, lang: "en", clock: { TestClock().now }, rules: nil)
        a.handle(.char("1")); b.handle(.char("1"))
        a.handle(.function(4)); b.handle(.function(4))
        let night = Day.parseISO("2026-11-23")!
        let st = a.store!.state
        let men = st.files.clients.keys.sorted().filter { st.bed(of: $0, on: night) == nil && st.files.clients[$0]!.gender == .man }
        // Women-only.
        if let v = BoardRow.board(st, night: night).first(where: { $0.state == .free && $0.bed.attributes.contains(.womenOnly) }) {
            Self.select(a, v.bed.label)
            a.handle(.char("a")); Fixtures.type(a, String(men[0])); a.handle(.enter)
            #expect(a.overlay == .error(DomainError.womenOnlyBed(bed: v.bed.label).text("en")))
            Golden.check(Fixtures.render(a, 80, 24, dir: dir), "board-refused-women-only-en-80x24")
            a.handle(.enter); a.handle(.escape)
        }
        // Race: both desks pick the same free bed for different people.
        guard let free = BoardRow.board(st, night: night).first(where: { $0.state == .free && $0.bed.attributes.isEmpty }) else {
            Issue.record("no free normal bed tonight in the demo"); return
        }
        Self.select(a, free.bed.label); Self.select(b, free.bed.label)
        a.handle(.char("a")); b.handle(.char("a"))
        Fixtures.type(a, String(men[1])); Fixtures.type(b, String(men[2]))
        a.handle(.enter)
        b.handle(.enter)
        #expect(a.store!.state.bed(of: men[1], on: night) == free.bed.id)
        #expect(b.overlay == .error(DomainError.bedTaken(bed: free.bed.label, night: night).text("en")))
        #expect(b.store!.state.ledger.nights[night]?.byBed[free.bed.id]?.clientID == men[1], "the refused desk now shows who has the bed")
        #expect(try JournalVerifier.verify(path: a.path, deep: true).exitCode == 0)
    }
}
