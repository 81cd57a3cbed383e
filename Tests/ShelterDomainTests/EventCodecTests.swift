import Testing
@testable import ShelterDomain

@Suite("Binary event codec")
struct EventCodecTests {
    static let night = Day.parseISO("2026-11-23")!
    static var answers: ChecklistAnswers {
        var a = ChecklistAnswers(assessmentDate: night, nationality: "pl", arrivedNL: Day.parseISO("2026-01-15")!)
        a.workHistoryMonths = 5; a.lastWorkEnd = Day.parseISO("2026-07-31"); a.hoursPerWeek = 7.5
        a.unemploymentInvoluntary = true; a.registeredJobseekerUWV = true; a.evidence = ["id", "dismissal"]
        return a
    }

    static let allEvents: [Event] = [
        .shelterConfigured(name: "Nachtopvang De Haven", municipality: "Utrecht"),
        .staffAdded(Staff(id: 1, username: "ineke", displayName: "Ineke de Vries", role: .supervisor)),
        .staffAdded(Staff(id: 2, username: "joost", displayName: "Joost", role: .desk, active: true,
                          credential: PinCredential(algorithm: "pbkdf2-sha256", rounds: 210_000, salt: [1, 2, 3], hash: [9, 8, 7]))),
        .staffRoleChanged(staff: 2, role: .coordinator),
        .staffDeactivated(staff: 2),
        .locationAdded(Location(id: 1, name: "Centrum", municipality: "Utrecht", policy: StayPolicy(maxNights: 28, windowDays: 90))),
        .locationAdded(Location(id: 2, name: "Oost", municipality: "Utrecht", policy: StayPolicy(maxNights: nil, windowDays: 1, checkInCutoffMinutes: 0, twentyFourHourNeedsApproval: false))),
        .roomAdded(Room(id: 1, locationID: 1, name: "Zaal A")),
        .bedAdded(Bed(id: 1, roomID: 1, locationID: 1, label: "A1", attributes: [.womenOnly, .accessible])),
        .clientRegistered(Client(id: 7, givenNames: "Иван", familyNames: "Петров", alias: "Vanya", birth: .exact(Day.parseISO("1987-03-12")!),
                                 gender: .man, nationality: "BG", arrivedNL: Day.parseISO("2025-05-01"))),
        .clientRegistered(Client(id: 8, givenNames: "Győző", familyNames: "Kovács", birth: .estimatedYear(1975), gender: .unknownOrOther)),
        .clientRegistered(Client(id: 9, givenNames: "", familyNames: "", alias: "Łukasz")),
        .bedAssigned(night: night, bed: 1, client: 7),
        .checkedIn(night: night, bed: 1, client: 7),
        .reservationReleased(night: night, bed: 1, client: 7, noShow: true),
        .extensionRequested(ExtensionRequest(id: 1, clientID: 7, locationID: 1, reason: .returnPlanned, note: "bus naar Sofia 2-12",
                                             requestedUntil: night.adding(days: 10), requestedBy: 2)),
        .extensionDecided(request: 1, approved: true, until: night.adding(days: 5), note: "korter"),
        .extensionDecided(request: 2, approved: false, until: nil, note: ""),
        .stayEnded(client: 7, night: night, outflow: .returnToCountryOfOrigin),
        .assessmentRecorded(Assessment(id: 1, clientID: 7, answers: answers,
                                       result: ChecklistResult(outcome: .furtherInquiry, ground: "retained_worker_6_months", validUntil: nil,
                                                               missingEvidence: ["uwv_registration", "contract|payslips|insurance_record"],
                                                               legalBasis: "Directive 2004/38/EC art. 7(3)(c)", ruleSet: "2024.1"))),
        .loginSucceeded(staff: 2),
        .loginFailed(staff: 2),
        .accountLocked(staff: 2, until: Timestamp(milliseconds: 1_795_000_300_000)),
        .staffLanguageSet(staff: 2, language: "en"),
        .assistanceNormSet(from: Day.parseISO("2027-01-01")!, monthlyCents: 143_211, source: "Participatiewet 1-1-2027"),
    ]

    @Test("Every event type survives encode → decode", arguments: allEvents)
    func roundTrip(_ event: Event) throws {
        let r = RecordedEvent(sequence: 123_456, timestamp: Timestamp(milliseconds: 1_795_000_000_123), actor: 3,
                              schemaVersion: EventCodec.currentVersion(of: event.tag), event: event)
        let decoded = try EventCodec.decode(EventCodec.encode(r))
        #expect(decoded == r)
    }

    @Test("Every tag is covered by the round-trip table")
    func allTagsCovered() {
        #expect(Set(Self.allEvents.map(\.tag)) == Set(1...20))
    }

    @Test("staff_added v1 (no PIN) is upcast to the current shape")
    func upcastStaffV1() throws {
        let s = Staff(id: 4, username: "marta", displayName: "Marta Kowalska", role: .desk)
        let bytes = EventCodec.encodeStaffAddedV1(s, sequence: 9, timestamp: Timestamp(seconds: 100), actor: 1)
        let decoded = try EventCodec.decode(bytes)
        #expect(decoded.schemaVersion == 1)
        #expect(decoded.event == .staffAdded(s))
        #expect(EventCodec.currentVersion(of: 2) == 2)
    }

    @Test("assessment_recorded v1 (answers as JSON text) decodes to the same assessment as v2 (binary answers)")
    func upcastAssessmentV1() throws {
        var answers = ChecklistAnswers(assessmentDate: Day.parseISO("2026-11-20")!, nationality: "pl", arrivedNL: Day.parseISO("2024-03-31")!)
        answers.workingNow = true; answers.hoursPerWeek = 12.5; answers.monthlyIncomeEUR = 820.25; answers.workHistoryMonths = 14
        answers.lastWorkEnd = Day.parseISO("2026-10-01"); answers.registeredJobseekerUWV = true; answers.sufficientResourcesAndInsurance = true
        answers.continuousResidenceSince = Day.parseISO("2020-02-29"); answers.evidence = ["id", "payslips"]
        let a = Assessment(id: 7, clientID: 3, answers: answers,
                           result: ChecklistResult(outcome: .furtherInquiry, ground: "marginal_work", validUntil: nil, missingEvidence: ["contract|payslips"],
                                                   legalBasis: "Richtlijn 2004/38/EG art. 7(1)(a)", ruleSet: "2026-01"))
        let v1 = try EventCodec.decode(EventCodec.encodeAssessmentV1(a, sequence: 5, timestamp: Timestamp(seconds: 100), actor: 2))
        let v2 = try EventCodec.decode(EventCodec.encode(RecordedEvent(sequence: 5, timestamp: Timestamp(seconds: 100), actor: 2, schemaVersion: 2, event: .assessmentRecorded(a))))
        #expect(v1.schemaVersion == 1 && v2.schemaVersion == 3)
        #expect(v1.event == .assessmentRecorded(a))
        #expect(v2.event == v1.event)
        #expect(v1.event.tag == 15 && EventCodec.currentVersion(of: 15) == 3)
        // v3 keeps which questions were answered; without it every answer counts as asked.
        if case .assessmentRecorded(let old) = v1.event { #expect(old.answers.asked == nil && old.answers.wasAsked("vocational_training")) }
        var b = a
        b.answers.asked = ["assessment_date", "nationality", "arrived_nl", "working_now", "hours_per_week", "evidence"]
        let v3 = try EventCodec.decode(EventCodec.encode(RecordedEvent(sequence: 6, timestamp: Timestamp(seconds: 100), actor: 2, schemaVersion: 3, event: .assessmentRecorded(b))))
        #expect(v3.event == .assessmentRecorded(b))
        if case .assessmentRecorded(let x) = v3.event { #expect(x.answers.wasAsked("working_now") && !x.answers.wasAsked("family_of_entitled")) }
    }

    @Test("Damaged payloads give a CodecError, never a crash")
    func damaged() throws {
        let r = RecordedEvent(sequence: 1, timestamp: Timestamp(seconds: 1), actor: 1, schemaVersion: 1, event: Self.allEvents[9])
        let bytes = EventCodec.encode(r)
        for cut in 0..<bytes.count {
            #expect(throws: CodecError.self) { try EventCodec.decode(Array(bytes[0..<cut])) }
        }
        #expect(throws: CodecError.unknownEventType(99)) { try EventCodec.decode([99, 0, 1, 1, 0, 0]) }
        #expect(throws: CodecError.unsupportedVersion(type: 9, version: 7)) { try EventCodec.decode([9, 0, 7, 1, 0, 0]) }
        #expect(throws: CodecError.self) { try EventCodec.decode(bytes + [0]) }
    }

    @Test("Random bytes never crash the decoder")
    func fuzzSmoke() {
        var rng = SeededRandom(seed: 42)
        var rejected = 0
        for _ in 0..<20_000 {
            let n = Int(rng.next() % 40)
            var bytes = (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            if n > 3 { bytes[0] = UInt8(1 + rng.next() % 20); bytes[1] = 0; bytes[2] = 1 }
            if (try? EventCodec.decode(bytes)) == nil { rejected += 1 }
        }
        #expect(rejected > 10_000)
    }
}
