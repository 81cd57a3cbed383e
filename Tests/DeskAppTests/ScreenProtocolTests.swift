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

    @Test("Staff: a recorded addition closes the form and says so, a refusal keeps it, discarding closes only the form; x asks by name over the hint bar")
    func staffOutcome() throws {
        let (s, dir) = try Fixtures.demoSession(lang: "en")
        let t = Strings(lang: "en")
        let c = ScreenContext(state: s.store!.state, strings: t, role: .supervisor, now: TestClock().now)
        var st = StaffScreen()
        _ = st.update(.key(.char("a")), context: c)
        for ch in "Ola" { _ = st.update(.key(.char(ch)), context: c) }
        #expect(st.capturesText && st.hasUnsavedInput && st.escapeDiscards)
        _ = st.update(.refused(.notPermitted(role: .desk, permission: .manageStaff)), context: c)
        #expect(st.adding?[0] == "Ola", "a refusal keeps what was typed")
        guard case .none = st.discardInput() else { Issue.record("discarding left the staff screen"); return }
        #expect(st.adding == nil)
        _ = st.update(.key(.char("a")), context: c)
        guard case .message(let said) = st.update(.recorded([]), context: c) else { Issue.record("no message after saving"); return }
        #expect(said == t["staff.saved"] && st.adding == nil)
        // Through the session: x on the first member asks with their name, drawn over the hint bar.
        s.handle(.char("3")); s.handle(.char("m")); s.handle(.char("x"))
        guard case .staff(let shown) = s.mode else { Issue.record("no staff screen"); return }
        #expect(shown.hasDialog)
        let name = try #require(s.store!.state.roster.staff[StaffScreen.ids(s.store!.state)[0]]?.displayName)
        let text = Fixtures.render(s, 80, 24, dir: dir).lines.joined(separator: "\n")
        #expect(text.contains(name) && text.contains(t["staff.confirm.title"]))
    }

    @Test("The checklist and the merge go back to the file saying what was recorded; Esc discards only at the first question")
    func backSaying() throws {
        let t = Strings(lang: "en")
        let (s, _) = try Fixtures.demoSession(lang: "en")
        let c = ScreenContext(state: s.store!.state, strings: t, role: .desk, now: TestClock().now)
        let st = s.store!.state
        let a = try #require(st.files.clients[1]), b = try #require(st.files.clients[2])
        var m = MergeScreen(survivor: a, absorbed: b, strings: t)
        guard case .backSaying(let merged) = m.update(.recorded([]), context: c) else { Issue.record("merge: not back to the file"); return }
        #expect(merged == t["merge.done"])
        var w = ChecklistWizard(client: a, today: c.today, rules: ChecklistTests2024Rules.rules, lang: "en")
        #expect(!w.hasUnsavedInput && !w.escapeDiscards && w.capturesText)
        guard case .backSaying(let recorded) = w.update(.recorded([]), context: c) else { Issue.record("checklist: not back to the file"); return }
        #expect(recorded == t["cl.recorded"])
    }

    @Test("A return plan learns its outcome from the events: opened is its plan from then on; a refused save drops the step that waited for it")
    func returnPlanOutcome() throws {
        let t = Strings(lang: "en")
        let (s, _) = try Fixtures.demoSession(lang: "en")
        let st = s.store!.state
        let c = ScreenContext(state: st, strings: t, role: .coordinator, now: TestClock().now)
        let client = try #require(st.files.clients.values.first { st.activeReturnPlan(of: $0.id) == nil && st.latestReturnPlan(of: $0.id) == nil })
        var r = ReturnPlanScreen(client: client, plan: nil, today: c.today, strings: t)
        #expect(r.capturesText && r.hasUnsavedInput == r.form.hasInput)
        let plan = ReturnPlan(id: 99, clientID: client.id, country: "PL")
        func recorded(_ e: Event) -> ScreenMessage { .recorded([RecordedEvent(sequence: 1, timestamp: c.now, actor: 2, schemaVersion: 1, event: e)]) }
        guard case .message(let saved) = r.update(recorded(.returnPlanOpened(plan)), context: c) else { Issue.record("no message"); return }
        #expect(saved == t["file.saved"] && r.planID == 99 && !r.hasUnsavedInput)
        r.advanceAfterSave = true
        _ = r.update(.refused(.nothingChanged), context: c)
        #expect(!r.advanceAfterSave, "a refused save takes back the step that waited for it")
        guard case .message(let moved) = r.update(recorded(.returnStatusChanged(plan: 99, to: .booked, on: c.today, note: "")), context: c) else {
            Issue.record("no message after a step"); return
        }
        #expect(moved == t.fill("ret.moved", t["rstatus.booked"]))
    }
}
