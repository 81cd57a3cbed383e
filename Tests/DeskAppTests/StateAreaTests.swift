import ScreenTestSupport
@testable import ShelterDomain
import Testing

/// `ShelterState` is made of one sub-state per area, and `evolve` hands each event to its
/// area's fold (`EventType.area`). Replaying the demo journal event by event, an event changes
/// its own area's sub-state and only the parts this test allows it to reach beyond it.
@Suite("State areas")
struct StateAreaTests {
    /// What a state's parts are, by name, for comparing one before and after an event.
    static func parts(_ s: ShelterState) -> [String: AnyHashable] {
        ["roster": s.roster, "inventory": s.inventory, "ledger": s.ledger, "files": s.files, "requests": s.requests,
         "returns": s.returns, "care": s.care,
         "settings": [s.shelterName, s.municipality, "\(s.assistanceNorms)", "\(s.retention)", "\(s.exportCount)", "\(s.refusedAttempts)"]]
    }

    /// Besides its own part, what each area's events may change: a client's history (files),
    /// the stay a bed begins or an undo reopens (files), and the desk's last bed action (ledger).
    static let allowed: [StateArea: Set<String>] = [
        .settings: ["settings"], .staff: ["roster"], .inventory: ["inventory"], .care: ["care"],
        .nights: ["ledger", "files"], .undo: ["ledger", "files"],
        .requests: ["requests", "files"], .returns: ["returns", "files"],
        .files: ["files", "ledger", "requests", "returns", "care"],  // a merge moves everything of the absorbed record
    ]

    @Test("Each event of the demo changes only its area's part of the state (and what the area may reach)")
    func eventsStayInTheirArea() throws {
        let (s, _) = try Fixtures.demoSession(lang: "en")
        let events = try Fixtures.events(s)
        #expect(events.count > 1_000)
        var state = ShelterState.initial
        var seen: Set<StateArea> = []
        for r in events {
            let before = Self.parts(state)
            state.evolveExceptContact(r)
            let after = Self.parts(state)
            let changed = Set(after.keys.filter { after[$0] != before[$0] })
            let area = r.event.type.area
            seen.insert(area)
            #expect(changed.isSubset(of: Self.allowed[area]!), "\(r.event.name) (\(area)) changed \(changed.sorted())")
        }
        #expect(seen.isSuperset(of: [.settings, .staff, .inventory, .nights, .files, .requests, .returns, .care]), "the demo covers the areas: \(seen)")
    }

    @Test("The fold by area gives the same state as folding through evolve (last contacts included)")
    func foldByAreaIsTheFold() throws {
        let (s, _) = try Fixtures.demoSession(lang: "en")
        let events = try Fixtures.events(s)
        #expect(ShelterState.fold(events) == s.store!.state)
        #expect(ShelterState.fold(events).ledger.lastContactNight.count > 50)
    }
}
