import ScreenTestSupport
import Foundation
import Journal
import OnderdakResources
import Services
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Checklist wizard (golden)")
struct ChecklistWizardTests {
    static let rules = ChecklistTests2024Rules.rules

    /// A demo session logged in as desk, with the card of client `id` open.
    static func atCard(_ name: String, lang: String, client id: String) throws -> (DeskSession, String) {
        let (s, dir) = try Fixtures.demoSession(name, lang: lang, rules: rules)
        s.handle(.char("1")); s.handle(.char("/"))
        for c in id { s.handle(.char(c)) }
        s.handle(.enter)
        return (s, dir)
    }

    static func type(_ s: DeskSession, _ text: String) { for c in text { s.handle(.char(c)) } }
    static func shot(_ s: DeskSession, _ dir: String, _ name: String, _ lang: String) {
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "checklist-\(name)-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "checklist-\(name)-\(lang)-60x16")
        Golden.check(Fixtures.render(s, 160, 45, dir: dir), "checklist-\(name)-\(lang)-160x45")
    }

    /// The wizard's current question, or "" when it is not open.
    static func current(_ s: DeskSession) -> String {
        if case .checklist(let w) = s.mode { return w.current }
        return ""
    }

    /// Answers questions until the documents or the outcome: typed text for text questions
    /// (after clearing the field), "j"/"n" for yes/no, "?" for don't know; otherwise Enter keeps
    /// what is shown (a previous answer, or "don't know" for a yes/no never answered).
    /// Returns the questions asked, in order.
    @discardableResult
    static func answer(_ s: DeskSession, _ answers: [String: String]) -> [String] {
        var asked: [String] = []
        while asked.count < 40 {
            let q = current(s)
            if q == "evidence" || q == "outcome" || q.isEmpty { break }
            asked.append(q)
            let a = answers[q]
            if ChecklistWizard.boolKeys.contains(q) {
                switch a {  // j / n answer at once
                case "j": s.handle(.char("j"))
                case "n": s.handle(.char("n"))
                case "?":
                    for _ in 0..<3 { if case .checklist(let w) = s.mode, !w.unknownChoice { s.handle(.left) } }
                    s.handle(.enter)
                default: s.handle(.enter)  // keeps what is shown: the previous answer, or "don't know"
                }
            } else {
                if let a { s.handle(.ctrl("u")); type(s, a) }
                s.handle(.enter)
            }
            if current(s) == q { break }  // refused: the caller checks
        }
        return asked
    }

    @Test("5+ years' residence, only an ID, a 30-hour job with payslips: asked about the job, likely / worker; Enter alone records nothing", arguments: ["nl", "en"])
    func worker(_ lang: String) throws {
        let (s, dir) = try Self.atCard("cl-worker", lang: lang, client: "ionut")  // Ionuț Constantinescu, RO
        s.handle(.function(3))
        guard case .checklist(let w0) = s.mode else { Issue.record("wizard not open: \(s.mode)"); return }
        #expect(w0.input.text == "RO", "nationality pre-filled from intake")
        #expect(w0.prefilled["nationality"] == "intake")
        Self.shot(s, dir, "first-question", lang)
        let asked = Self.answer(s, ["arrived_nl": "01-01-2018", "continuous_residence_since": "01-01-2018", "working_now": "j", "hours_per_week": "30",
                                    "work_history_months": "0"])
        #expect(asked.contains("working_now") && asked.contains("hours_per_week"), "a likely permanent residence does not end the questions: \(asked)")
        #expect(asked.contains("absent_over_two_years") && asked.contains("family_of_entitled"))
        #expect(!asked.contains("monthly_income_eur"), "30 hours is enough: income cannot change the outcome")
        #expect(Self.current(s) == "evidence")
        guard case .checklist(let w) = s.mode else { return }
        #expect(w.documents.contains("payslips") && w.documents.contains("brp"), "documents of both grounds whose conditions hold: \(w.documents)")
        // Tick the ID and payslips only.
        var at = 0
        for (i, d) in w.documents.enumerated() where d == "id" || d == "payslips" {
            for _ in at..<i { s.handle(.down) }
            at = i
            s.handle(.char(" "))
        }
        Self.shot(s, dir, "documents", lang)
        s.handle(.enter)
        guard case .checklist(let w2) = s.mode else { return }
        #expect(w2.result?.outcome == .likely && w2.result?.ground == "worker" && w2.result?.ruleSet == "2024.2")
        Self.shot(s, dir, "outcome-likely", lang)
        let before = s.store!.state.files.assessments[15]?.count ?? 0
        let seq = s.store!.state.lastSequence
        s.handle(.enter)                       // Enter alone: records nothing, says how
        #expect(s.store!.state.lastSequence == seq, "Enter on the outcome screen records nothing")
        guard case .checklist(let w3) = s.mode else { Issue.record("the wizard closed on Enter"); return }
        #expect(w3.problem != nil)
        s.handle(.ctrl("s"))                   // the labelled key records
        #expect(s.store!.state.files.assessments[15]?.count == before + 1)
        let recorded = s.store!.state.files.assessments[15]!.last!
        #expect(recorded.result.ground == "worker")
        #expect(recorded.answers.wasAsked("working_now") && !recorded.answers.wasAsked("monthly_income_eur"), "unasked answers are stored as unknown")
        let card = Fixtures.render(s, 80, 24, dir: dir).lines
        let words = s.strings.outcome(.likely) + " / " + s.strings.ground("worker")
        #expect(card.contains { $0.contains(String(words.prefix(30))) }, "the outcome shows on the client's card, in words: \(words)")
        if lang == "nl" { #expect(!card.contains { $0.contains("likely / worker") }, "no English codes on a Dutch card") }
        let summary = AssessmentSummary.text(recorded, client: s.store!.state.files.clients[15]!, state: s.store!.state, rules: ChecklistTests2024Rules.rules,
                                             strings: Strings(lang: lang))
        #expect(summary.contains(lang == "nl" ? "niet gevraagd" : "not asked"), "a question never asked is shown as such, not as no/0")
    }

    @Test("Back keeps every answer and the place in the document list; missing documents give further inquiry; Esc from the outcome keeps the result reachable", arguments: ["nl", "en"])
    func furtherInquiry(_ lang: String) throws {
        let (s, dir) = try Self.atCard("cl-fi", lang: lang, client: "ionut")
        s.handle(.function(3))
        Self.answer(s, ["arrived_nl": "01-06-2026", "working_now": "j", "hours_per_week": "30", "work_history_months": "0"])
        #expect(Self.current(s) == "evidence")
        s.handle(.char(" "))                   // the ID
        s.handle(.down)
        s.handle(.enter)                       // to the outcome
        guard case .checklist(let w2) = s.mode else { Issue.record("wizard not open: \(s.mode)"); return }
        #expect(w2.result?.outcome == .furtherInquiry)
        #expect(w2.result?.missingEvidence == ["contract|payslips"])
        Self.shot(s, dir, "outcome-further-inquiry", lang)
        s.handle(.escape)                      // back to the documents: the cursor stays on row 2
        guard case .checklist(let w3) = s.mode else { return }
        #expect(w3.current == "evidence" && w3.documentList.selected == 1 && w3.answers.evidence == ["id"])
        s.handle(.escape)                      // back through the questions: answers kept
        guard case .checklist(let w4) = s.mode else { return }
        #expect(w4.answered.contains("hours_per_week") && w4.answers.hoursPerWeek == 30)
    }

    @Test("First three months: not shown now, never 'no right'; no date is invented without one from intake", arguments: ["nl", "en"])
    func notShown(_ lang: String) throws {
        let (s, dir) = try Self.atCard("cl-ns", lang: lang, client: "jonas")  // Jonas Kazlauskas, LT
        s.handle(.function(3))
        let asked = Self.answer(s, ["arrived_nl": "01-10-2026", "work_history_months": "0"])
        #expect(!asked.contains("registered_jobseeker_uwv"), "in the first three months nothing after rule 7 matters")
        guard case .checklist(let w) = s.mode else { Issue.record("wizard not open: \(s.mode)"); return }
        #expect(w.result?.ground == "first_three_months")
        let text = Fixtures.render(s, 80, 24, dir: dir).lines.joined(separator: "\n").lowercased()
        #expect(!text.contains("no right") && !text.contains("geen recht"))
        #expect(text.contains("ind"))
        Self.shot(s, dir, "outcome-not-shown", lang)
        // A client without an arrival date from intake: the field is empty, never today.
        let c = Client(id: 9, givenNames: "Ana", familyNames: "Pop", gender: .woman, nationality: "RO")
        var fresh = ChecklistWizard(client: c, today: Day.parseISO("2026-11-23")!, rules: ChecklistTests2024Rules.rules)
        _ = fresh.update(.enter, strings: Strings(lang: lang))
        #expect(fresh.current == "arrived_nl" && fresh.input.text.isEmpty && fresh.prefilled["arrived_nl"] == nil)
    }

    @Test("Bad input keeps what was typed and says what is wrong; a US national is not this checklist", arguments: ["nl", "en"])
    func notApplicable(_ lang: String) throws {
        let (s, dir) = try Self.atCard("cl-na", lang: lang, client: "jonas")
        s.handle(.function(3))
        s.handle(.ctrl("u")); Self.type(s, "U"); s.handle(.enter)
        guard case .checklist(let w) = s.mode else { Issue.record("wizard not open: \(s.mode)"); return }
        #expect(w.current == "nationality" && w.problem != nil && w.input.text == "U")
        Self.type(s, "S"); s.handle(.enter)
        Self.answer(s, [:])                    // family member of an EU citizen? no
        guard case .checklist(let w2) = s.mode else { Issue.record("wizard not open: \(s.mode)"); return }
        #expect(w2.result?.outcome == .notApplicable)
        Self.shot(s, dir, "outcome-not-applicable", lang)
        // Impossible date.
        let (t, dir2) = try Self.atCard("cl-date", lang: lang, client: "jonas")
        t.handle(.function(3)); t.handle(.enter)
        t.handle(.ctrl("u")); Self.type(t, "31-02-2026"); t.handle(.enter)
        guard case .checklist(let w3) = t.mode else { Issue.record("wizard not open: \(t.mode)"); return }
        #expect(w3.current == "arrived_nl" && w3.problem != nil && w3.input.text == "31-02-2026")
        // F10 with answers asks first.
        t.handle(.function(10))
        #expect(t.overlay == .confirmQuit)
    }

    @Test("A re-assessment starts from the previous answers, each marked as from the previous assessment")
    func reassessFromPrevious() throws {
        let (s, dir) = try Self.atCard("cl-again", lang: "en", client: "ionut")
        s.handle(.function(3))
        Self.answer(s, ["arrived_nl": "01-06-2026", "working_now": "j", "hours_per_week": "24", "work_history_months": "0"])
        s.handle(.enter); s.handle(.ctrl("s"))
        #expect(s.store!.state.files.assessments[15]?.count == 1)
        s.handle(.function(3))
        guard case .checklist(let w) = s.mode else { Issue.record("wizard not open: \(s.mode)"); return }
        #expect(w.prefilled["working_now"] == "previous" && w.answers.hoursPerWeek == 24)
        Self.answer(s, [:])
        guard case .checklist(let w2) = s.mode, w2.current == "evidence" else { Issue.record("not at the documents"); return }
        #expect(w2.answers.workingNow && w2.answers.hoursPerWeek == 24, "Enter through kept the previous answers")
    }

    @Test("Re-assessment list on the desk's home; printable summary in nl and en")
    func reassessAndSummary() throws {
        let clock = TestClock()
        clock.advance(minutes: 15 * 24 * 60)  // 15 days later: the further inquiries are due
        let (s, dir) = try Fixtures.freshDemoSession(lang: "nl", clock: clock, demoRules: Self.rules)
        s.handle(.char("1"))
        let home = Fixtures.render(s, 80, 24, dir: dir).lines
        #expect(home.contains { $0.contains("Opnieuw beoordelen: ") && $0.contains("Łukasz Wójcik") })
        let st = s.store!.state
        let a = st.files.assessments[1]!.last!
        let nl = AssessmentSummary.text(a, client: st.files.clients[1]!, state: st, rules: Self.rules, strings: Strings(lang: "nl"))
        let en = AssessmentSummary.text(a, client: st.files.clients[1]!, state: st, rules: Self.rules, strings: Strings(lang: "en"))
        #expect(nl.contains("NADER ONDERZOEK NODIG") && nl.contains("inschrijven bij UWV") && !nl.contains("register_with_uwv") && nl.contains("Joost Bakker"))
        #expect(en.contains("FURTHER INQUIRY NEEDED") && en.replacingOccurrences(of: "\n  ", with: " ").contains("registers as a job seeker with UWV"))
    }
}

/// The current rule set (2024.2), for the wizard tests.
enum ChecklistTests2024Rules {
    static let rules = try! ChecklistRuleSet.parse(json: OnderdakResources.data("checklist/2024.2.json")!)
}
