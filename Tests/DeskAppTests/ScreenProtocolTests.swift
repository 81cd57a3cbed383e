import ScreenTestSupport
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Screens as models: a message in, an effect out; a context in, a buffer out")
struct ScreenProtocolTests {
    @Test("The occupancy review driven through `Screen` alone draws what the desk shows; a tick changes nothing, b the grouping")
    func occupancy() throws {
        let clock = TestClock()
        let (s, dir) = try Fixtures.demoSession(lang: "en", clock: clock)
        s.handle(.char("2")); s.handle(.function(7)); s.handle(.char("b"))
        let shown = Fixtures.render(s, 80, 24, dir: dir).lines
        let c = ScreenContext(state: s.store!.state, strings: Strings(lang: "en"), role: .coordinator, now: clock.now)
        var o = OccupancyScreen()
        guard case .none = o.update(.tick, context: c) else { Issue.record("a tick asked for an effect"); return }
        #expect(o.grouping == .week)
        _ = o.update(.key(.char("b")), context: c)
        #expect(o.grouping == .month)
        var b = Buffer(width: 80, height: 24)
        o.render(into: &b, context: c)
        #expect(Array(b.lines[2..<20]) == Array(shown[2..<20]))
        #expect(shown[2].contains("Occupancy and outflow"))
        guard case .back = o.update(.key(.escape), context: c) else { Issue.record("Esc did not go back"); return }
    }

    @Test("The audit log captures text only while a filter is typed: then ? is a letter, not help")
    func auditCapturesText() throws {
        let (s, _) = try Fixtures.demoSession(lang: "en")
        s.handle(.char("3")); s.handle(.function(8))
        guard case .audit(let a) = s.mode else { Issue.record("no audit log: \(s.mode)"); return }
        #expect(!a.capturesText)
        s.handle(.char("?"))
        #expect(s.overlay == .help)
        s.handle(.escape)
        s.handle(.char("c"))
        guard case .audit(let typing) = s.mode, typing.capturesText else { Issue.record("c did not start a client filter"); return }
        s.handle(.char("?"))
        #expect(s.overlay == nil, "while typing a filter ? is text")
    }

    @Test("Approvals learn the outcome of their own decision: recorded closes the form and says which way it went; refused keeps it")
    func approvalsOutcome() throws {
        let (s, _) = try Fixtures.demoSession(lang: "en")
        let c = ScreenContext(state: s.store!.state, strings: Strings(lang: "en"), role: .supervisor, now: TestClock().now)
        var a = ApprovalsScreen()
        _ = a.update(.key(.char("a")), context: c)
        #expect(a.deciding?.approve == true && a.capturesText)
        _ = a.update(.refused(.notPermitted(role: .desk, permission: .approveExtensions)), context: c)
        #expect(a.deciding?.approve == true, "a refusal keeps the form as typed")
        guard case .message(let said) = a.update(.recorded([]), context: c) else { Issue.record("no message after the decision"); return }
        #expect(said == Strings(lang: "en")["appr.approved"] && a.deciding == nil && !a.capturesText)
    }
}
