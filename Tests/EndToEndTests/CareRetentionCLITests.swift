import Foundation
import Journal
import ShelterDomain
import Testing

/// Issue #21 through the real binary: the shorter term for medical notes and referral reasons.
@Suite("Care retention term (CLI)")
struct CareRetentionCLITests {
    /// Each referral reason's and medical note's erasure night, worked out from the raw events
    /// (not the fold): the referral's latest step, or the note's night, plus `months`.
    static func careDays(_ events: [RecordedEvent], months: Int) -> (referrals: [Int32: (ClientID, Day)], notes: [Int32: (ClientID, Day)]) {
        var merged: [ClientID: ClientID] = [:]
        var refs: [Int32: (ClientID, Day)] = [:], notes: [Int32: (ClientID, Day)] = [:]
        func owner(_ c: ClientID) -> ClientID { var c = c; while let s = merged[c] { c = s }; return c }
        for e in events {
            switch e.event {
            case let .clientsMerged(s, a, _): merged[a] = s
            case let .referralMade(x) where x.reason != nil: refs[x.id] = (x.clientID, x.referredOn)
            case let .referralAppointmentMade(id, on): if let r = refs[id] { refs[id] = (r.0, max(r.1, on)) }
            case let .referralClosed(id, _, on, _): if let r = refs[id] { refs[id] = (r.0, max(r.1, on)) }
            case let .noteAdded(n) where n.category == .medical: notes[n.id] = (n.clientID, AmsterdamTime.night(of: e.timestamp))
            default: break
            }
        }
        return (refs.mapValues { (owner($0.0), RetentionPolicy.addMonths(months, to: $0.1)) },
                notes.mapValues { (owner($0.0), RetentionPolicy.addMonths(months, to: $0.1)) })
    }

    @Test("--apply erases exactly the referral reasons and medical notes past the care term; the review list a week before names the next people; everything else stays")
    func careTerm() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = try PrivacyCLITests.demo(dir)
        let set = try Harness.run(["client", "retention", "--journal", j, "--set-care-months", "1", "--as", "teamleider"])
        #expect(set.code == 0 && set.stdout.contains("referral reasons 1 months"), "\(set.stdout) \(set.stderr)")
        #expect(try Harness.run(["client", "retention", "--journal", j, "--set-care-months", "30", "--as", "teamleider"]).code == 1, "not longer than the term")

        let (refs, notes) = Self.careDays(try EventStore.events(path: j), months: 1)
        #expect(!refs.isEmpty && !notes.isEmpty, "the demo has referral reasons and medical notes")
        let days = (refs.values.map(\.1) + notes.values.map(\.1)).sorted()
        let asOf = days[days.count / 2], weekBefore = asOf.adding(days: -7)
        func people(_ f: (Day) -> Bool) -> [Int32] {
            Set((refs.values.filter { f($0.1) } + notes.values.filter { f($0.1) }).map(\.0)).sorted()
        }
        func at(_ d: Day) -> [String: String] {
            let c = d.components
            return ["ONDERDAK_NOW": String(format: "%04d-%02d-%02dT19:30", c.year, c.month, c.day)]
        }
        let review = try Harness.run(["client", "retention", "--journal", j], env: at(weekBefore))
        #expect(review.code == 0, "\(review.stderr)")
        #expect(RetentionCLITests.ids(after: "Medical notes and referral reasons past their term today", in: review.stdout) == people { $0 <= weekBefore })
        let coming = people { $0 > weekBefore && $0 <= asOf }
        #expect(!coming.isEmpty)
        #expect(RetentionCLITests.ids(after: "Medical notes and referral reasons within 7 days", in: review.stdout) == coming)

        let apply = try Harness.run(["client", "retention", "--journal", j, "--apply", "--as", "teamleider"], env: at(asOf))
        #expect(apply.code == 0, "\(apply.stderr)")
        let dueRefs = refs.filter { $0.value.1 <= asOf }.count, dueNotes = notes.filter { $0.value.1 <= asOf }.count
        #expect(apply.stdout.contains("Erased \(dueRefs) referral reasons and \(dueNotes) medical notes"), "\(apply.stdout)")
        #expect(apply.stdout.contains("Erased 0 by the retention policy"), "nobody is erased as a whole")
        let s = try EventStore.open(path: j, writable: false, clock: { Timestamp(milliseconds: 0) }).state
        for (id, (_, day)) in refs {
            let x = s.care.referrals[id]!
            #expect((x.reason == nil) == (day <= asOf), "referral \(id), erased from \(day.dutch)")
            #expect(!x.organisation.isEmpty, "the referral itself stays")
        }
        let allNotes = Dictionary(uniqueKeysWithValues: s.files.notes.values.flatMap { $0 }.map { ($0.id, $0) })
        for (id, (_, day)) in notes { #expect(allNotes[id]!.text.isEmpty == (day <= asOf), "note \(id), erased from \(day.dutch)") }
        #expect(s.files.erasures.isEmpty)
        #expect(try Harness.run(["verify", "--journal", j, "--deep"]).code == 0)
        let again = try Harness.run(["client", "retention", "--journal", j, "--apply", "--as", "teamleider"], env: at(asOf))
        #expect(again.stdout.contains("Erased 0 referral reasons and 0 medical notes"), "\(again.stdout)")
    }
}
