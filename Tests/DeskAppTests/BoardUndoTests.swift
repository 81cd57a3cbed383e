import ScreenTestSupport
import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

/// Mistakes at the desk can be taken back: a bed given to the wrong person, a check-in, a
/// no-show (which asks first before the cut-off), a reservation cancelled with a reason; every
/// message names the bed, the person and the number; the audit shows the correction.
@Suite("Board: undo, cancel, refused keys say why")
struct BoardUndoTests {
    static let night = Day.parseISO("2026-11-23")!

    static func freeBed(_ st: ShelterState) -> BoardRow? {
        BoardRow.board(st, night: night).first { $0.state == .free && $0.bed.attributes.isEmpty }
    }

    static func journalNames(_ s: DeskSession) throws -> [String] { try Fixtures.events(s).map(\.event.name) }

    @Test("A bed given by mistake is undone with u: the bed is free again, the message names who", arguments: ["nl", "en"])
    func undoAssign(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("undo-assign", lang: lang)
        s.handle(.char("1")); s.handle(.function(4))
        let st = s.store!.state
        let free = try #require(Self.freeBed(st))
        let client = try #require(st.files.clients.keys.sorted().first { st.bed(of: $0, on: Self.night) == nil && st.files.clients[$0]!.gender == .man })
        let name = st.files.clients[client]!.fullName
        BoardTests.select(s, free.bed.label)
        s.handle(.char("a")); BoardTests.type(s, String(client)); s.handle(.enter)
        #expect(s.store!.state.bed(of: client, on: Self.night) == free.bed.id)
        #expect(s.message?.contains("\(name) (#\(client))") == true)
        #expect(s.message?.contains(free.bed.label) == true)
        s.handle(.char("u"))
        #expect(s.store!.state.bed(of: client, on: Self.night) == nil)
        #expect(s.message?.contains(lang == "nl" ? "ingevoerd in fout" : "entered in error") == true)
        #expect(s.message?.contains("\(name) (#\(client))") == true)
        #expect(try Self.journalNames(s).suffix(2) == ["bed_assigned", "reservation_cancelled"])
        // A second u has nothing left to undo, and says so (nothing recorded).
        let count = try Self.journalNames(s).count
        s.handle(.char("u"))
        #expect(s.message == s.strings["undo.nothingHere"])
        #expect(try Self.journalNames(s).count == count)
        #expect(Fixtures.replayProblems(s) == [])
    }

    @Test("x before the cut-off asks first; n keeps the reservation; j releases; u brings it back")
    func noShowAsksFirst() throws {
        let (s, dir) = try Fixtures.demoSession("undo-noshow", lang: "nl")
        s.handle(.char("1")); s.handle(.function(4))
        let st = s.store!.state
        // Client 7 (Krzysztof Wiśniewski) has a reserved bed tonight; the clock says 20:00.
        let bed = try #require(st.bed(of: 7, on: Self.night))
        let label = st.inventory.beds[bed]!.label
        let before = try Self.journalNames(s).count
        BoardTests.select(s, label)
        s.handle(.char("x"))
        #expect(s.store!.state.ledger.nights[Self.night]?.byBed[bed]?.clientID == 7, "nothing released before the answer")
        let screen = Fixtures.render(s, 80, 24, dir: dir).lines.joined(separator: "\n")
        #expect(screen.contains("Nog voor de sluitingstijd"))
        #expect(screen.contains("(#7)"))
        s.handle(.char("n"))
        #expect(s.store!.state.ledger.nights[Self.night]?.byBed[bed]?.clientID == 7)
        #expect(try Self.journalNames(s).count == before)
        s.handle(.char("x")); s.handle(.char("j"))
        #expect(s.store!.state.ledger.nights[Self.night]?.byBed[bed] == nil)
        s.handle(.char("u"))
        #expect(s.store!.state.ledger.nights[Self.night]?.byBed[bed] == BedNight(clientID: 7, status: .reserved))
        #expect(try Self.journalNames(s).suffix(2) == ["reservation_released", "no_show_undone"])
    }

    @Test("c cancels a reservation only with a reason; the audit shows it and the undo, translated")
    func cancelWithReasonAndAudit() throws {
        let (s, dir) = try Fixtures.demoSession("undo-cancel", lang: "nl")
        s.handle(.char("3")); s.handle(.function(4))
        let st = s.store!.state
        let bed = try #require(st.bed(of: 7, on: Self.night))
        BoardTests.select(s, st.inventory.beds[bed]!.label)
        let before = try Self.journalNames(s).count
        s.handle(.char("c")); s.handle(.ctrl("s"))
        #expect(try Self.journalNames(s).count == before, "no reason, nothing recorded")
        #expect(s.message == s.strings["board.cancel.reasonRequired"])
        BoardTests.type(s, "belde af"); s.handle(.ctrl("s"))
        #expect(s.store!.state.bed(of: 7, on: Self.night) == nil)
        #expect(s.message?.hasPrefix("Reservering geannuleerd: \(st.inventory.beds[bed]!.label)") == true)
        #expect(s.message?.contains("Krzysztof Wiśniewski (#7)") == true)
        // Check someone in, then undo it.
        let other = try #require(BoardRow.board(s.store!.state, night: Self.night).first { $0.state == .reserved })
        BoardTests.select(s, other.bed.label)
        s.handle(.char("i"))
        #expect(s.store!.state.ledger.nights[Self.night]?.byBed[other.bed.id]?.status == .checkedIn)
        s.handle(.char("u"))
        #expect(s.store!.state.ledger.nights[Self.night]?.byBed[other.bed.id]?.status == .reserved)
        s.handle(.function(8))
        let audit = Fixtures.render(s, 140, 30, dir: dir).lines.joined(separator: "\n")
        #expect(audit.contains("Check-in ongedaan"))
        #expect(audit.contains("ingevoerd in fout"))
        #expect(audit.contains("Reservering geannuleerd"))
        #expect(audit.contains("reden: belde af"))
        #expect(!audit.contains("check_in_undone") && !audit.contains("reservation_cancelled"))
    }

    @Test("u right after logging in does not undo what the demo (or another terminal) recorded earlier")
    func undoOnlyThisDesk() throws {
        let (s, dir) = try Fixtures.demoSession("undo-fresh", lang: "nl")
        s.handle(.char("1")); s.handle(.function(4))
        let before = s.store!.state
        s.handle(.char("u"))
        #expect(s.message == s.strings["undo.nothingHere"])
        #expect(s.store!.state.ledger.nights == before.ledger.nights, "no bed changed")
    }

    @Test("Keys that cannot act on the selected row say why instead of doing nothing", arguments: ["nl", "en"])
    func refusedKeysSayWhy(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("undo-keys", lang: lang)
        s.handle(.char("1")); s.handle(.function(4))
        let st = s.store!.state
        let bed = try #require(st.bed(of: 7, on: Self.night))
        BoardTests.select(s, st.inventory.beds[bed]!.label)
        s.handle(.char("a"))
        #expect(s.message == s.strings["board.assign.notFree"])
        s.handle(.char("o"))
        #expect(s.message == s.strings["board.checkout.notInside"])
        let free = try #require(Self.freeBed(st))
        BoardTests.select(s, free.bed.label)
        for (key, text) in [("i", "board.checkin.notReserved"), ("x", "board.noshow.notReserved"), ("c", "board.cancel.notReserved")] {
            s.handle(.char(Character(key)))
            #expect(s.message == s.strings[text], "\(key)")
            #expect(s.strings[text] != text, "translated")
        }
    }

    @Test("t on S1 (28/28) is refused by the stay limit and offers e; e opens the request for that person; women-only offers no e")
    func stayLimitOnTomorrowOffersRequest() throws {
        let (s, dir) = try Fixtures.demoSession("undo-limit", lang: "en")
        s.handle(.char("1")); s.handle(.function(4))
        let st = s.store!.state
        let s1 = try #require(st.inventory.beds.values.first { $0.label == "S1" })
        let holder = try #require(st.ledger.nights[Self.night]?.byBed[s1.id]?.clientID)
        BoardTests.select(s, "S1")
        s.handle(.char("t"))
        guard case .error(let text)? = s.overlay else { Issue.record("no refusal: \(String(describing: s.overlay))"); return }
        #expect(text.contains("Maximum stay reached"))
        let screen = Fixtures.render(s, 80, 24, dir: dir).lines.joined(separator: "\n")
        #expect(screen.contains(s.strings["ext.hint.request"]), "the dialog offers e")
        s.handle(.char("e"))
        guard case .board(let b) = s.mode, let r = b.request else { Issue.record("no request form: \(s.mode)"); return }
        #expect(r.client == holder && r.location == s1.locationID)
        s.handle(.escape)
        // A man on a women-only bed: only OK; e does nothing.
        let man = try #require(st.files.clients.keys.sorted().first { st.bed(of: $0, on: Self.night) == nil && st.files.clients[$0]!.gender == .man })
        let v = try #require(BoardRow.board(st, night: Self.night).first { $0.state == .free && $0.bed.attributes.contains(.womenOnly) })
        BoardTests.select(s, v.bed.label)
        s.handle(.char("a")); BoardTests.type(s, String(man)); s.handle(.enter)
        #expect(s.overlay == .error(DomainError.womenOnlyBed(bed: v.bed.label).text("en")))
        #expect(!Fixtures.render(s, 80, 24, dir: dir).lines.joined().contains(s.strings["ext.hint.request"]))
        s.handle(.char("e"))
        #expect(s.overlay != nil, "e does nothing on a women-only refusal")
        if case .board(let b2) = s.mode { #expect(b2.request == nil) }
    }

    @Test("j jumps to a bed label or a name; l shows one location and is remembered when the board is opened again")
    func jumpAndLocation() throws {
        let (s, dir) = try Fixtures.demoSession("board-jump", lang: "nl")
        s.handle(.char("1")); s.handle(.function(4))
        func selected() -> BoardRow? {
            guard case .board(let b) = s.mode, let st = s.store?.state else { return nil }
            let rows = b.rows(st)
            return rows.indices.contains(b.list.selected) ? rows[b.list.selected] : nil
        }
        s.handle(.char("j")); BoardTests.type(s, "s1"); s.handle(.enter)
        #expect(selected()?.bed.label == "S1", "S1 is one key sequence away, not 28 ↓")
        s.handle(.char("j")); BoardTests.type(s, "wisniewski"); s.handle(.enter)
        #expect(selected()?.clientID == 7, "a name without accents finds Krzysztof Wiśniewski")
        // l: Centrum, then Oost.
        s.handle(.char("l")); s.handle(.char("l"))
        guard case .board(let b) = s.mode, let st = s.store?.state else { Issue.record("left the board"); return }
        let oost = try #require(st.inventory.locations.values.first { $0.name == "Oost" })
        #expect(b.location == oost.id && b.rows(st).allSatisfy { $0.bed.locationID == oost.id } && !b.rows(st).isEmpty)
        #expect(Fixtures.render(s, 80, 24, dir: dir).lines[2].contains("Oost"))
        s.handle(.escape); s.handle(.function(4))
        guard case .board(let again) = s.mode else { Issue.record("no board"); return }
        #expect(again.location == oost.id, "the location filter is remembered")
    }
}
