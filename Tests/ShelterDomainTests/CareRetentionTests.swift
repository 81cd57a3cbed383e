import Testing
@testable import ShelterDomain

@Suite("Retention (#21): the shorter term for medical notes and referral reasons")
struct CareRetentionTests {
    /// Client 1: a referral (physical) on the fixture's night, a medical note and a contact note;
    /// client 2: a referral 40 days later. Term 24 months, care term 3 months.
    static func fixture() throws -> DomainFixture {
        var f = try DomainFixture.standard()
        try f.run(.makeReferral(client: 1, kind: .gp, organisation: "Kruispost", on: f.tonight, reason: .physical, cakScheme: true), as: 2)
        try f.run(.addNote(client: 1, category: .medical, text: "Diabetes, insuline 's avonds"), as: 2)
        try f.run(.addNote(client: 1, category: .contact, text: "Belt morgen terug"), as: 2)
        f.now = Timestamp(milliseconds: f.now.milliseconds + 40 * 86_400_000)
        try f.run(.makeReferral(client: 2, kind: .dentist, organisation: "Tandarts Oost", on: f.tonight.adding(days: 40), reason: .dental, cakScheme: false), as: 2)
        try f.run(.setRetention(months: 24, careMonths: 3), as: 1)
        return f
    }

    @Test("The care term erases exactly the referral reasons and medical notes past it; the review list a week before names them; the person stays")
    func careTermErasesExactly() throws {
        var f = try Self.fixture()
        let due1 = RetentionPolicy.addMonths(3, to: f.tonight)
        #expect(f.state.careRetentionDue(asOf: due1.adding(days: -1)).isEmpty)
        let review = f.state.careRetentionReview(asOf: due1.adding(days: -7))
        #expect(review.map(\.client) == [1], "a week before: client 1's referral and medical note, not client 2's")
        #expect(review.first?.referrals == [1] && review.first?.notes.count == 1 && review.first?.erasedOn == due1)
        #expect(f.state.careRetentionReview(asOf: due1.adding(days: -8)).isEmpty, "not yet on the list eight days before")

        let events = try f.run(.applyRetention(asOf: due1), as: 1)
        #expect(events.count == 1, "one care erasure, nobody erased as a whole (24 months)")
        #expect(f.state.files.erasures.isEmpty && f.state.files.clients[1]?.givenNames == "Łukasz")
        #expect(f.state.care.referrals[1]?.reason == nil)
        #expect(f.state.care.referrals[1]?.organisation == "Kruispost", "the referral itself stays")
        #expect(f.state.care.referrals[2]?.reason == .dental, "client 2's referral is not past its term")
        let notes = f.state.files.notes[1] ?? []
        #expect(notes.first { $0.category == .medical }?.text == "")
        #expect(notes.first { $0.category == .contact }?.text == "Belt morgen terug", "other notes keep the person's term")
        #expect(f.state.files.history[1]?.last?.kind == .careErased(referrals: 1, notes: 1))
        #expect(try f.run(.applyRetention(asOf: due1), as: 1).isEmpty, "nothing left to erase twice")
        let due2 = RetentionPolicy.addMonths(3, to: f.tonight.adding(days: 40))
        #expect(f.state.careRetentionDue(asOf: due2).map(\.client) == [2])
    }

    @Test("A later move (appointment, outcome) restarts the care term")
    func laterMoveCounts() throws {
        var f = try Self.fixture()
        f.now = Timestamp(milliseconds: f.now.milliseconds + 10 * 86_400_000)
        try f.run(.recordReferralAppointment(referral: 1, on: f.tonight.adding(days: 50)), as: 2)
        #expect(f.state.careErasureDay(of: f.state.care.referrals[1]!) == RetentionPolicy.addMonths(3, to: f.tonight.adding(days: 50)))
    }

    @Test("The care term is 1 month up to the term; the default is 6 months; v1 policy events upcast to it")
    func termRules() throws {
        var f = try DomainFixture.standard()
        #expect(f.state.retention.careMonths == 6)
        #expect(throws: DomainError.careRetentionOutOfRange(30, term: 24)) { try f.run(.setRetention(months: 24, careMonths: 30), as: 1) }
        #expect(throws: DomainError.careRetentionOutOfRange(0, term: 24)) { try f.run(.setRetention(months: 24, careMonths: 0), as: 1) }
        try f.run(.setRetention(months: 12, careMonths: nil), as: 1)
        #expect(f.state.retention == RetentionPolicy(months: 12, careMonths: 6), "nil keeps the care term")
        try f.run(.setRetention(months: 12, careMonths: 2), as: 1)
        #expect(f.state.retention.careMonths == 2)
        // retention_policy_set v1 (months only), as the previous build wrote it.
        var w = ByteWriter()
        w.u16(66); w.u8(1); w.varint(5); w.int(Int64(0)); w.int(Int32(1)); w.int(18)
        #expect(try EventCodec.decode(w.bytes).event == .retentionPolicySet(months: 18, careMonths: 6))
    }

    @Test("The new events survive the codec and the folded state the snapshot")
    func codecAndSnapshot() throws {
        var f = try Self.fixture()
        _ = try f.run(.applyRetention(asOf: RetentionPolicy.addMonths(3, to: f.tonight)), as: 1)
        for e: Event in [.retentionPolicySet(months: 24, careMonths: 3), .careDataErased(client: 1, referrals: [1, 4], notes: [2])] {
            let r = RecordedEvent(sequence: 9, timestamp: f.now, actor: 1, schemaVersion: 2, event: e)
            #expect(try EventCodec.decode(EventCodec.encode(r)).event == e)
        }
        #expect(try StateSnapshot.decode(StateSnapshot.encode(f.state)) == f.state)
    }
}
