import Foundation
import Testing

/// Issue #16 end to end through `onderdak do`: the stay limit binds only those it applies to,
/// and every refusal is counted in `report refusals`.
@Suite("End to end: entitlement drives the stay limit; refusals are counted")
struct EntitlementE2ETests {
    static let beds = #"{"locations":[{"name":"Klein","municipality":"Testdorp","policy":{"max_nights":5,"window_days":30,"cutoff":"23:00","twenty_four_hour_needs_approval":true},"rooms":[{"name":"Zaal","bed_prefix":"K","bed_count":3,"attributes":[]}]}]}"#

    @Test("5-night limit: likely gets a 6th night, not_shown is refused with stay_limit_reached, a Dutch national is never limited")
    func limitByEntitlement() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j]).code == 0)
        try Self.beds.write(toFile: dir + "/beds.json", atomically: true, encoding: .utf8)
        #expect(try Harness.run(["beds", "import", "--journal", j, dir + "/beds.json", "--as", "teamleider"]).code == 0)
        let register = """
        {"command":"register_client","given_names":"Piotr","family_name":"Zieliński","nationality":"PL","gender":"male","birth_date":"1980-04-02","arrived_nl":"2025-01-10","consent":{"given":true,"purpose_explained":true,"language":"pl"}}
        {"command":"register_client","given_names":"Andrei","family_name":"Popa","nationality":"RO","gender":"male","arrived_nl":"2026-10-15","consent":{"given":true,"purpose_explained":true,"language":"ro"}}
        {"command":"register_client","given_names":"Jan","family_name":"de Vries","nationality":"NL","gender":"male"}

        """
        let r1 = try Harness.run(["do", "--journal", j], stdin: register)
        #expect(r1.code == 0, "\(r1.stderr)")
        let ids = r1.stdout.split(separator: "\n").compactMap { line -> Int? in
            guard let d = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return d["client"] as? Int
        }
        try #require(ids.count == 3)
        let (piotr, andrei, jan) = (ids[0], ids[1], ids[2])
        var lines = [
            #"{"command":"record_assessment","client":\#(piotr),"answers":{"assessment_date":"2026-11-23","nationality":"PL","arrived_nl":"2025-01-10","working_now":true,"hours_per_week":30,"evidence":["id","payslips"]}}"#,
            #"{"command":"record_assessment","client":\#(andrei),"answers":{"assessment_date":"2026-11-23","nationality":"RO","arrived_nl":"2026-10-15"}}"#,
        ]
        for d in 1...6 {
            for (c, bed) in [(piotr, "K1"), (andrei, "K2"), (jan, "K3")] {
                lines.append(#"{"command":"assign_bed","client":\#(c),"location":"Klein","bed":"\#(bed)","night":"2026-12-0\#(d)"}"#)
            }
        }
        let r2 = try Harness.run(["do", "--journal", j], stdin: lines.joined(separator: "\n") + "\n")
        #expect(r2.code == 0, "\(r2.stderr)")
        let out = r2.stdout.split(separator: "\n").map(String.init)
        try #require(out.count == lines.count)
        #expect(out[0].contains(#""outcome":"likely","ground":"worker""#))
        #expect(out[1].contains(#""outcome":"not_shown","ground":"first_three_months""#))
        let sixth = Array(out.suffix(3))
        #expect(sixth[0].hasPrefix(#"{"ok":true"#), "likely: a 6th night — \(sixth[0])")
        #expect(sixth[1].hasPrefix(#"{"ok":false,"refused":"stay_limit_reached""#), "not_shown: refused — \(sixth[1])")
        #expect(sixth[2].hasPrefix(#"{"ok":true"#), "Dutch national: never limited — \(sixth[2])")
        #expect(!out.dropLast(3).contains { $0.contains(#""ok":false"#) }, "the first five nights are given to all three")
        let report = try Harness.run(["report", "refusals", "--journal", j, "--from", "2026-12-01", "--to", "2026-12-31", "--format", "json", "--no-suppress"])
        #expect(report.code == 0)
        #expect(report.stdout.contains(#"{"reason":"stay_limit_reached","checklist_outcome":"not_shown","count":1}"#), "\(report.stdout)")
        let suppressed = try Harness.run(["report", "refusals", "--journal", j, "--from", "2026-12-01", "--to", "2026-12-31", "--format", "json"])
        #expect(suppressed.stdout.contains(#""count":"<5""#))
        let board = try Harness.run(["board", "--journal", j, "--night", "2026-12-06", "--format", "json"])
        #expect(board.stdout.contains(#""bed":"K1","state":"reserved","client_id":\#(piotr),"nights_used":6,"nights_allowed":null"#), "no limit shown for the entitled: \(board.stdout.suffix(600))")
        #expect(try Harness.run(["verify", "--deep", "--journal", j]).code == 0, "verify --deep agrees with the decider on who is limited")
    }

    @Test("do: malformed lines exit 2 naming line and field; nothing of them is written; --list names every command")
    func malformed() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j]).code == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: j))
        for (input, needle) in [("{\"command\":\"assign_bed\",\"client\":1,\"bed\":\"A1\",\"night\":\"2026-02-30\"}", "line 1, field \"night\""),
                                ("{\"command\":\"asign_bed\"}", "field \"command\""),
                                ("{\"command\":\"register_client\",\"given_names\":\"X\",\"family_name\":\"Y\",\"nationality\":\"PL\",\"gender\":\"male\",\"shoe_size\":44}", "shoe_size"),
                                ("not json", "line 1"),
                                ("\n{\"command\":\"check_in\"}", "line 2, field \"client\"")] {
            let r = try Harness.run(["do", "--journal", j], stdin: input + "\n")
            #expect(r.code == 2, "\(input)")
            #expect(r.stderr.contains(needle), "\(input): \(r.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: j)) == before, "nothing written")
        let list = try Harness.run(["do", "--list"])
        for name in ["register_client", "record_assessment", "assign_bed", "check_in", "request_extension", "decide_extension", "record_exit"] {
            #expect(list.stdout.contains(name + ":"))
        }
    }

    @Test("do on a real journal: --as is required, the PIN comes from --pin-fd (never argv), a wrong one records nothing but the failed login")
    func realJournalNeedsPIN() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/real.onderdak"
        try TrustCLITests.initJournal(j)
        let register = #"{"command":"register_client","given_names":"Ana","family_name":"Pop","nationality":"RO","gender":"female"}"#
        let noActor = try Harness.run(["do", "--journal", j], stdin: register + "\n", env: TrustCLITests.real)
        #expect(noActor.code == 2 && noActor.stderr.contains("--as"), "\(noActor.stderr)")
        let wrong = try Harness.run(["do", "--journal", j, "--as", "ineke", "--pin-fd", "0"], stdin: "99999999\n" + register + "\n", env: TrustCLITests.real)
        #expect(wrong.code == 1 && wrong.stdout.isEmpty)
        let right = try Harness.run(["do", "--journal", j, "--as", "ineke", "--pin-fd", "0"], stdin: TrustCLITests.pin + "\n" + register + "\n", env: TrustCLITests.real)
        #expect(right.code == 0 && right.stdout.contains(#""ok":true"#) && right.stdout.contains(#""client":1"#), "\(right.stderr)")
        let pretend = try Harness.run(["do", "--journal", j, "--as", "ineke", "--pin-fd", "0"], stdin: TrustCLITests.pin + "\n" + register + "\n")
        #expect(pretend.code == 1 && pretend.stderr.contains("ONDERDAK_NOW"), "a pretend clock is refused on a real journal")
        #expect(try Harness.run(["verify", "--deep", "--journal", j], env: TrustCLITests.real).code == 0)
    }
}
