import CommandSupport
import Foundation
import Testing

@Suite("End to end: the command line", .serialized)
struct CLITests {
    @Test("checklist evaluate: the contract JSON, from a file and from stdin")
    func evaluate() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let answers = #"{"assessment_date":"2026-11-23","nationality":"PL","arrived_nl":"2026-01-15","work_history_months":5,"last_work_end":"2026-07-31","unemployment_involuntary":true,"registered_jobseeker_uwv":true,"evidence":["id","dismissal","uwv_registration","payslips"]}"#
        try answers.write(toFile: dir + "/a.json", atomically: true, encoding: .utf8)
        let expected = #"{"outcome":"likely","ground":"retained_worker_6_months","valid_until":"2027-01-31","missing_evidence":[],"legal_basis":"Directive 2004/38/EC art. 7(3)(c)","rule_set":"2024.2"}"#
        let fromFile = try Harness.run(["checklist", "evaluate", "--answers", dir + "/a.json"])
        #expect(fromFile.code == 0)
        #expect(fromFile.stdout == expected + "\n")
        let fromStdin = try Harness.run(["checklist", "evaluate", "--answers", "-"], stdin: answers)
        #expect(fromStdin.code == 0)
        #expect(fromStdin.stdout == expected + "\n")
        let old = try Harness.run(["checklist", "evaluate", "--answers", "-", "--rule-set", "2024.1"], stdin: answers)
        #expect(old.code == 0 && old.stdout.contains(#""rule_set":"2024.1""#))
        // A third-country spouse: in scope from 2024.2, out of scope under 2024.1.
        let spouse = #"{"assessment_date":"2026-11-23","nationality":"MA","arrived_nl":"2025-09-01","family_of_entitled":true,"evidence":["id","relationship_proof"]}"#
        #expect(try Harness.run(["checklist", "evaluate", "--answers", "-"], stdin: spouse).stdout.contains(#""ground":"third_country_family_member""#))
        #expect(try Harness.run(["checklist", "evaluate", "--answers", "-", "--rule-set", "2024.1"], stdin: spouse).stdout.contains(#""ground":"third_country_national""#))
        let unknown = try Harness.run(["checklist", "evaluate", "--answers", "-", "--rule-set", "2023.9\u{1B}]52;c;x\u{07}"], stdin: answers)
        #expect(unknown.code == 2 && unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("2024.1") && unknown.stderr.contains("2024.2"), "names the known versions: \(unknown.stderr)")
        #expect(!unknown.stderr.contains("\u{1B}") && !unknown.stderr.contains("\u{07}"), "control characters are escaped, not sent to the terminal")
    }

    @Test("checklist evaluate: malformed answers exit 2 naming the field",
          arguments: [(#"{"assessment_date":"2026-02-30","nationality":"PL","arrived_nl":"2026-01-01"}"#, "assessment_date"),
                      (#"{"assessment_date":"2026-11-23","nationality":"PL","arrived_nl":"2026-01-01","hours":3}"#, "hours"),
                      (#"{"assessment_date":"2026-11-23","nationality":"PL","arrived_nl":"2026-01-01","working_now":1}"#, "working_now"),
                      (#"{"assessment_date":"2026-11-23","arrived_nl":"2026-01-01"}"#, "nationality"),
                      (#"{"assessment_date":"2026-11-23""#, "JSON")])
    func malformed(_ json: String, _ field: String) throws {
        let r = try Harness.run(["checklist", "evaluate", "--answers", "-"], stdin: json)
        #expect(r.code == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(field))
    }

    @Test("demo → verify --deep is clean and prints the head; torn tail exits 3, corruption exits 1")
    func demoAndVerify() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        let demo = try Harness.run(["demo", "--journal", j, "--today", "2026-11-23"])
        #expect(demo.code == 0)
        let again = try Harness.run(["demo", "--journal", j])
        #expect(again.code != 0, "a demo never overwrites a journal")
        #expect(again.stderr.contains("already exists"))
        let ok = try Harness.run(["verify", "--deep", "--journal", j])
        #expect(ok.code == 0)
        #expect(ok.stdout.contains("head hash:"))
        #expect(ok.stdout.contains("0 violation(s)"))
        let head = ok.stdout.split(separator: "\n").first { $0.hasPrefix("head hash:") }!.split(separator: " ").last!
        #expect(try Harness.run(["verify", "--journal", j, "--expect-head", String(head)]).code == 0)
        #expect(try Harness.run(["verify", "--journal", j, "--expect-head", String(repeating: "0", count: 64)]).code == 1)
        // Torn tail.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: j))
        let original = bytes
        bytes.removeLast(7)
        try bytes.write(to: URL(fileURLWithPath: j))
        let torn = try Harness.run(["verify", "--journal", j])
        #expect(torn.code == 3)
        #expect(torn.stdout.contains("TORN TAIL"))
        // Corruption in the middle.
        var damaged = original
        damaged[damaged.count / 2] ^= 0xFF
        try damaged.write(to: URL(fileURLWithPath: j))
        let bad = try Harness.run(["verify", "--journal", j])
        #expect(bad.code == 1)
        #expect(bad.stdout.contains("CORRUPT: record"))
        #expect(bad.stdout.contains("byte offset"))
    }

    @Test("Two processes appending 1,000 records each: 2,000 records, a valid chain, nothing interleaved")
    func twoProcesses() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/j.onderdak"
        #expect(try Harness.run(["demo", "--journal", j, "--today", "2026-11-23"]).code == 0)
        let before = try Harness.run(["verify", "--journal", j])
        let eventsBefore = Int(before.stdout.split(separator: "\n").first { $0.hasPrefix("last sequence:") }!.split(separator: " ").last!)!
        let a = try Harness.start(["stress-register", "--journal", j, "--count", "1000", "--tag", "A"])
        let b = try Harness.start(["stress-register", "--journal", j, "--count", "1000", "--tag", "B"])
        a.waitUntilExit(); b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        let after = try Harness.run(["verify", "--deep", "--journal", j])
        #expect(after.code == 0)
        #expect(after.stdout.contains("last sequence: \(eventsBefore + 2000)"))
    }

    @Test("The product's help lists no development tool; they run from onderdak-dev only")
    func devToolsAreSeparate() throws {
        let help = try Harness.run(["--help"])
        #expect(help.code == 0)
        #expect(help.stdout.contains("verify") && help.stdout.contains("export"))
        #expect(!help.stdout.contains("stress"))
        let direct = try ChildProcess.run(Harness.binary, ["stress-register", "--count", "1"])
        #expect(direct.status != 0, "onderdak itself no longer has stress-register")
        let dev = try Harness.run(["stress-fuzz", "--help"])
        #expect(dev.code == 0)
        let text = String(decoding: try ChildProcess.run(Harness.devBinary, ["--help"]).stdout, as: UTF8.self)
        for tool in ["stress-bitflip", "stress-fuzz", "stress-ui", "stress-frames", "stress-register", "stress-assign", "stress-tamper"] {
            #expect(text.contains(tool), "onderdak-dev --help lists \(tool)")
        }
    }

    @Test("Errors go to stderr with a sentence and a non-zero exit")
    func errors() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let missing = try Harness.run(["verify", "--journal", dir + "/nope"])
        #expect(missing.code == 1)
        #expect(missing.stderr.contains("no journal at"))
        try "not a journal".write(toFile: dir + "/x", atomically: true, encoding: .utf8)
        let wrong = try Harness.run(["verify", "--journal", dir + "/x"])
        #expect(wrong.code == 1)
        #expect(wrong.stderr.contains("not an Onderdak journal"))
        let version = try Harness.run(["--version"])
        #expect(version.code == 0 && !version.stdout.isEmpty)
        for sub in [["verify"], ["demo"], ["checklist", "evaluate"]] {
            let help = try Harness.run(sub + ["--help"])
            #expect(help.code == 0 && help.stdout.contains("USAGE"))
        }
    }
}

@Suite("End to end: staff administration")
struct UserCLITests {
    @Test("user add / list / deactivate: supervisors only, PIN checked, PINs never printed or stored in clear")
    func userAdmin() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j]).code == 0)
        let addSup = try Harness.run(["user", "add", "--journal", j, "--username", "anna", "--name", "Anna Nowak", "--role", "supervisor", "--as", "teamleider"], stdin: "86420864\n")
        #expect(addSup.code == 0)
        let wrong = try Harness.run(["user", "add", "--journal", j, "--username", "piotr", "--name", "Piotr", "--role", "desk", "--as", "anna"], stdin: "11111111\n97531975\n")
        #expect(wrong.code == 1)
        #expect(wrong.stderr.contains("wrong PIN"))
        let byDesk = try Harness.run(["user", "add", "--journal", j, "--username", "piotr", "--name", "Piotr", "--role", "desk", "--as", "balie"], stdin: "\n97531975\n")
        #expect(byDesk.code == 1)
        let ok = try Harness.run(["user", "add", "--journal", j, "--username", "piotr", "--name", "Piotr Zieliński", "--role", "desk", "--as", "anna"], stdin: "86420864\n97531975\n")
        #expect(ok.code == 0)
        let shortPIN = try Harness.run(["user", "add", "--journal", j, "--username", "ewa", "--name", "Ewa", "--role", "desk", "--as", "anna"], stdin: "86420864\n123\n")
        #expect(shortPIN.code == 2)
        #expect(try Harness.run(["user", "deactivate", "--journal", j, "--username", "piotr", "--as", "anna"], stdin: "86420864\n").code == 0)
        let list = try Harness.run(["user", "list", "--journal", j])
        #expect(list.code == 0)
        #expect(list.stdout.contains("Piotr Zieliński"))
        #expect(list.stdout.split(separator: "\n").contains { $0.contains("piotr") && $0.contains(" no ") })
        #expect(!list.stdout.contains("97531975") && !list.stdout.contains("86420864"))
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: j)), as: UTF8.self)
        #expect(!raw.contains("97531975") && !raw.contains("86420864"))
        #expect(try Harness.run(["verify", "--deep", "--journal", j]).code == 0)
    }
}

@Suite("Benchmark smoke run")
struct BenchSmokeTests {
    @Test("onderdak-bench runs on a tiny data set, prints every figure with its reference, spread and verdict, and writes results.json")
    func smoke() throws {
        let bench = URL(fileURLWithPath: Harness.binary).deletingLastPathComponent().appendingPathComponent("onderdak-bench").path
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let results = dir + "/results.json"
        // The city and the callgrind counts belong to make bench; here only the journal and search figures.
        let p = try ChildProcess.run(bench, ["3000", "10", "2000", "20"],
                                     environment: ["BENCH_CITY_YEARS": "0", "BENCH_CALLGRIND": "0", "BENCH_RESULTS": results, "PATH": "/usr/bin:/bin"])
        let text = String(decoding: p.stdout, as: UTF8.self)
        // 0: every median met its target; 1: one missed it (a tiny data set is all process start-up).
        #expect(p.status == 0 || p.status == 1, "exit \(p.status)")
        for figure in ["replay", "verify", "durable append p50", "durable append p99", "search p50", "search p99"] {
            #expect(text.split(separator: "\n").contains { $0.hasPrefix(figure) && ($0.contains("PASS") || $0.contains("FAIL")) && $0.contains("–") }, "\(figure)")
        }
        #expect(text.contains("sha256sum"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: results))) as? [[String: Any]] ?? []
        let names = Set(json.compactMap { $0["name"] as? String })
        #expect(names.isSuperset(of: ["replay_1m", "verify_1m", "append_p50", "append_p99", "search_p99"]), "\(names)")
        for entry in json {
            for key in ["name", "value", "unit", "reference", "ratio", "target", "pass"] { #expect(entry[key] != nil, "\(key) in \(entry)") }
        }
        let failed = json.filter { ($0["pass"] as? Bool) == false }
        #expect((p.status == 1) == !failed.isEmpty, "the exit code says whether a median missed its target")
    }
}

@Suite("End to end: checklist norm")
struct NormCLITests {
    @Test("checklist set-norm: supervisors only; bad amounts exit 2")
    func setNorm() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j]).code == 0)
        let ok = try Harness.run(["checklist", "set-norm", "--journal", j, "--from", "01-01-2027", "--monthly", "1432,11",
                                  "--source", "Participatiewet, norm 1-1-2027", "--as", "teamleider"])
        #expect(ok.code == 0)
        #expect(ok.stdout.contains("01-01-2027"))
        #expect(try Harness.run(["checklist", "set-norm", "--journal", j, "--from", "2027-01-01", "--monthly", "veel", "--source", "x", "--as", "teamleider"]).code == 2)
        #expect(try Harness.run(["checklist", "set-norm", "--journal", j, "--from", "2027-02-30", "--monthly", "1500", "--source", "x", "--as", "teamleider"]).code == 2)
        let desk = try Harness.run(["checklist", "set-norm", "--journal", j, "--from", "2027-01-01", "--monthly", "1500", "--source", "x", "--as", "balie"])
        #expect(desk.code == 1)
        #expect(try Harness.run(["verify", "--deep", "--journal", j]).code == 0)
    }
}

@Suite("End to end: board")
struct BoardCLITests {
    @Test("onderdak board --format json: one object per bed with the documented keys")
    func boardJSON() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j, "--today", "2026-11-23"]).code == 0)
        let r = try Harness.run(["board", "--journal", j, "--night", "2026-11-22", "--format", "json"])
        #expect(r.code == 0)
        let data = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        let rows = try #require(data)
        #expect(rows.count == 63)  // 60, and the family room G1–G3 (issue #19)
        for key in ["location", "room", "bed", "state", "client_id", "nights_used", "nights_allowed", "departure", "cold_weather"] {
            #expect(rows.allSatisfy { $0.keys.contains(key) }, "\(key)")
        }
        #expect(rows.contains { ($0["state"] as? String) == "checked_in" })
        #expect(rows.filter { ($0["state"] as? String) == "closed" }.count == 10, "cold-weather beds are closed")
        #expect(rows.contains { ($0["departure"] as? String) == "morning" }, "last night's guests left in the morning")
        // A night of the demo's cold spell: cold-weather beds open, the flag set.
        let cold = try Harness.run(["board", "--journal", j, "--night", "2026-11-12", "--format", "json"])
        let coldRows = try #require(try JSONSerialization.jsonObject(with: Data(cold.stdout.utf8)) as? [[String: Any]])
        #expect(coldRows.allSatisfy { ($0["cold_weather"] as? Bool) == true })
        #expect(!coldRows.contains { ($0["state"] as? String) == "closed" })
        // Tonight one bed is out of service.
        let tonight = try Harness.run(["board", "--journal", j, "--night", "2026-11-23", "--format", "json"])
        #expect(tonight.stdout.contains("\"state\":\"out_of_service\""))
        #expect(try Harness.run(["board", "--journal", j, "--night", "31-02-2026"]).code == 2)
    }
}

@Suite("End to end: bed inventory import")
struct BedsImportTests {
    @Test("beds import adds locations, rooms and beds once; a bad attribute is refused with where it is; nothing half-imported")
    func importInventory() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j, "--today", "2026-11-23"]).code == 0)
        let file = dir + "/beds.json"
        try Data("""
        {"locations": [{"name": "Noord", "municipality": "Utrecht",
          "policy": {"max_nights": 28, "window_days": 90, "cutoff": "22:30", "twenty_four_hour_needs_approval": true},
          "rooms": [{"name": "Zaal 1", "beds": [{"label": "N1"}, {"label": "N2", "attributes": ["accessible"]}]},
                    {"name": "Vrouwen", "bed_prefix": "NV", "bed_count": 3, "attributes": ["women_only"]}]}]}
        """.utf8).write(to: URL(fileURLWithPath: file))
        let r = try Harness.run(["beds", "import", "--journal", j, file, "--as", "teamleider"])
        #expect(r.code == 0)
        #expect(r.stdout.contains("Added 1 location(s), 2 room(s), 5 bed(s)"))
        let again = try Harness.run(["beds", "import", "--journal", j, file, "--as", "teamleider"])
        #expect(again.stdout.contains("Added 0 location(s), 0 room(s), 0 bed(s); 8 already present"))
        let board = try Harness.run(["board", "--journal", j, "--night", "2026-11-23", "--format", "json"])
        #expect(board.stdout.contains("\"location\":\"Noord\",\"room\":\"Vrouwen\",\"bed\":\"NV3\",\"state\":\"free\""))
        try Data(#"{"locations":[{"name":"X","municipality":"Y","rooms":[{"name":"R","beds":[{"label":"1","attributes":["bunk"]}]}]}]}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        let bad = try Harness.run(["beds", "import", "--journal", j, file, "--as", "teamleider"])
        #expect(bad.code == 1)
        #expect(bad.stderr.contains("locations[0].rooms[0].beds[0].attributes: unknown attribute \"bunk\""))
        #expect(!(try Harness.run(["board", "--journal", j, "--format", "json"]).stdout.contains("\"location\":\"X\"")))
        #expect(try Harness.run(["beds", "import", "--journal", j, file, "--as", "balie"]).code == 1, "only supervisors")
        #expect(try Harness.run(["verify", "--deep", "--journal", j]).code == 0)
    }
}

@Suite("End to end: racing desks")
struct RaceTests {
    @Test("Two processes race 1,000 assignments each over 6 beds and 10 nights: no bed given twice, verify --deep agrees")
    func race() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/race.onderdak"
        #expect(try Harness.run(["demo", "--journal", j, "--today", "2026-11-01"]).code == 0)
        let (a, b) = (try ChildProcess(Harness.devBinary, ["stress-assign", "--journal", j, "--count", "1000", "--seed", "1", "--from", "2026-12-01"], stderr: .inherit),
                      try ChildProcess(Harness.devBinary, ["stress-assign", "--journal", j, "--count", "1000", "--seed", "2", "--from", "2026-12-01"], stderr: .inherit))
        let textA = String(decoding: a.standardOutput, as: UTF8.self)
        let textB = String(decoding: b.standardOutput, as: UTF8.self)
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        func assigned(_ s: String) -> Int { Int(s.split(separator: " ").dropFirst().first ?? "") ?? -1 }
        // 6 beds × 10 nights: at most 60 assignments can ever succeed, whoever wins.
        #expect(assigned(textA) + assigned(textB) <= 60)
        #expect(assigned(textA) + assigned(textB) > 0)
        let v = try Harness.run(["verify", "--deep", "--journal", j])
        #expect(v.code == 0)
        #expect(v.stdout.contains("0 violation(s)"))
    }
}

@Suite("End to end: reliability tools (smoke; the full suite is make reliability)")
struct ReliabilitySmokeTests {
    @Test("simulate acknowledges every durable append; bit flips, fuzzing and the UI storm run clean")
    func smoke() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j, "--today", "2026-11-23"]).code == 0)
        let sim = try Harness.run(["simulate", "--journal", j, "--operations", "300", "--seed", "4", "--print-acks", "--location", "Oost"])
        #expect(sim.code == 0)
        let acks = sim.stdout.split(separator: "\n").filter { $0.hasPrefix("ack ") }.compactMap { UInt64($0.dropFirst(4)) }
        #expect(!acks.isEmpty && acks == acks.sorted())
        let verify = try Harness.run(["verify", "--deep", "--journal", j])
        #expect(verify.code == 0 && verify.stdout.contains("last sequence: \(acks.last ?? 0)"))
        #expect(sim.stdout.contains("refusals:") && sim.stdout.contains("latency p50"))
        #expect(try Harness.run(["simulate", "--journal", j]).code == 2, "needs --operations or --seconds")
        let flips = try Harness.run(["stress-bitflip", "--journal", dir + "/small.onderdak", "--make-small", "--max", "400"])
        #expect(flips.code == 0 && flips.stdout.contains("detected 400 (100.00%)"))
        for target in ["codec", "checklist", "beds"] {
            let f = try Harness.run(["stress-fuzz", "--target", target, "--count", "3000", "--seed", "2"])
            #expect(f.code == 0 && f.stdout.contains("crashes 0"), "\(target): \(f.stderr)")
        }
        let ui = try Harness.run(["stress-ui", "--journal", j, "--keys", "1500"])
        #expect(ui.code == 0)
        #expect(try Harness.run(["verify", "--deep", "--journal", j]).code == 0)
    }
}

@Suite("End to end: the city dataset (smoke; the real run is make bench)")
struct CityDemoSmokeTests {
    @Test("The city generator writes a verifiable journal; other scales are refused")
    func smoke() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/city.onderdak"
        let gen = try Harness.run(["demo", "--journal", j, "--scale", "city", "--years", "0", "--today", "2026-11-23"])
        #expect(gen.code == 0 && gen.stdout.contains("400 beds"))
        #expect(try Harness.run(["verify", "--deep", "--journal", j]).code == 0)
        #expect(try Harness.run(["board", "--journal", j, "--night", "2026-11-23", "--format", "json"]).code == 0)
        #expect(try Harness.run(["demo", "--journal", dir + "/x", "--scale", "town"]).code == 2)
    }

    @Test("100 city nights: the first board replays and writes the snapshot, the next reads only the board's part and prints the same; the data has checklist assessments")
    func boardFromSnapshot() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/city.onderdak"
        let gen = try Harness.run(["demo", "--journal", j, "--scale", "city", "--days", "100", "--today", "2026-11-23"])
        #expect(gen.code == 0 && gen.stdout.contains("400 beds"))
        let snapshot = j + ".snapshot"
        #expect(!FileManager.default.fileExists(atPath: snapshot))
        let first = try Harness.run(["board", "--journal", j, "--night", "2026-11-23", "--format", "json"])
        #expect(first.code == 0 && (first.stdout.contains("\"checked_in\"") || first.stdout.contains("\"reserved\"")))
        #expect(FileManager.default.fileExists(atPath: snapshot), "more than 50,000 events replayed: the cache is written")
        #expect((try FileManager.default.attributesOfItem(atPath: snapshot)[.posixPermissions] as? Int) == 0o600)
        for night in ["2026-11-23", "2026-10-01", "2026-08-20"] {
            let fromSnapshot = try Harness.run(["board", "--journal", j, "--night", night, "--format", "json"])
            try FileManager.default.moveItem(atPath: snapshot, toPath: snapshot + ".away")
            let replayed = try Harness.run(["board", "--journal", j, "--night", night, "--format", "json"])
            try? FileManager.default.removeItem(atPath: snapshot)
            try FileManager.default.moveItem(atPath: snapshot + ".away", toPath: snapshot)
            #expect(fromSnapshot.code == 0 && fromSnapshot.stdout == replayed.stdout && fromSnapshot.stdout.count > 1000, "night \(night)")
        }
        #expect(try Harness.run(["verify", "--deep", "--journal", j]).code == 0)
        let sqlite = dir + "/city.sqlite"
        #expect(try Harness.run(["export", "--journal", j, "--format", "sqlite", "--out", sqlite]).code == 0)
        let q = try ChildProcess.run("/usr/bin/sqlite3", [sqlite, "SELECT COUNT(*) > 1000, COUNT(DISTINCT outcome) >= 3 FROM assessments;"])
        #expect(String(decoding: q.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "1|1")
        let frames = try Harness.run(["stress-frames", "--journal", j, "--keys", "60"])
        #expect(frames.code == 0 && frames.stdout.contains("first frame") && frames.stdout.contains("rss MB after open"))
    }
}
