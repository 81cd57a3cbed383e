import Testing
@testable import ShelterDomain

/// A small journal whose outflow figures are computed by hand (see `journal()`).
@Suite("Outflow: categories as data, the likely guard, absence closures, corrections, figures")
struct OutflowReportTests {
    static let oct1 = Day.parseISO("2026-10-01")!
    static func d(_ n: Int) -> Day { oct1.adding(days: n - 1) }  // d(5) = 5 October

    static func result(_ o: ChecklistOutcome, until: Day?) -> ChecklistResult {
        ChecklistResult(outcome: o, ground: "test", validUntil: until, missingEvidence: [], legalBasis: "", ruleSet: "2024.2")
    }

    static func assess(_ f: inout DomainFixture, _ client: ClientID, on day: Day, _ o: ChecklistOutcome, until: Day?) throws {
        let a = ChecklistAnswers(assessmentDate: day, nationality: f.state.files.clients[client]!.nationality, arrivedNL: day.adding(days: -400))
        try f.run(.recordAssessment(client: client, answers: a, result: result(o, until: until)), as: 3)
    }

    /// Standard fixture plus location 2 "Oost" (no limit) with beds 5 (O1) and 6 (O2), clients
    /// 4 Jan (NL), 5 José (ES), 6 Marek (PL). In October 2026:
    /// - 1 Łukasz (PL): Centrum A1 nights 1–3, leaves for work and housing (3 nights).
    /// - 2 Ioana (RO): Centrum A2 nights 1–2, then absent: closed automatically on the 17th
    ///   (14 nights without a bed), later corrected to another shelter in the same municipality.
    /// - 3 Иван (BG): Oost O1 nights 1–5, leaves to `unknown` (5 nights).
    /// - 4 Jan (NL): Oost O2 nights 1–4; regular Wmo refused (no checklist, then
    ///   further_inquiry); a supervisor's override records it (4 nights).
    /// - 5 José (ES): Oost O1 nights 6–8; refused with a `likely` that expired on the 5th,
    ///   allowed after a new `likely` without end date (3 nights).
    /// - 6 Marek (PL): Oost O2 night 10, then not seen: still open on the 20th.
    static func journal() throws -> DomainFixture {
        var f = try DomainFixture.standard()
        try f.run(.addLocation(name: "Oost", municipality: "Utrecht", policy: StayPolicy(maxNights: nil)), as: 1)
        try f.run(.addRoom(location: 2, name: "Slaapzaal"), as: 1)
        try f.run(.addBed(room: 2, label: "O1", attributes: []), as: 1)
        try f.run(.addBed(room: 2, label: "O2", attributes: []), as: 1)
        try f.run(.registerClient(Client(id: 0, givenNames: "Jan", familyNames: "de Vries", gender: .man, nationality: "NL")), as: 3)
        try f.run(.registerClient(Client(id: 0, givenNames: "José", familyNames: "García López", gender: .man, nationality: "ES")), as: 3)
        try f.run(.registerClient(Client(id: 0, givenNames: "Marek", familyNames: "Nowak", gender: .man, nationality: "PL")), as: 3)
        for n in 1...3 { try f.run(.assignBed(night: d(n), bed: 1, client: 1), as: 3) }
        for n in 1...2 { try f.run(.assignBed(night: d(n), bed: 2, client: 2), as: 3) }
        for n in 1...5 { try f.run(.assignBed(night: d(n), bed: 5, client: 3), as: 3) }
        for n in 1...4 { try f.run(.assignBed(night: d(n), bed: 6, client: 4), as: 3) }
        for n in 6...8 { try f.run(.assignBed(night: d(n), bed: 5, client: 5), as: 3) }
        try f.run(.assignBed(night: d(10), bed: 6, client: 6), as: 3)
        try f.run(.endStay(client: 1, night: d(3), outflow: .workAndHousingNL), as: 3)
        try f.run(.endStay(client: 3, night: d(5), outflow: .unknown), as: 3)
        return f
    }

    @Test("The shipped list covers every journal value once, with the journal byte, and is what the domain reads")
    func catalogue() throws {
        let c = try OnderdakResourcesProbe.catalog()
        #expect(c.categories.map(\.outflow) == Outflow.allCases)
        for code in ["street_limit_reached", "street_own_choice", "hospital_clinic", "detention", "transfer_same_municipality",
                     "transfer_other_municipality", "deceased"] {
            #expect(c.categories.contains { $0.outflow.code == code }, "missing \(code)")
        }
        #expect(c.isPositive(.regularWmoShelter) && c.requiresLikely(.regularWmoShelter))
        #expect(c.categories.filter(\.requiresLikely).map(\.outflow) == [.regularWmoShelter])
        #expect(c.valence(.unknown) == .neutral && c.valence(.detention) == .negative)
        // Journal bytes never move: the first nine are what older journals hold.
        #expect(Outflow.allCases.prefix(9).map(\.rawValue) == Array(1...9))
        // A renumbered entry is refused with what is wrong.
        let bad = Array(#"{"categories":[{"code":"unknown","raw":3,"valence":"neutral","nl":"x","en":"x"}]}"#.utf8)
        #expect(throws: OutflowCatalogError.rawMismatch(code: "unknown", expected: 9, found: 3)) { try OutflowCatalog.parse(bad) }
        let missing = Array(#"{"categories":[]}"#.utf8)
        #expect(throws: OutflowCatalogError.self) { try OutflowCatalog.parse(missing) }
    }

    @Test("regular_wmo_shelter needs a valid likely outcome or a supervisor's override with a reason")
    func likelyGuard() throws {
        var f = try Self.journal()
        let wmo = Outflow.regularWmoShelter
        #expect(throws: DomainError.outflowNeedsLikely(outflow: "regular_wmo_shelter")) { try f.run(.endStay(client: 4, night: Self.d(4), outflow: wmo), as: 3) }
        try Self.assess(&f, 4, on: Self.d(3), .furtherInquiry, until: nil)
        #expect(throws: DomainError.outflowNeedsLikely(outflow: "regular_wmo_shelter")) { try f.run(.endStay(client: 4, night: Self.d(4), outflow: wmo), as: 3) }
        // Desk staff cannot override; a supervisor must give a reason.
        #expect(throws: DomainError.notPermitted(role: .desk, permission: .approveExtensions)) {
            try f.run(.endStayWithOverride(client: 4, night: Self.d(4), outflow: wmo, reason: "brief gemeente"), as: 3)
        }
        #expect(throws: DomainError.self) { try f.run(.endStayWithOverride(client: 4, night: Self.d(4), outflow: wmo, reason: " "), as: 1) }
        let events = try f.run(.endStayWithOverride(client: 4, night: Self.d(4), outflow: wmo, reason: "brief gemeente: positief oordeel"), as: 1)
        #expect(events == [.outflowOverridden(client: 4, night: Self.d(4), outflow: wmo, reason: "brief gemeente: positief oordeel"),
                           .stayEnded(client: 4, night: Self.d(4), outflow: wmo)])
        // An expired likely does not count; one valid on the night (or without end) does.
        try Self.assess(&f, 5, on: Self.d(2), .likely, until: Self.d(5))
        #expect(throws: DomainError.outflowNeedsLikely(outflow: "regular_wmo_shelter")) { try f.run(.endStay(client: 5, night: Self.d(8), outflow: wmo), as: 3) }
        #expect(OutflowEligibility.hasValidLikely(5, on: Self.d(5), in: f.state))
        // No override when none is needed.
        #expect(throws: DomainError.self) { try f.run(.endStayWithOverride(client: 5, night: Self.d(5), outflow: .unknown, reason: "x"), as: 1) }
        try Self.assess(&f, 5, on: Self.d(7), .likely, until: nil)
        try f.run(.endStay(client: 5, night: Self.d(8), outflow: wmo), as: 3)
        #expect(f.state.files.clients[5]?.lastOutflow == wmo && f.state.files.clients[5]?.stayStart == nil)
    }

    /// The journal with every step of the story done.
    static func full() throws -> DomainFixture {
        var f = try journal()
        try assess(&f, 4, on: d(3), .furtherInquiry, until: nil)
        try f.run(.endStayWithOverride(client: 4, night: d(4), outflow: .regularWmoShelter, reason: "brief gemeente"), as: 1)
        try assess(&f, 5, on: d(7), .likely, until: nil)
        try f.run(.endStay(client: 5, night: d(8), outflow: .regularWmoShelter), as: 3)
        #expect(try f.run(.closeAbsentStays(asOf: d(16)), as: 3).isEmpty)  // Ioana: 13 nights away (3rd–15th)
        try f.run(.closeAbsentStays(asOf: d(17)), as: 3)
        try f.run(.correctOutflow(client: 2, night: d(2), outflow: .transferSameMunicipality, note: "belde: slaapt bij het Leger des Heils"), as: 2)
        return f
    }

    @Test("Absence: closed after the policy's nights without a bed, automatic, with when; a correction is an event")
    func absence() throws {
        var f = try Self.journal()
        #expect(try f.run(.closeAbsentStays(asOf: Self.d(16)), as: 3).isEmpty)
        let closed = try f.run(.closeAbsentStays(asOf: Self.d(17)), as: 3)
        // Only Ioana: Marek (last night the 10th) has been away 6 nights; José has a bed on the 6th–8th… and nights since.
        #expect(closed.contains(.stayClosedForAbsence(client: 2, lastNight: Self.d(2), closedOn: Self.d(17), absentNights: 14)))
        #expect(!closed.contains { if case .stayClosedForAbsence(6, _, _, _) = $0 { true } else { false } })
        #expect(f.state.files.clients[2]?.stayStart == nil && f.state.files.clients[2]?.lastOutflow == .leftWithoutNotice)
        #expect(try f.run(.closeAbsentStays(asOf: Self.d(17)), as: 3).isEmpty)  // nothing twice
        // A location's own policy: Oost closes after 5 nights, so Marek (last night the 10th) goes on the 16th.
        var g = try Self.journal()
        try g.run(.setAbsencePolicy(location: 2, nights: 5), as: 1)
        #expect(try g.run(.closeAbsentStays(asOf: Self.d(16)), as: 3).contains(.stayClosedForAbsence(client: 6, lastNight: Self.d(10), closedOn: Self.d(16), absentNights: 5)))
        #expect(throws: DomainError.self) { try g.run(.setAbsencePolicy(location: 2, nights: 5), as: 3) }
        // Corrections need a note, an exit on that night and, for regular Wmo, a likely outcome.
        #expect(throws: DomainError.self) { try f.run(.correctOutflow(client: 2, night: Self.d(2), outflow: .hospitalOrClinic, note: ""), as: 2) }
        #expect(throws: DomainError.noExit(night: Self.d(9))) { try f.run(.correctOutflow(client: 2, night: Self.d(9), outflow: .hospitalOrClinic, note: "x"), as: 2) }
        #expect(throws: DomainError.outflowNeedsLikely(outflow: "regular_wmo_shelter")) {
            try f.run(.correctOutflow(client: 2, night: Self.d(2), outflow: .regularWmoShelter, note: "x"), as: 2)
        }
        try f.run(.correctOutflow(client: 2, night: Self.d(2), outflow: .hospitalOrClinic, note: "opgenomen in het UMC"), as: 2)
        #expect(f.state.files.clients[2]?.lastOutflow == .hospitalOrClinic)
        let kinds = f.state.files.history[2]!.map(\.kind)
        #expect(kinds.contains(.absenceClosure(night: Self.d(2), on: Self.d(17))))
        #expect(kinds.contains(.outflowCorrected(night: Self.d(2), from: .leftWithoutNotice, to: .hospitalOrClinic)))
        #expect(kinds.contains(.stayEnded(night: Self.d(2), outflow: .hospitalOrClinic)) && !kinds.contains(.stayEnded(night: Self.d(2), outflow: .leftWithoutNotice)))
    }

    @Test("Every figure of the outflow report, computed by hand")
    func figures() throws {
        let f = try Self.full()
        let r = OutflowReport(f.state, from: Self.d(1), to: Self.d(20), catalog: try OnderdakResourcesProbe.catalog())
        // Exits: Łukasz work (+, 3 nights), Ioana transfer same municipality (neutral, automatic, corrected, 2),
        // Иван unknown (neutral, 5), Jan regular Wmo (+, override, 4), José regular Wmo (+, 3).
        #expect(r.counts == [.workAndHousingNL: 1, .transferSameMunicipality: 1, .unknown: 1, .regularWmoShelter: 2])
        #expect(r.total == 5 && r.positive == 3 && r.unknown == 1)
        #expect(r.positiveRate == 60.0)                    // 3 / 5
        #expect(r.positiveRateExcludingUnknown == 75.0)    // 3 / 4
        #expect(r.medianNightsToExit == 3)                 // 2 3 3 4 5
        #expect(r.automaticClosures == 1 && r.corrections == 1)
        #expect(r.openStays == 1 && r.openNotSeen == 1)    // Marek: last night the 10th, 10 nights before the 20th
        let byLocation = r.breakdown(by: .location)
        #expect(byLocation.map(\.key) == ["Oost", "Centrum"])
        #expect(byLocation[0].report.total == 3 && byLocation[0].report.positive == 2 && byLocation[0].report.positiveRate == 66.7)
        #expect(byLocation[0].report.positiveRateExcludingUnknown == 100.0 && byLocation[0].report.medianNightsToExit == 4)
        #expect(byLocation[1].report.total == 2 && byLocation[1].report.positiveRate == 50.0 && byLocation[1].report.medianNightsToExit == 2.5)
        let byNationality = Dictionary(uniqueKeysWithValues: r.breakdown(by: .nationality).map { ($0.key, ($0.report.total, $0.report.positive)) })
        #expect(byNationality.count == 3)
        #expect(byNationality["EU-CEE"]! == (3, 1) && byNationality["NL"]! == (1, 1) && byNationality["EU-other"]! == (1, 1))
        let byOutcome = Dictionary(uniqueKeysWithValues: r.breakdown(by: .outcome).map { ($0.key, ($0.report.total, $0.report.positive)) })
        #expect(byOutcome.count == 3)
        #expect(byOutcome["none"]! == (3, 1) && byOutcome["further_inquiry"]! == (1, 1) && byOutcome["likely"]! == (1, 1))
        // A shorter period: only the first two exits (Ioana's exit night is the 2nd, Łukasz's the 3rd).
        let early = OutflowReport(f.state, from: Self.d(1), to: Self.d(3), catalog: try OnderdakResourcesProbe.catalog())
        #expect(early.total == 2 && early.positiveRate == 50.0 && early.positiveRateExcludingUnknown == 50.0)
    }

    @Test("The new events survive the codec and the snapshot")
    func codec() throws {
        let f = try Self.full()
        let events: [Event] = [.outflowOverridden(client: 4, night: Self.d(4), outflow: .regularWmoShelter, reason: "brief gemeente"),
                               .absencePolicySet(location: 2, nights: 21),
                               .stayClosedForAbsence(client: 2, lastNight: Self.d(2), closedOn: Self.d(17), absentNights: 14),
                               .outflowCorrected(client: 2, night: Self.d(2), outflow: .transferSameMunicipality, note: "belde")]
        for (i, e) in events.enumerated() {
            let r = RecordedEvent(sequence: UInt64(i + 1), timestamp: f.now, actor: 1, schemaVersion: 1, event: e)
            #expect(try EventCodec.decode(EventCodec.encode(r)) == r)
            #expect((50...53).contains(e.tag))
        }
        var g = f
        try g.run(.setAbsencePolicy(location: 2, nights: 21), as: 1)
        #expect(try StateSnapshot.decode(StateSnapshot.encode(g.state)) == g.state)
    }
}
