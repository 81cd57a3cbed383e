import Foundation
import Journal
import ShelterDomain
import Testing

@Suite("Care through the real binary: minors with a responsible adult, family rooms, referrals list, report care")
struct CareCLITests {
    static func lines(_ out: String) throws -> [JSONValue] {
        try out.split(separator: "\n").map { try JSONValue.parse(Array($0.utf8)) }
    }

    @Test("do: under 18 needs responsible_adult; that minor in a room without `family` is refused minor_not_in_family_room; a family bed is fine")
    func minorsThroughDo() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j, "--today", Harness.tonightISO]).code == 0)
        let consent = #"{"given":true,"purpose_explained":true,"language":"pl"}"#
        let input = [
            #"{"command":"register_client","given_names":"Anna","family_name":"Nowak","nationality":"PL","gender":"female","birth_date":"1990-04-04","consent":\#(consent)}"#,
            #"{"command":"register_client","given_names":"Zofia","family_name":"Nowak","nationality":"PL","gender":"female","birth_date":"2012-04-04","consent":\#(consent)}"#,
            #"{"command":"register_client","given_names":"Zofia","family_name":"Nowak","nationality":"PL","gender":"female","birth_date":"2012-04-04","consent":\#(consent),"responsible_adult":76}"#,
            #"{"command":"assign_bed","client":77,"bed":"S10"}"#,
            #"{"command":"assign_bed","client":77,"bed":"G1"}"#,
            #"{"command":"register_client","given_names":"Jan","family_name":"Nowak","nationality":"PL","gender":"male","birth_date":"2016-01-01","consent":\#(consent),"responsible_adult":76,"interpreter":{"language":"pl","kind":"in_person"}}"#,
        ].joined(separator: "\n") + "\n"
        // The demo has 75 people: Anna becomes 76, Zofia 77.
        let r = try Harness.run(["do", "--journal", j], stdin: input)
        #expect(r.code == 0, "\(r.stderr)")
        let out = try Self.lines(r.stdout)
        #expect(out.count == 6)
        #expect(out[0]["ok"] == .bool(true) && out[0]["client"] == .number(76))
        #expect(out[1]["ok"] == .bool(false) && out[1]["refused"] == .string("responsible_adult_required"))
        #expect(out[2]["ok"] == .bool(true) && out[2]["client"] == .number(77) && out[2]["household"] == .number(2))
        #expect(out[3]["refused"] == .string("minor_not_in_family_room"), "S10 is free tonight but not a family bed")
        #expect(out[4]["refused"] == .string("bed_taken"), "the demo family holds G1 tonight")
        #expect(out[5]["ok"] == .bool(true) && out[5]["client"] == .number(78) && out[5]["household"] == .number(2), "\(r.stdout)")
        let s = try EventStore.open(path: j, writable: false, clock: { Timestamp(milliseconds: 0) }).state
        #expect(s.care.interpreter[78] == InterpreterNeed(language: "pl", kind: .inPerson), "the interpreter need is written with the registration")
        let refusals = try Harness.run(["report", "refusals", "--journal", j, "--from", Harness.tonightISO, "--to", Harness.tonightISO, "--format", "json", "--no-suppress"])
        #expect(refusals.code == 0 && refusals.stdout.contains("minor_not_in_family_room"), "\(refusals.stdout)")
    }

    @Test("referrals list --due --format json on the demo lists the overdue referral with the exact keys")
    func referralsDue() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j, "--today", Harness.tonightISO]).code == 0)
        let r = try Harness.run(["referrals", "list", "--journal", j, "--due", "--format", "json"])
        #expect(r.code == 0, "\(r.stderr)")
        guard case .array(let items) = try JSONValue.parse(Array(r.stdout.utf8)) else { Issue.record("not a list: \(r.stdout)"); return }
        #expect(items.count == 1)
        let x = try #require(items.first)
        guard case .object(let pairs) = x else { Issue.record("not an object"); return }
        #expect(pairs.map(\.0) == ["client_id", "kind", "organisation", "status", "referred_on", "appointment_on", "overdue"])
        #expect(x["client_id"] == .number(16) && x["kind"] == .string("mental_health") && x["status"] == .string("appointment_made"))
        #expect(x["appointment_on"] == .string("2026-11-20") && x["overdue"] == .bool(true))
        #expect(!r.stdout.contains("mental\""), "the reason category is never listed")

        let all = try Harness.run(["referrals", "list", "--journal", j, "--format", "json"])
        guard case .array(let every) = try JSONValue.parse(Array(all.stdout.utf8)) else { Issue.record("not a list"); return }
        let statuses = Set(every.compactMap { if case .string(let s)? = $0["status"] { s } else { nil } })
        #expect(statuses == ["referred", "appointment_made", "attended", "not_attended", "cancelled"])
        #expect(every.filter { $0["overdue"] == .bool(true) }.count == 1)
        let table = try Harness.run(["referrals", "list", "--journal", j, "--due"])
        #expect(table.code == 0 && table.stdout.contains("Mihai Dumitrescu") && table.stdout.contains("OVERDUE"))
        #expect(try Harness.run(["referrals", "list", "--journal", j, "--format", "csv"]).code == 2)
        // For Dutch staff: words and Dutch dates, no codes (JSON above keeps them).
        let dutch = try Harness.run(["referrals", "list", "--journal", j, "--lang", "nl"])
        #expect(dutch.code == 0 && dutch.stdout.contains("VERLOPEN") && dutch.stdout.contains("afspraak gemaakt") && dutch.stdout.contains("organisatie"))
        #expect(!dutch.stdout.contains("appointment_made") && !dutch.stdout.contains("mental_health"))
        #expect(dutch.stdout.range(of: #"\b20\d\d-\d\d-\d\d\b"#, options: .regularExpression) == nil, "no ISO dates in the Dutch table")
        #expect(dutch.stdout.range(of: #"\b\d\d-\d\d-2026\b"#, options: .regularExpression) != nil)
        #expect(try Harness.run(["referrals", "list", "--journal", j, "--lang", "de"]).code == 2)
    }

    @Test("report care: the figures in JSON (exit 0), CSV and a table; suppression of small counts unless --no-suppress")
    func reportCare() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j, "--today", Harness.tonightISO]).code == 0)
        let args = ["report", "care", "--journal", j, "--from", "2026-11-01", "--to", Harness.tonightISO]
        let r = try Harness.run(args + ["--format", "json", "--no-suppress"])
        #expect(r.code == 0, "\(r.stderr)")
        let o = try JSONValue.parse(Array(r.stdout.utf8))
        #expect(o["referrals"]?["total"] == .number(8))
        #expect(o["referrals"]?["by_status"]?["attended"] == .number(2))
        #expect(o["referrals"]?["by_kind"]?["mental_health"]?["appointment_made"] == .number(1))
        #expect(o["cak_scheme_uses"] == .number(3))
        #expect(o["uninsured"] == .number(4) && o["uninsured_with_referral"] == .number(3) && o["uninsured_with_referral_pct"] == .number(75))
        #expect(o["postal_address_granted"] == .number(1) && o["postal_address_requested"] == .number(1) && o["registered"] == .number(1))
        #expect(o["households"] == .number(1) && o["minors"] == .number(2))
        #expect(o["self_reliance"]?["not_self_reliant"] == .number(1))
        let suppressed = try JSONValue.parse(Array(try Harness.run(args + ["--format", "json"]).stdout.utf8))
        #expect(suppressed["minors"] == .string("<5") && suppressed["uninsured_with_referral_pct"] == .null)
        let csv = try Harness.run(args + ["--format", "csv", "--no-suppress"])
        #expect(csv.code == 0 && csv.stdout.hasPrefix("figure,kind,status,count") && csv.stdout.contains("referrals,mental_health,appointment_made,1"))
        let table = try Harness.run(args + ["--no-suppress"])
        #expect(table.code == 0 && table.stdout.contains("uninsured 4, of whom referred 3 (75.0%)"))
        #expect(try Harness.run(args + ["--format", "xml"]).code == 2)
        let dutch = try Harness.run(args + ["--no-suppress", "--lang", "nl"])
        #expect(dutch.code == 0 && dutch.stdout.contains("onverzekerd 4, van wie verwezen 3 (75.0%)") && dutch.stdout.contains("Verwijzingen 01-11-2026 – 23-11-2026"))
        #expect(dutch.stdout.contains("geestelijke") || dutch.stdout.contains("GGZ"), "kinds in words: \(dutch.stdout)")
        #expect(!dutch.stdout.contains("mental_health") && !dutch.stdout.contains("appointment_made"))
        // Nothing in an empty period.
        let empty = try JSONValue.parse(Array(try Harness.run(["report", "care", "--journal", j, "--from", "2020-01-01", "--to", "2020-01-31", "--format", "json"]).stdout.utf8))
        #expect(empty["referrals"]?["total"] == .number(0) && empty["served"] == .number(0))
    }

    @Test("do: referral moves and the care commands answer with ids and stable refusal codes")
    func careCommandsThroughDo() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j, "--today", Harness.tonightISO]).code == 0)
        let input = [
            #"{"command":"make_referral","client":20,"kind":"street_doctor","organisation":"Straatdokter Utrecht","reason":"physical","cak_scheme":true}"#,
            #"{"command":"record_referral_outcome","referral":9,"outcome":"attended"}"#,
            #"{"command":"record_referral_appointment","referral":9,"date":"2026-11-23"}"#,
            #"{"command":"record_referral_outcome","referral":9,"outcome":"attended"}"#,
            #"{"command":"set_admin_status","client":20,"item":"postal_address","value":"granted","detail":"Leger des Heils","source":"brief"}"#,
            #"{"command":"set_interpreter_need","client":20,"language":"ro","kind":"in_person"}"#,
            #"{"command":"record_self_reliance","client":20,"organisation":"Wmo-loket","outcome":"self_reliant"}"#,
        ].joined(separator: "\n") + "\n"
        let r = try Harness.run(["do", "--journal", j], stdin: input)
        #expect(r.code == 0, "\(r.stderr)")
        let out = try Self.lines(r.stdout)
        #expect(out[0]["referral"] == .number(9))
        #expect(out[1]["refused"] == .string("referral_no_appointment"))
        #expect(out[2]["ok"] == .bool(true) && out[3]["ok"] == .bool(true))
        #expect(out[4]["events"] == .array([.string("admin_status_changed")]))
        #expect(out[5]["ok"] == .bool(true))
        #expect(out[6]["refused"] == .string("self_reliance_needs_likely"))
        let bad = try Harness.run(["do", "--journal", j], stdin: #"{"command":"make_referral","client":20,"kind":"spa","organisation":"X"}"# + "\n")
        #expect(bad.code == 2 && bad.stderr.contains("kind"))
    }
}
