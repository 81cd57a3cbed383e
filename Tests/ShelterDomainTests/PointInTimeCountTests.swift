import Testing
@testable import ShelterDomain

@Suite("Point-in-time count of a night")
struct PointInTimeCountTests {
    @Test("In a bed or turned away, each person once, after merges; no-shows are not counted")
    func night() throws {
        var f = try ReportTests.journal()
        let n1 = Day.parseISO("2026-11-21")!
        let c = PointInTimeCount(f.state, night: n1)
        // Night 1: clients 1 and 3 in bed; client 2's reservation was released as a no-show; client 4 turned away.
        #expect(c.persons.map(\.client) == [1, 3, 4])
        #expect(c.persons.map(\.status) == [.inBed, .inBed, .turnedAway])
        #expect(c.persons[0].location == "Centrum" && c.persons[2].location == "")
        #expect(c.persons.map(\.nationalityGroup) == [.euCEE, .euCEE, .euCEE])
        #expect(c.persons.map(\.gender) == ["m", "m", "m"] && c.persons.allSatisfy { $0.ageBand == "?" && !$0.hasChecklistOutcome })
        #expect(c.totals { $0.status.rawValue }.map { "\($0.0)=\($0.1)" } == ["in_bed=2", "turned_away=1"])
        // Client 4 merged into client 1: counted once, in bed.
        try f.run(.mergeClients(survivor: 1, absorbed: 4, values: f.state.files.clients[1]!), as: 1)
        #expect(PointInTimeCount(f.state, night: n1).persons.map(\.client) == [1, 3])
        #expect(try StateSnapshot.decode(StateSnapshot.encode(f.state)) == f.state)
    }
}
