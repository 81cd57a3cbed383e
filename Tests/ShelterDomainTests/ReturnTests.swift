import Testing
@testable import ShelterDomain

@Suite("Return plans and IND deadlines")
struct ReturnTests {
    static func plan(_ f: DomainFixture, client: ClientID = 1) -> ReturnPlan {
        var p = ReturnPlan(id: 0, clientID: client, country: "PL")
        p.city = "Gdańsk"; p.partner = "Stichting Barka"; p.consentDate = f.tonight; p.consentLanguage = "pl"
        return p
    }

    @Test("Steps go forward only when their requirements hold; no 'departed' without a travel date")
    func statusMachine() throws {
        var f = try DomainFixture.standard()
        var p = Self.plan(f)
        #expect(throws: DomainError.notPermitted(role: .desk, permission: .planReturns)) { try f.run(.openReturnPlan(p), as: 3) }
        try f.run(.openReturnPlan(p), as: 2)
        #expect(throws: DomainError.returnPlanActive(1)) { try f.run(.openReturnPlan(p), as: 2) }
        #expect(throws: DomainError.returnStepMissing(to: .departed, missing: ["travel_document", "travel_date", "travel_mode", "ticket"])) {
            try f.run(.moveReturnPlan(plan: 1, to: .departed, note: ""), as: 2)
        }
        try f.run(.moveReturnPlan(plan: 1, to: .planned, note: ""), as: 2)
        #expect(throws: DomainError.returnStepNotAllowed(from: .planned, to: .exploring)) { try f.run(.moveReturnPlan(plan: 1, to: .exploring, note: ""), as: 2) }
        #expect(throws: DomainError.returnStepMissing(to: .documentsReady, missing: ["travel_document"])) {
            try f.run(.moveReturnPlan(plan: 1, to: .documentsReady, note: ""), as: 2)
        }
        p = f.state.returns.returnPlans[1]!
        p.emergencyDocumentNeeded = true; p.documentRequested = f.tonight.adding(days: -3); p.documentReady = f.tonight
        try f.run(.updateReturnPlan(p), as: 2)
        try f.run(.moveReturnPlan(plan: 1, to: .documentsReady, note: ""), as: 2)
        p.travelMode = .bus; p.travelDate = f.tonight.adding(days: 2); p.ticket = .paid
        try f.run(.updateReturnPlan(p), as: 2)
        try f.run(.moveReturnPlan(plan: 1, to: .booked, note: ""), as: 2)
        #expect(throws: DomainError.returnStepMissing(to: .departed, missing: ["travel_date_future"])) {
            try f.run(.moveReturnPlan(plan: 1, to: .departed, note: ""), as: 2)
        }
        #expect(throws: DomainError.returnStepNotAllowed(from: .booked, to: .arrivalConfirmed)) {
            try f.run(.moveReturnPlan(plan: 1, to: .arrivalConfirmed, note: ""), as: 2)
        }
        #expect(f.state.returns.returnSteps[1]?.map(\.status) == [.exploring, .planned, .documentsReady, .booked])
    }

    @Test("Departure ends the stay with 'return to country of origin' and frees later reserved beds")
    func departure() throws {
        var f = try DomainFixture.standard()
        let n = f.tonight
        try f.run(.assignBed(night: n.adding(days: -1), bed: 1, client: 1), as: 3)
        try f.run(.assignBed(night: n, bed: 1, client: 1), as: 3)
        try f.run(.assignBed(night: n.adding(days: 1), bed: 1, client: 1), as: 3)
        var p = Self.plan(f)
        p.hasValidID = true; p.travelMode = .bus; p.travelDate = n; p.ticket = .booked
        try f.run(.openReturnPlan(p), as: 2)
        try f.run(.moveReturnPlan(plan: 1, to: .booked, note: ""), as: 2)  // all requirements hold: steps may be skipped
        try f.run(.releaseReservation(night: n, client: 1, noShow: false), as: 3)
        let events = try f.run(.moveReturnPlan(plan: 1, to: .departed, note: ""), as: 2)
        #expect(events.contains(.stayEnded(client: 1, night: n.adding(days: -1), outflow: .returnToCountryOfOrigin)))
        #expect(f.state.bed(of: 1, on: n.adding(days: 1)) == nil, "tomorrow's bed is free again")
        #expect(f.state.files.clients[1]?.lastOutflow == .returnToCountryOfOrigin && f.state.files.clients[1]?.stayStart == nil)
        try f.run(.moveReturnPlan(plan: 1, to: .arrivalConfirmed, note: "Barka belde"), as: 2)
        #expect(throws: DomainError.returnStepNotAllowed(from: .arrivalConfirmed, to: .cancelled)) {
            try f.run(.moveReturnPlan(plan: 1, to: .cancelled, note: "x"), as: 2)
        }
    }

    @Test("Cancelling works from any open state and needs a reason; consent can always be withdrawn, also at the desk")
    func cancelAndWithdraw() throws {
        var f = try DomainFixture.standard()
        try f.run(.openReturnPlan(Self.plan(f)), as: 2)
        #expect(throws: DomainError.invalidText(field: .reason, problem: .required)) { try f.run(.moveReturnPlan(plan: 1, to: .cancelled, note: ""), as: 2) }
        try f.run(.moveReturnPlan(plan: 1, to: .cancelled, note: "wil blijven"), as: 2)
        #expect(f.state.returns.returnPlans[1]?.status == .cancelled && f.state.returns.returnPlans[1]?.cancelReason == "wil blijven")
        try f.run(.openReturnPlan(Self.plan(f)), as: 2)  // a new plan after a cancelled one
        try f.run(.moveReturnPlan(plan: 2, to: .planned, note: ""), as: 2)
        try f.run(.withdrawReturnConsent(plan: 2, note: "familie wil hem niet terug"), as: 3)
        #expect(f.state.returns.returnPlans[2]?.status == .cancelled && f.state.returns.returnPlans[2]?.consentWithdrawn == f.tonight)
        #expect(f.state.returns.returnPlans[2]?.cancelReason == "consent withdrawn: familie wil hem niet terug")
        #expect(throws: DomainError.alreadyClosed) { try f.run(.withdrawReturnConsent(plan: 2, note: ""), as: 3) }
    }

    @Test("Deadline estimate: notification + 1 calendar month, clamped at month ends", arguments: [
        ("2026-01-31", "2026-02-28"), ("2028-01-31", "2028-02-29"), ("2026-03-31", "2026-04-30"), ("2026-12-15", "2027-01-15"),
        ("2026-08-31", "2026-09-30"),
    ])
    func estimate(_ notified: String, _ expected: String) {
        let d = IndDecision(clientID: 1, decisionDate: Day.parseISO(notified)!.adding(days: -2), notificationDate: Day.parseISO(notified)!, deadline: nil)
        #expect(d.effectiveDeadline.day == Day.parseISO(expected) && d.effectiveDeadline.estimate)
        let written = IndDecision(clientID: 1, decisionDate: d.decisionDate, notificationDate: d.notificationDate, deadline: Day.parseISO("2027-03-01"))
        #expect(written.effectiveDeadline == (Day.parseISO("2027-03-01")!, false))
    }

    @Test("IND decisions: dates in order, not in the future; the countdown")
    func ind() throws {
        var f = try DomainFixture.standard()
        let n = f.tonight
        #expect(throws: DomainError.self) {
            try f.run(.recordIndDecision(IndDecision(clientID: 1, decisionDate: n, notificationDate: n.adding(days: -1), deadline: nil)), as: 2)
        }
        #expect(throws: DomainError.self) {
            try f.run(.recordIndDecision(IndDecision(clientID: 1, decisionDate: n.adding(days: 1), notificationDate: n.adding(days: 1), deadline: nil)), as: 2)
        }
        try f.run(.recordIndDecision(IndDecision(clientID: 1, decisionDate: n.adding(days: -10), notificationDate: n.adding(days: -8), deadline: nil)), as: 2)
        #expect(f.state.files.indDecisions[1]?.daysLeft(on: n) == Int(n.adding(days: -8).adding(months: 1).ordinal - n.ordinal))
    }

    @Test("Plans round-trip through the codec")
    func codec() throws {
        var p = ReturnPlan(id: 3, clientID: 7, country: "RO")
        p.city = "Iași"; p.partner = "IOM"; p.consentDate = Day.parseISO("2026-11-01"); p.interpreter = true; p.travelMode = .plane
        p.travelDate = Day.parseISO("2026-12-01"); p.ticket = .paid; p.arranged = [.housing, .familyContact]; p.medicalEscort = true
        let events: [Event] = [.returnPlanOpened(p), .returnPlanUpdated(p), .returnStatusChanged(plan: 3, to: .booked, on: Day.parseISO("2026-11-20")!, note: "n"),
                               .returnConsentWithdrawn(plan: 3, on: Day.parseISO("2026-11-21")!, note: ""),
                               .indDecisionRecorded(IndDecision(clientID: 7, decisionDate: Day.parseISO("2026-11-01")!, notificationDate: Day.parseISO("2026-11-03")!, deadline: nil))]
        for e in events {
            let r = RecordedEvent(sequence: 9, timestamp: Timestamp(milliseconds: 1), actor: 2, schemaVersion: 1, event: e)
            #expect(try EventCodec.decode(EventCodec.encode(r)) == r)
        }
    }
}
