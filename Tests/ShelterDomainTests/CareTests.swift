import Testing
@testable import ShelterDomain

@Suite("Care (#19): referrals, administrative status, households and minors, self-reliance, interpreters")
struct CareTests {
    static func consented(_ given: String, _ family: String, _ gender: Gender, born: String, on day: Day) -> Client {
        var c = Client(id: 0, givenNames: given, familyNames: family, birth: .exact(Day.parseISO(born)!), gender: gender, nationality: "RO")
        c.details.consent = Consent(status: .given, purposeExplained: true, language: "ro", date: day)
        return c
    }

    /// The standard fixture plus a family bed F1 (bed 5) and mother Maria (client 4).
    static func withFamily() throws -> DomainFixture {
        var f = try DomainFixture.standard()
        try f.run(.addRoom(location: 1, name: "Gezinskamer"), as: 1)
        try f.run(.addBed(room: 2, label: "F1", attributes: [.family]), as: 1)
        try f.run(.addBed(room: 2, label: "F2", attributes: [.family]), as: 1)
        try f.run(.registerClient(consented("Maria", "Lungu", .woman, born: "1994-03-02", on: f.tonight)), as: 3)
        return f
    }

    @Test("A referral moves referred → appointment made → attended; the follow-up list shows it only while overdue")
    func referralLifecycle() throws {
        var f = try DomainFixture.standard()
        let n = f.tonight
        try f.run(.makeReferral(client: 1, kind: .gp, organisation: "Kruispost", on: n, reason: .physical, cakScheme: true), as: 3)
        #expect(f.state.care.referrals[1]?.status == .referred)
        #expect(f.state.care.referrals[1]?.referredBy == 3)
        try f.run(.recordReferralAppointment(referral: 1, on: n.adding(days: 2)), as: 3)
        #expect(f.state.care.referrals[1]?.status == .appointmentMade)
        #expect(f.state.overdueReferrals(today: n.adding(days: 2)).isEmpty, "not overdue on the day itself")
        #expect(f.state.overdueReferrals(today: n.adding(days: 3)).map(\.id) == [1])
        #expect(throws: DomainError.referralAppointmentAhead(on: n.adding(days: 2))) {
            try f.run(.recordReferralOutcome(referral: 1, outcome: .attended, note: ""), as: 3)
        }
        f.now = Timestamp(milliseconds: f.now.milliseconds + 3 * 86_400_000)
        try f.run(.recordReferralOutcome(referral: 1, outcome: .attended, note: ""), as: 3)
        #expect(f.state.care.referrals[1]?.status == .attended)
        #expect(f.state.care.referrals[1]?.outcomeOn == n.adding(days: 3))
        #expect(f.state.overdueReferrals(today: n.adding(days: 9)).isEmpty, "an outcome ends the follow-up")
        #expect(throws: DomainError.alreadyClosed) { try f.run(.recordReferralOutcome(referral: 1, outcome: .cancelled, note: "x"), as: 3) }
        #expect(throws: DomainError.alreadyClosed) { try f.run(.recordReferralAppointment(referral: 1, on: n.adding(days: 5)), as: 3) }
    }

    @Test("Not attended after the appointment; cancelled from referred needs a reason; an outcome before an appointment is refused")
    func referralOtherOutcomes() throws {
        var f = try DomainFixture.standard()
        let n = f.tonight
        try f.run(.makeReferral(client: 1, kind: .dentist, organisation: "Tandarts Oost", on: n.adding(days: -5), reason: .dental, cakScheme: false), as: 3)
        try f.run(.makeReferral(client: 2, kind: .legalAid, organisation: "Juridisch Loket", on: n, reason: nil, cakScheme: false), as: 3)
        #expect(throws: DomainError.referralNoAppointment(2)) { try f.run(.recordReferralOutcome(referral: 2, outcome: .attended, note: ""), as: 3) }
        #expect(throws: DomainError.referralNoAppointment(2)) { try f.run(.recordReferralOutcome(referral: 2, outcome: .notAttended, note: ""), as: 3) }
        #expect(throws: DomainError.invalidText(field: .reason, problem: .required)) {
            try f.run(.recordReferralOutcome(referral: 2, outcome: .cancelled, note: " "), as: 3)
        }
        try f.run(.recordReferralOutcome(referral: 2, outcome: .cancelled, note: "Vertrokken naar Polen"), as: 3)
        #expect(f.state.care.referrals[2]?.status == .cancelled && f.state.care.referrals[2]?.outcomeNote == "Vertrokken naar Polen")
        #expect(throws: DomainError.self) { try f.run(.recordReferralAppointment(referral: 1, on: n.adding(days: -6)), as: 3) }
        try f.run(.recordReferralAppointment(referral: 1, on: n.adding(days: -1)), as: 3)
        try f.run(.recordReferralOutcome(referral: 1, outcome: .notAttended, note: ""), as: 3)
        #expect(f.state.care.referrals[1]?.status == .notAttended)
        #expect(throws: DomainError.unknownReferral(9)) { try f.run(.recordReferralAppointment(referral: 9, on: n), as: 3) }
        #expect(throws: DomainError.invalidDate(field: .referredOn, problem: .inFuture(n.adding(days: 1)))) {
            try f.run(.makeReferral(client: 1, kind: .gp, organisation: "Kruispost", on: n.adding(days: 1), reason: nil, cakScheme: false), as: 3)
        }
        #expect(throws: DomainError.invalidText(field: .organisation, problem: .required)) {
            try f.run(.makeReferral(client: 1, kind: .gp, organisation: "", on: n, reason: nil, cakScheme: false), as: 3)
        }
    }

    @Test("Desk staff see that a referral exists and its status, never its medical reason; reading it needs the medical permission")
    func medicalReasonVisibility() throws {
        var f = try DomainFixture.standard()
        try f.run(.makeReferral(client: 1, kind: .mentalHealth, organisation: "GGZ Centraal", on: f.tonight, reason: .mental, cakScheme: true), as: 2)
        let desk = f.state.referrals(of: 1, visibleTo: .desk)
        #expect(desk.count == 1 && desk[0].kind == .mentalHealth && desk[0].status == .referred)
        #expect(desk[0].reason == nil)
        #expect(f.state.referrals(of: 1, visibleTo: .coordinator).first?.reason == .mental)
        #expect(f.state.referrals(of: 1, visibleTo: .supervisor).first?.reason == .mental)
        #expect(throws: DomainError.notPermitted(role: .desk, permission: .readMedicalNotes)) { try f.run(.recordMedicalView(client: 1), as: 3) }
        #expect(f.state.overdueReferrals(today: f.tonight.adding(days: 30)).allSatisfy { $0.reason == nil })
    }

    @Test("Administrative status: each change is old → new with date and source; detail required where it names an organisation")
    func adminStatus() throws {
        var f = try DomainFixture.standard()
        let n = f.tonight
        try f.run(.setAdminStatus(client: 1, item: .postalAddress, entry: AdminEntry(value: "requested", detail: "Stichting Briefadres", on: n, source: "aanvraagformulier")), as: 3)
        try f.run(.setAdminStatus(client: 1, item: .postalAddress, entry: AdminEntry(value: "granted", detail: "Stichting Briefadres", on: n, source: "brief gemeente")), as: 3)
        let changes = f.state.care.adminHistory[1] ?? []
        #expect(changes.map(\.old) == ["", "requested"] && changes.map(\.new.value) == ["requested", "granted"])
        #expect(f.state.adminValue(.postalAddress, of: 1) == "granted")
        #expect(throws: DomainError.nothingChanged) {
            try f.run(.setAdminStatus(client: 1, item: .postalAddress, entry: AdminEntry(value: "granted", detail: "Stichting Briefadres", on: n, source: "x")), as: 3)
        }
        #expect(throws: DomainError.invalidText(field: .organisation, problem: .required)) {
            try f.run(.setAdminStatus(client: 2, item: .postalAddress, entry: AdminEntry(value: "granted", detail: "", on: n, source: "brief")), as: 3)
        }
        #expect(throws: DomainError.invalidText(field: .municipality, problem: .required)) {
            try f.run(.setAdminStatus(client: 2, item: .otherMunicipality, entry: AdminEntry(value: "yes", detail: "", on: n, source: "client")), as: 3)
        }
        #expect(throws: DomainError.invalidText(field: .insurance, problem: .oneOf(["dutch", "ehic", "none"]))) {
            try f.run(.setAdminStatus(client: 2, item: .insurance, entry: AdminEntry(value: "maybe", detail: "", on: n, source: "client")), as: 3)
        }
        #expect(throws: DomainError.invalidText(field: .source, problem: .required)) {
            try f.run(.setAdminStatus(client: 2, item: .insurance, entry: AdminEntry(value: "none", detail: "", on: n, source: "")), as: 3)
        }
    }

    @Test("Under 18 only with a responsible adult, who joins the minor in one household; a minor never sleeps outside a family room")
    func minors() throws {
        var f = try Self.withFamily()
        let n = f.tonight
        let child = Self.consented("Ana", "Lungu", .woman, born: "2016-05-01", on: n)
        #expect(throws: DomainError.responsibleAdultRequired(age: 10)) { try f.run(.registerClient(child), as: 3) }
        let events = try f.run(.registerClientWithAdult(child, responsibleAdult: 4, relation: .child), as: 3)
        #expect(events.map(\.name) == ["client_registered", "household_formed"])
        try f.run(.registerClientWithAdult(Self.consented("Ion", "Lungu", .man, born: "2019-09-09", on: n), responsibleAdult: 4, relation: .child), as: 3)
        let h = try #require(f.state.care.household(of: 6))
        #expect(h.members.map(\.clientID) == [4, 5, 6] && h.member(6)?.responsibleAdult == 4 && h.member(4)?.relation == .adult)
        #expect(throws: DomainError.responsibleAdultIsMinor(5)) {
            try f.run(.registerClientWithAdult(Self.consented("Dan", "Lungu", .man, born: "2020-01-01", on: n), responsibleAdult: 5, relation: .child), as: 3)
        }
        #expect(throws: DomainError.minorNotInFamilyRoom(bed: "A1")) { try f.run(.assignBed(night: n, bed: 1, client: 5), as: 3) }
        try f.run(.assignBed(night: n, bed: 1, client: 4), as: 3)  // an adult may sleep anywhere
        try f.run(.assignBed(night: n, bed: 5, client: 5), as: 3)
        try f.run(.setFamilyPolicy(location: 1, accepted: false), as: 1)
        #expect(throws: DomainError.familiesNotAccepted(location: "Centrum")) { try f.run(.assignBed(night: n, bed: 6, client: 6), as: 3) }
        #expect(throws: DomainError.notPermitted(role: .desk, permission: .configureShelter)) { try f.run(.setFamilyPolicy(location: 1, accepted: true), as: 3) }
        #expect(DomainError.minorNotInFamilyRoom(bed: "A1").isBedRule && DomainError.minorNotInFamilyRoom(bed: "A1").code == "minor_not_in_family_room")
    }

    @Test("The intake registers a minor with the responsible adult and the interpreter need in one write, or nothing")
    func registerAtIntake() throws {
        var f = try Self.withFamily()
        let n = f.tonight
        let child = Self.consented("Ana", "Lungu", .woman, born: "2016-05-01", on: n)
        let need = InterpreterNeed(language: "ro", kind: .inPerson)
        #expect(throws: DomainError.responsibleAdultRequired(age: 10)) {
            try f.run(.registerAtIntake(child, responsibleAdult: nil, relation: .child, interpreter: need), as: 3)
        }
        #expect(throws: DomainError.invalidText(field: .interpreterLanguage, problem: .languageCode)) {
            try f.run(.registerAtIntake(child, responsibleAdult: 4, relation: .child, interpreter: InterpreterNeed(language: "Roemeens", kind: .phone)), as: 3)
        }
        #expect(f.state.files.clients.count == 4, "a refused intake registers nobody")
        let events = try f.run(.registerAtIntake(child, responsibleAdult: 4, relation: .child, interpreter: need), as: 3)
        #expect(events.map(\.name) == ["client_registered", "household_formed", "interpreter_need_set"])
        #expect(f.state.care.household(of: 5)?.member(5)?.responsibleAdult == 4 && f.state.care.interpreter[5] == need)
        // An adult with only an interpreter need: no household.
        try f.run(.registerAtIntake(Self.consented("Vasile", "Pop", .man, born: "1980-01-01", on: n), responsibleAdult: nil, relation: .child,
                                    interpreter: InterpreterNeed(language: "hu", kind: .phone)), as: 3)
        #expect(f.state.care.householdOf[6] == nil && f.state.care.interpreter[6]?.language == "hu")
        #expect(Command.registerAtIntake(child, responsibleAdult: 4, relation: .child, interpreter: nil).permission == .registerClients)
    }

    @Test("A household is given beds together, all or none")
    func householdBeds() throws {
        var f = try Self.withFamily()
        let n = f.tonight
        try f.run(.registerClientWithAdult(Self.consented("Ana", "Lungu", .woman, born: "2016-05-01", on: n), responsibleAdult: 4, relation: .child), as: 3)
        #expect(throws: DomainError.minorNotInFamilyRoom(bed: "A4")) {
            try f.run(.assignHouseholdBeds(night: n, beds: [(client: 4, bed: 5), (client: 5, bed: 4)]), as: 3)
        }
        #expect(f.state.bed(of: 4, on: n) == nil, "nothing was given when one placement is refused")
        #expect(throws: DomainError.bedTaken(bed: "F1", night: n)) {
            try f.run(.assignHouseholdBeds(night: n, beds: [(client: 4, bed: 5), (client: 5, bed: 5)]), as: 3)
        }
        try f.run(.assignHouseholdBeds(night: n, beds: [(client: 4, bed: 5), (client: 5, bed: 6)]), as: 3)
        #expect(f.state.bed(of: 4, on: n) == 5 && f.state.bed(of: 5, on: n) == 6)
    }

    @Test("Undo after a household's beds takes them all back together, in one write; or none when one bed changed since")
    func undoHouseholdBeds() throws {
        var f = try Self.withFamily()
        let n = f.tonight
        try f.run(.registerClientWithAdult(Self.consented("Ana", "Lungu", .woman, born: "2016-05-01", on: n), responsibleAdult: 4, relation: .child), as: 3)
        try f.run(.assignHouseholdBeds(night: n, beds: [(client: 4, bed: 5), (client: 5, bed: 6)]), as: 3)
        #expect(f.state.ledger.lastBedAction[3]?.alsoAssigned == [UndoableAction.Placement(bed: 5, client: 4)])
        // The cache keeps the whole placement, so an undo after reopening still takes both back.
        let restored = try StateSnapshot.decode(StateSnapshot.encode(f.state))
        #expect(restored.ledger.lastBedAction == f.state.ledger.lastBedAction)
        let events = try f.run(.undoLastAction, as: 3)
        #expect(events == [.reservationCancelled(night: n, bed: 6, client: 5, reason: "", inError: true),
                           .reservationCancelled(night: n, bed: 5, client: 4, reason: "", inError: true)])
        #expect(f.state.bed(of: 4, on: n) == nil && f.state.bed(of: 5, on: n) == nil)
        #expect(throws: DomainError.nothingToUndo) { try f.run(.undoLastAction, as: 3) }

        // Placed again; the child is checked in by a colleague: the placement is no longer what was given.
        try f.run(.assignHouseholdBeds(night: n, beds: [(client: 4, bed: 5), (client: 5, bed: 6)]), as: 3)
        try f.run(.checkIn(night: n, client: 4), as: 2)
        #expect(throws: DomainError.undoOutdated) { try f.run(.undoLastAction, as: 3) }
        #expect(f.state.bed(of: 5, on: n) == 6, "nothing was taken back")

        // Two people who are not one household, given beds one after the other at the same moment: only the last is undone.
        var g = try DomainFixture.standard()
        try g.run(.assignBed(night: g.tonight, bed: 1, client: 1), as: 3)
        try g.run(.assignBed(night: g.tonight, bed: 4, client: 3), as: 3)
        #expect(try g.run(.undoLastAction, as: 3).count == 1)
        #expect(g.state.bed(of: 1, on: g.tonight) == 1)
    }

    @Test("Forming a household: two members at least, nobody twice or in two households, a minor names an adult member")
    func formHousehold() throws {
        var f = try DomainFixture.standard()
        #expect(throws: DomainError.self) { try f.run(.formHousehold(members: [HouseholdMember(clientID: 1, relation: .adult)]), as: 3) }
        try f.run(.formHousehold(members: [HouseholdMember(clientID: 1, relation: .adult), HouseholdMember(clientID: 2, relation: .partner)]), as: 3)
        #expect(f.state.care.household(of: 2)?.id == 1)
        #expect(throws: DomainError.alreadyInHousehold(1)) {
            try f.run(.formHousehold(members: [HouseholdMember(clientID: 2, relation: .adult), HouseholdMember(clientID: 3, relation: .partner)]), as: 3)
        }
        try f.run(.addHouseholdMember(household: 1, member: HouseholdMember(clientID: 3, relation: .otherRelative)), as: 3)
        #expect(f.state.care.households[1]?.members.count == 3)
        #expect(throws: DomainError.unknownHousehold(7)) { try f.run(.addHouseholdMember(household: 7, member: HouseholdMember(clientID: 3, relation: .child)), as: 3) }
    }

    @Test("A self-reliance assessment follows a likely checklist outcome only")
    func selfReliance() throws {
        var f = try DomainFixture.standard()
        let n = f.tonight
        let a = SelfRelianceAssessment(clientID: 1, on: n, organisation: "Wmo-loket Utrecht", outcome: .notSelfReliant)
        #expect(throws: DomainError.selfRelianceNeedsLikely) { try f.run(.recordSelfReliance(a), as: 3) }
        var answers = ChecklistAnswers(assessmentDate: n, nationality: "PL", arrivedNL: n.adding(days: -400))
        answers.workingNow = true; answers.hoursPerWeek = 30; answers.monthlyIncomeEUR = 1400
        let result = ChecklistResult(outcome: .likely, ground: "worker", validUntil: n.adding(days: 90), missingEvidence: [], legalBasis: "", ruleSet: "test")
        try f.run(.recordAssessment(client: 1, answers: answers, result: result), as: 3)
        try f.run(.recordSelfReliance(a), as: 3)
        #expect(f.state.care.selfReliance[1]?.map(\.outcome) == [.notSelfReliant])
    }

    @Test("Interpreter need: a language code and a kind; clearing it is a change too")
    func interpreter() throws {
        var f = try DomainFixture.standard()
        #expect(throws: DomainError.self) { try f.run(.setInterpreterNeed(client: 1, need: InterpreterNeed(language: "Polish", kind: .phone)), as: 3) }
        try f.run(.setInterpreterNeed(client: 1, need: InterpreterNeed(language: "pl", kind: .inPerson)), as: 3)
        #expect(f.state.care.interpreter[1] == InterpreterNeed(language: "pl", kind: .inPerson))
        #expect(throws: DomainError.nothingChanged) { try f.run(.setInterpreterNeed(client: 1, need: InterpreterNeed(language: "pl", kind: .inPerson)), as: 3) }
        try f.run(.setInterpreterNeed(client: 1, need: nil), as: 3)
        #expect(f.state.care.interpreter[1] == nil)
    }

    @Test("Every care event survives the codec, and the folded state survives the snapshot")
    func codecAndSnapshot() throws {
        var f = try Self.withFamily()
        let n = f.tonight
        try f.run(.registerClientWithAdult(Self.consented("Ana", "Lungu", .woman, born: "2016-05-01", on: n), responsibleAdult: 4, relation: .child), as: 3)
        try f.run(.addHouseholdMember(household: 1, member: HouseholdMember(clientID: 1, relation: .partner)), as: 3)
        try f.run(.makeReferral(client: 4, kind: .hospital, organisation: "UMC", on: n, reason: .injury, cakScheme: true), as: 3)
        try f.run(.recordReferralAppointment(referral: 1, on: n), as: 3)
        try f.run(.recordReferralOutcome(referral: 1, outcome: .cancelled, note: "Ziek"), as: 3)
        try f.run(.setAdminStatus(client: 4, item: .insurance, entry: AdminEntry(value: "none", detail: "", on: n, source: "client")), as: 3)
        try f.run(.setFamilyPolicy(location: 1, accepted: false), as: 1)
        try f.run(.setInterpreterNeed(client: 4, need: InterpreterNeed(language: "ro", kind: .phone)), as: 3)
        var answers = ChecklistAnswers(assessmentDate: n, nationality: "RO", arrivedNL: n.adding(days: -400))
        answers.workingNow = true
        try f.run(.recordAssessment(client: 4, answers: answers, result: ChecklistResult(outcome: .likely, ground: "worker", validUntil: nil, missingEvidence: [], legalBasis: "", ruleSet: "t")), as: 3)
        try f.run(.recordSelfReliance(SelfRelianceAssessment(clientID: 4, on: n, organisation: "Wmo", outcome: .selfReliant)), as: 3)
        let events: [Event] = [
            .referralMade(f.state.care.referrals[1]!.withFoldFieldsCleared), .referralAppointmentMade(referral: 1, on: n),
            .referralClosed(referral: 1, outcome: .notAttended, on: n, note: "n"),
            .adminStatusChanged(client: 4, change: f.state.care.adminHistory[4]![0]), .householdFormed(f.state.care.households[1]!),
            .householdMemberAdded(household: 1, member: HouseholdMember(clientID: 3, relation: .child, responsibleAdult: 1)),
            .familyPolicySet(location: 1, accepted: true), .selfRelianceAssessed(f.state.care.selfReliance[4]![0]),
            .interpreterNeedSet(client: 4, need: InterpreterNeed(language: "ro", kind: .phone)), .interpreterNeedSet(client: 4, need: nil),
        ]
        for e in events {
            let r = RecordedEvent(sequence: 9, timestamp: f.now, actor: 3, schemaVersion: 1, event: e)
            #expect(try EventCodec.decode(EventCodec.encode(r)).event == e)
        }
        #expect(Set(events.map(\.tag)) == Set(54...62))
        #expect(try StateSnapshot.decode(StateSnapshot.encode(f.state)) == f.state)
        #expect(StateSnapshot.foldVersion >= 28, "the care records are in the snapshot from fold version 28")
    }
}

extension Referral {
    /// As the event carries it (status and dates are folded later).
    var withFoldFieldsCleared: Referral {
        Referral(id: id, clientID: clientID, kind: kind, organisation: organisation, referredOn: referredOn, reason: reason, cakScheme: cakScheme)
    }
}
