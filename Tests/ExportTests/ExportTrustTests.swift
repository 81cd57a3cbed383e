import Crypto
import Foundation
import Journal
@testable import Services
import ShelterDomain
import Testing
@testable import DeskApp
#if canImport(Glibc)
import Glibc
#endif

/// Issue #18 for exports: files private from the first byte, partial files removed, the key
/// never silently replaced, no spreadsheet formulas smuggled in through names.
@Suite("Exports: trust boundaries", .serialized)
struct ExportTrustTests {
    /// Permission bits, and 0o40000 added for a folder (so a folder is expected as 0o40700).
    static func mode(_ path: String) -> mode_t? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return st.st_mode & 0o777 | ((st.st_mode & S_IFMT) == S_IFDIR ? 0o40000 : 0)
    }

    static func tables(_ s: EventStore) throws -> [ExportTable] {
        ExportBuilder.tables(s.state, identifiable: true, key: try ExportKey.load(forJournal: s.path), today: Day.parseISO("2026-11-23")!)
    }

    @Test("Every export file (and SQLite's journal) is 0600 while it is written, not only after", arguments: ["csv", "json", "sqlite"])
    func modesDuringWrite(_ format: String) throws {
        let dir = "/tmp/odx-\(getpid())-modes-\(format)"
        let s = try ExportTests.journal(dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tables = try Self.tables(s)
        var seen: [String: mode_t] = [:]
        let old = umask(0)  // a careless process umask must not matter
        defer { umask(old) }
        try ExportWriter.write(tables, format: format, to: dir + "/out", pseudonymised: false, excel: false) { path in
            if let m = Self.mode(path) { seen[path] = m }
            // Everything else in the folder at that moment too.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasPrefix("out") {
                if let m = Self.mode(dir + "/" + name) { seen[dir + "/" + name] = m }
            }
        }
        #expect(!seen.isEmpty)
        if format == "sqlite" { #expect(seen.keys.contains { $0.hasSuffix("-journal") }, "SQLite's rollback journal was looked at: \(seen.keys)") }
        for (path, m) in seen {
            #expect(m == 0o600 || m == 0o40700, "\(path) was \(String(m, radix: 8)) during the write")
        }
        #expect(Self.mode(dir + "/out") == (format == "csv" ? 0o40700 : 0o600))
    }

    @Test("A failed write leaves no partial file (nor SQLite's journal) behind")
    func partialRemoved() throws {
        let dir = "/tmp/odx-\(getpid())-partial"
        let s = try ExportTests.journal(dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var tables = try Self.tables(s)
        tables.append(ExportTable(name: "bad name;", columns: ["x"], rows: [[.text("y")]]))
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: dir))
        for format in ["sqlite", "csv"] {
            if format == "csv" { tables[tables.count - 1].name = "no/such/folder" }
            #expect(throws: (any Error).self) { try ExportWriter.write(tables, format: format, to: dir + "/out", pseudonymised: false, excel: false) }
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir)) == before)
        }
    }

    @Test("An unreadable or damaged export key is never replaced: the export is refused with a message")
    func keyNeverReplaced() throws {
        let dir = "/tmp/odx-\(getpid())-key"
        let s = try ExportTests.journal(dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let keyPath = ExportKey.path(forJournal: s.path)
        try FileManager.default.createDirectory(atPath: keyPath, withIntermediateDirectories: false)
        do { _ = try ExportKey.load(forJournal: s.path); Issue.record("a key was made over an unreadable one") } catch {
            #expect("\(error)".contains("not replaced") && "\(error)".contains("cannot be read"))
        }
        var st = stat()
        #expect(lstat(keyPath, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR, "left as it was")
        try FileManager.default.removeItem(atPath: keyPath)
        FileManager.default.createFile(atPath: keyPath, contents: Data("not a key\n".utf8))
        #expect(throws: (any Error).self) { try ExportKey.load(forJournal: s.path) }
        #expect(FileManager.default.contents(atPath: keyPath) == Data("not a key\n".utf8))
        // A missing key is made once, 0600, and then reused.
        try FileManager.default.removeItem(atPath: keyPath)
        let k1 = try ExportKey.load(forJournal: s.path)
        #expect(Self.mode(keyPath) == 0o600)
        #expect(try ExportKey.load(forJournal: s.path) == k1)
    }

    @Test("CSV cells that would be formulas get a leading quote, in plain and Excel CSV", arguments: [false, true])
    func formulaCells(_ excel: Bool) throws {
        let w = CSVWriter(excel: excel)
        let sep = excel ? ";" : ","
        #expect(w.field("=HYPERLINK(\"http://evil\")") == "\"'=HYPERLINK(\"\"http://evil\"\")\"")
        #expect(w.field("=1+2") == "'=1+2")
        #expect(w.field("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0")
        #expect(w.field("-2+3") == "'-2+3")
        #expect(w.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(w.field("\tx") == "'\tx")
        #expect(w.field("\rx") == "\"'\rx\"")
        #expect(w.field("\r\nx") == "\"'\r\nx\"")
        for harmless in ["Centrum", "A1", "2026-11-23", "12", "", "O'Brien", "x=1"] { #expect(w.field(harmless) == harmless) }
        #expect(w.field("a\(sep)b") == "\"a\(sep)b\"")

        // Through a whole export: a location, room and bed named like formulas.
        let dir = "/tmp/odx-\(getpid())-formula-\(excel)"
        let s = try ExportTests.journal(dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try s.execute(.addLocation(name: "=HYPERLINK(\"http://evil\",\"klik\")", municipality: "U", policy: StayPolicy(maxNights: 28)), actor: 1)
        let loc = try #require(s.state.inventory.locations.values.first { $0.name.hasPrefix("=") }?.id)
        try s.execute(.addRoom(location: loc, name: "+cmd|' /C calc'!A0"), actor: 1)
        let room = try #require(s.state.inventory.rooms.values.first { $0.name.hasPrefix("+") }?.id)
        try s.execute(.addBed(room: room, label: "@SUM(1)", attributes: []), actor: 1)
        let bed = try #require(s.state.inventory.beds.values.first { $0.label.hasPrefix("@") }?.id)
        try s.execute(.assignBed(night: Day.parseISO("2026-11-23")!, bed: bed, client: 2), actor: 1)
        try ExportWriter.write(try Self.tables(s), format: "csv", to: dir + "/csv", pseudonymised: true, excel: excel)
        for file in try FileManager.default.contentsOfDirectory(atPath: dir + "/csv") {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/csv/" + file)), as: UTF8.self)
            for line in text.split(separator: "\r\n") {
                for cell in line.split(separator: Character(sep), omittingEmptySubsequences: false) {
                    let c = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
                    #expect(!["=", "+", "-", "@"].contains(c.first.map(String.init) ?? ""), "\(file): \(cell)")
                }
            }
            if file == "bed_nights.csv" { #expect(text.contains("'=HYPERLINK") && text.contains("'+cmd") && text.contains("'@SUM(1)")) }
        }
    }

    @Test("PINs: 8 digits at least; hashes made with the old, cheaper cost still verify; a login stays under 0.5 s")
    func pinCost() throws {
        let t = Strings(lang: "en")
        #expect(PinHasher.problem("12345", strings: t) != nil && PinHasher.problem("1234567", strings: t) != nil)
        #expect(PinHasher.problem("12345678", strings: t) == nil)
        let old = PinCredential(algorithm: PinHasher.algorithm, rounds: 210_000, salt: [1, 2, 3, 4],
                                hash: PinHasher.derive(pin: "24680", salt: [1, 2, 3, 4], rounds: 210_000))
        #expect(PinHasher.verify(pin: "24680", against: old) && !PinHasher.verify(pin: "24681", against: old))
        let c = PinHasher.make(pin: "24680135")
        #expect(c.rounds == PinHasher.rounds && c.rounds >= 800_000)
        let start = Date()
        #expect(PinHasher.verify(pin: "24680135", against: c))
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 2, "a login took \(seconds) s (target < 0.5 s on an idle core)")
        // An offline search of every PIN of the minimum length takes at least a month on one core.
        #expect(pow(10, Double(PinHasher.minimumLength)) * seconds > 30 * 86_400)
    }
}
