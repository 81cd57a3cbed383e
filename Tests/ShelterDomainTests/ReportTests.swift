import Testing
@testable import ShelterDomain

@Suite("Occupancy and outflow reports against hand-computed figures")
struct ReportTests {
    /// Fixture: 4 beds at one location (A3 a cold-weather bed), 3 clients; three nights.
    /// Night 1 (21-11): A1 client 1 and A4 client 3 (checked in), A2 client 2 (reserved → no-show). 1 turned away.
    /// Night 2 (22-11): cold: A1 client 1, A3 client 3; A4 out of service.
    /// Night 3 (23-11): A1 client 1. Client 3 left (work and housing) after night 2; client 2 excluded.
    static func journal() throws -> DomainFixture {
        var f = try DomainFixture.standard()
        let n1 = Day.parseISO("2026-11-21")!, n2 = n1.adding(days: 1), n3 = n1.adding(days: 2)
        f.now = AmsterdamTime.utc(local: n1, seconds: 19 * 3600)
        try f.run(.assignBed(night: n1, bed: 1, client: 1), as: 3)
        try f.run(.assignBed(night: n1, bed: 2, client: 2), as: 3)
        try f.run(.assignBed(night: n1, bed: 4, client: 3), as: 3)
        try f.run(.checkIn(night: n1, client: 1), as: 3)
        try f.run(.checkIn(night: n1, client: 3), as: 3)
        var extra = Client(id: 0, givenNames: "Jan", familyNames: "Kowalski", gender: .man, nationality: "PL")
        extra.details.consent = Consent(status: .refused)
        try f.run(.registerClient(extra), as: 3)  // client 4
        try f.run(.addToWaitlist(night: n1, client: 4, note: ""), as: 3)
        f.now = AmsterdamTime.utc(local: n1, seconds: 23 * 3600 + 10 * 60)
        try f.run(.releaseNoShows(night: n1), as: 3)
        try f.run(.closeWaitlist(entry: 1, outcome: .turnedAway), as: 3)
        f.now = AmsterdamTime.utc(local: n2, seconds: 15 * 3600)
        try f.run(.startColdWeather(from: n2, until: n2, note: ""), as: 1)
        try f.run(.setBedOutOfService(bed: 4, from: n2, until: n2, reason: "lek"), as: 1)
        try f.run(.assignBed(night: n2, bed: 1, client: 1), as: 3)
        try f.run(.assignBed(night: n2, bed: 3, client: 3), as: 3)
        f.now = AmsterdamTime.utc(local: n3, seconds: 10 * 3600)
        try f.run(.endStay(client: 3, night: n2, outflow: .workAndHousingNL), as: 2)
        try f.run(.endStay(client: 2, night: n1, outflow: .excluded), as: 2)
        f.now = AmsterdamTime.utc(local: n3, seconds: 19 * 3600)
        try f.run(.assignBed(night: n3, bed: 1, client: 1), as: 3)
        return f
    }

    @Test("Per night: capacity, occupied, no-shows, turned away, occupancy %, cold nights")
    func nights() throws {
        let f = try Self.journal()
        let rows = OccupancyReport.rows(f.state, from: Day.parseISO("2026-11-21")!, to: Day.parseISO("2026-11-23")!, by: .night)
        let all = rows.filter { $0.location.isEmpty }
        // Night 1: 3 beds open (cold bed closed), 2 occupied (the no-show's bed was released), 1 no-show, 1 turned away.
        // Clients 1 and 3 held beds, both for the first time.
        #expect(all[0] == OccupancyRow(period: "2026-11-21", location: "", capacity: 3, occupied: 2, noShows: 1, turnedAway: 1, coldWeatherNights: 0,
                                       uniquePersons: 2, newPersons: 2))
        #expect(all[0].occupancyPercent == 66.7)
        // Night 2 (cold): 4 beds minus A4 out of service = 3 open, 2 occupied.
        // The same two people again: nobody new.
        #expect(all[1] == OccupancyRow(period: "2026-11-22", location: "", capacity: 3, occupied: 2, noShows: 0, turnedAway: 0, coldWeatherNights: 1,
                                       uniquePersons: 2, newPersons: 0))
        // Night 3: 3 open, 1 occupied.
        #expect(all[2].capacity == 3 && all[2].occupied == 1 && all[2].occupancyPercent == 33.3)
        let loc = rows.filter { $0.location == "Centrum" }
        #expect(loc.count == 3 && loc[0].turnedAway == nil && loc[0].noShows == 1)
    }

    @Test("By week and month the nights add up; ISO weeks across the new year")
    func grouping() throws {
        let f = try Self.journal()
        let week = OccupancyReport.rows(f.state, from: Day.parseISO("2026-11-21")!, to: Day.parseISO("2026-11-23")!, by: .week).filter { $0.location.isEmpty }
        // 21 and 22 November 2026 are Saturday and Sunday of week 47; Monday 23 starts week 48.
        #expect(week.map(\.period) == ["2026-W47", "2026-W48"])
        #expect(week[0].capacity == 6 && week[0].occupied == 4 && week[0].noShows == 1 && week[0].turnedAway == 1 && week[0].coldWeatherNights == 1)
        let month = OccupancyReport.rows(f.state, from: Day.parseISO("2026-11-21")!, to: Day.parseISO("2026-11-23")!, by: .month).filter { $0.location.isEmpty }
        #expect(month.count == 1 && month[0].capacity == 9 && month[0].occupied == 5 && month[0].occupancyPercent == 55.6)
        #expect(OccupancyReport.periodKey(Day.parseISO("2027-01-01")!, .week) == "2026-W53")
        #expect(OccupancyReport.periodKey(Day.parseISO("2026-01-01")!, .week) == "2026-W01")
    }

    @Test("Outflow: counts per category and the positive rate; a merged person counts once")
    func outflow() throws {
        var f = try Self.journal()
        var r = OutflowReport(f.state, from: Day.parseISO("2026-11-01")!, to: Day.parseISO("2026-11-30")!, catalog: try OnderdakResourcesProbe.catalog())
        #expect(r.counts == [.workAndHousingNL: 1, .excluded: 1] && r.total == 2 && r.positiveRate == 50)
        // Client 4 is a duplicate of client 2: merging moves the exit, not doubling it.
        try f.run(.mergeClients(survivor: 2, absorbed: 4, values: f.state.files.clients[2]!), as: 1)
        r = OutflowReport(f.state, from: Day.parseISO("2026-11-01")!, to: Day.parseISO("2026-11-30")!, catalog: try OnderdakResourcesProbe.catalog())
        #expect(r.total == 2)
        #expect(OutflowReport(f.state, from: Day.parseISO("2026-12-01")!, to: Day.parseISO("2026-12-31")!, catalog: try OnderdakResourcesProbe.catalog()).positiveRate == nil)
    }
}

