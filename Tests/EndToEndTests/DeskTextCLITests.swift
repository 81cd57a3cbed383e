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
        #expect(nl.code == 0 && nl.stdout.hasPrefix("Nacht van ma \(Harness.tonightDutch)"), "the night with its weekday, in the Dutch format")
        #expect(nl.stdout.contains(" gereserveerd ") && nl.stdout.contains(" binnen "))
        let en = try Harness.run(["board", "--journal", j])
        #expect(en.stdout.contains(" reserved ") && en.stdout.contains(" checked in "))
        #expect(en.stdout.hasPrefix("Night of Mon 23/11/2026"), "the English date format")
        for out in [nl.stdout, en.stdout] { #expect(!out.contains("checked_in") && !out.contains("out_of_service")) }
        // The night count stands in one column, however long the names before it are.
        let counts = nl.stdout.split(separator: "\n").dropFirst().compactMap { line -> Int? in
            guard let r = line.range(of: #"\d+/(\d+|∞)\+?$"#, options: .regularExpression) else { return nil }
            return line.distance(from: line.startIndex, to: r.lowerBound)
        }
        #expect(counts.count > 20 && Set(counts).count == 1, "night counts start at columns \(Set(counts).sorted())")
        let json = try Harness.run(["board", "--journal", j, "--format", "json", "--lang", "nl"])
        #expect(json.stdout.contains("\"state\":\"checked_in\""))
        #expect(try Harness.run(["board", "--journal", j, "--lang", "xx"]).code == 2)

        let outNL = try Harness.run(["report", "outflow", "--journal", j, "--from", "2026-10-01", "--to", Harness.tonightISO, "--lang", "nl"])
        #expect(outNL.code == 0 && outNL.stdout.contains("reguliere Wmo-opvang") && !outNL.stdout.contains("regular_wmo_shelter"))
        let outEN = try Harness.run(["report", "outflow", "--journal", j, "--from", "2026-10-01", "--to", Harness.tonightISO])
        #expect(outEN.stdout.contains("regular Wmo social shelter") && !outEN.stdout.contains("regular_wmo_shelter"))
        let outJSON = try Harness.run(["report", "outflow", "--journal", j, "--from", "2026-10-01", "--to", Harness.tonightISO, "--format", "json"])
        #expect(outJSON.stdout.contains("\"regular_wmo_shelter\""))
        #expect(outJSON.stdout.contains("\"from\":\"2026-10-01\""), "JSON keeps ISO dates")
    }

    @Test("report outflow --lang nl: the summary lines, the period and the breakdown are Dutch; en stays English")
    func outflowSummaryInDutch() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j]).code == 0)
        let args = ["report", "outflow", "--journal", j, "--from", "2026-10-01", "--to", Harness.tonightISO, "--by", "nationality", "--no-suppress"]
        let nl = try Harness.run(args + ["--lang", "nl"]).stdout
        #expect(nl.hasPrefix("Vertrek van 01-10-2026 tot en met 23-11-2026"))
        #expect(nl.contains("totaal ") && nl.contains("positief ") && nl.contains("landelijke referentie 62.0%"), "\(nl)")
        #expect(nl.contains("mediaan nachten tot vertrek") && nl.contains("open verblijven"), "\(nl)")
        #expect(nl.contains("nationaliteit") && nl.contains("vertrek") && nl.contains("EU (Midden- en Oost-Europa)"), "\(nl)")
        for english in ["total ", "positive rate", "median nights", "national reference", "exits positive", "EU-CEE", "n/a"] {
            #expect(!nl.contains(english), "English in the Dutch table: \(english)")
        }
        let en = try Harness.run(args).stdout
        #expect(en.hasPrefix("Exits from 01/10/2026 to 23/11/2026"))
        #expect(en.contains("positive rate") && en.contains("national reference 62.0%") && en.contains("EU (Central and Eastern Europe)"), "\(en)")
    }
}
