import Testing
@testable import ShelterDomain

@Suite("Beds: service periods, cold weather, waiting list, check-out, cut-off, 24-hour beds")
struct BedRulesTests {
    @Test("A bed out of service cannot be given; back in service it can")
    func outOfService() throws {
        var f = try DomainFixture.standard()
        let n = f.tonight
        try f.run(.setBedOutOfService(bed: 1, from: n, until: n.adding(days: 2), reason: "Bedwantsen"), as: 1)
        #expect(throws: DomainError.bedOutOfService(bed: "A1", until: n.adding(days: 2), reason: "Bedwantsen")) {
            try f.run(.assignBed(night: n, bed: 1, client: 1), as: 3)
        }
        #expect(BoardRow.board(f.state, night: n).first?.state == .outOfService)
        try f.run(.assignBed(night: n.adding(days: 3), bed: 1, client: 1), as: 3)
        #expect(throws: DomainError.notPermitted(role: .desk, permission: .manageInventory)) {
            try f.run(.returnBedToService(bed: 1, from: n.adding(days: 1)), as: 3)
        }
        try f.run(.returnBedToService(bed: 1, from: n.adding(days: 1)), as: 1)
        #expect(throws: DomainError.self) { try f.run(.assignBed(night: n, bed: 1, client: 1), as: 3) }
        try f.run(.assignBed(night: n.adding(days: 1), bed: 1, client: 1), as: 3)
    }

    @Test("Cold-weather mode opens cold-weather beds and suspends the stay limit for those nights")
    func coldWeather() throws {
        var f = try DomainFixture.standard()  // max 3 nights in 10
        let n = f.tonight
        #expect(throws: DomainError.coldWeatherBedClosed(bed: "A3")) { try f.run(.assignBed(night: n, bed: 3, client: 1), as: 3) }
        #expect(throws: DomainError.notPermitted(role: .desk, permission: .configureShelter)) {
            try f.run(.startColdWeather(from: n, until: n.adding(days: 1), note: ""), as: 3)
        }
        for d in 0..<3 { try f.run(.assignBed(night: n.adding(days: -3 + d), bed: 1, client: 1), as: 3) }
        #expect(throws: DomainError.stayLimitReached(used: 3, max: 3)) { try f.run(.assignBed(night: n, bed: 1, client: 1), as: 3) }
        try f.run(.startColdWeather(from: n, until: n.adding(days: 1), note: "-6°C"), as: 1)
        try f.run(.assignBed(night: n, bed: 3, client: 1), as: 3)           // the cold-weather bed is open
        try f.run(.assignBed(night: n.adding(days: 1), bed: 1, client: 1), as: 3)  // limit suspended
        #expect(f.state.nightsUsed(by: 1, windowDays: 10, endingWith: n.adding(days: 1)) == 3, "cold nights do not count")
        #expect(throws: DomainError.stayLimitReached(used: 3, max: 3)) { try f.run(.assignBed(night: n.adding(days: 2), bed: 1, client: 1), as: 3) }
        try f.run(.endColdWeather(lastNight: n), as: 1)
        #expect(!f.state.isColdWeather(n.adding(days: 1)) && f.state.isColdWeather(n))
        #expect(BoardRow.board(f.state, night: n.adding(days: 2)).first { $0.bed.id == 3 }?.state == .closed)
    }

    @Test("Waiting list: vulnerable first, placing closes the entry, turned away is counted")
    func waitlist() throws {
        var f = try DomainFixture.standard()
        let n = f.tonight
        var marek = Client(id: 0, givenNames: "Marek", familyNames: "Nowak", gender: .man, nationality: "PL")
        marek.details.consent = Consent(status: .given, purposeExplained: true, language: "pl", date: n)
        marek.details.vulnerabilities = [.confused]
        try f.run(.registerClient(marek), as: 3)  // #4
        try f.run(.addToWaitlist(night: n, client: 1, note: ""), as: 3)
        f.now = Timestamp(milliseconds: f.now.milliseconds + 60_000)
        try f.run(.addToWaitlist(night: n, client: 3, note: ""), as: 3)
        try f.run(.addToWaitlist(night: n, client: 4, note: "verward"), as: 3)
        #expect(throws: DomainError.alreadyWaiting) { try f.run(.addToWaitlist(night: n, client: 4, note: ""), as: 3) }
        #expect(f.state.waiting(on: n).map(\.clientID) == [4, 1, 3])
        #expect(BedSuggestions.clients(for: 1, night: n, state: f.state) == [4, 1, 3])
        let events = try f.run(.assignBed(night: n, bed: 1, client: 4), as: 3)
        #expect(events.count == 2 && f.state.waiting(on: n).map(\.clientID) == [1, 3])
        try f.run(.closeWaitlist(entry: 2, outcome: .turnedAway), as: 3)
        #expect(f.state.turnedAway(on: n) == 1 && f.state.waiting(on: n).map(\.clientID) == [1])
        #expect(throws: DomainError.alreadyClosed) { try f.run(.closeWaitlist(entry: 2, outcome: .placed), as: 3) }
        #expect(throws: DomainError.self) { try f.run(.addToWaitlist(night: n, client: 4, note: ""), as: 3) }
    }

    @Test("Check-out only after check-in; the bed stays taken for the night")
    func checkOut() throws {
        var f = try DomainFixture.standard()
        let n = f.tonight
        try f.run(.assignBed(night: n, bed: 1, client: 1), as: 3)
        #expect(throws: DomainError.notCheckedIn(night: n)) { try f.run(.checkOut(night: n, client: 1, duringNight: false), as: 3) }
        try f.run(.checkIn(night: n, client: 1), as: 3)
        try f.run(.checkOut(night: n, client: 1, duringNight: true), as: 3)
        #expect(BoardRow.board(f.state, night: n).first?.departure == .duringNight)
        #expect(throws: DomainError.bedTaken(bed: "A1", night: n)) { try f.run(.assignBed(night: n, bed: 1, client: 3), as: 3) }
        #expect(throws: DomainError.self) { try f.run(.releaseReservation(night: n, client: 1, noShow: true), as: 3) }
    }

    @Test("No-shows are released only after the cut-off, per location")
    func cutoff() throws {
        var f = try DomainFixture.standard()  // cut-off 23:00
        let n = f.tonight
        try f.run(.assignBed(night: n, bed: 1, client: 1), as: 3)
        try f.run(.assignBed(night: n, bed: 4, client: 3), as: 3)
        try f.run(.checkIn(night: n, client: 3), as: 3)
        f.now = AmsterdamTime.utc(local: n, seconds: 22 * 3600 + 59 * 60)
        #expect(throws: DomainError.beforeCutoff(time: "23:00")) { try f.run(.releaseNoShows(night: n), as: 3) }
        f.now = AmsterdamTime.utc(local: n, seconds: 23 * 3600 + 1 * 60)
        let events = try f.run(.releaseNoShows(night: n), as: 3)
        #expect(events == [.reservationReleased(night: n, bed: 1, client: 1, noShow: true)])
        #expect(f.state.bed(of: 3, on: n) == 4, "checked-in people keep their bed")
        // After midnight it is still that night's cut-off that counts.
        f.now = AmsterdamTime.utc(local: n.adding(days: 1), seconds: 1 * 3600)
        #expect(try f.run(.releaseNoShows(night: n), as: 3).isEmpty)
    }

    @Test("24-hour beds need an approved request where the location says so")
    func twentyFourHour() throws {
        var f = try DomainFixture.standard()
        let n = f.tonight
        try f.run(.addBed(room: 1, label: "M1", attributes: [.twentyFourHour, .medical]), as: 1)
        #expect(throws: DomainError.needsApproval(bed: "M1")) { try f.run(.assignBed(night: n, bed: 5, client: 1), as: 3) }
        try f.run(.requestExtension(client: 1, location: 1, reason: .twentyFourHourBed, note: "na ziekenhuis", until: n.adding(days: 5)), as: 3)
        try f.run(.decideExtension(request: 1, approve: true, until: n.adding(days: 2), note: ""), as: 1)
        try f.run(.assignBed(night: n, bed: 5, client: 1), as: 3)
        #expect(throws: DomainError.needsApproval(bed: "M1")) { try f.run(.assignBed(night: n.adding(days: 3), bed: 5, client: 1), as: 3) }
        #expect(f.state.approvedExtension(client: 1, location: 1, covering: n) == nil, "a 24-hour approval is not a stay extension")
    }

    @Test("Nights across the daylight-saving changes belong to the evening's date", arguments: [
        ("2026-03-29T00:30:00Z", "2026-03-28"),  // 01:30 CET, night of Saturday
        ("2026-03-29T01:30:00Z", "2026-03-28"),  // 03:30 CEST (02:00 skipped)
        ("2026-03-29T10:30:00Z", "2026-03-29"),  // 12:30 CEST: the next night's date
        ("2026-10-25T00:30:00Z", "2026-10-24"),  // 02:30 CEST
        ("2026-10-25T01:30:00Z", "2026-10-24"),  // 02:30 CET (the hour again)
        ("2026-10-25T11:30:00Z", "2026-10-25"),  // 12:30 CET
    ])
    func dst(_ utc: String, _ night: String) throws {
        let t = try #require(Timestamp.parseISO(utc))
        #expect(AmsterdamTime.night(of: t) == Day.parseISO(night))
    }

    @Test("A night assigned across the DST change counts once toward the limit")
    func dstCount() throws {
        var f = try DomainFixture.standard()
        let sat = Day.parseISO("2026-03-28")!
        f.now = Timestamp.parseISO("2026-03-29T01:30:00Z")!  // 03:30 CEST, still Saturday's night
        try f.run(.assignBed(night: AmsterdamTime.night(of: f.now), bed: 1, client: 1), as: 3)
        #expect(f.state.ledger.clientNights[1] == [sat])
        #expect(f.state.nightsUsed(by: 1, windowDays: 10, endingWith: sat.adding(days: 1)) == 1)
    }
}
