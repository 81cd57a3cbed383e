import Testing
@testable import ShelterDomain

@Suite("Client file: consent, details, notes, bans, alerts, edits, merges")
struct ClientFileTests {
    static func consented(_ c: Client, on day: Day) -> Client {
        var c = c
        c.details.consent = Consent(status: .given, purposeExplained: true, language: "pl", date: day)
        return c
    }

    @Test("BSN 11-check", arguments: [("111222333", true), ("123456782", true), ("111222334", false), ("12345678", false),
                                      ("000000000", false), ("12345678a", false), ("１１１２２２３３３", false)])
    func bsn(_ s: String, _ ok: Bool) { #expect(BSN.isValid(s) == ok) }

    @Test("Without consent only the minimum is stored; with consent details are kept")
    func consent() throws {
        var f = try DomainFixture.standard()
        var c = Client(id: 0, givenNames: "Piotr", familyNames: "Woźniak", gender: .man, nationality: "PL")
        c.birth = .exact(Day.parseISO("1980-05-01")!)
        #expect(throws: DomainError.consentRequired(field: .dateOfBirth)) { try f.run(.registerClient(c), as: 3) }
        c.details.consent = Consent(status: .refused, purposeExplained: true, language: "pl", date: f.tonight)
        #expect(throws: DomainError.consentRequired(field: .dateOfBirth)) { try f.run(.registerClient(c), as: 3) }
        c.birth = nil
        c.details.problems = [.alcohol]
        #expect(throws: DomainError.consentRequired(field: .details)) { try f.run(.registerClient(c), as: 3) }
        c.details.problems = []
        try f.run(.registerClient(c), as: 3)
        #expect(f.state.files.clients[4]?.details.consent.status == .refused)

        var d = Self.consented(Client(id: 0, givenNames: "Ewa", familyNames: "Jabłońska", gender: .woman, nationality: "PL"), on: f.tonight)
        d.birth = .exact(Day.parseISO("1990-02-03")!)
        d.details.bsn = "111222334"
        #expect(throws: DomainError.invalidText(field: .bsn, problem: .bsnCheck("111222334"))) {
            try f.run(.registerClient(d), as: 3)
        }
        d.details.bsn = "111222333"
        d.details.problems = [.noneDisclosed, .alcohol]
        #expect(throws: DomainError.self) { try f.run(.registerClient(d), as: 3) }
        d.details.problems = [.psychiatric]
        d.details.vulnerabilities = [.womanAtRisk]
        d.details.idDocument = IDDocument(kind: .idCard, number: "AB 123456", seen: true)
        d.details.languages = ["pl", "en"]
        try f.run(.registerClient(d), as: 3)
        #expect(f.state.files.clients[5]?.details.bsn == "111222333")
        #expect(f.state.files.clients[5]?.details.vulnerabilities == [.womanAtRisk])
        var e = d
        e.details.consent.date = f.tonight.adding(days: 1)
        #expect(throws: DomainError.invalidDate(field: .consentDate, problem: .inFuture(f.tonight.adding(days: 1)))) {
            try f.run(.registerClient(e), as: 3)
        }
    }

    @Test("Medical notes are hidden from desk staff by the domain")
    func notes() throws {
        var f = try DomainFixture.standard()
        try f.run(.addNote(client: 1, category: .contact, text: "Zus in Gdańsk gebeld"), as: 3)
        try f.run(.addNote(client: 1, category: .medical, text: "Diabetes, insuline in koelkast"), as: 3)
        #expect(f.state.notes(of: 1, visibleTo: .desk).map(\.category) == [.contact])
        #expect(f.state.notes(of: 1, visibleTo: .coordinator).map(\.category) == [.medical, .contact])
        #expect(f.state.notes(of: 1, visibleTo: .supervisor).first?.writtenBy == 3)
        #expect(throws: DomainError.invalidText(field: .note, problem: .required)) { try f.run(.addNote(client: 1, category: .other, text: " "), as: 3) }
        #expect(throws: DomainError.self) { try f.run(.addNote(client: 1, category: .other, text: "a\u{7}b"), as: 3) }
    }

    @Test("A ban blocks a bed with its end date; only supervisors set bans; lifting ends it")
    func bans() throws {
        var f = try DomainFixture.standard()
        let until = f.tonight.adding(days: 6)
        #expect(throws: DomainError.notPermitted(role: .desk, permission: .setBans)) {
            try f.run(.imposeBan(client: 1, from: f.tonight, until: until, reason: "Vechtpartij"), as: 3)
        }
        try f.run(.imposeBan(client: 1, from: f.tonight, until: until, reason: "Vechtpartij"), as: 1)
        #expect(throws: DomainError.banned(until: until)) { try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3) }
        #expect(DomainError.banned(until: until).text("nl").contains(until.dutch))
        try f.run(.assignBed(night: until.adding(days: 1), bed: 1, client: 1), as: 3)  // the day after the ban
        try f.run(.liftBan(ban: 1, note: "Gesprek gehad"), as: 1)
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3)
        #expect(throws: DomainError.alreadyClosed) { try f.run(.liftBan(ban: 1, note: ""), as: 1) }
        #expect(throws: DomainError.self) { try f.run(.imposeBan(client: 2, from: f.tonight, until: f.tonight.adding(days: -1), reason: "x"), as: 1) }
    }

    @Test("Alerts stay open until closed, with who to call")
    func alerts() throws {
        var f = try DomainFixture.standard()
        try f.run(.raiseAlert(client: 1, reason: "Niet gekomen, verward", contact: "Samira 06-12345678"), as: 3)
        #expect(f.state.openAlerts.map(\.clientID) == [1])
        #expect(throws: DomainError.invalidText(field: .contact, problem: .required)) { try f.run(.raiseAlert(client: 2, reason: "x", contact: ""), as: 3) }
        try f.run(.closeAlert(alert: 1, note: "Gezien bij het station, komt vanavond"), as: 2)
        #expect(f.state.openAlerts.isEmpty)
        #expect(throws: DomainError.alreadyClosed) { try f.run(.closeAlert(alert: 1, note: "x"), as: 2) }
    }

    @Test("An edit records old and new values; no change is refused")
    func edit() throws {
        var f = try DomainFixture.standard()
        var c = f.state.files.clients[1]!
        #expect(throws: DomainError.nothingChanged) { try f.run(.updateClient(c), as: 3) }
        c = Self.consented(c, on: f.tonight)
        c.familyNames = "Wójcik-Nowak"
        c.birth = .estimatedYear(1985)
        try f.run(.updateClient(c), as: 3)
        guard case let .updated(changes)? = f.state.files.history[1]?.last?.kind else { Issue.record("no history"); return }
        #expect(changes.contains(FieldChange(field: "family_names", old: "Wójcik", new: "Wójcik-Nowak")))
        #expect(changes.contains(FieldChange(field: "birth", old: "", new: "~1985")))
        #expect(f.state.files.clients[1]?.familyNames == "Wójcik-Nowak")
    }

    @Test("Merge moves everything to the survivor; refused when both have a bed on one night; supervisor only")
    func merge() throws {
        var f = try DomainFixture.standard()
        try f.run(.registerClient(Client(id: 0, givenNames: "Lukasz", familyNames: "Wojcik", gender: .man, nationality: "PL")), as: 3)
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3)
        try f.run(.assignBed(night: f.tonight.adding(days: 1), bed: 4, client: 4), as: 3)
        try f.run(.addNote(client: 4, category: .contact, text: "Broer in Tilburg"), as: 3)
        var values = f.state.files.clients[1]!
        values.alias = "Łukasz W."
        #expect(throws: DomainError.notPermitted(role: .desk, permission: .mergeClients)) {
            try f.run(.mergeClients(survivor: 1, absorbed: 4, values: values), as: 3)
        }
        try f.run(.mergeClients(survivor: 1, absorbed: 4, values: values), as: 1)
        #expect(f.state.ledger.clientNights[1] == [f.tonight, f.tonight.adding(days: 1)])
        #expect(f.state.bed(of: 1, on: f.tonight.adding(days: 1)) == 4)
        #expect(f.state.files.notes[1]?.count == 1)
        #expect(f.state.files.clients[4]?.mergedInto == 1)
        #expect(f.state.files.clients[1]?.alias == "Łukasz W.")
        #expect(ClientSearchIndex(state: f.state).search("lukasz").map(\.clientID) == [1])
        #expect(throws: DomainError.mergedRecord(into: 1)) { try f.run(.assignBed(night: f.tonight.adding(days: 2), bed: 1, client: 4), as: 3) }
        for (_, board) in f.state.ledger.nights {
            for (bed, bn) in board.byBed { #expect(board.bedOfClient[bn.clientID] == bed, "board and client index agree after the merge") }
        }

        try f.run(.assignBed(night: f.tonight, bed: 4, client: 3), as: 3)
        try f.run(.registerClient(Client(id: 0, givenNames: "Ivan", familyNames: "Petrov", gender: .man, nationality: "BG")), as: 3)
        try f.run(.assignBed(night: f.tonight, bed: 2 + 0, client: 2), as: 3)
        try f.run(.releaseReservation(night: f.tonight, client: 2, noShow: false), as: 3)
        try f.run(.assignBed(night: f.tonight, bed: 2, client: 2), as: 3)
        // Client 5 (Ivan) and client 3 (Иван) both on tonight: refused.
        try f.run(.imposeBan(client: 5, from: f.tonight.adding(days: 5), until: nil, reason: "test"), as: 1)
        f.state.inventory.beds[5] = Bed(id: 5, roomID: 1, locationID: 1, label: "A5", attributes: [])
        f.state.inventory.bedOrder.append(5)
        try f.run(.assignBed(night: f.tonight, bed: 5, client: 5), as: 3)
        #expect(throws: DomainError.mergeConflict(night: f.tonight)) {
            try f.run(.mergeClients(survivor: 3, absorbed: 5, values: f.state.files.clients[3]!), as: 1)
        }
    }

    @Test("Different-person pairs are not proposed again")
    func dismissed() throws {
        var f = try DomainFixture.standard()
        try f.run(.registerClient(Client(id: 0, givenNames: "Lukasz", familyNames: "Wojcik", gender: .man, nationality: "PL")), as: 3)
        let index = ClientSearchIndex(state: f.state)
        #expect(DuplicateDetector.candidates(of: f.state.files.clients[4]!, index: index, state: f.state).map(\.clientID) == [1])
        try f.run(.dismissDuplicate(4, 1), as: 3)
        #expect(DuplicateDetector.candidates(of: f.state.files.clients[4]!, index: index, state: f.state).isEmpty)
        #expect(try f.run(.dismissDuplicate(1, 4), as: 3).isEmpty, "asking twice records nothing")
    }

    @Test("Client records round-trip through the codec; v1 records upcast to 'consent not recorded'")
    func codec() throws {
        var c = Self.consented(Client(id: 3, givenNames: "Győző", familyNames: "Kovács", birth: .exact(Day.parseISO("1975-06-30")!),
                                      gender: .man, nationality: "HU"), on: Day.parseISO("2026-11-01")!)
        c.details.languages = ["hu", "de"]; c.details.idDocument = IDDocument(kind: .passport, number: "BA1234567", seen: false)
        c.details.bsn = "111222333"; c.details.phone = "+36 30 123 4567"; c.details.ethos = 1; c.details.lastEmployer = "Flex BV"
        c.details.employmentEnded = Day.parseISO("2026-09-01"); c.details.insurance = .lostWithJob
        c.details.problems = [.alcohol, .physical]; c.details.vulnerabilities = [.medical]
        let events: [Event] = [.clientRegistered(c), .clientUpdated(c, changes: [FieldChange(field: "phone", old: "", new: "+36")]),
                               .noteAdded(Note(id: 1, clientID: 3, category: .medical, text: "x")),
                               .banImposed(Ban(id: 1, clientID: 3, from: Day.parseISO("2026-11-01")!, until: nil, reason: "r")),
                               .banLifted(ban: 1, on: Day.parseISO("2026-11-02")!, note: ""),
                               .alertRaised(ClientAlert(id: 1, clientID: 3, reason: "r", contact: "c")), .alertClosed(alert: 1, note: "n"),
                               .clientsMerged(survivor: 3, absorbed: 4, merged: c), .duplicateDismissed(3, 9)]
        for e in events {
            let r = RecordedEvent(sequence: 1, timestamp: Timestamp(milliseconds: 5), actor: 2, schemaVersion: EventCodec.currentVersion(of: e.tag), event: e)
            #expect(try EventCodec.decode(EventCodec.encode(r)) == r)
        }
        // A v1 client_registered (as written by the first release): the same bytes minus details.
        var w = ByteWriter()
        w.u16(8); w.u8(1); w.varint(1); w.int(Int64(5)); w.int(Int32(2))
        w.int(Int32(3)); w.string("Győző"); w.string("Kovács"); w.string(""); w.u8(2); w.int(1975); w.u8(1); w.string("HU"); w.optionalDay(nil)
        let old = try EventCodec.decode(w.bytes)
        guard case .clientRegistered(let up) = old.event else { Issue.record("wrong event"); return }
        #expect(up.birth == .estimatedYear(1975) && up.details == ClientDetails() && up.details.consent.status == .notRecorded)
    }
}
