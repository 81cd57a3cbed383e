import Foundation
import Journal
import ShelterDomain
import Testing

/// Issue #19 through the real binary in tmux: a child registered at the intake with the
/// responsible adult chosen by search and an interpreter need, a self-reliance assessment on a
/// file, and a household given beds together on the board — all in the journal afterwards.
@Suite("End to end (tmux): care at intake, self-reliance, household beds", .serialized)
struct CareIntakeE2ETests {
    /// Waits until the screen shows one of `texts`; returns the one seen.
    static func waitForAny(_ t: Tmux, _ texts: [String], timeout: Double = 15) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let screen = t.screen()
            if let seen = texts.first(where: { screen.contains($0) }) { return seen }
            usleep(50_000)
        }
        return nil
    }

    @Test("A 10-year-old is saved only with a responsible adult chosen by search, with the interpreter need; the file shows both")
    func minorAtIntake() throws {
        let (t, dir, j) = try Tmux.demoAsDesk(lang: "en")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try EventStore.open(path: j, writable: false, clock: { Timestamp(milliseconds: 0) }).state
        let mother = try #require(before.files.clients.values.first { $0.givenNames == "Daniela" && $0.familyNames == "Rusu" }?.id)
        t.send("n")
        #expect(t.waitFor("Register a new client"))
        t.send("Right"); t.send("Tab"); t.send("Space"); t.send("Tab"); t.send("-l", "ro"); t.send("Tab"); t.send("Tab")
        t.send("-l", "Elena"); t.send("Tab"); t.send("-l", "Rusu"); t.send("Tab"); t.send("Tab")
        t.send("Right"); t.send("Right"); t.send("Tab")
        t.send("-l", "RO"); t.send("Tab"); t.send("-l", "03-03-2016")
        t.send("C-s")
        #expect(t.waitFor("10 years old: choose a responsible adult"))
        t.send("-l", "Daniela")
        #expect(t.waitFor("Choose the responsible adult for Elena Rusu"))
        #expect(t.waitForLine("Daniela Rusu", "14/06/1991"))
        t.send("Enter")
        #expect(t.waitFor("Daniela Rusu · 14/06/1991 · #\(mother)"))
        t.send("Tab"); t.send("-l", "ro"); t.send("Tab"); t.send("Right")
        t.send("C-s")
        if Self.waitForAny(t, ["Registered: Elena Rusu", "Looks like someone already registered"]) == "Looks like someone already registered" { t.send("n") }
        #expect(t.waitFor("Registered: Elena Rusu"))
        #expect(t.waitFor("Interpreter: ro (in person)"))
        t.send("F10")
        #expect(t.waitFor("EXIT=0"))
        let s = try EventStore.open(path: j, writable: false, clock: { Timestamp(milliseconds: 0) }).state
        let elena = s.nextClientID - 1  // the demo has an Elena of its own
        #expect(s.files.clients[elena]?.givenNames == "Elena" && s.files.clients[elena]?.familyNames == "Rusu")
        #expect(s.care.household(of: elena)?.member(elena)?.responsibleAdult == mother)
        #expect(s.care.interpreter[elena] == InterpreterNeed(language: "ro", kind: .inPerson))
    }

    @Test("z on the file of someone with a likely outcome records the self-reliance assessment; it is on the file after a restart")
    func selfReliance() throws {
        let (t, dir, j) = try Tmux.demoAsDesk(lang: "en")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try EventStore.open(path: j, writable: false, clock: { Timestamp(milliseconds: 0) }).state
        let today = Day.parseISO(String(Harness.now.prefix(10)))!
        let likely = try #require(before.files.clients.keys.sorted().first { before.isLikelyEntitled($0, on: today) })
        t.send("/"); t.send("-l", String(likely)); t.send("Enter")
        #expect(t.waitFor("Client \(likely):"))
        t.send("z")
        #expect(t.waitFor("Record the self-reliance assessment"))
        t.send("Tab"); t.send("-l", "Wmo-loket Zeist"); t.send("Tab"); t.send("Right")
        #expect(t.waitFor("‹ self-reliant ›"))
        t.send("C-s")
        #expect(t.waitFor("Self-reliance: self-reliant · Wmo-loket Zeist"))
        t.send("F10")
        #expect(t.waitFor("EXIT=0"))
        let s = try EventStore.open(path: j, writable: false, clock: { Timestamp(milliseconds: 0) }).state
        #expect(s.care.selfReliance[likely]?.last?.organisation == "Wmo-loket Zeist")
        #expect(s.care.selfReliance[likely]?.last?.outcome == .selfReliant)
    }

    @Test("H on the board gives the rest of a household beds beside the mother for tomorrow, after a confirmation naming them")
    func householdBeds() throws {
        let (t, dir, j) = try Tmux.demoAsDesk(lang: "en")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try EventStore.open(path: j, writable: false, clock: { Timestamp(milliseconds: 0) }).state
        let mother = try #require(before.files.clients.values.first { $0.givenNames == "Daniela" && $0.familyNames == "Rusu" }?.id)
        let today = Day.parseISO(String(Harness.now.prefix(10)))!
        t.send("F4")
        #expect(t.waitFor("Beds"))
        t.send("j"); t.send("-l", "G1"); t.send("Enter")
        t.send("t")
        #expect(t.waitFor("Daniela Rusu"))
        t.send("Right")
        t.send("j"); t.send("-l", "G1"); t.send("Enter")
        t.send("H")
        #expect(t.waitFor("Give the household beds together?"))
        #expect(t.waitFor("G2 → Andrei Rusu"))
        t.send("y")
        #expect(t.waitFor("Household together"))
        t.send("F10")
        #expect(t.waitFor("EXIT=0"))
        let s = try EventStore.open(path: j, writable: false, clock: { Timestamp(milliseconds: 0) }).state
        let members = try #require(s.care.household(of: mother)).members.map(\.clientID)
        #expect(members.allSatisfy { s.bed(of: $0, on: today.adding(days: 1)) != nil })
    }
}
