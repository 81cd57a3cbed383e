import ScreenTestSupport
import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

/// Issue #21 at the desk: a supervisor erases a person from their file, after a confirmation
/// that names them; nobody else can.
@Suite("Client file: erasure by a supervisor (golden)")
struct ErasureUITests {
    @Test("W asks to confirm with the person's name; a reason naming them is refused; after it the file shows \"erased (#30)\"", arguments: ["nl", "en"])
    func erase(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("erase", lang: lang)
        s.handle(.char("1"))  // desk
        ClientFileTests.open(s, 30)  // Tõnu Tamm
        s.handle(.char("W"))
        #expect(ClientFileTests.file(s)?.action == nil, "the desk cannot open the erasure")
        s.handle(.escape); s.handle(.escape); s.handle(.escape); s.handle(.function(9)); s.handle(.char("3"))
        ClientFileTests.open(s, 30)
        s.handle(.char("W"))
        #expect(ClientFileTests.file(s)?.action == .erase)
        let confirm = Fixtures.render(s, 80, 24, dir: dir)
        #expect(confirm.lines.joined().contains("Tõnu Tamm (#30)"), "the confirmation names the person")
        Golden.check(confirm, "erase-confirm-\(lang)-80x24")
        Golden.check(Fixtures.render(s, 60, 16, dir: dir), "erase-confirm-\(lang)-60x16")
        ClientFileTests.type(s, "verzoek Tamm"); s.handle(.ctrl("s"))
        #expect(s.store!.state.files.erasures.isEmpty, "a reason with their name is refused")
        s.handle(.enter)  // the message
        for _ in 0..<12 { s.handle(.backspace) }
        ClientFileTests.type(s, "AVG art. 17"); s.handle(.ctrl("s"))
        #expect(s.store!.state.files.erasures[30]?.reason == "AVG art. 17")
        let after = Fixtures.render(s, 80, 24, dir: dir)
        #expect(after.lines.joined().contains("erased (#30)"))
        #expect(!after.lines.joined().contains("Tamm"))
        #expect(!(try PersonalKeyStore.open(journal: dir + "/demo.onderdak")).clients.contains(30), "the key is destroyed")
        s.handle(.char("W"))
        #expect(ClientFileTests.file(s)?.action == nil, "not twice")
    }
}
