import Testing
@testable import ShelterDomain

@Suite("Security: every command × every role, deactivated staff, PINs")
struct RoleMatrixTests {
    /// One command of each kind, valid in the standard fixture (client 1, bed 1, request 1, plan 1, ban 1).
    static func commands(_ f: DomainFixture) -> [(String, Command)] {
        let n = f.tonight
        var client = f.state.files.clients[1]!
        client.alias = "Łuki"
        return [
            ("configureShelter", .configureShelter(name: "X", municipality: "Y")),
            ("addStaff", .addStaff(username: "new", displayName: "New", role: .desk, credential: nil)),
            ("changeRole", .changeRole(staff: 3, role: .coordinator)),
            ("deactivateStaff", .deactivateStaff(staff: 3)),
            ("addLocation", .addLocation(name: "Oost", municipality: "U", policy: StayPolicy(maxNights: 28))),
            ("addBed", .addBed(room: 1, label: "A9", attributes: [])),
            ("setBedOutOfService", .setBedOutOfService(bed: 4, from: n, until: n, reason: "lek")),
            ("startColdWeather", .startColdWeather(from: n, until: n, note: "")),
            ("registerClient", .registerClient(Client(id: 0, givenNames: "Jan", familyNames: "Kowal", nationality: "PL"))),
            ("updateClient", .updateClient(client)),
            ("addNote", .addNote(client: 1, category: .medical, text: "x")),
            ("assignBed", .assignBed(night: n, bed: 1, client: 1)),
            ("requestExtension", .requestExtension(client: 1, location: 1, reason: .medical, note: "", until: n.adding(days: 3))),
            ("decideExtension", .decideExtension(request: 1, approve: true, until: nil, note: "")),
            ("imposeBan", .imposeBan(client: 2, from: n, until: nil, reason: "r")),
            ("liftBan", .liftBan(ban: 1, note: "")),
            ("mergeClients", .mergeClients(survivor: 1, absorbed: 3, values: f.state.files.clients[1]!)),
            ("openReturnPlan", .openReturnPlan({ var p = ReturnPlan(id: 0, clientID: 2, country: "RO"); p.consentDate = n; return p }())),
            ("recordIndDecision", .recordIndDecision(IndDecision(clientID: 1, decisionDate: n, notificationDate: n, deadline: nil))),
            ("recordExport identifiable", .recordExport(format: "csv", identifiable: true)),
            ("recordExport", .recordExport(format: "csv", identifiable: false)),
            ("recordMedicalView", .recordMedicalView(client: 1)),
        ]
    }

    /// Who may do each command (from the issue's list and DOMAIN.md).
    static let allowed: [String: Set<Role>] = [
        "configureShelter": [.supervisor], "addStaff": [.supervisor], "changeRole": [.supervisor], "deactivateStaff": [.supervisor],
        "addLocation": [.supervisor], "addBed": [.supervisor], "setBedOutOfService": [.supervisor], "startColdWeather": [.supervisor],
        "registerClient": [.desk, .coordinator, .supervisor], "updateClient": [.desk, .coordinator, .supervisor], "addNote": [.desk, .coordinator, .supervisor],
        "assignBed": [.desk, .coordinator, .supervisor], "requestExtension": [.desk, .coordinator, .supervisor],
        "decideExtension": [.supervisor], "imposeBan": [.supervisor], "liftBan": [.supervisor], "mergeClients": [.supervisor],
        "openReturnPlan": [.coordinator, .supervisor], "recordIndDecision": [.coordinator, .supervisor],
        "recordExport identifiable": [.supervisor], "recordExport": [.coordinator, .supervisor], "recordMedicalView": [.coordinator, .supervisor],
    ]

    static func fixture() throws -> DomainFixture {
        var f = try DomainFixture.standard()
        try f.run(.requestExtension(client: 2, location: 1, reason: .medical, note: "", until: f.tonight.adding(days: 3)), as: 3)
        try f.run(.imposeBan(client: 3, from: f.tonight, until: nil, reason: "r"), as: 1)
        return f
    }

    @Test("Each command is allowed exactly for the roles that may do it; refusals write no events", arguments: [Role.desk, .coordinator, .supervisor])
    func matrix(_ role: Role) throws {
        let base = try Self.fixture()
        let actor: StaffID = switch role { case .supervisor: 1; case .coordinator: 2; case .desk: 3 }
        for (name, command) in Self.commands(base) {
            var f = base
            let may = Self.allowed[name]!.contains(role)
            do {
                try f.run(command, as: actor)
                #expect(may, "\(role) could do \(name)")
            } catch let e {
                if case .notPermitted = e {
                    #expect(!may, "\(role) was refused \(name): \(e)")
                    #expect(f.state.lastSequence == base.state.lastSequence, "a refusal writes nothing through decide")
                } else {
                    // The role check comes first, and the fixture makes every command valid otherwise.
                    Issue.record("\(role) \(name) refused for another reason: \(e)")
                }
            }
        }
    }

    @Test("Deactivated staff cannot act at all")
    func deactivated() throws {
        var f = try Self.fixture()
        try f.run(.deactivateStaff(staff: 3), as: 1)
        for (_, command) in Self.commands(f) {
            #expect(throws: DomainError.actorDeactivated("joost")) { try f.run(command, as: 3) }
        }
    }

    @Test("Desk staff cannot read medical notes; the filter is in the domain")
    func medical() throws {
        var f = try Self.fixture()
        try f.run(.addNote(client: 1, category: .medical, text: "insuline"), as: 3)
        #expect(f.state.notes(of: 1, visibleTo: .desk).isEmpty)
        #expect(f.state.notes(of: 1, visibleTo: .coordinator).count == 1)
    }
}
