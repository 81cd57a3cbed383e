import ScreenTestSupport
import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Bed board (golden)")
struct BoardTests {
    static func type(_ s: DeskSession, _ text: String) { for c in text { s.handle(.char(c)) } }

    /// Selects the first bed whose row contains `text`.
    static func select(_ s: DeskSession, _ text: String) {
        guard case .board(let b) = s.mode, let st = s.store?.state else { return }
        let rows = b.rows(st)
        guard let i = rows.firstIndex(where: { $0.bed.label == text }) else { return }
        s.handle(.home)
        for _ in 0..<i { s.handle(.down) }
    }

    @Test("Tonight's board; assign a free bed through search; check in; no-show", arguments: ["nl", "en"])
    func board(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("board", lang: lang)
        s.handle(.char("1"))
        s.handle(.function(4))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "board-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "board-\(lang)-60x16")
        Golden.check(Fixtures.render(s, 160, 45, dir: dir), "board-\(lang)-160x45")
        let night = Day.parseISO("2026-11-23")!
        let st = s.store!.state
        guard let free = BoardRow.board(st, night: night).first(where: { $0.state == .free && $0.bed.attributes.isDisjoint(with: [.womenOnly, .twentyFourHour]) }) else {
            Issue.record("no free bed"); return
        }
        // Someone without a bed tonight.
        let client = st.files.clients.keys.sorted().first { st.bed(of: $0, on: night) == nil && st.files.clients[$0]!.gender == .man }!
        Self.select(s, free.bed.label)
        s.handle(.char("a"))
        Self.type(s, String(client))
        s.handle(.enter)
        #expect(s.store!.state.bed(of: client, on: night) == free.bed.id)
        guard case .board = s.mode else { Issue.record("not back on the board: \(s.mode)"); return }
        s.handle(.char("i"))
        #expect(s.store!.state.ledger.nights[night]?.byBed[free.bed.id]?.status == .checkedIn)
        // A reserved bed released as a no-show.
        if let reserved = BoardRow.board(s.store!.state, night: night).first(where: { $0.state == .reserved }) {
            Self.select(s, reserved.bed.label)
            s.handle(.char("x"))
            // 20:00 is before the 23:00 cut-off: it asks first.
            #expect(s.store!.state.ledger.nights[night]?.byBed[reserved.bed.id] != nil)
            s.handle(.char(lang == "nl" ? "j" : "y"))
            #expect(s.store!.state.ledger.nights[night]?.byBed[reserved.bed.id] == nil)
        }
        #expect(Fixtures.replayProblems(s) == [])
    }

}

@Suite("Stay limit and extension approvals (golden)")
struct ApprovalTests {
    @Test("Desk: the stay limit refuses a bed, e files a request with reason and date; supervisor approves a shorter date in F6; desk assigns", arguments: ["nl", "en"])
    func extensionFlow(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("approvals", lang: lang)
        let night = Day.parseISO("2026-11-23")!
        let st0 = s.store!.state
        // Someone at the limit in Centrum, with no bed tonight and no extension.
        guard let who = st0.files.clients.keys.sorted().first(where: { id in
            st0.bed(of: id, on: night) == nil && st0.ban(of: id, on: night) == nil && st0.files.clients[id]?.gender == .man
                && st0.nightsUsed(by: id, windowDays: 90, endingWith: night) >= 28 && st0.approvedExtension(client: id, location: 1, covering: night) == nil
                && !st0.requests.extensions.values.contains { $0.clientID == id && $0.status == .pending }
        }) else { Issue.record("no one at the limit in the demo"); return }
        s.handle(.char("1")); s.handle(.function(4))
        // A normal bed at a location with a limit (Zuid has none).
        guard let free = BoardRow.board(st0, night: night).first(where: { $0.state == .free && $0.bed.attributes.isEmpty && $0.location != "Zuid (noodopvang)" }) else {
            Issue.record("no free normal bed at a location with a limit"); return
        }
        BoardTests.select(s, free.bed.label)
        s.handle(.char("a")); BoardTests.type(s, String(who)); s.handle(.enter)
        guard case .error(let text)? = s.overlay else { Issue.record("no refusal shown"); return }
        #expect(text.contains("/28"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "limit-refused-\(lang)-80x24")
        let pendingBefore = s.store!.state.requests.extensions.values.filter { $0.status == .pending }.count
        s.handle(.char("e"))
        guard case .board(let b) = s.mode, b.request != nil else { Issue.record("the request form did not open"); return }
        // No reason is chosen for staff: saving without one is refused, the form kept.
        s.handle(.ctrl("s"))
        guard case .board(let b0) = s.mode, let r0 = b0.request, r0.form[0].problem != nil else { Issue.record("saved without a reason"); return }
        #expect(s.store!.state.requests.extensions.values.filter { $0.status == .pending }.count == pendingBefore)
        s.handle(.right); s.handle(.right)  // medical, work starting
        s.handle(.tab); s.handle(.ctrl("u")); BoardTests.type(s, night.adding(days: 14).dutch)
        s.handle(.tab); BoardTests.type(s, "Begint maandag bij Flex, contract gezien")
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "extension-form-\(lang)-80x24")
        s.handle(.ctrl("s"))
        #expect(s.store!.state.requests.extensions.values.filter { $0.status == .pending }.count == pendingBefore + 1)
        let filed = s.store!.state.requests.extensions.values.max { $0.id < $1.id }!
        #expect(filed.reason == .workStarting && filed.requestedUntil == night.adding(days: 14) && filed.clientID == who)
        // Supervisor approves the newest request, for a week only.
        s.handle(.function(9)); s.handle(.char("3")); s.handle(.function(6))
        s.handle(.end)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "approvals-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "approvals-\(lang)-60x16")
        Golden.check(Fixtures.render(s, 160, 45, dir: dir), "approvals-\(lang)-160x45")
        s.handle(.char("a")); s.handle(.ctrl("u")); BoardTests.type(s, night.adding(days: 7).dutch)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "approve-form-\(lang)-80x24")
        s.handle(.ctrl("s"))
        let decided = s.store!.state.requests.extensions[filed.id]!
        #expect(decided.status == .approved && decided.approvedUntil == night.adding(days: 7))
        // Declining needs a reason.
        s.handle(.home); s.handle(.char("d")); s.handle(.ctrl("s"))
        guard case .approvals(let a) = s.mode else { Issue.record("left approvals"); return }
        #expect(a.form[0].problem != nil, "a decline without a reason is not sent")
        s.handle(.escape)
        // Desk cannot approve.
        s.handle(.function(9)); s.handle(.char("1")); s.handle(.function(6)); s.handle(.char("a")); s.handle(.ctrl("s"))
        #expect(s.overlay == .error(DomainError.notPermitted(role: .desk, permission: .approveExtensions).text(lang)))
        s.handle(.enter); s.handle(.escape); s.handle(.escape)
        // Back on the board the desk can give the bed.
        s.handle(.function(4)); BoardTests.select(s, free.bed.label)
        s.handle(.char("a")); BoardTests.type(s, String(who)); s.handle(.enter)
        #expect(s.store!.state.bed(of: who, on: night) == free.bed.id)
        #expect(Fixtures.replayProblems(s) == [])
    }
}

@Suite("Reservations for tomorrow")
struct TomorrowTests {
    @Test("t reserves the same bed tomorrow; T does it for everyone, and says who could not be reserved and why")
    func tomorrow() throws {
        let (s, dir) = try Fixtures.demoSession("tomorrow", lang: "en")
        let night = Day.parseISO("2026-11-23")!, next = night.adding(days: 1)
        s.handle(.char("1")); s.handle(.function(4))
        let taken = BoardRow.board(s.store!.state, night: night).filter { $0.clientID != nil }
        let first = taken[0]
        BoardTests.select(s, first.bed.label)
        s.handle(.char("t"))
        #expect(s.store!.state.bed(of: first.clientID!, on: next) == first.bed.id)
        s.handle(.char("T"))
        let st = s.store!.state
        let reserved = taken.filter { st.bed(of: $0.clientID!, on: next) == $0.bed.id }.count
        // Everyone is either reserved for tomorrow or named in the message (the stay limit).
        if case .error(let text)? = s.overlay {
            let refused = text.split(separator: "\n").count
            #expect(reserved + refused == taken.count)
            #expect(text.contains("Maximum stay reached"))
        } else {
            #expect(reserved == taken.count)
        }
        #expect(Fixtures.replayProblems(s) == [])
    }
}
