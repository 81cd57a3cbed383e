import ScreenTestSupport
import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Bed board: nights, waiting list, refusals, no-shows, inventory (golden)")
struct BoardNightsTests {
    static func type(_ s: DeskSession, _ text: String) { for c in text { s.handle(.char(c)) } }
    static func shot(_ s: DeskSession, _ dir: String, _ name: String, small: Bool = false, wide: Bool = false) {
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "\(name)-80x24")
        if small { Golden.check(Fixtures.render(s, 60, 16, dir: dir), "\(name)-60x16") }
        if wide { Golden.check(Fixtures.render(s, 160, 45, dir: dir), "\(name)-160x45") }
    }

    @Test("d jumps to a night: a cold-weather night of the demo, an empty night far ahead, an impossible date refused")
    func nights() throws {
        let (s, dir) = try Fixtures.demoSession("board-nights", lang: "nl")
        s.handle(.char("1")); s.handle(.function(4))
        s.handle(.char("d")); Self.type(s, "31-02-2026"); s.handle(.enter)
        guard case .board(let b0) = s.mode else { return }
        #expect(b0.jump != nil && b0.night == Day.parseISO("2026-11-23"), "an impossible date keeps the board where it was")
        s.handle(.ctrl("u")); Self.type(s, "12-11-2026"); s.handle(.enter)
        Self.shot(s, dir, "board-cold-nl", small: true)
        guard case .board(let b) = s.mode else { return }
        #expect(BoardRow.board(s.store!.state, night: b.night).filter { $0.bed.attributes.contains(.coldWeather) }.allSatisfy { $0.state != .closed })
        s.handle(.char("d")); Self.type(s, "01-01-2027"); s.handle(.enter)
        Self.shot(s, dir, "board-empty-nl")
        s.handle(.char("r"))  // one room
        Self.shot(s, dir, "board-room-nl")
    }

    @Test("Waiting list: w adds, the first is offered for a freed bed, g turns away and counts", arguments: ["nl", "en"])
    func waitingList(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("board-wait", lang: lang)
        let night = Day.parseISO("2026-11-23")!
        let st = s.store!.state
        let without = st.files.clients.keys.sorted().filter { st.bed(of: $0, on: night) == nil && st.ban(of: $0, on: night) == nil && st.files.clients[$0]?.mergedInto == nil && st.files.clients[$0]?.gender == .man && st.files.clients[$0]?.stayStart != nil }
        s.handle(.char("1")); s.handle(.function(4))
        s.handle(.char("w")); Self.type(s, String(without[0])); s.handle(.enter)
        s.handle(.char("w")); Self.type(s, String(without[1])); s.handle(.enter)
        #expect(s.store!.state.waiting(on: night).count == 2)
        // Suggestions for a free bed: the waiting list.
        let free = BoardRow.board(s.store!.state, night: night).first { $0.state == .free && $0.bed.attributes.isEmpty }!
        BoardTests.select(s, free.bed.label)
        s.handle(.char("a"))
        guard case .pickClient(let picker) = s.mode, case let sc = picker.search else { Issue.record("no picker"); return }
        #expect(sc.suggestions.contains(without[0]) && sc.suggestions.contains(without[1]))
        Self.shot(s, dir, "pick-suggestions-\(lang)")
        s.handle(.escape)
        s.handle(.char("g"))
        #expect(s.store!.state.turnedAway(on: night) == 1)
        Self.shot(s, dir, "board-waitlist-\(lang)", small: true, wide: true)
        BoardTests.select(s, free.bed.label)
        s.handle(.char("p"))
        #expect(s.store!.state.waiting(on: night).isEmpty, "the one left was placed")
        #expect(s.store!.state.bed(of: without[1], on: night) == free.bed.id)
    }

    @Test("Refusals name the reason: a ban with its end date, a 24-hour bed without approval (e offers the request)")
    func refusals() throws {
        let (s, dir) = try Fixtures.demoSession("board-refusals", lang: "en")
        let night = Day.parseISO("2026-11-23")!
        let st = s.store!.state
        let banned = try #require(st.files.bans.values.first?.clientID)
        s.handle(.char("1")); s.handle(.function(4))
        let free = BoardRow.board(st, night: night).first { $0.state == .free && $0.bed.attributes.isEmpty }!
        BoardTests.select(s, free.bed.label)
        s.handle(.char("a")); Self.type(s, String(banned)); s.handle(.enter)
        #expect(s.overlay == .error(DomainError.banned(until: night.adding(days: 6)).text("en")))
        Self.shot(s, dir, "refused-ban-en")
        s.handle(.enter)
        guard case .pickClient = s.mode else { Issue.record("after a refusal the picker stays open for someone else"); return }
        s.handle(.escape)
        let someone = st.files.clients.keys.sorted().first { st.bed(of: $0, on: night) == nil && st.ban(of: $0, on: night) == nil && st.files.clients[$0]?.stayStart != nil }!
        BoardTests.select(s, "M1")
        s.handle(.char("a")); Self.type(s, String(someone)); s.handle(.enter)
        #expect(s.overlay == .error(DomainError.needsApproval(bed: "M1").text("en")))
        Self.shot(s, dir, "refused-24h-en")
        s.handle(.char("e"))
        guard case .board(let b) = s.mode, let r = b.request else { Issue.record("no request form"); return }
        // The refusal says the reason (a 24-hour bed); index 0 is "choose a reason".
        #expect(r.form[0].choiceIndex == BoardScreen.reasons.firstIndex(of: .twentyFourHourBed)! + 1)
    }

    @Test("After the cut-off X releases every no-show; vulnerable ones are named with the alert suggestion (the Marek case)")
    func noShows() throws {
        let clock = TestClock()
        clock.now = AmsterdamTime.utc(local: Day.parseISO("2026-11-23")!, seconds: 23 * 3600 + 15 * 60)
        let (s, dir) = try Fixtures.demoSession("board-noshow", lang: "nl", clock: clock)
        let night = Day.parseISO("2026-11-23")!
        s.handle(.char("1")); s.handle(.function(4))
        let st = s.store!.state
        let reserved = BoardRow.board(st, night: night).filter { $0.state == .reserved }.compactMap(\.clientID)
        let vulnerable = reserved.filter { !(st.files.clients[$0]?.details.vulnerabilities.isEmpty ?? true) }
        #expect(!vulnerable.isEmpty, "the demo has a vulnerable person not yet arrived")
        s.handle(.char("X"))
        guard case .info(let text)? = s.overlay else { Issue.record("no vulnerable no-show notice"); return }
        for id in vulnerable { #expect(text.contains("\(st.files.clients[id]!.fullName) (#\(id))")) }
        Self.shot(s, dir, "noshow-vulnerable-nl")
        #expect(BoardRow.board(s.store!.state, night: night).filter { $0.state == .reserved }.isEmpty, "Oost's cut-off (22:30) has passed too")
    }

    @Test("Supervisor: inventory, a bed out of service, cold-weather mode on tonight (the header says so)", arguments: ["nl", "en"])
    func inventory(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("inventory", lang: lang)
        let night = Day.parseISO("2026-11-23")!
        s.handle(.char("1")); s.handle(.char("b"))
        guard case .home = s.mode else { Issue.record("the desk opened the inventory"); return }
        s.handle(.function(9)); s.handle(.char("3")); s.handle(.char("b"))
        Self.shot(s, dir, "inventory-\(lang)", small: true)
        // V4 out of service for three nights.
        guard case .inventory = s.mode, let v4 = s.store!.state.inventory.bedOrder.firstIndex(where: { s.store!.state.inventory.beds[$0]?.label == "V4" }) else { return }
        for _ in 0..<v4 { s.handle(.down) }
        s.handle(.char("s")); s.handle(.tab); Self.type(s, "25-11-2026"); s.handle(.tab); Self.type(s, "lekkage plafond"); s.handle(.ctrl("s"))
        let id = s.store!.state.inventory.bedOrder[v4]
        #expect(s.store!.state.outOfService(id, on: night)?.note == "lekkage plafond")
        #expect(s.store!.state.outOfService(id, on: night.adding(days: 3)) == nil)
        s.handle(.char("k")); s.handle(.tab); Self.type(s, "26-11-2026"); s.handle(.tab); Self.type(s, "-8°C verwacht"); s.handle(.ctrl("s"))
        #expect(s.store!.state.isColdWeather(night))
        s.handle(.escape); s.handle(.function(4))
        Self.shot(s, dir, "board-cold-tonight-\(lang)")
        #expect(BoardRow.board(s.store!.state, night: night).first { $0.bed.label == "K1" }?.state == .free)
    }
}
