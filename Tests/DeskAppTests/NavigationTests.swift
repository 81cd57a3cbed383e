import ScreenTestSupport
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Navigation: screens opened from another are pushed over it, Esc pops back to exactly what was there")
struct NavigationTests {
    @Test("The router: push and pop, a top-level screen over home, reset, nothing popped at the bottom")
    func router() {
        var r = ScreenRouter(.choose)
        #expect(!r.pop() && r.top == .choose, "the bottom screen stays")
        r.push(.setup(SetupWizard(strings: Strings(lang: "en"))))
        #expect(r.stack.count == 2 && r.below == .choose)
        #expect(r.pop() && r.top == .choose && r.below == nil)
        r.reset(.home)
        r.open(.returns(ReturnsOverview()))
        #expect(r.stack == [.home, .returns(ReturnsOverview())])
        r.open(.occupancy(OccupancyScreen()))
        #expect(r.stack == [.home, .occupancy(OccupancyScreen())], "a top-level screen replaces the one before it, over home")
        r.open(.home)
        #expect(r.stack == [.home])
    }

    @Test("From a client's file: the return plan and the correction form go back to the same file")
    func overTheFile() throws {
        let (s, _) = try Fixtures.demoSession(lang: "en")
        s.handle(.char("3")); s.handle(.char("/"))
        let st = s.store!.state
        let id = try #require(st.files.clients.keys.sorted().first { st.files.clients[$0]?.mergedInto == nil && st.files.clients[$0]?.isErased == false })
        BoardTests.type(s, String(id)); s.handle(.enter)
        guard case .search(let file) = s.mode, file.opened == id else { Issue.record("file not opened: \(s.mode)"); return }
        #expect(s.router.stack.count == 2)
        s.handle(.char("r"))
        guard case .returnPlan = s.mode else { Issue.record("no return plan: \(s.mode)"); return }
        #expect(s.router.stack.count == 3 && s.router.below == .search(file))
        s.handle(.escape)
        #expect(s.overlay == .confirmDiscard(.escape), "the new plan's form is filled in already: Esc asks first")
        s.handle(.char("j"))
        #expect(s.mode == .search(file), "discarded: the same file, as it was")
        s.handle(.char("e"))
        guard case .intake(let form) = s.mode, form.editing == id else { Issue.record("no correction form: \(s.mode)"); return }
        s.handle(.escape)
        #expect(s.mode == .search(file))
        s.handle(.escape)
        guard case .search(let list) = s.mode, list.opened == nil else { Issue.record("Esc on the file: not the result list: \(s.mode)"); return }
        s.handle(.escape)
        #expect(s.mode == .home && s.router.stack.count == 1)
    }

    @Test("From the board: the picker for a bed on another night goes back to that night and that row; F-keys start over home")
    func overTheBoard() throws {
        let (s, _) = try Fixtures.demoSession(lang: "en")
        s.handle(.char("1")); s.handle(.function(4))
        s.handle(.right)  // tomorrow
        guard case .board(let b0) = s.mode else { Issue.record("no board"); return }
        let st = s.store!.state
        let free = try #require(BoardRow.board(st, night: b0.night).first { $0.state == .free })
        BoardTests.select(s, free.bed.label)
        guard case .board(let board) = s.mode else { Issue.record("no board"); return }
        s.handle(.char("a"))
        guard case .pickClient(let picker) = s.mode, case let (bed, night) = (picker.bed, picker.night) else { Issue.record("no picker: \(String(describing: s.message)) \(s.router.stack.count)"); return }
        #expect(bed == free.bed.id && night == board.night, "the picker picks for the bed and night chosen")
        BoardTests.type(s, "zzz")
        s.handle(.escape)
        #expect(s.mode == .board(board), "Esc: the same night, the same row")
        s.handle(.char("a")); s.handle(.function(5))
        guard case .returns = s.mode else { Issue.record("F5 did not open the returns overview: \(s.mode)"); return }
        #expect(s.router.stack == [.home, s.mode], "F5 from the picker: the overview over home, the picker and board gone")
        s.handle(.escape)
        #expect(s.mode == .home)
    }
}
