import Foundation
import Journal
import ShelterDomain
import Testing

/// Issue #19 through the real binary in tmux: a status change and an interpreter need typed on
/// a client's file are in the journal and on the file after the program is started again.
@Suite("End to end (tmux): care forms on the client file", .serialized)
struct CareFormsE2ETests {
    @Test("s and t on a file and h on a file record a postal address, an interpreter and a household; reopened, the file shows them and the timeline old → new")
    func statusAndInterpreterSurviveReopen() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = dir + "/demo.onderdak"
        #expect(try Harness.run(["demo", "--journal", j]).code == 0)
        do {
            let t = Tmux()
            t.start(["--journal", j, "--lang", "en"])
            #expect(t.waitFor("pick a role"))
            t.send("2")
            #expect(t.waitFor("Clients"))
            t.send("/"); t.send("-l", "12"); t.send("Enter")
            #expect(t.waitFor("Client 12: Piotr Woźniak"))
            t.send("s")
            #expect(t.waitFor("Change administrative status"))
            for _ in 0..<4 { t.send("Right") }
            #expect(t.waitFor("‹ Postal address: requested ›"))
            t.send("Down"); t.send("-l", "Stichting Briefadres")
            t.send("Down"); t.send("Down"); t.send("-l", "letter")
            t.send("C-s")
            #expect(t.waitFor("Recorded."))
            t.send("t")
            #expect(t.waitFor("Interpreter needed"))
            t.send("-l", "pl"); t.send("C-s")
            #expect(t.waitFor("Interpreter: pl"))
            t.send("h")
            #expect(t.waitFor("Add a member to the household"))
            t.send("-l", "13"); t.send("Down"); t.send("Right"); t.send("C-s")
            #expect(t.waitFor("Household: Mariusz (partner)"))
            t.send("F10")
            #expect(t.waitFor("EXIT=0"))
        }
        let s = try EventStore.open(path: j, writable: false, clock: { Timestamp(milliseconds: 0) }).state
        #expect(s.care.admin[12]?[.postalAddress]?.detail == "Stichting Briefadres")
        #expect(s.care.interpreter[12] == InterpreterNeed(language: "pl", kind: .phone))
        #expect(s.care.householdOf[12] != nil && s.care.householdOf[12] == s.care.householdOf[13])
        let t = Tmux()
        t.start(["--journal", j, "--lang", "en"], width: 120)
        #expect(t.waitFor("pick a role"))
        t.send("2")
        #expect(t.waitFor("Clients"))
        t.send("/"); t.send("-l", "12"); t.send("Enter")
        #expect(t.waitFor("Client 12: Piotr Woźniak"))
        #expect(t.waitFor("Interpreter: pl (by phone)"))
        #expect(t.waitFor("Household: Mariusz (partner)"))
        #expect(t.waitForLine("Administrative: Postal address — → requested (Stichting Briefadres) · source: letter"))
        t.send("F10")
        #expect(t.waitFor("EXIT=0"))
    }
}
