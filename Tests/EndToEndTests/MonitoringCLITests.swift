import Foundation
import Journal
import ShelterDomain
import Testing

@Suite("Monitoring figures through the real binary: outflow, point-in-time count, unique persons across organisations")
struct MonitoringCLITests {
    /// A demo-marked journal of one organisation with the given people (given, family, birth, nationality),
    /// each holding a bed on the night of 22 November.
    static func organisation(_ path: String, name: String, people: [(String, String, String, String)]) throws {
        let clock = { Timestamp(utcDay: Day.parseISO("2026-11-23")!, seconds: 17 * 3600) }
        let s = try EventStore.create(path: path, isDemo: true, label: name, installationID: Array(name.utf8.prefix(16)) + [UInt8](repeating: 1, count: 16 - min(16, name.utf8.count)),
                                      clock: clock)
        try s.execute(.configureShelter(name: name, municipality: "Utrecht"), actor: systemActor)
        try s.execute(.addStaff(username: "sup", displayName: "Sup", role: .supervisor, credential: nil), actor: systemActor)
        try s.execute(.addLocation(name: "Centrum", municipality: "Utrecht", policy: StayPolicy(maxNights: nil)), actor: 1)
        try s.execute(.addRoom(location: 1, name: "A"), actor: 1)
        for (i, p) in people.enumerated() {
            try s.execute(.addBed(room: 1, label: "A\(i + 1)", attributes: []), actor: 1)
            var c = Client(id: 0, givenNames: p.0, familyNames: p.1, birth: .exact(Day.parseISO(p.2)!), gender: .man, nationality: p.3)
            c.details.consent = Consent(status: .given, purposeExplained: true, language: "en", date: Day.parseISO("2026-11-22")!)
            try s.execute(.registerClient(c), actor: 1)
            try s.execute(.assignBed(night: Day.parseISO("2026-11-22")!, bed: Int32(i + 1), client: Int32(i + 1)), actor: 1)
        }
    }

    @Test("Two organisations, overlapping people spelt differently (diacritics, Cyrillic/Latin, word order): report unique counts each once")
    func uniqueAcrossOrganisations() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.organisation(dir + "/a.onderdak", name: "De Haven", people: [
            ("Łukasz", "Wójcik", "1987-03-12", "PL"), ("Иван", "Петров", "1979-05-02", "BG"), ("Ioana", "Țurcanu", "1990-01-01", "RO"),
            ("Győző", "Kovács", "1970-07-07", "HU"),
        ])
        try Self.organisation(dir + "/b.onderdak", name: "Leger des Heils", people: [
            ("Lukasz", "Wojcik", "1987-03-12", "PL"), ("Ivan", "Petrov", "1979-05-02", "BG"), ("Turcanu", "Ioana", "1990-01-01", "RO"),
            ("Jan", "de Vries", "1965-02-03", "NL"),
        ])
        // The region's shared key, made once and handed to both.
        let key = dir + "/region.key"
        try (String(repeating: "ab", count: 16) + String(repeating: "cd", count: 16) + "\n").write(toFile: key, atomically: true, encoding: .utf8)
        for org in ["a", "b"] {
            let r = try Harness.run(["export", "--journal", "\(dir)/\(org).onderdak", "--format", "sqlite", "--out", "\(dir)/\(org).sqlite", "--linkage-key", key])
            #expect(r.code == 0, "\(r.stderr)")
        }
        let u = try Harness.run(["report", "unique", "--inputs", dir + "/a.sqlite", dir + "/b.sqlite", "--format", "json", "--no-suppress"])
        #expect(u.code == 0, "\(u.stderr)")
        let json = try JSONValue.parse(Array(u.stdout.utf8))
        #expect(json["unique_persons"] == .number(5))       // 4 + 4 − 3 shared
        #expect(json["in_more_than_one"] == .number(3))
        #expect(json["unlinkable"] == .number(0))
        // The per-installation person keys differ; only the regional key links.
        let pk = try Harness.run(["report", "unique", "--inputs", dir + "/a.sqlite", "--format", "json", "--no-suppress"])
        #expect(try JSONValue.parse(Array(pk.stdout.utf8))["unique_persons"] == .number(4))
        let plain = dir + "/plain.sqlite"
        #expect(try Harness.run(["export", "--journal", dir + "/a.onderdak", "--format", "sqlite", "--out", plain]).code == 0)
        let missing = try Harness.run(["report", "unique", "--inputs", plain])
        #expect(missing.code == 1 && missing.stderr.contains("--linkage-key"))
        let noKey = try Harness.run(["export", "--journal", dir + "/a.onderdak", "--format", "sqlite", "--out", dir + "/x.sqlite", "--linkage-key", dir + "/none.key"])
        #expect(noKey.code == 1 && noKey.stderr.contains("openssl rand -hex 32"))
    }

    @Test("count: everyone in a bed on the night, documented columns, pseudonymous keys, totals under 5 suppressed")
    func pointInTimeCount() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.organisation(dir + "/a.onderdak", name: "De Haven", people: [
            ("Łukasz", "Wójcik", "1987-03-12", "PL"), ("Иван", "Петров", "1979-05-02", "BG"), ("Jan", "de Vries", "1965-02-03", "NL"),
        ])
        let csv = try Harness.run(["count", "--journal", dir + "/a.onderdak", "--night", "22-11-2026", "--format", "csv"])
        #expect(csv.code == 0, "\(csv.stderr)")
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }  // RFC 4180 line ends
        #expect(lines.first == "night,shelter,person_key,status,location,ethos,nationality_group,gender,age_band,checklist_outcome")
        #expect(lines.count == 4 && lines.dropFirst().allSatisfy { $0.hasPrefix("2026-11-22,De Haven,") && $0.contains(",in_bed,Centrum,") })
        #expect(!csv.stdout.contains("Wójcik") && !csv.stdout.contains("1987"))
        #expect(lines.contains { $0.hasSuffix(",EU-CEE,m,30-39,no") } && lines.contains { $0.hasSuffix(",NL,m,50-64,no") })
        let json = try JSONValue.parse(Array(try Harness.run(["count", "--journal", dir + "/a.onderdak", "--night", "2026-11-22", "--format", "json"]).stdout.utf8))
        #expect(json["totals"]?["persons"] == .string("<5"))
        let open = try JSONValue.parse(Array(try Harness.run(["count", "--journal", dir + "/a.onderdak", "--night", "2026-11-22", "--format", "json", "--no-suppress"]).stdout.utf8))
        #expect(open["totals"]?["persons"] == .number(3) && open["totals"]?["nationality_group"]?["EU-CEE"] == .number(2))
        #expect(try Harness.run(["count", "--journal", dir + "/a.onderdak", "--night", "31-02-2026"]).code == 2)
    }

    @Test("report outflow and occupancy on the demo: the new keys beside the old ones, breakdowns, automatic closures")
    func reportsOnDemo() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j]).code == 0)
        let r = try Harness.run(["report", "outflow", "--journal", j, "--from", "2026-07-01", "--to", "2026-11-23", "--format", "json", "--by", "location"])
        #expect(r.code == 0, "\(r.stderr)")
        let o = try JSONValue.parse(Array(r.stdout.utf8))
        for key in ["from", "to", "counts", "total", "positive", "positive_rate", "national_reference", "unknown", "positive_rate_excluding_unknown",
                    "median_nights_to_exit", "automatic_closures", "corrections", "open_stays", "open_not_seen_7_nights", "categories", "by", "groups"] {
            #expect(o[key] != nil, "missing \(key)")
        }
        guard case .object(let counts)? = o["counts"] else { Issue.record("no counts"); return }
        #expect(counts.count == 15)
        // Every category occurs in the demo's four months.
        let all = try JSONValue.parse(Array(try Harness.run(["report", "outflow", "--journal", j, "--from", "2026-07-01", "--to", "2026-11-23",
                                                             "--format", "json", "--no-suppress"]).stdout.utf8))
        guard case .object(let c)? = all["counts"] else { Issue.record("no counts"); return }
        #expect(c.allSatisfy { $0.1 != .number(0) }, "\(c.filter { $0.1 == .number(0) }.map(\.0))")
        if case .number(let auto)? = all["automatic_closures"] { #expect(auto >= 1) } else { Issue.record("automatic_closures") }
        #expect(all["corrections"] == .number(1))
        #expect(try Harness.run(["report", "outflow", "--journal", j, "--from", "2026-07-01", "--to", "2026-11-23", "--by", "shoe size"]).code == 2)
        let occ = try JSONValue.parse(Array(try Harness.run(["report", "occupancy", "--journal", j, "--from", "2026-11-01", "--to", "2026-11-23",
                                                             "--by", "month", "--format", "json"]).stdout.utf8))
        guard case .array(let rows) = occ, let first = rows.first else { Issue.record("no rows"); return }
        #expect(first["unique_persons"] != nil && first["new_persons"] != nil && first["occupancy_pct"] != nil)
        #expect(try Harness.run(["verify", "--deep", "--journal", j]).code == 0)
    }
}
