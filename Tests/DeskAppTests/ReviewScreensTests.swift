import ScreenTestSupport
import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Occupancy review and audit log (golden)")
struct ReviewScreensTests {
    @Test("F7: sparklines per location, the periods by week and month, the outflow against 62%, the breakdowns", arguments: ["nl", "en"])
    func occupancy(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("occupancy", lang: lang)
        s.handle(.char("1")); s.handle(.function(7))
        guard case .home = s.mode else { Issue.record("the desk opened the occupancy review"); return }
        s.handle(.function(9)); s.handle(.char("2")); s.handle(.function(7))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "occupancy-week-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 160, 45, dir: dir), "occupancy-week-\(lang)-160x45")
        s.handle(.char("b"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "occupancy-month-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 160, 45, dir: dir), "occupancy-month-\(lang)-160x45")
        s.handle(.char("v"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "occupancy-breakdown-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "occupancy-breakdown-\(lang)-60x16")
        Golden.check(Fixtures.render(s, 160, 45, dir: dir), "occupancy-breakdown-\(lang)-160x45")
        let b = PopulationBreakdown(s.store!.state, from: Day.parseISO("2026-08-26")!, to: Day.parseISO("2026-11-23")!)
        #expect(b.nationality.values.reduce(0, +) == b.persons && b.stays <= b.episodes && b.episodes <= b.bedNights)
    }

    @Test("F8 audit: supervisors only; filters by type and client; reading medical notes is recorded and shown")
    func audit() throws {
        let (s, dir) = try Fixtures.demoSession("audit", lang: "en")
        s.handle(.char("2"))
        s.handle(.function(8))
        guard case .home = s.mode else { Issue.record("a coordinator opened the audit log"); return }
        // The coordinator opens Marek's file (it has a medical note): recorded once.
        s.handle(.char("/")); for c in "5" { s.handle(.char(c)) }; s.handle(.enter)
        s.handle(.down); s.handle(.up)
        #expect(s.store!.state.files.history[5]?.filter { $0.kind == .medicalViewed }.count == 1)
        s.handle(.escape); s.handle(.escape); s.handle(.escape)
        s.handle(.function(9)); s.handle(.char("3")); s.handle(.function(8))
        guard case .audit(let a) = s.mode else { Issue.record("no audit log"); return }
        #expect(a.events.first?.event == .loginSucceeded(staff: 1), "newest first: the supervisor's own login")
        #expect(a.events.dropFirst().first?.event == .medicalNotesViewed(client: 5))
        s.handle(.char("c")); for c in "5" { s.handle(.char(c)) }; s.handle(.enter)
        for _ in 0..<40 {
            s.handle(.char("t"))
            if case .audit(let a2) = s.mode, a2.type == "medical_notes_viewed" { break }
        }
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "audit-en-80x24")
        guard case .audit(let a3) = s.mode else { return }
        #expect(a3.shown.count == 1 && a3.shown[0].actor == 2)
    }
}
