import Testing
@testable import ShelterDomain

@Suite("Decide: rules and roles")
struct DeciderTests {
    @Test("One person per bed per night; one bed per person per night")
    func oneBedOnePerson() throws {
        var f = try DomainFixture.standard()
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3)
        #expect(throws: DomainError.bedTaken(bed: "A1", night: f.tonight)) { try f.run(.assignBed(night: f.tonight, bed: 1, client: 3), as: 3) }
        #expect(throws: DomainError.clientHasBed(bed: "A1", night: f.tonight)) { try f.run(.assignBed(night: f.tonight, bed: 4, client: 1), as: 3) }
        // Another night is fine.
        try f.run(.assignBed(night: f.tonight.adding(days: 1), bed: 1, client: 3), as: 3)
        #expect(f.state.ledger.nights[f.tonight]?.byBed[1]?.clientID == 1)
    }

    @Test("Women-only beds are for women; cold-weather beds are closed")
    func bedKinds() throws {
        var f = try DomainFixture.standard()
        #expect(throws: DomainError.womenOnlyBed(bed: "A2")) { try f.run(.assignBed(night: f.tonight, bed: 2, client: 1), as: 3) }
        try f.run(.assignBed(night: f.tonight, bed: 2, client: 2), as: 3)
        #expect(throws: DomainError.coldWeatherBedClosed(bed: "A3")) { try f.run(.assignBed(night: f.tonight, bed: 3, client: 3), as: 3) }
    }

    @Test("Stay limit: the 4th night in the window needs an approved extension")
    func stayLimit() throws {
        var f = try DomainFixture.standard()
        for n in 0..<3 { try f.run(.assignBed(night: f.tonight.adding(days: n), bed: 1, client: 1), as: 3) }
        let fourth = f.tonight.adding(days: 3)
        #expect(throws: DomainError.stayLimitReached(used: 3, max: 3)) { try f.run(.assignBed(night: fourth, bed: 1, client: 1), as: 3) }
        try f.run(.requestExtension(client: 1, location: 1, reason: .medical, note: "", until: fourth.adding(days: 1)), as: 3)
        #expect(throws: DomainError.notPermitted(role: .desk, permission: .approveExtensions)) {
            try f.run(.decideExtension(request: 1, approve: true, until: nil, note: ""), as: 3)
        }
        #expect(throws: DomainError.notPermitted(role: .coordinator, permission: .approveExtensions)) {
            try f.run(.decideExtension(request: 1, approve: true, until: nil, note: ""), as: 2)
        }
        try f.run(.decideExtension(request: 1, approve: true, until: fourth, note: "ziekenhuis"), as: 1)
        try f.run(.assignBed(night: fourth, bed: 1, client: 1), as: 3)
        // Approved until the 4th night only: the 5th is refused again.
        #expect(throws: DomainError.stayLimitReached(used: 4, max: 3)) { try f.run(.assignBed(night: fourth.adding(days: 1), bed: 1, client: 1), as: 3) }
        #expect(throws: DomainError.requestAlreadyDecided(1)) { try f.run(.decideExtension(request: 1, approve: false, until: nil, note: ""), as: 1) }
        // Outside the 10-night window the count starts again.
        try f.run(.assignBed(night: f.tonight.adding(days: 12), bed: 1, client: 1), as: 3)
    }

    @Test("A no-show gives the night back; check-in needs a reservation")
    func noShow() throws {
        var f = try DomainFixture.standard()
        #expect(throws: DomainError.noReservation(night: f.tonight)) { try f.run(.checkIn(night: f.tonight, client: 1), as: 3) }
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3)
        try f.run(.releaseReservation(night: f.tonight, client: 1, noShow: true), as: 3)
        #expect(f.state.ledger.nights[f.tonight]?.byBed[1] == nil)
        #expect(f.state.nightsUsed(by: 1, windowDays: 10, endingWith: f.tonight) == 0)
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 3), as: 3)
        try f.run(.checkIn(night: f.tonight, client: 3), as: 3)
        #expect(throws: DomainError.alreadyCheckedIn(night: f.tonight)) { try f.run(.checkIn(night: f.tonight, client: 3), as: 3) }
        #expect(throws: DomainError.alreadyCheckedIn(night: f.tonight)) { try f.run(.releaseReservation(night: f.tonight, client: 3, noShow: true), as: 3) }
    }

    @Test("Ending a stay releases later reservations and records the outflow")
    func endStay() throws {
        var f = try DomainFixture.standard()
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3)
        try f.run(.assignBed(night: f.tonight.adding(days: 1), bed: 1, client: 1), as: 3)
        let events = try f.run(.endStay(client: 1, night: f.tonight, outflow: .returnToCountryOfOrigin), as: 3)
        #expect(events.count == 2)
        #expect(f.state.ledger.nights[f.tonight.adding(days: 1)]?.byBed[1] == nil)
        #expect(f.state.files.clients[1]?.lastOutflow == .returnToCountryOfOrigin)
        #expect(f.state.files.clients[1]?.stayStart == nil)
        #expect(throws: DomainError.noOpenStay) { try f.run(.endStay(client: 1, night: f.tonight, outflow: .unknown), as: 3) }
    }

    @Test("Roles are enforced in the domain")
    func roles() throws {
        var f = try DomainFixture.standard()
        #expect(throws: DomainError.notPermitted(role: .desk, permission: .manageStaff)) {
            try f.run(.addStaff(username: "x1", displayName: "X", role: .supervisor, credential: nil), as: 3)
        }
        #expect(throws: DomainError.notPermitted(role: .coordinator, permission: .manageStaff)) {
            try f.run(.deactivateStaff(staff: 3), as: 2)
        }
        #expect(throws: DomainError.notPermitted(role: .desk, permission: .manageInventory)) {
            try f.run(.addBed(room: 1, label: "Z9", attributes: []), as: 3)
        }
        try f.run(.deactivateStaff(staff: 3), as: 1)
        #expect(throws: DomainError.actorDeactivated("joost")) { try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3) }
        #expect(throws: DomainError.unknownActor) { try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 99) }
        // The system actor may only set up a journal without a supervisor.
        #expect(throws: DomainError.unknownActor) { try f.run(.addStaff(username: "evil", displayName: "Evil", role: .supervisor, credential: nil), as: systemActor) }
        #expect(throws: DomainError.lastSupervisor) { try f.run(.deactivateStaff(staff: 1), as: 1) }
        #expect(throws: DomainError.usernameTaken("samira")) { try f.run(.addStaff(username: "samira", displayName: "S", role: .desk, credential: nil), as: 1) }
    }

    @Test("Every permission of every role, command by command")
    func permissionMatrix() {
        #expect(!Role.desk.permissions.contains(.approveExtensions))
        #expect(!Role.desk.permissions.contains(.readMedicalNotes))
        #expect(!Role.desk.permissions.contains(.mergeClients))
        #expect(!Role.desk.permissions.contains(.setBans))
        #expect(!Role.desk.permissions.contains(.exportIdentifiable))
        #expect(!Role.coordinator.permissions.contains(.approveExtensions))
        #expect(!Role.coordinator.permissions.contains(.manageStaff))
        #expect(Role.coordinator.permissions.contains(.readMedicalNotes))
        #expect(Role.supervisor.permissions == Set(Permission.allCases))
    }

    @Test("Names keep any script but refuse control characters and absurd lengths")
    func names() throws {
        var f = try DomainFixture.standard()
        for name in ["Győző", "Иван", "Ștefan", "O'Brien", "Anne-Marie", "García López", "Zoë", "Jan de Vries"] {
            try f.run(.registerClient(Client(id: 0, givenNames: name, familyNames: "", nationality: "PL")), as: 3)
            #expect(f.state.files.clients[f.state.nextClientID - 1]?.givenNames == name)
        }
        #expect(throws: DomainError.invalidText(field: .givenNames, problem: .controlCharacters)) {
            try f.run(.registerClient(Client(id: 0, givenNames: "Jan\u{1B}[2J", familyNames: "")), as: 3)
        }
        #expect(throws: DomainError.invalidText(field: .familyNames, problem: .tooLong(max: 100))) {
            try f.run(.registerClient(Client(id: 0, givenNames: "Jan", familyNames: String(repeating: "a", count: 500))), as: 3)
        }
        #expect(throws: DomainError.invalidText(field: .name, problem: .nameOrAlias)) {
            try f.run(.registerClient(Client(id: 0, givenNames: "", familyNames: "")), as: 3)
        }
        #expect(throws: DomainError.invalidDate(field: .dateOfBirth, problem: .inFuture(Day.parseISO("2026-11-24")!))) {
            try f.run(.registerClient(Client(id: 0, givenNames: "Jan", familyNames: "", birth: .exact(Day.parseISO("2026-11-24")!))), as: 3)
        }
    }

    @Test("Invariant checker finds a double booking written behind decide's back")
    func invariants() throws {
        let f = try DomainFixture.standard()
        var checker = InvariantChecker()
        var seq: UInt64 = 0
        // Replay the fixture's history, then two conflicting assignments.
        for e in reconstruct(f) { seq += 1; checker.apply(RecordedEvent(sequence: seq, timestamp: f.now, actor: 1, schemaVersion: 1, event: e)) }
        #expect(checker.violations.isEmpty)
        checker.apply(RecordedEvent(sequence: seq + 1, timestamp: f.now, actor: 3, schemaVersion: 1, event: .bedAssigned(night: f.tonight, bed: 1, client: 1)))
        checker.apply(RecordedEvent(sequence: seq + 2, timestamp: f.now, actor: 3, schemaVersion: 1, event: .bedAssigned(night: f.tonight, bed: 1, client: 3)))
        checker.apply(RecordedEvent(sequence: seq + 3, timestamp: f.now, actor: 3, schemaVersion: 1, event: .bedAssigned(night: f.tonight, bed: 4, client: 3)))
        #expect(checker.violations.count == 2)
        #expect(checker.violations[0].contains("double booking"))
        #expect(checker.violations[1].contains("two beds"))
    }

    /// The events that built the standard fixture, regenerated.
    func reconstruct(_ f: DomainFixture) -> [Event] {
        var out: [Event] = [.shelterConfigured(name: "De Haven", municipality: "Utrecht")]
        for id in f.state.roster.staff.keys.sorted() { out.append(.staffAdded(f.state.roster.staff[id]!)) }
        for id in f.state.inventory.locations.keys.sorted() { out.append(.locationAdded(f.state.inventory.locations[id]!)) }
        for id in f.state.inventory.rooms.keys.sorted() { out.append(.roomAdded(f.state.inventory.rooms[id]!)) }
        for id in f.state.inventory.bedOrder { out.append(.bedAdded(f.state.inventory.beds[id]!)) }
        for id in f.state.files.clients.keys.sorted() { out.append(.clientRegistered(f.state.files.clients[id]!)) }
        return out
    }
}

@Suite("Logins and lockout")
struct LoginTests {
    @Test("Five wrong PINs lock the account for five minutes; the lock and every login are events")
    func lockout() throws {
        var f = try DomainFixture.standard()
        for _ in 0..<4 { try f.run(.recordLogin(staff: 3, success: false), as: 3) }
        #expect(f.state.roster.loginFailures[3] == 4)
        let fifth = try f.run(.recordLogin(staff: 3, success: false), as: 3)
        #expect(fifth.count == 2)
        guard case let .accountLocked(_, until) = fifth[1] else { Issue.record("no lock event"); return }
        #expect(until.milliseconds - f.now.milliseconds == 5 * 60_000)
        #expect(throws: DomainError.accountLocked(until: until)) { try f.run(.recordLogin(staff: 3, success: true), as: 3) }
        f.now = Timestamp(milliseconds: until.milliseconds + 1)
        try f.run(.recordLogin(staff: 3, success: true), as: 3)
        #expect(f.state.roster.loginFailures[3] == nil)
        #expect(DomainError.accountLocked(until: until).text("nl").contains("geblokkeerd tot"))
    }

    @Test("A success resets the count; nobody records a login for someone else; deactivated staff cannot log in")
    func rules() throws {
        var f = try DomainFixture.standard()
        for _ in 0..<4 { try f.run(.recordLogin(staff: 3, success: false), as: 3) }
        try f.run(.recordLogin(staff: 3, success: true), as: 3)
        for _ in 0..<4 { try f.run(.recordLogin(staff: 3, success: false), as: 3) }
        #expect(f.state.roster.lockedUntil[3] == nil)
        #expect(throws: DomainError.unknownActor) { try f.run(.recordLogin(staff: 3, success: true), as: 2) }
        try f.run(.deactivateStaff(staff: 3), as: 1)
        #expect(throws: DomainError.actorDeactivated("joost")) { try f.run(.recordLogin(staff: 3, success: true), as: 3) }
    }
}

@Suite("Per-user language")
struct LanguageTests {
    @Test("Staff choose their own language; nobody sets it for someone else; unknown languages are refused")
    func language() throws {
        var f = try DomainFixture.standard()
        try f.run(.setLanguage(staff: 3, language: "en"), as: 3)
        #expect(f.state.roster.staff[3]?.language == "en")
        #expect(throws: DomainError.unknownActor) { try f.run(.setLanguage(staff: 3, language: "nl"), as: 1) }
        #expect(throws: DomainError.self) { try f.run(.setLanguage(staff: 3, language: "xx"), as: 3) }
    }
}
