import CommandSupport
import Crypto
import Foundation
import Journal
import Services
import ShelterDomain
import Testing
@testable import DeskApp

@Suite("Exports: pseudonymised by default, stable keys, SQLite readable")
struct ExportTests {
    static let identifying = ["Łukasz", "Wójcik", "Иван", "Петров", "Vanya", "111222333", "AB 123456", "AB123456", "+48 600 100 200", "1987-03-12", "Insuline"]

    /// A small journal with every identifying field filled in for two people.
    static func journal(_ dir: String) throws -> EventStore {
        try? FileManager.default.removeItem(atPath: dir)
        let clock = { Timestamp(utcDay: Day.parseISO("2026-11-23")!, seconds: 18 * 3600) }
        let s = try EventStore.create(path: dir + "/j.onderdak", isDemo: true, label: "t", installationID: Array(repeating: 7, count: 16), clock: clock)
        try s.execute(.configureShelter(name: "T", municipality: "U"), actor: systemActor)
        try s.execute(.addStaff(username: "sup", displayName: "Sup", role: .supervisor, credential: nil), actor: systemActor)
        try s.execute(.addStaff(username: "coord", displayName: "Coord", role: .coordinator, credential: nil), actor: 1)
        try s.execute(.addLocation(name: "Centrum", municipality: "U", policy: StayPolicy(maxNights: 28)), actor: 1)
        try s.execute(.addRoom(location: 1, name: "A"), actor: 1)
        try s.execute(.addBed(room: 1, label: "A1", attributes: []), actor: 1)
        var c = Client(id: 0, givenNames: "Łukasz", familyNames: "Wójcik", alias: "Vanya", birth: .exact(Day.parseISO("1987-03-12")!), gender: .man, nationality: "PL")
        c.details.consent = Consent(status: .given, purposeExplained: true, language: "pl", date: Day.parseISO("2026-11-23")!)
        c.details.bsn = "111222333"; c.details.idDocument = IDDocument(kind: .idCard, number: "AB 123456", seen: true); c.details.phone = "+48 600 100 200"
        try s.execute(.registerClient(c), actor: 2)
        try s.execute(.registerClient(Client(id: 0, givenNames: "Иван", familyNames: "Петров", gender: .man, nationality: "BG")), actor: 2)
        try s.execute(.addNote(client: 1, category: .medical, text: "Insuline"), actor: 2)
        try s.execute(.assignBed(night: Day.parseISO("2026-11-23")!, bed: 1, client: 1), actor: 2)
        return s
    }

    @Test("No identifying field in any cell of any table; keys stable across exports, different across installations")
    func pseudonymised() throws {
        let dir = "/tmp/odx-\(getpid())-pseudo"
        let s = try Self.journal(dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let key = try ExportKey.load(forJournal: s.path)
        let today = Day.parseISO("2026-11-23")!
        let tables = ExportBuilder.tables(s.state, identifiable: false, key: key, today: today)
        for t in tables {
            for row in t.rows { for cell in row { for secret in Self.identifying { #expect(!cell.csv.contains(secret), "\(t.name): \(cell.csv)") } } }
            #expect(!t.columns.contains { ["given_names", "family_names", "alias", "birth_date", "bsn", "id_document", "phone", "client_id"].contains($0) })
        }
        let again = ExportBuilder.tables(s.state, identifiable: false, key: try ExportKey.load(forJournal: s.path), today: today)
        #expect(tables[0].rows.map { $0[0] } == again[0].rows.map { $0[0] }, "the same key in every export")
        let other = ExportBuilder.tables(s.state, identifiable: false, key: SymmetricKey(size: .bits256), today: today)
        #expect(Set(tables[0].rows.map { $0[0].csv }).isDisjoint(with: other[0].rows.map { $0[0].csv }), "another installation, other keys")
        let keyFile = try FileManager.default.attributesOfItem(atPath: ExportKey.path(forJournal: s.path))
        #expect((keyFile[.posixPermissions] as? Int) == 0o600)
        // Identifiable: the names are there.
        let full = ExportBuilder.tables(s.state, identifiable: true, key: key, today: today)
        #expect(full[0].rows[0].contains(.text("Łukasz")) && full[0].rows[0].contains(.text("111222333")))
    }

    @Test("SQLite export opens in the sqlite3 tool and answers the README's example query; CSV is RFC 4180")
    func sqliteAndCSV() throws {
        let dir = "/tmp/odx-\(getpid())-sqlite"
        let s = try Self.journal(dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // k = 1: two persons cannot be 5-anonymous; this test is about SQLite and CSV, not generalisation.
        let tables = ExportBuilder.tables(s.state, identifiable: false, key: try ExportKey.load(forJournal: s.path), today: Day.parseISO("2026-11-23")!, k: 1)
        try ExportWriter.write(tables, format: "sqlite", to: dir + "/e.sqlite", pseudonymised: true, excel: false)
        let p = try ChildProcess.run("/usr/bin/sqlite3", [dir + "/e.sqlite", "SELECT nationality, COUNT(*) FROM persons GROUP BY nationality ORDER BY nationality;"])
        let out = String(decoding: p.stdout, as: UTF8.self)
        #expect(out == "BG|1\nPL|1\n")
        // The board of one night is answered from an index, for analysts as for our benchmark.
        let plan = try ChildProcess.run("/usr/bin/sqlite3", [dir + "/e.sqlite", "EXPLAIN QUERY PLAN SELECT bed FROM bed_nights WHERE night = '2026-11-23';"])
        let planText = String(decoding: plan.stdout, as: UTF8.self)
        #expect(planText.contains("USING INDEX bed_nights_night"), "\(planText)")
        try ExportWriter.write(tables, format: "csv", to: dir + "/csv", pseudonymised: true, excel: true)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/csv/bed_nights.csv")))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a UTF-8 BOM for Excel")
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(csv.hasPrefix("person_key;night;location") && csv.contains("\r\n"))
        #expect(CSVWriter().field("a,\"b\"") == "\"a,\"\"b\"\"\"")
        #expect(throws: (any Error).self) { try ExportWriter.write(tables, format: "csv", to: dir + "/csv", pseudonymised: true, excel: false) }
    }

    @Test("Identifiable exports only for supervisors; every export is recorded")
    func recorded() throws {
        let dir = "/tmp/odx-\(getpid())-rec"
        let s = try Self.journal(dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: StoreError.self) { try s.execute(.recordExport(format: "csv", identifiable: true), actor: 2) }
        try s.execute(.recordExport(format: "csv", identifiable: false), actor: 2)
        try s.execute(.recordExport(format: "sqlite", identifiable: true), actor: 1)
        #expect(s.state.exportCount == 2)
    }
}
