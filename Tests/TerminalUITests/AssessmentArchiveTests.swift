import Foundation
import Journal
import ScreenTestSupport
import Services
@testable import ShelterDomain
import Testing
@testable import DeskApp

/// The assessments and history of a state opened from a snapshot are kept as the snapshot's section and
/// decoded per client: what a file, a report or an export shows must be what a full replay shows.
@Suite("Assessments and history read per client from the snapshot")
struct AssessmentArchiveTests {
    static func open(_ path: String, snapshot: Bool) throws -> ShelterState {
        try EventStore.open(path: path, writable: false, clock: { TestClock().now }, useSnapshot: snapshot).state
    }

    /// What a person sees of everyone with an assessment: the client report (answers included).
    static func reports(_ s: ShelterState, _ ids: [ClientID]) -> [String] {
        ids.map { ClientReport.text(client: $0, state: s, today: Day.parseISO("2026-11-23")!, lang: "en") }
    }

    @Test("Opened from a snapshot, every client's assessments, history and report equal a full replay's, also after appends, a merge and an erasure")
    func sameAsReplay() throws {
        let (s, dir) = try Fixtures.journalDemoSession("assessment-archive", lang: "en")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = s.path, store = s.store!
        // Assessments (two for one person) before the snapshot.
        let people = store.state.files.clients.keys.sorted().filter { store.state.files.clients[$0]?.mergedInto == nil && store.state.files.erasures[$0] == nil }
        // Four people: the second can be merged into the first (no night in common).
        let first = try #require(people.first)
        let nightsOfFirst = Set(store.state.ledger.clientNights[first] ?? [])
        let second = try #require(people.dropFirst().first { nightsOfFirst.isDisjoint(with: store.state.ledger.clientNights[$0] ?? []) })
        // The third is erased later: no bed from tonight on (an erasure waits for the stay's end).
        let tonight = AmsterdamTime.night(of: TestClock().now)
        let others = people.filter { $0 != first && $0 != second }
        let c = try #require(others.first { store.state.bedHeld(by: $0, from: tonight) == nil && store.state.ledger.clientNights[$0] != nil })
        let without = try #require(others.first { $0 != c })
        let (a, b) = (first, second)
        let result = ChecklistResult(outcome: .furtherInquiry, ground: "werk nog niet aangetoond", validUntil: nil, missingEvidence: ["payslips"], legalBasis: "", ruleSet: "test")
        for (i, id) in [a, b, c, a].enumerated() {
            var answers = ChecklistAnswers(assessmentDate: Day.parseISO("2026-10-01")!.adding(days: i), nationality: "PL", arrivedNL: Day.parseISO("2025-03-01")!)
            answers.hoursPerWeek = Double(10 + i); answers.evidence = ["id"]
            try store.execute(.recordAssessment(client: id, answers: answers, result: result), actor: 1)
        }
        store.snapshotIfWorthItForTests()
        let full = try Self.open(path, snapshot: false)
        let ids = full.files.assessments.clients
        try #require(ids.count >= 3)
        #expect((full.files.assessments[a]?.count ?? 0) >= 2 && Set([a, b, c]).isSubset(of: ids))
        let opened = try Self.open(path, snapshot: true)
        #expect(opened.files.assessments.archive.count == ids.count && opened.files.assessments.changed.isEmpty,
                "opened from the snapshot, the assessments are in the archive, not decoded")
        #expect(full.files.assessments.archive.count == 0, "a full replay keeps them decoded")
        for id in ids { #expect(opened.files.assessments[id] == full.files.assessments[id], "client \(id)") }
        #expect(opened.files.history.archive.count == full.files.history.keys.count && opened.files.history.changed.isEmpty, "the history too")
        for id in full.files.history.keys { #expect(opened.files.history[id] == full.files.history[id], "history of \(id)") }
        #expect(opened.files.assessments[ClientID(999_999)] == nil)
        #expect(Self.reports(opened, ids) == Self.reports(full, ids))
        #expect(opened == full)

        // After the snapshot: a new assessment for someone with archived ones, one for someone
        // without, a merge of two people with assessments, an erasure of a third.
        let template = try #require(full.files.assessments[a]?.last)
        try store.execute(.recordAssessment(client: a, answers: template.answers, result: template.result), actor: 3)
        try store.execute(.recordAssessment(client: without, answers: template.answers, result: template.result), actor: 3)
        try store.execute(.mergeClients(survivor: a, absorbed: b, values: store.state.files.clients[a]!), actor: 1)
        try store.execute(.eraseClient(client: c, reason: "AVG art. 17"), actor: 1)
        let later = try Self.open(path, snapshot: false)
        let touched = [a, b, c, without]
        #expect(later.files.assessments[a]?.count == (full.files.assessments[a]?.count ?? 0) + (full.files.assessments[b]?.count ?? 0) + 1)
        #expect(later.files.assessments[b] == nil, "the merged record's assessments moved to the survivor")
        #expect(later.files.assessments[c]?.allSatisfy { $0.result.ground.isEmpty } == true, "the erased person's assessments are redacted")
        // The store that took the appends (archive + changes) and a fresh open from the same snapshot.
        for state in [store.state, try Self.open(path, snapshot: true)] {
            for id in touched { #expect(state.files.assessments[id] == later.files.assessments[id], "client \(id)") }
            for id in touched { #expect(state.files.history[id] == later.files.history[id], "history of \(id)") }
            #expect(state.files.history.keys == later.files.history.keys)
            #expect(state.files.assessments.clients == later.files.assessments.clients)
            #expect(Self.reports(state, later.files.assessments.clients) == Self.reports(later, later.files.assessments.clients))
        }
        // Nothing of the erased person stays readable in the archive the store holds in memory.
        let archived = try store.state.files.assessments.archive.records(of: c)
        #expect(archived == nil || archived == [], "the erased person's archived bytes are zeroed")
        let archivedHistory = try store.state.files.history.archive.records(of: c)
        #expect(archivedHistory == nil || archivedHistory == [], "their archived history too")
        // A snapshot written now (archive plus changes) reads back as the replay.
        store.snapshotIfWorthItForTests()
        let reread = try Self.open(path, snapshot: true)
        #expect(reread == later, "a merged record's assessments stay with the survivor")
    }

    @Test("An assessment section with a table out of order or past its end is refused when read")
    func damagedTable() throws {
        let answers = ChecklistAnswers(assessmentDate: Day.parseISO("2026-01-05")!, nationality: "PL", arrivedNL: Day.parseISO("2025-03-01")!)
        let result = ChecklistResult(outcome: .likely, ground: "g", validUntil: nil, missingEvidence: [], legalBasis: "", ruleSet: "r")
        let one = Assessment(id: 1, clientID: 7, answers: answers, result: result)
        var good = ClientArchive<Assessment>.encode([(7, [one])])
        let archive = try ClientArchive<Assessment>(bytes: good)
        #expect(try archive.records(of: 7) == [one] && archive.clients == [7])
        #expect(try archive.records(of: 8) == nil)
        good[8] = 0x7f  // the offset now points far past the end
        #expect(throws: CodecError.self) { try ClientArchive<Assessment>(bytes: good) }
        var twoOf = ClientArchive<Assessment>.encode([(3, [Assessment(id: 2, clientID: 3, answers: answers, result: result)]), (7, [one])])
        twoOf[1] = 9  // the first id above the second: out of order
        #expect(throws: CodecError.self) { try ClientArchive<Assessment>(bytes: twoOf) }
    }
}
