import Foundation
import Journal
import OnderdakResources
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Checklist wizard (golden)")
struct ChecklistWizardTests {
    static let rules = try! ChecklistRuleSet.parse(json: OnderdakResources.data("checklist/2024.1.json")!)

    /// A demo session logged in as desk, with the card of client `id` open.
    static func atCard(_ name: String, lang: String, client id: String) throws -> (DeskSession, String) {
        let dir = HomeScreenTests.tempDir(name + "-" + lang)
        let path = dir + "/demo.onderdak"
        _ = try DemoGenerator.write(path: path, seed: 1, today: Day.parseISO("2026-11-23")!, rules: nil)
        let clock = TestClock()
        let s = try DeskSession(path: path, lang: lang, clock: { clock.now }, rules: rules)
        s.handle(.char("1")); s.handle(.char("/"))
        for c in id { s.handle(.char(c)) }
        s.handle(.enter)
        return (s, dir)
    }

    static func type(_ s: DeskSession, _ text: String) { for c in text { s.handle(.char(c)) } }
    static func shot(_ s: DeskSession, _ dir: String, _ name: String, _ lang: String) {
        Golden.check(HomeScreenTests.render(s, 80, 24, dir: dir), "checklist-\(name)-\(lang)-80x24")
        Golden.check(HomeScreenTests.render(s, 60, 16, dir: dir), "checklist-\(name)-\(lang)-60x16")
    }

    @Test("A worker with 20 hours: not asked about UWV; documents; likely; recorded in the timeline", arguments: ["nl", "en"])
    func worker(_ lang: String) throws {
        let (s, dir) = try Self.atCard("cl-worker", lang: lang, client: "ionut")  // Ionuț Constantinescu, RO
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.handle(.function(3))
        guard case .checklist(let w0, _) = s.mode else { Issue.record("wizard not open: \(s.mode)"); return }
        #expect(w0.input.text == "RO", "nationality pre-filled from intake")
        Self.shot(s, dir, "first-question", lang)
        s.handle(.enter)                       // nationality RO
        s.handle(.enter)                       // arrived (pre-filled)
        s.handle(.enter)                       // continuous residence: unknown
        s.handle(.char("j"))                   // working now: yes (j/n answer at once)
        Self.type(s, "20"); s.handle(.enter)   // hours
        guard case .checklist(let w, _) = s.mode else { Issue.record("wizard not open: \(s.mode)"); return }
        #expect(w.current == "evidence", "working enough: no questions about UWV or self-employment")
        #expect(!w.answered.contains("registered_jobseeker_uwv"))
        s.handle(.char(" "))                   // id seen
        s.handle(.down); s.handle(.down); s.handle(.char(" "))  // payslips seen
        Self.shot(s, dir, "documents", lang)
        s.handle(.enter)
        Self.shot(s, dir, "outcome-likely", lang)
        let before = s.store!.state.assessments[15]?.count ?? 0
        s.handle(.enter)                       // record
        #expect(s.store!.state.assessments[15]?.count == before + 1)
        #expect(s.store!.state.assessments[15]?.last?.result.ground == "worker")
        let card = HomeScreenTests.render(s, 80, 24, dir: dir).lines
        #expect(card.contains { $0.contains("likely / worker") }, "the outcome shows on the client's card")
    }

    @Test("Back and forward keep answers; missing documents give further inquiry", arguments: ["nl", "en"])
    func furtherInquiry(_ lang: String) throws {
        let (s, dir) = try Self.atCard("cl-fi", lang: lang, client: "ionut")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.handle(.function(3))
        s.handle(.enter); s.handle(.enter); s.handle(.enter)
        s.handle(.char("y"))
        Self.type(s, "30")
        s.handle(.enter)
        s.handle(.escape)                      // back to hours: the answer is still there
        guard case .checklist(let w, _) = s.mode else { Issue.record("wizard not open: \(s.mode)"); return }
        #expect(w.current == "hours_per_week" && w.input.text == "30")
        s.handle(.enter)
        s.handle(.char(" "))                   // only the ID
        s.handle(.enter)
        guard case .checklist(let w2, _) = s.mode else { Issue.record("wizard not open: \(s.mode)"); return }
        #expect(w2.result?.outcome == .furtherInquiry)
        #expect(w2.result?.missingEvidence == ["contract|payslips"])
        Self.shot(s, dir, "outcome-further-inquiry", lang)
    }

    @Test("First three months: not shown now, never 'no right'", arguments: ["nl", "en"])
    func notShown(_ lang: String) throws {
        let (s, dir) = try Self.atCard("cl-ns", lang: lang, client: "jonas")  // Jonas Kazlauskas, LT
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.handle(.function(3))
        s.handle(.enter)
        s.handle(.ctrl("u")); Self.type(s, "01-10-2026"); s.handle(.enter)
        s.handle(.enter)
        s.handle(.char("n"))                    // working
        s.handle(.char("n"))                    // self-employed
        Self.type(s, "0"); s.handle(.enter)     // months worked
        s.handle(.char("n"))                    // family
        guard case .checklist(let w, _) = s.mode else { Issue.record("wizard not open: \(s.mode)"); return }
        #expect(w.result?.ground == "first_three_months")
        let text = HomeScreenTests.render(s, 80, 24, dir: dir).lines.joined(separator: "\n").lowercased()
        #expect(!text.contains("no right") && !text.contains("geen recht"))
        #expect(text.contains("ind"))
        Self.shot(s, dir, "outcome-not-shown", lang)
    }

    @Test("Bad input keeps what was typed and says what is wrong; a US national is not this checklist", arguments: ["nl", "en"])
    func notApplicable(_ lang: String) throws {
        let (s, dir) = try Self.atCard("cl-na", lang: lang, client: "jonas")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.handle(.function(3))
        s.handle(.ctrl("u")); Self.type(s, "U"); s.handle(.enter)
        guard case .checklist(let w, _) = s.mode else { Issue.record("wizard not open: \(s.mode)"); return }
        #expect(w.current == "nationality" && w.problem != nil && w.input.text == "U")
        Self.type(s, "S"); s.handle(.enter)
        guard case .checklist(let w2, _) = s.mode else { Issue.record("wizard not open: \(s.mode)"); return }
        #expect(w2.result?.outcome == .notApplicable)
        Self.shot(s, dir, "outcome-not-applicable", lang)
        // Impossible date.
        let (t, dir2) = try Self.atCard("cl-date", lang: lang, client: "jonas")
        defer { try? FileManager.default.removeItem(atPath: dir2) }
        t.handle(.function(3)); t.handle(.enter)
        t.handle(.ctrl("u")); Self.type(t, "31-02-2026"); t.handle(.enter)
        guard case .checklist(let w3, _) = t.mode else { Issue.record("wizard not open: \(t.mode)"); return }
        #expect(w3.current == "arrived_nl" && w3.problem != nil && w3.input.text == "31-02-2026")
        // F10 with answers asks first.
        t.handle(.function(10))
        #expect(t.overlay == .confirmQuit)
    }

    @Test("Re-assessment list on the desk's home; printable summary in nl and en")
    func reassessAndSummary() throws {
        let dir = HomeScreenTests.tempDir("cl-reassess")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/demo.onderdak"
        _ = try DemoGenerator.write(path: path, seed: 1, today: Day.parseISO("2026-11-23")!, rules: Self.rules)
        let clock = TestClock()
        clock.advance(minutes: 15 * 24 * 60)  // 15 days later: the further inquiries are due
        let s = try DeskSession(path: path, lang: "nl", clock: { clock.now }, rules: Self.rules)
        s.handle(.char("1"))
        let home = HomeScreenTests.render(s, 80, 24, dir: dir).lines
        #expect(home.contains { $0.contains("Opnieuw beoordelen: ") && $0.contains("Łukasz Wójcik") })
        let st = s.store!.state
        let a = st.assessments[1]!.last!
        let nl = AssessmentSummary.text(a, client: st.clients[1]!, state: st, rules: Self.rules, strings: Strings(lang: "nl"))
        let en = AssessmentSummary.text(a, client: st.clients[1]!, state: st, rules: Self.rules, strings: Strings(lang: "en"))
        #expect(nl.contains("NADER ONDERZOEK NODIG") && nl.contains("register_with_uwv") && nl.contains("Joost Bakker"))
        #expect(en.contains("FURTHER INQUIRY NEEDED") && en.replacingOccurrences(of: "\n  ", with: " ").contains("registering as a job seeker with UWV"))
    }
}
