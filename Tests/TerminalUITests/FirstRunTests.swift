import Foundation
import Journal
import ScreenTestSupport
import Services
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

/// The first run and the real login, on journal files: set-up, PINs, lock-out, inactivity,
/// and random keys against a journal that must still verify.
@Suite("First run and login on a journal file (golden)")
struct FirstRunTests {
    @Test("No journal yet: choose set-up or demo; 'd' writes a demo and opens the role picker")
    func emptyOffersDemo() throws {
        let dir = Fixtures.tempDir("choose")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try DeskSession(path: dir + "/j.onderdak", lang: "nl", clock: { TestClock().now }, rules: nil)
        #expect(s.store == nil && s.mode == .choose)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "choose-nl-80x24")
        s.handle(.char("d"))
        #expect(s.store?.header.isDemo == true)
        #expect(s.mode == .rolePicker)
        #expect(!s.handle(.function(10)))
    }

    @Test("Set-up wizard validates as you type, keeps the input, then creates the journal and its supervisor")
    func setupWizardLoginLockout() throws {
        let dir = Fixtures.tempDir("setup")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let clock = TestClock()
        let path = dir + "/j.onderdak"
        let s = try DeskSession(path: path, lang: "en", clock: { clock.now }, rules: nil)
        s.handle(.char("s"))
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "setup-empty-en-80x24")
        Fixtures.type(s, "Nachtopvang Łódź"); s.handle(.tab)
        Fixtures.type(s, "Utrecht"); s.handle(.tab)
        Fixtures.type(s, "Ineke de Vries"); s.handle(.tab)
        Fixtures.type(s, "Ineke!"); s.handle(.tab)
        Fixtures.type(s, "12a"); s.handle(.tab)
        Fixtures.type(s, "99999")
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "setup-errors-en-80x24")
        s.handle(.ctrl("s"))
        guard case .setup(let w) = s.mode else { Issue.record("left the wizard with errors"); return }
        #expect(w.form[0] == "Nachtopvang Łódź", "nothing typed is lost")
        #expect(w.message != nil)
        #expect(s.store == nil, "no journal written while the form has errors")
        // F10 with input asks first.
        s.handle(.function(10))
        #expect(s.overlay == .confirmQuit)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "quit-confirm-en-80x24")
        s.handle(.char("n"))
        // Fix the username and PINs.
        s.handle(.backTab); s.handle(.backTab); s.handle(.ctrl("u")); Fixtures.type(s, "ineke")
        s.handle(.tab); s.handle(.ctrl("u")); Fixtures.type(s, "24680246")
        s.handle(.tab); s.handle(.ctrl("u")); Fixtures.type(s, "24680246")
        s.handle(.ctrl("s"))
        guard case .login = s.mode else { Issue.record("expected the login screen, got \(s.mode)"); return }
        #expect(s.store?.state.shelterName == "Nachtopvang Łódź")
        #expect(s.store?.state.roster.staff[1]?.credential != nil)
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "login-en-80x24")
        // Five wrong PINs lock the account.
        for _ in 0..<5 { Fixtures.type(s, "11111111"); s.handle(.enter) }
        Golden.check(Fixtures.render(s, 80, 24, dir: dir), "login-locked-en-80x24")
        Fixtures.type(s, "24680246"); s.handle(.enter)
        #expect(s.user == nil, "locked: even the right PIN is refused")
        clock.advance(minutes: 6)
        Fixtures.type(s, "24680246"); s.handle(.enter)
        #expect(s.user == 1)
        #expect(s.mode == .home)
        // The PIN appears nowhere in the journal.
        let bytes = [UInt8](FileManager.default.contents(atPath: path)!)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("24680246"))
        #expect(try JournalVerifier.verify(path: path, deep: true).exitCode == 0)
        // Inactivity locks the screen; the same user gets their screen back.
        clock.advance(minutes: 11)
        s.tick()
        guard case .login(let l) = s.mode else { Issue.record("no inactivity lock"); return }
        #expect(l.form[0] == "ineke")
        Fixtures.type(s, "24680246"); s.handle(.enter)
        #expect(s.mode == .home && s.user == 1)
        // Locked on the staff screen: back on it after the PIN, and Esc still goes home.
        s.handle(.char("m"))
        guard case .staff = s.mode else { Issue.record("no staff screen: \(s.mode)"); return }
        clock.advance(minutes: 11)
        s.tick()
        #expect(s.router.stack.count == 1, "the login screen alone while locked")
        Fixtures.type(s, "24680246"); s.handle(.enter)
        guard case .staff = s.mode else { Issue.record("the staff screen was not restored: \(s.mode)"); return }
        s.handle(.escape)
        #expect(s.mode == .home)
    }

    @Test("10,000 random keys and resizes: no crash, the journal still verifies")
    func randomKeys() throws {
        let (s, dir) = try Fixtures.journalDemoSession("random", lang: "nl")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var rng = SeededRandom(seed: 7)
        let specials: [Key] = [.enter, .escape, .backspace, .delete, .tab, .backTab, .up, .down, .left, .right, .home, .end,
                               .pageUp, .pageDown, .function(1), .function(2), .function(5), .function(9), .ctrl("u"), .char("/"),
                               .char("?"), .char("Ł"), .char("中"), .char("😀"), .char("1"), .char("2"), .char("3")]
        let backend = MemoryBackend(width: 80, height: 24)
        var quits = 0
        for _ in 0..<10_000 {
            let r = rng.next() % 100
            if r < 3 {
                backend.resize(width: Int(rng.next() % 120), height: Int(rng.next() % 40))
                if let k = backend.readKey(timeoutMs: 0) { s.handle(k) }
            } else {
                let key: Key = r < 50 ? .char(Character(Unicode.Scalar(UInt8(32 + rng.next() % 95)))) : specials[Int(rng.next() % UInt64(specials.count))]
                if !s.handle(key) { quits += 1 }
            }
            var b = Buffer(width: backend.size.width, height: backend.size.height)
            s.render(into: &b)
            backend.present(b)
        }
        #expect(quits == 0, "F10 was never sent")
        #expect(try JournalVerifier.verify(path: s.path, deep: true).exitCode == 0)
    }
}
