import Foundation
import Testing

/// The desk in tmux on `--store postgresql://…`, each test on a cluster of its own: two desks
/// seeing each other's beds through NOTIFY, and the server going down under a desk.
@Suite("End to end: the desk on PostgreSQL in tmux", .serialized, .enabled(if: PostgresCluster.enabled))
struct PostgresDeskE2ETests {
    /// A cluster holding the demo journal (written with `demo --store`).
    static func demoCluster() throws -> PostgresCluster {
        let c = try PostgresCluster()
        let demo = try Harness.run(["demo", "--store", c.url])
        #expect(demo.code == 0, "\(demo.stderr)")
        return c
    }

    @Test("Two desks on one store: a bed given at one shows on the other's board within a second (NOTIFY); verify agrees")
    func twoDesksSeeEachOther() throws {
        let c = try Self.demoCluster()
        // Someone new at the door, registered by a script: client 76 (the demo has 75 people).
        let reg = try Harness.run(["do", "--store", c.url],
                                  stdin: #"{"command":"register_client","given_names":"Tomasz","family_name":"Testowy","nationality":"PL","gender":"male"}"# + "\n")
        #expect(reg.code == 0, "\(reg.stdout) \(reg.stderr)")
        let a = Tmux(), b = Tmux()
        for t in [a, b] {
            t.start(["--store", c.url, "--lang", "en"])
            #expect(t.waitFor("pick a role"))
            t.send("1")
            #expect(t.waitFor("Clients"))
            t.send("F4")
            #expect(t.waitFor("Beds · night Mon"))
        }
        #expect(b.waitFor("22 free"), "the demo has 22 free beds tonight")
        a.send("f")
        #expect(a.waitFor("free beds only"))
        let lines = a.screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: { $0.contains("Bed ") && $0.contains("State") }),
              let row = lines.indices.first(where: { $0 > header && lines[$0].hasSuffix("free") && !lines[$0].contains("Vrouw") && !lines[$0].contains("Medis") }) else {
            Issue.record("no free bed on screen:\n\(lines.joined(separator: "\n"))"); return
        }
        for _ in 0..<(row - header - 1) { a.send("Down") }
        let bed = lines[row].split(separator: " ").first.map(String.init) ?? ""
        a.send("a")
        #expect(a.waitFor("Choose the client for bed \(bed)"))
        a.send("-l", "76")
        #expect(a.waitFor("Testowy"))
        a.send("Enter")
        #expect(a.waitFor("Bed assigned: \(bed) ("))
        let given = Date()
        // The other desk pressed no key: its half-second tick folds what the NOTIFY announced.
        let seen = b.waitFor("21 free", timeout: 5)
        let latency = Date().timeIntervalSince(given)
        print("second desk showed the bed after \(String(format: "%.2f", latency)) s")
        #expect(seen, "the other desk's header counts one free bed fewer:\n\(b.screen())")
        #expect(latency < 1.5, "within a second (plus the screen polling of a loaded machine): \(latency) s")
        // …and its board has the person in that bed.
        b.send("j"); b.send("-l", bed); b.send("Enter")
        #expect(b.waitForLine(bed, "Testowy"), "\(b.screen())")
        for t in [a, b] { t.send("F10"); #expect(t.waitFor("EXIT=0")) }
        let verify = try Harness.run(["verify", "--deep", "--store", c.url])
        #expect(verify.code == 0 && verify.stdout.contains("0 violation(s)"), "\(verify.stdout)")
    }

    @Test("The server stops under a desk: the status line says so at once, typing goes on, a save keeps the form and says why; the server comes back, the desk reconnects by itself and saves once")
    func outage() throws {
        let c = try Self.demoCluster()
        let t = Tmux()
        t.start(["--store", c.url])
        #expect(t.waitFor("kies een rol"))
        t.send("1")
        #expect(t.waitFor("Cliënten"))
        try c.stop()
        #expect(t.waitFor("Verbinding met de server verbroken — opnieuw verbinden… laatst bekend 19:3", timeout: 3), "\(t.screen())")
        // A read-only screen: the last known board, marked as such.
        t.send("F4")
        #expect(t.waitFor("Bedden · nacht"))
        #expect(t.waitFor("22 vrij"), "the board from the last known state")
        #expect(t.screen().contains("laatst bekend"), "\(t.screen())")
        t.send("Escape")
        t.send("n")
        #expect(t.waitFor("Nieuwe cliënt inschrijven"))
        t.send("Right"); t.send("Right"); t.send("Tab")  // consent refused: only the minimum
        t.send("Tab"); t.send("Tab"); t.send("Tab")       // to the given names
        t.send("-l", "Zsófia"); t.send("Tab"); t.send("-l", "Bíró"); t.send("Tab"); t.send("Tab")
        t.send("Right"); t.send("Right"); t.send("Tab"); t.send("-l", "HU")  // woman, Hungarian
        #expect(t.waitForLine("Voornamen", "Zsófia"), "keys are not held up while the connection is down")
        t.send("C-s")
        #expect(t.waitFor("Niet opgeslagen: de verbinding met de server is verbroken"), "\(t.screen())")
        t.send("Enter")
        #expect(t.waitForLine("Voornamen", "Zsófia"), "the form keeps what was typed")
        #expect(t.screen().contains("Verbinding met de server verbroken"))
        try c.start()
        #expect(t.waitFor("Verbinding met de server hersteld", timeout: 10), "\(t.screen())")
        #expect(!t.screen().contains("laatst bekend"))
        t.send("C-s")
        #expect(t.waitFor("Ingeschreven: Zsófia Bíró (#76)"), "\(t.screen())")
        t.send("F10")
        #expect(t.waitFor("EXIT=0"))
        // Recorded once: #76 is her, there is no #77, and the chain and the rules check out.
        let her = try Harness.run(["client", "report", "--store", c.url, "--client", "76"])
        #expect(her.code == 0 && her.stdout.contains("Zsófia"), "\(her.stdout) \(her.stderr)")
        #expect(try Harness.run(["client", "report", "--store", c.url, "--client", "77"]).code != 0)
        let verify = try Harness.run(["verify", "--deep", "--store", c.url])
        #expect(verify.code == 0 && verify.stdout.contains("0 violation(s)"), "\(verify.stdout)")
    }
}
