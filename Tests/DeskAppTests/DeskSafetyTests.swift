import ScreenTestSupport
import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

/// Issue #17, the rest of the safe desk: a check-out asks first and names who; an exit entered in
/// error is undone within five minutes (`U` in the file); F1 lists this screen's keys first, from
/// the list its hint bar is cut from; the board's rows carry bed marks explained in the legend and
/// the cursor stays on its bed when a filter changes.
@Suite("Desk safety: check-out asks, exit undone, help per screen, board marks")
struct DeskSafetyTests {
    static let night = Day.parseISO("2026-11-23")!

    static func text(_ s: DeskSession, _ w: Int = 80, _ h: Int = 24) -> String {
        var b = Buffer(width: w, height: h); s.render(into: &b); return b.lines.joined(separator: "\n")
    }

    /// The first bed with someone checked in tonight (not yet left).
    static func inside(_ st: ShelterState) -> BoardRow? {
        BoardRow.board(st, night: night).first { $0.state == .checkedIn && $0.departure == nil && $0.clientID != nil }
    }

    @Test("o asks first, naming the person, number and bed; n records nothing; j/y records and the message names who", arguments: ["nl", "en"])
    func checkOutAsks(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("checkout-asks", lang: lang)
        s.handle(.char("1")); s.handle(.function(4))
        let row = try #require(Self.inside(s.store!.state))
        let c = row.clientID!, name = s.store!.state.files.clients[c]!.fullName
        BoardTests.select(s, row.bed.label)
        let before = try Fixtures.events(s).count
        s.handle(.char("o"))
        let asked = Self.text(s, 100, 30)
        #expect(asked.contains(lang == "nl" ? "Vertrek vastleggen?" : "Record the check-out?"))
        #expect(asked.contains("\(name) (#\(c))") && asked.contains(row.bed.label))
        s.handle(.char("n"))
        #expect(try Fixtures.events(s).count == before, "n keeps the person inside")
        #expect(s.store!.state.ledger.nights[Self.night]?.byBed[row.bed.id]?.status == .checkedIn)
        s.handle(.char("o")); s.handle(.char(lang == "nl" ? "j" : "y"))
        #expect(s.store!.state.ledger.nights[Self.night]?.byBed[row.bed.id]?.status == .checkedOut)
        #expect(s.message?.contains("\(name) (#\(c))") == true)
        #expect(s.message?.contains(row.bed.label) == true)
        #expect(try Fixtures.events(s).last?.event.name == "checked_out")
    }

    @Test("An exit recorded by mistake: U in the file undoes it, the stay is open again, the audit shows exit_undone translated", arguments: ["nl", "en"])
    func exitUndone(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("exit-undo", lang: lang)
        s.handle(.char("3"))  // the supervisor: ends stays and reads the audit
        let row = try #require(Self.inside(s.store!.state))
        let c = row.clientID!, name = s.store!.state.files.clients[c]!.fullName
        let start = try #require(s.store!.state.files.clients[c]?.stayStart)
        ClientFileTests.open(s, c)
        s.handle(.char("x"))
        s.handle(.tab)
        // "left without notice" needs no checklist outcome.
        let target = s.strings["outflow.\(Outflow.leftWithoutNotice.code)"]
        for _ in 0..<20 {
            guard case .search(let sc) = s.mode, let f = sc.file, f.form.rows.count > 1 else { break }
            if case .choice(let ch) = f.form[1].input, ch.options[ch.index] == target { break }
            s.handle(.right)
        }
        s.handle(.ctrl("s"))
        #expect(s.store!.state.files.clients[c]?.stayStart == nil, "the stay ended: \(s.message ?? "")")
        #expect(s.message?.contains("\(name) (#\(c))") == true)
        s.handle(.char("U"))
        #expect(s.store!.state.files.clients[c]?.stayStart == start)
        #expect(s.message?.contains(lang == "nl" ? "ingevoerd in fout" : "entered in error") == true)
        #expect(s.message?.contains("\(name) (#\(c))") == true)
        #expect(try Fixtures.events(s).last?.event.name == "exit_undone")
        // A second U has nothing left to undo.
        s.handle(.char("U"))
        #expect(try Fixtures.events(s).last?.event.name == "exit_undone")
        s.handle(.function(8))
        let audit = Self.text(s, 120, 40)
        #expect(audit.contains(lang == "nl" ? "Uitstroom ongedaan" : "Exit undone"))
        #expect(!audit.contains("exit_undone"))
        // The client filter takes a name (not only a number): only that person's events remain.
        s.handle(.char("c")); BoardTests.type(s, name); s.handle(.enter)
        guard case .audit(let a) = s.mode else { Issue.record("audit left"); return }
        #expect(!a.shown.isEmpty && a.shown.allSatisfy { $0.event.clientID == c })
        #expect(Self.text(s, 120, 40).contains("“\(name)”"))
        #expect(Fixtures.replayProblems(s) == [])
    }

    @Test("F1 on the board lists the board's keys first (r, i, f, X, O), then the global ones (F5, F7, F8); on the overview it differs", arguments: ["nl", "en"])
    func helpPerScreen(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("help-screens", lang: lang)
        let t = Strings(lang: lang)
        s.handle(.char("1"))
        s.handle(.function(1))
        let home = Self.text(s, 100, 30)
        s.handle(.escape)
        s.handle(.function(4)); s.handle(.function(1))
        let board = Self.text(s, 100, 30)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "help-board-\(lang)-80x24")
        let flat = board.replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for key in ["board.hint.room", "board.hint.checkin", "board.hint.free", "board.hint.allNoShows", "board.hint.checkoutNight",
                    "hint.returns", "hint.occupancy", "hint.audit"] {
            let words = t[key].split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains(words), "board help lacks \(t[key])")
        }
        // This screen's keys come before the global ones.
        let own = try #require(flat.range(of: t["help.screen"])), global = try #require(flat.range(of: t["help.global"]))
        #expect(own.lowerBound < global.lowerBound)
        #expect(flat.range(of: t["board.hint.room"].split(separator: " ").joined(separator: " "))!.lowerBound < global.lowerBound)
        #expect(!home.contains(t["board.hint.assign"]), "the overview's help is not the board's")
        s.handle(.escape)
        #expect(s.overlay == nil)
    }

    @Test("Board rows carry bed marks explained in the legend; the cursor stays on its bed when l and r change the rows")
    func marksAndCursor() throws {
        let (s, dir) = try Fixtures.demoSession("board-marks", lang: "nl")
        s.handle(.char("1")); s.handle(.function(4))
        let st = s.store!.state
        let women = try #require(BoardRow.board(st, night: Self.night).first { $0.bed.attributes.contains(.womenOnly) })
        BoardTests.select(s, women.bed.label)
        let screen = Self.text(s, 100, 30)
        let line = try #require(screen.split(separator: "\n").first { $0.hasPrefix("  \(women.bed.label) ") })
        #expect(line.contains(" V "), "women-only bed marked V: \(line)")
        #expect(screen.contains("V vrouwen") && screen.contains("⏳20d"))
        // l shows the cursor's location, r the cursor's room: the cursor is still on the same bed.
        s.handle(.char("l"))
        guard case .board(let b1) = s.mode else { Issue.record("board left"); return }
        #expect(b1.location == women.bed.locationID)
        #expect(b1.rows(st)[b1.list.selected].bed.id == women.bed.id)
        s.handle(.char("r"))
        guard case .board(let b2) = s.mode else { Issue.record("board left"); return }
        #expect(b2.room == women.bed.roomID)
        #expect(b2.rows(st)[b2.list.selected].bed.id == women.bed.id)
        // Wide: the name column does not take the whole width; the waiting list stands beside the board.
        let wide = Self.text(s, 200, 40)
        let header = try #require(wide.split(separator: "\n").first { $0.contains("Cliënt") && $0.contains("Nachten") })
        let gap = header.range(of: "Nachten")!.lowerBound.utf16Offset(in: header) - header.range(of: "Cliënt")!.lowerBound.utf16Offset(in: header)
        #expect(gap < 60, "the night count stays near the name: \(header)")
        #expect(header.contains("Wachtlijst"))
    }

    @Test("Return plan: > takes the transport, travel date and ticket on screen into account (saved first, then booked); a new plan ticks a valid ID when the file has one seen")
    func returnPlanVisibleEdits() throws {
        let (s, dir) = try Fixtures.demoSession("return-visible", lang: "nl")
        let plan = try #require(s.store!.state.returns.returnPlans.values.sorted { $0.id < $1.id }.first {
            $0.status == .documentsReady && $0.travelDate == nil && $0.travelMode == nil && $0.ticket == .toBook
        })
        s.handle(.char("2")); s.handle(.char("/")); BoardTests.type(s, String(plan.clientID)); s.handle(.enter); s.handle(.char("r"))
        func focus(_ row: Int) {
            guard case .returnPlan(var r) = s.mode else { return }
            r.form.setFocus(row); s.mode = .returnPlan(r)
        }
        focus(ReturnPlanScreen.mode); s.handle(.right)
        focus(ReturnPlanScreen.travelDate); BoardTests.type(s, "30-11-2026")
        focus(ReturnPlanScreen.ticket); s.handle(.right)
        s.handle(.char(">"))  // no Enter before it
        #expect(s.overlay == nil, "refused although the fields are filled on screen: \(String(describing: s.overlay))")
        let after = try #require(s.store!.state.returns.returnPlans[plan.id])
        #expect(after.status == .booked)
        #expect(after.travelDate == Day.parseISO("2026-11-30") && after.travelMode != nil && after.ticket != .toBook)
        // A new plan for someone whose ID document was seen starts with "valid ID" ticked.
        let st = s.store!.state
        if let c = st.files.clients.values.sorted(by: { $0.id < $1.id }).first(where: { $0.details.idDocument?.seen == true && st.latestReturnPlan(of: $0.id) == nil }) {
            let screen = ReturnPlanScreen(client: c, plan: nil, today: Day.parseISO("2026-11-23")!, strings: s.strings)
            #expect(screen.form[ReturnPlanScreen.validID].isChecked)
        }
    }
}
