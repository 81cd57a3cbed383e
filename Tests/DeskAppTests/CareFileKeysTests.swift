import ScreenTestSupport
import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Care keys (golden): the self-reliance assessment on the file, the file's care keys in the help, household beds together on the board")
struct CareFileKeysTests {
    static func type(_ s: DeskSession, _ text: String) { for ch in text { s.handle(.char(ch)) } }

    /// The file screen of the session, if one is open.
    static func file(_ s: DeskSession) -> ClientFileScreen? {
        if case .search(let sc) = s.mode { return sc.file }
        return nil
    }

    @Test("z records the self-reliance assessment after a likely outcome (organisation and outcome required, no default outcome); file and timeline show it; refused without likely", arguments: ["nl", "en"])
    func selfRelianceForm(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("care-self-reliance", lang: lang)
        let nl = lang == "nl"
        let today = Day.parseISO("2026-11-23")!
        // A `likely` outcome for Łukasz (#1) tonight (the test demo has no checklist rules).
        var answers = ChecklistAnswers(assessmentDate: today, nationality: "PL", arrivedNL: today.adding(days: -400))
        answers.workingNow = true; answers.hoursPerWeek = 30; answers.monthlyIncomeEUR = 1400
        let result = ChecklistResult(outcome: .likely, ground: "worker", validUntil: today.adding(days: 90), missingEvidence: [], legalBasis: "", ruleSet: "test")
        let coordinator = try #require(s.store!.state.roster.staff.values.first { $0.role == .coordinator }?.id)
        try s.store!.execute(.recordAssessment(client: 1, answers: answers, result: result), actor: coordinator)
        let st = s.store!.state
        let likely = try #require(st.files.clients.keys.sorted().first { st.isLikelyEntitled($0, on: today) })
        let before = st.care.selfReliance.values.map(\.count).reduce(0, +)
        s.handle(.char("1"))  // the desk runs the checklist, and records what follows it
        ClientFileTests.open(s, 12)  // Piotr: no likely outcome
        s.handle(.char("z"))
        #expect(Self.file(s)?.action == nil)
        #expect(CareScreensTests.text(s).contains(nl ? "Zelfredzaamheidsonderzoek pas na de checklist-uitkomst" : "A self-reliance assessment follows the checklist outcome"))
        ClientFileTests.open(s, likely)
        s.handle(.char("z"))
        #expect(Self.file(s)?.action == .selfReliance)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-form-self-reliance-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "care-form-self-reliance-\(lang)-60x16")
        s.handle(.ctrl("s"))
        #expect(Self.file(s)?.form.focus == 1 && Self.file(s)?.form[1].problem != nil, "the organisation is required")
        Self.type(s, "Wmo-loket gemeente Utrecht")
        s.handle(.ctrl("s"))
        #expect(Self.file(s)?.form.focus == 2 && CareScreensTests.text(s).contains(nl ? "kies de uitkomst" : "choose the outcome"), "no default outcome")
        s.handle(.right)  // self-reliant
        s.handle(.ctrl("s"))
        let a = try #require(s.store!.state.care.selfReliance[likely]?.last)
        #expect(a.outcome == .selfReliant && a.organisation == "Wmo-loket gemeente Utrecht" && a.on == today)
        #expect(s.store!.state.care.selfReliance.values.map(\.count).reduce(0, +) == before + 1)
        let file = CareScreensTests.text(s, 160, 30)
        #expect(file.contains(nl ? "Zelfredzaamheid: zelfredzaam · Wmo-loket gemeente Utrecht 23-11-2026" : "Self-reliance: self-reliant · Wmo-loket gemeente Utrecht 23/11/2026"))
        #expect(file.contains(nl ? "Zelfredzaamheidsonderzoek: zelfredzaam · Wmo-loket gemeente Utrecht" : "Self-reliance assessment: self-reliant · Wmo-loket gemeente Utrecht"),
                "on the timeline")
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-form-self-reliance-saved-\(lang)-80x24")
    }

    @Test("The file's hint bar and F1 help list the care keys s, t, h, v, w and z", arguments: ["nl", "en"])
    func helpListsCareKeys(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("care-help", lang: lang)
        let nl = lang == "nl"
        s.handle(.char("2"))
        ClientFileTests.open(s, 12)
        let hints = Self.file(s)?.hints(Strings(lang: lang), role: .coordinator) ?? []
        for h in nl ? ["s Status t Tolk h Huishouden", "z Zelfredzaamheid", "v Verwijzing w Opvolgen"]
                    : ["s Status t Interpreter h Household", "z Self-reliance", "v Referral w Follow up"] {
            #expect(hints.contains(h))
        }
        s.handle(.function(1))
        let help = CareScreensTests.text(s, 100, 40)
        #expect(help.contains(nl ? "s Status t Tolk h Huishouden" : "s Status t Interpreter h Household"))
        #expect(help.contains(nl ? "z Zelfredzaamheid" : "z Self-reliance"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-file-help-\(lang)-80x24")
    }

    @Test("H on a household member's bed proposes beds beside them for the others (a child only in a family bed), naming everyone; j gives them all at once", arguments: ["nl", "en"])
    func householdBedsTogether(_ lang: String) throws {
        let clock = TestClock()
        let (s, dir) = try Fixtures.demoSession("care-household-beds", lang: lang, clock: clock)
        let nl = lang == "nl"
        let st = { s.store!.state }
        let today = Day.parseISO("2026-11-23")!, tomorrow = today.adding(days: 1)
        let mother = try #require(st().files.clients.values.first { $0.givenNames == "Daniela" && $0.familyNames == "Rusu" }?.id)
        let children = try #require(st().care.household(of: mother)).members.map(\.clientID).filter { $0 != mother }
        let g = st().inventory.bedOrder.filter { st().inventory.beds[$0]?.attributes.contains(.family) == true }
        s.handle(.char("1"))
        s.handle(.function(4))
        s.handle(.char("j")); Self.type(s, "G1"); s.handle(.enter)
        s.handle(.char("H"))
        #expect(CareScreensTests.text(s).contains(nl ? "Iedereen uit dit huishouden heeft deze nacht al een bed." : "Everyone in this household already has a bed this night."))
        s.handle(.char("t"))  // Daniela: the same bed tomorrow
        #expect(st().bed(of: mother, on: tomorrow) == g.first)
        clock.advance(minutes: 1)  // a desk's next action comes a moment later
        s.handle(.right)
        s.handle(.char("j")); Self.type(s, "G1"); s.handle(.enter)
        s.handle(.char("H"))
        let dialog = CareScreensTests.text(s)
        for c in children { #expect(dialog.contains("(#\(c))"), "everyone is named with their number") }
        #expect(dialog.contains("G2 → Andrei Rusu") && dialog.contains("G3 → Sofia Rusu"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "care-board-household-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "care-board-household-\(lang)-60x16")
        s.handle(.char(nl ? "j" : "y"))
        #expect(children.map { st().bed(of: $0, on: tomorrow) } == Array(g.dropFirst()))
        #expect(CareScreensTests.text(s, 120, 24).contains(nl ? "Huishouden samen, nacht" : "Household together, night"))
        // Given in error: u takes the whole household's beds back at once, naming each, and nothing else.
        s.handle(.char("u"))
        #expect(children.allSatisfy { st().bed(of: $0, on: tomorrow) == nil })
        #expect(st().bed(of: mother, on: tomorrow) == g.first, "the bed given before the household's stays")
        let undone = CareScreensTests.text(s, 160, 24)
        #expect(undone.contains(nl ? "de bedden van het huishouden" : "the household's beds"))
        #expect(undone.contains("G2 → Andrei Rusu") && undone.contains("G3 → Sofia Rusu"))
        s.handle(.char("H")); s.handle(.char(nl ? "j" : "y"))
        #expect(children.map { st().bed(of: $0, on: tomorrow) } == Array(g.dropFirst()))
        // A third child: the family room is full, and a child gets no other bed.
        var ana = Client(id: 0, givenNames: "Ana", familyNames: "Rusu", birth: .exact(Day.parseISO("2020-04-04")!), gender: .woman, nationality: "RO")
        ana.details.consent = Consent(status: .given, purposeExplained: true, language: "ro", date: today)
        let desk = try #require(st().roster.staff.values.first { $0.role == .desk }?.id)
        try s.store!.execute(.registerClientWithAdult(ana, responsibleAdult: mother, relation: .child), actor: desk)
        let anaID = st().nextClientID - 1
        #expect(HouseholdBeds.proposal(for: mother, night: tomorrow, state: st()) == .failure(.notEnoughBeds(anaID)))
        s.handle(.char("H"))
        #expect(CareScreensTests.text(s, 120, 24).contains(nl ? "Geen passend vrij bed hier voor Ana Rusu (#\(anaID))" : "No suitable free bed here for Ana Rusu (#\(anaID))"))
        #expect(st().bed(of: anaID, on: tomorrow) == nil)
    }
}
