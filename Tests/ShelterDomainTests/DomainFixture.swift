@testable import ShelterDomain

/// A small shelter built through `decide` + `evolve`, the way the store does it.
struct DomainFixture {
    var state = ShelterState.initial
    var now = Timestamp(utcDay: Day.parseISO("2026-11-23")!, seconds: 18 * 3600)
    var sequence: UInt64 = 0
    let tonight = Day.parseISO("2026-11-23")!

    @discardableResult
    mutating func run(_ c: Command, as actor: StaffID) throws(DomainError) -> [Event] {
        let events = try Decider.decide(c, state: state, context: CommandContext(actor: actor, now: now))
        for e in events {
            sequence += 1
            state.evolve(RecordedEvent(sequence: sequence, timestamp: now, actor: actor, schemaVersion: 1, event: e))
        }
        return events
    }

    /// Supervisor 1, coordinator 2, desk 3; location 1 (max 3 nights in 10) with beds
    /// 1 (normal), 2 (women only), 3 (cold weather), 4 (normal); clients 1 man, 2 woman, 3 man.
    static func standard() throws -> DomainFixture {
        var f = DomainFixture()
        try f.run(.configureShelter(name: "De Haven", municipality: "Utrecht"), as: systemActor)
        try f.run(.addStaff(username: "ineke", displayName: "Ineke de Vries", role: .supervisor, credential: nil), as: systemActor)
        try f.run(.addStaff(username: "samira", displayName: "Samira El Amrani", role: .coordinator, credential: nil), as: 1)
        try f.run(.addStaff(username: "joost", displayName: "Joost Bakker", role: .desk, credential: nil), as: 1)
        try f.run(.addLocation(name: "Centrum", municipality: "Utrecht", policy: StayPolicy(maxNights: 3, windowDays: 10)), as: 1)
        try f.run(.addRoom(location: 1, name: "Zaal A"), as: 1)
        try f.run(.addBed(room: 1, label: "A1", attributes: []), as: 1)
        try f.run(.addBed(room: 1, label: "A2", attributes: [.womenOnly]), as: 1)
        try f.run(.addBed(room: 1, label: "A3", attributes: [.coldWeather]), as: 1)
        try f.run(.addBed(room: 1, label: "A4", attributes: []), as: 1)
        try f.run(.registerClient(Client(id: 0, givenNames: "Łukasz", familyNames: "Wójcik", gender: .man, nationality: "PL")), as: 3)
        try f.run(.registerClient(Client(id: 0, givenNames: "Ioana", familyNames: "Țurcanu", gender: .woman, nationality: "RO")), as: 3)
        try f.run(.registerClient(Client(id: 0, givenNames: "Иван", familyNames: "Петров", gender: .man, nationality: "BG")), as: 3)
        return f
    }
}
