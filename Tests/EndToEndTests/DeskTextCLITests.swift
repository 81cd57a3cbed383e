import Foundation
import Testing

/// Issue #17, finding 5 in the CLI: output meant for people says states and outflow categories
/// in words, in `--lang`; JSON keeps the codes.
@Suite("End to end: CLI tables in words per --lang, JSON with codes")
struct DeskTextCLITests {
    @Test("board --lang nl says gereserveerd/binnen, en says reserved/checked in, never checked_in; JSON keeps checked_in")
    func boardWords() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j]).code == 0)
        let nl = try Harness.run(["board", "--journal", j, "--lang", "nl"])
        #expect(nl.code == 0 && nl.stdout.hasPrefix("Nacht van \(Harness.tonightDutch)"))
        #expect(nl.stdout.contains(" gereserveerd ") && nl.stdout.contains(" binnen "))
        let en = try Harness.run(["board", "--journal", j])
        #expect(en.stdout.contains(" reserved ") && en.stdout.contains(" checked in "))
        for out in [nl.stdout, en.stdout] { #expect(!out.contains("checked_in") && !out.contains("out_of_service")) }
        let json = try Harness.run(["board", "--journal", j, "--format", "json", "--lang", "nl"])
        #expect(json.stdout.contains("\"state\":\"checked_in\""))
        #expect(try Harness.run(["board", "--journal", j, "--lang", "xx"]).code == 2)

        let outNL = try Harness.run(["report", "outflow", "--journal", j, "--from", "2026-10-01", "--to", Harness.tonightISO, "--lang", "nl"])
        #expect(outNL.code == 0 && outNL.stdout.contains("reguliere Wmo-opvang") && !outNL.stdout.contains("regular_wmo_shelter"))
        let outEN = try Harness.run(["report", "outflow", "--journal", j, "--from", "2026-10-01", "--to", Harness.tonightISO])
        #expect(outEN.stdout.contains("regular Wmo social shelter") && !outEN.stdout.contains("regular_wmo_shelter"))
        let outJSON = try Harness.run(["report", "outflow", "--journal", j, "--from", "2026-10-01", "--to", Harness.tonightISO, "--format", "json"])
        #expect(outJSON.stdout.contains("\"regular_wmo_shelter\""))
    }
}
