import Testing
@testable import ShelterDomain

/// Issue #16: the short-stay maximum applies to EU/EEA/Swiss citizens without a valid `likely`
/// outcome; nights count only in limited locations of the same municipality.
@Suite("Entitlement drives the stay limit")
struct EntitlementTests {
    static func assess(_ f: inout DomainFixture, client: ClientID, outcome: ChecklistOutcome, ground: String, validUntil: Day? = nil) throws {
        let answers = ChecklistAnswers(assessmentDate: f.tonight, nationality: f.state.files.clients[client]!.nationality, arrivedNL: Day.parseISO("2025-01-01")!)
        let result = ChecklistResult(outcome: outcome, ground: ground, validUntil: validUntil, missingEvidence: [], legalBasis: "x", ruleSet: "2024.2")
        try f.run(.recordAssessment(client: client, answers: answers, result: result), as: 3)
    }

    /// Fills the 3-night window (max 3 in 10) of `client` in bed 1 before tonight.
    static func useUp(_ f: inout DomainFixture, client: ClientID, bed: BedID = 1) throws {
        for d in 1...3 { try f.run(.assignBed(night: f.tonight.adding(days: -d), bed: bed, client: client), as: 3) }
    }

    @Test("Never assessed and not_shown are limited; likely is not, and the board shows no limit for them")
    func likelyExempt() throws {
        var f = try DomainFixture.standard()
        try Self.useUp(&f, client: 1)
        #expect(throws: DomainError.stayLimitReached(used: 3, max: 3)) { try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3) }
        try Self.assess(&f, client: 1, outcome: .notShown, ground: "first_three_months")
        #expect(throws: DomainError.stayLimitReached(used: 3, max: 3)) { try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3) }
        try Self.assess(&f, client: 1, outcome: .likely, ground: "worker")
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3)
        let row = BoardRow.board(f.state, night: f.tonight).first { $0.bed.id == 1 }!
        #expect(row.nightsUsed == 4 && row.nightsAllowed == nil && row.likelyEntitled && row.assessed)
        #expect(f.state.needsReferralToRegularShelter(1, on: f.tonight))
    }

    @Test("An expired likely counts as not assessed")
    func expiredLikely() throws {
        var f = try DomainFixture.standard()
        try Self.useUp(&f, client: 1)
        try Self.assess(&f, client: 1, outcome: .likely, ground: "retained_worker_6_months", validUntil: f.tonight.adding(days: -1))
        #expect(f.state.checklistOutcome(of: 1, on: f.tonight) == nil)
        #expect(throws: DomainError.stayLimitReached(used: 3, max: 3)) { try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3) }
        // On the last valid night it still exempts.
        #expect(f.state.stayLimitApplies(to: 1, on: f.tonight.adding(days: -1)) == false)
    }

    @Test("Dutch nationals and non-EU nationals are outside the short-stay rules")
    func outsideRules() throws {
        var f = try DomainFixture.standard()
        try f.run(.registerClient(Client(id: 0, givenNames: "Jan", familyNames: "de Vries", gender: .man, nationality: "NL")), as: 3)  // #4
        try f.run(.registerClient(Client(id: 0, givenNames: "Karim", familyNames: "Benali", gender: .man, nationality: "MA")), as: 3)  // #5
        try Self.useUp(&f, client: 4, bed: 1)
        try Self.useUp(&f, client: 5, bed: 4)
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 4), as: 3)
        try f.run(.assignBed(night: f.tonight, bed: 4, client: 5), as: 3)
        #expect(f.state.stayLimitApplies(to: 3, on: f.tonight), "a Bulgarian citizen is limited")
    }

    @Test("Nights in an unlimited location, or another municipality, do not count; a limited location of the same municipality does")
    func nightsCountWhere() throws {
        var f = try DomainFixture.standard()
        try f.run(.addLocation(name: "Noodopvang", municipality: "Utrecht", policy: StayPolicy(maxNights: nil)), as: 1)  // 2
        try f.run(.addRoom(location: 2, name: "Hal"), as: 1)  // room 2
        try f.run(.addBed(room: 2, label: "N1", attributes: []), as: 1)  // bed 5
        try f.run(.addLocation(name: "Oost", municipality: "Utrecht", policy: StayPolicy(maxNights: 3, windowDays: 10)), as: 1)  // 3
        try f.run(.addRoom(location: 3, name: "Zaal"), as: 1)  // room 3
        try f.run(.addBed(room: 3, label: "O1", attributes: []), as: 1)  // bed 6
        try f.run(.addLocation(name: "Zeist", municipality: "Zeist", policy: StayPolicy(maxNights: 3, windowDays: 10)), as: 1)  // 4
        try f.run(.addRoom(location: 4, name: "Zaal"), as: 1)  // room 4
        try f.run(.addBed(room: 4, label: "Z1", attributes: []), as: 1)  // bed 7
        for d in 1...3 { try f.run(.assignBed(night: f.tonight.adding(days: -d), bed: 5, client: 1), as: 3) }
        #expect(f.state.nightsUsed(by: 1, windowDays: 10, endingWith: f.tonight.adding(days: -1), countingFor: 1) == 0)
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3)  // emergency nights did not count
        for d in 4...5 { try f.run(.assignBed(night: f.tonight.adding(days: -d), bed: 7, client: 1), as: 3) }
        #expect(f.state.nightsUsed(by: 1, windowDays: 10, endingWith: f.tonight, countingFor: 1) == 1, "Zeist is another municipality")
        try f.run(.assignBed(night: f.tonight.adding(days: -6), bed: 6, client: 1), as: 3)
        try f.run(.assignBed(night: f.tonight.adding(days: -7), bed: 6, client: 1), as: 3)
        #expect(f.state.nightsUsed(by: 1, windowDays: 10, endingWith: f.tonight, countingFor: 1) == 3, "Oost, same municipality, limited: counts")
        #expect(throws: DomainError.stayLimitReached(used: 3, max: 3)) { try f.run(.assignBed(night: f.tonight.adding(days: 1), bed: 1, client: 1), as: 3) }
    }

    @Test("A refused bed becomes a bed_refused event with the reason code and the outcome at that moment; it round-trips")
    func refusalEvent() throws {
        var f = try DomainFixture.standard()
        let e = Event.bedRefused(night: f.tonight, bed: 2, client: 1, reason: DomainError.womenOnlyBed(bed: "A2").code, outcome: nil)
        #expect(DomainError.womenOnlyBed(bed: "A2").isBedRule && !DomainError.unknownClient(9).isBedRule)
        f.state.evolve(RecordedEvent(sequence: 99, timestamp: f.now, actor: 3, schemaVersion: 1, event: e))
        #expect(f.state.ledger.refusals.first?.reason == "women_only" && f.state.ledger.refusals.first?.outcomeCode == "none" && f.state.ledger.refusals.first?.location == 1)
        let rec = RecordedEvent(sequence: 100, timestamp: f.now, actor: 3, schemaVersion: 1,
                                event: .bedRefused(night: f.tonight, bed: 1, client: 2, reason: "stay_limit_reached", outcome: .notShown))
        #expect(try EventCodec.decode(EventCodec.encode(rec)) == rec)
        let report = RefusalReport(f.state, from: f.tonight, to: f.tonight)
        #expect(report.total == 1 && report.withoutChecklist == 1 && report.rows == [.init(reason: "women_only", outcome: "none", location: "", count: 1)])
    }
}
