import ScreenTestSupport
import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Return planning (golden)")
struct ReturnUITests {
    static func type(_ s: DeskSession, _ text: String) { for c in text { s.handle(.char(c)) } }

    @Test("Coordinator: the booked plan with an IND countdown, the overview (F5), the countdown on the board", arguments: ["nl", "en"])
    func overview(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("returns", lang: lang)
        let st = s.store!.state
        let booked = try #require(st.returns.returnPlans.values.first { $0.status == .booked })
        #expect(Set(st.returns.returnPlans.values.map(\.status)) == Set(ReturnStatus.allCases), "the demo has a plan in every status")
        #expect(st.files.indDecisions[booked.clientID].map { (0...7).contains($0.daysLeft(on: Day.parseISO("2026-11-23")!)) } == true)
        s.handle(.char("2"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "home-coordinator-deadline-\(lang)-80x24")
        s.handle(.function(5))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "returns-overview-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "returns-overview-\(lang)-60x16")
        s.handle(.escape); s.handle(.char("/")); Self.type(s, String(booked.clientID)); s.handle(.enter)
        s.handle(.char("r"))
        guard case .returnPlan(let r) = s.mode else { Issue.record("plan not opened"); return }
        #expect(r.planID == booked.id)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "return-plan-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "return-plan-\(lang)-60x16")
        s.handle(.char(">"))  // departed: the travel date has not come
        guard case .error(let text)? = s.overlay else { Issue.record("departure before the travel date was not refused"); return }
        #expect(text == DomainError.returnStepMissing(to: .departed, missing: ["travel_date_future"]).text(lang))
        s.handle(.enter); s.handle(.escape); s.handle(.escape); s.handle(.escape); s.handle(.function(4))
        var b = Buffer(width: 80, height: 24); s.render(into: &b)
        if st.bed(of: booked.clientID, on: Day.parseISO("2026-11-23")!) != nil {
            #expect(b.lines.joined().contains("⏳"), "the countdown is on the board")
        }
    }

    @Test("A new plan from the file; forward step by step to departure: the stay ends, tonight's bed is free, the outflow recorded")
    func newPlanToDeparture() throws {
        let (s, dir) = try Fixtures.demoSession("return-new", lang: "en")
        let night = Day.parseISO("2026-11-23")!
        let st = s.store!.state
        let who = try #require(st.files.clients.keys.sorted().first { id in
            st.bed(of: id, on: night).map { st.ledger.nights[night]?.byBed[$0]?.status == .reserved } == true  // not yet arrived tonight
                && st.latestReturnPlan(of: id) == nil && st.files.clients[id]?.nationality == "PL" && st.files.clients[id]?.details.consent.status == .given
        })
        let bed = st.bed(of: who, on: night)!
        s.handle(.char("2")); s.handle(.char("/")); Self.type(s, String(who)); s.handle(.enter); s.handle(.char("r"))
        guard case .returnPlan = s.mode else { Issue.record("no plan form"); return }
        s.handle(.tab); Self.type(s, "Gdańsk")
        s.handle(.tab); s.handle(.right)  // Stichting Barka
        for _ in 0..<5 { s.handle(.tab) }; s.handle(.char(" "))  // valid ID
        for _ in 0..<4 { s.handle(.tab) }; s.handle(.right)  // bus
        s.handle(.tab); Self.type(s, "22-11-2026")
        s.handle(.tab); Self.type(s, "Utrecht Centraal")
        s.handle(.tab); s.handle(.right); s.handle(.right)  // paid
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "return-plan-new-en-80x24")
        s.handle(.ctrl("s"))
        let plan = try #require(s.store!.state.activeReturnPlan(of: who))
        #expect(plan.city == "Gdańsk" && plan.partner == "Stichting Barka" && plan.hasValidID && plan.travelMode == .bus && plan.ticket == .paid)
        for _ in 0..<4 { s.handle(.char(">")) }
        #expect(s.overlay == nil)
        let after = s.store!.state
        #expect(after.returns.returnPlans[plan.id]?.status == .departed)
        #expect(after.files.clients[who]?.lastOutflow == .returnToCountryOfOrigin && after.files.clients[who]?.stayStart == nil)
        #expect(after.ledger.nights[night]?.byBed[bed] == nil, "tonight's bed is free again")
        s.handle(.escape)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "file-departed-en-80x24")
        #expect(Fixtures.replayProblems(s) == [])
    }
}
