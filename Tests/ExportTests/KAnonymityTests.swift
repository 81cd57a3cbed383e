import Crypto
import Foundation
import Journal
import Services
import ShelterDomain
import Testing
@testable import DeskApp

@Suite("Exports: k-anonymity on the quasi-identifiers, no health columns, linkage keys")
struct KAnonymityTests {
    static let quasi = ["birth_year", "nationality", "gender", "arrived_nl_month", "location"]

    static func demo(_ dir: String) throws -> EventStore {
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        _ = try DemoGenerator.write(path: dir + "/d.onderdak", seed: 1, today: Day.parseISO("2026-11-23")!, rules: nil)
        return try EventStore.open(path: dir + "/d.onderdak", writable: false, clock: { Timestamp(utcDay: Day.parseISO("2026-11-23")!, seconds: 70000) })
    }

    static func combinations(_ t: ExportTable) -> [[String]] {
        let idx = quasi.map { q in t.columns.firstIndex(of: q)! }
        return t.rows.map { r in idx.map { r[$0].csv } }
    }

    @Test("The default export meets k = 5 on birth year, nationality, gender, arrival month and location; --k changes it")
    func demoMeetsK() throws {
        let dir = "/tmp/odx-\(getpid())-kanon"
        let s = try Self.demo(dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let key = SymmetricKey(size: .bits256)
        let today = Day.parseISO("2026-11-23")!
        let persons = ExportBuilder.tables(s.state, identifiable: false, key: key, today: today)[0]
        #expect(persons.rows.count == s.state.files.clients.values.filter { $0.mergedInto == nil }.count)
        var classes: [[String]: Int] = [:]
        for c in Self.combinations(persons) { classes[c, default: 0] += 1 }
        #expect(classes.values.allSatisfy { $0 >= 5 }, "\(classes.filter { $0.value < 5 })")
        // Health columns and what refines birth year are gone; identifiable exports keep them.
        for gone in ["problems", "vulnerabilities", "age_band", "birth_estimated"] { #expect(!persons.columns.contains(gone)) }
        let full = ExportBuilder.tables(s.state, identifiable: true, key: key, today: today)[0]
        #expect(full.columns.contains("problems") && full.columns.contains("vulnerabilities") && full.columns.contains("birth_date"))
        #expect(!full.columns.contains("location"), "the identifiable export is unchanged")
        // A smaller k keeps more detail, and still holds.
        let k2 = ExportBuilder.tables(s.state, identifiable: false, key: key, today: today, k: 2)[0]
        #expect(KAnonymizer.satisfies(Self.combinations(k2), k: 2))
        #expect(Set(Self.combinations(k2)).count > Set(Self.combinations(persons)).count)
    }

    @Test("The anonymiser: a hand-made table, the least coarse answer, suppression only of a group of k or more")
    func anonymiser() {
        // Ten people: years 1980–1989, all PL, gender m except two.
        let years = (0..<10).map { ["\(1980 + $0)", $0 < 5 ? "1980-1984" : "1985-1989", "*"] }
        let gender = (0..<10).map { [$0 < 8 ? "m" : "v", "*"] }
        let attrs = [KAnonymizer.Attribute(name: "year", ladders: years), KAnonymizer.Attribute(name: "gender", ladders: gender)]
        // Five-year bands with gender leave 1985-1989/m (3) and /v (2): five records, as many as k, so
        // they may be suppressed together (all "*"), which costs less than giving up gender.
        let r = KAnonymizer(attributes: attrs, k: 5).run()
        #expect(KAnonymizer.satisfies(r.rows, k: 5))
        #expect(r.levels == ["year": 1, "gender": 0] && r.suppressed == 5)
        #expect(r.rows[0] == ["1980-1984", "m"] && r.rows[9] == ["*", "*"])
        // Without suppression: gender goes too, bands stay.
        let strict = KAnonymizer(attributes: attrs, k: 5, maxSuppressed: 0).run()
        #expect(strict.levels == ["year": 1, "gender": 1] && strict.suppressed == 0)
        #expect(strict.rows[0] == ["1980-1984", "*"] && strict.rows[9] == ["1985-1989", "*"])
        // Fewer records than k: everything is "*".
        let tiny = KAnonymizer(attributes: [KAnonymizer.Attribute(name: "year", ladders: Array(years.prefix(3)))], k: 5).run()
        #expect(tiny.rows.allSatisfy { $0 == ["*"] })
    }

    @Test("Linkage keys: the same person under different spellings, scripts and word order gets one key; other people, another")
    func linkage() throws {
        let key = SymmetricKey(size: .bits256)
        let birth = BirthDate.exact(Day.parseISO("1987-03-12")!)
        func k(_ g: String, _ f: String, _ b: BirthDate? = birth, _ n: String = "PL") -> String {
            LinkageKey.value(of: Client(id: 1, givenNames: g, familyNames: f, birth: b, nationality: n), key: key)
        }
        #expect(k("Łukasz", "Wójcik") == k("Lukasz", "Wojcik"))
        #expect(k("Łukasz", "Wójcik") == k("Wójcik", "Łukasz"), "given and family name swapped")
        #expect(k("Иван", "Петров", birth, "BG") == k("Ivan", "Petrov", birth, "bg"))
        #expect(k("Ștefan", "Popescu", birth, "RO") == k("Ştefan", "Popescu", birth, "RO"))
        #expect(k("Łukasz", "Wójcik") != k("Dariusz", "Wójcik"))
        #expect(k("Łukasz", "Wójcik") != k("Łukasz", "Wójcik", .exact(Day.parseISO("1987-03-13")!)))
        #expect(k("Łukasz", "Wójcik") != k("Łukasz", "Wójcik", birth, "RO"))
        #expect(k("Łukasz", "Wójcik", nil) == "", "no birth date: not linkable")
        #expect(k("Łukasz", "Wójcik").count == 32 && !k("Łukasz", "Wójcik").contains("lukasz"))
        #expect(k("Łukasz", "Wójcik") != LinkageKey.value(of: Client(id: 1, givenNames: "Łukasz", familyNames: "Wójcik", birth: birth, nationality: "PL"),
                                                          key: SymmetricKey(size: .bits256)), "another region's key, another value")
        #expect(LinkageNormalizer.message(givenNames: "Wójcik", familyNames: "Łukasz", birth: birth, nationality: "pl")
                == "onderdak-linkage-v1\u{1F}lukasz wojcik\u{1F}1987-03-12\u{1F}PL")
        // Unique persons over several organisations' key lists.
        let u = UniquePersons(keys: [["a", "b", "c", ""], ["b", "c", "d", "d"]])
        #expect(u.unique == 4 && u.inMoreThanOne == 2 && u.unlinkable == 1 && u.rowsPerInput == [4, 4])
    }
}
