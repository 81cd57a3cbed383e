import ScreenTestSupport
import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Client file: correcting an automatic closure; regular Wmo refused without a likely checklist")
struct OutflowCorrectionUITests {
    @Test("X corrects where the last stay ended (an event); x with regular Wmo and no checklist is refused with what to do; a supervisor overrides with a reason")
    func correction() throws {
        let (s, dir) = try Fixtures.demoSession("correct", lang: "en")
        s.handle(.char("2"))  // coordinator
        let state = s.store!.state
        // Someone whose last stay was closed automatically and not corrected yet.
        let closed = state.files.history.keys.sorted().first { c in
            let items = state.files.history[c]!
            guard state.files.clients[c]?.mergedInto == nil, let last = ClientFileScreen.lastExit(of: c, in: state) else { return false }
            return items.contains { if case .absenceClosure(last, _) = $0.kind { true } else { false } }
                && !items.contains { if case .outflowCorrected = $0.kind { true } else { false } }
        }
        let id = try #require(closed)
        let night = ClientFileScreen.lastExit(of: id, in: state)!
        ClientFileTests.open(s, id)
        s.handle(.char("X"))
        #expect(ClientFileTests.file(s)?.action == .correctOutflow(night))
        let hospital = Outflow.allCases.firstIndex(of: .hospitalOrClinic)!
        for _ in 0..<hospital { s.handle(.right) }
        s.handle(.tab); ClientFileTests.type(s, "opgenomen in het UMC, belde zelf")
        s.handle(.ctrl("s"))
        let items = s.store!.state.files.history[id]!
        #expect(items.contains { $0.kind == .outflowCorrected(night: night, from: .leftWithoutNotice, to: .hospitalOrClinic) })
        #expect(s.store!.state.files.clients[id]?.lastOutflow == .hospitalOrClinic || s.store!.state.files.clients[id]?.stayStart != nil)
        var b = Buffer(width: 80, height: 24); s.render(into: &b)
        #expect(b.lines.joined().contains("Outflow corrected after \(s.strings.date(night))"), "the correction is on the timeline")
        // An open stay, no checklist: regular Wmo shelter is refused, with the way forward.
        let open = try #require(s.store!.state.files.clients.values.filter { $0.stayStart != nil && (s.store!.state.files.assessments[$0.id] ?? []).isEmpty && $0.mergedInto == nil }
            .map(\.id).min())
        ClientFileTests.open(s, open)
        s.handle(.char("x")); s.handle(.tab); s.handle(.right)  // the second choice: regular Wmo shelter
        s.handle(.ctrl("s"))
        guard case .error(let text)? = s.overlay else { Issue.record("no refusal shown: \(String(describing: s.overlay))"); return }
        #expect(text.contains("likely") && text.contains("supervisor"))
        #expect(s.store!.state.files.clients[open]?.stayStart != nil, "nothing recorded")
        // A supervisor records it with a reason (the override is an event before the exit).
        // Leaving the exit form with a choice made asks first (j discards it).
        s.handle(.escape); s.handle(.escape)
        #expect(s.overlay == .confirmDiscard(.escape))
        s.handle(.char("j")); s.handle(.escape); s.handle(.escape); s.handle(.function(9)); s.handle(.char("3"))
        ClientFileTests.open(s, open)
        s.handle(.char("x")); s.handle(.tab); s.handle(.right); s.handle(.tab)
        ClientFileTests.type(s, "gemeente: positief oordeel per brief")
        s.handle(.ctrl("s"))
        #expect(s.store!.state.files.clients[open]?.lastOutflow == .regularWmoShelter && s.store!.state.files.clients[open]?.stayStart == nil, "\(String(describing: s.overlay))")
        #expect(s.store!.state.files.history[open]!.contains { if case .outflowOverride(_, "gemeente: positief oordeel per brief") = $0.kind { true } else { false } })
    }
}
