import Foundation
import Journal
import Services
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    var now = Timestamp(utcDay: Day.parseISO("2026-11-23")!, seconds: 19 * 3600)
    func advance(minutes: Int64) { now = Timestamp(milliseconds: now.milliseconds + minutes * 60_000) }
}

@Suite("Application frame: screens, login, roles (golden)")
struct HomeScreenTests {
    /// A fixed directory per test (golden screens show the path), emptied first.
    static func tempDir(_ name: String) -> String {
        // Per process: several checkouts may run this suite at once on one machine.
        let d = "/tmp/odg-\(getpid())-" + name
        try? FileManager.default.removeItem(atPath: d)
        return d
    }

    /// The demo journal for 23-11-2026, written once per test run (months of nights take a
    /// couple of seconds) and copied for each test.
    static let demoTemplate: String = {
        let dir = tempDir("template-\(getpid())")
        let path = dir + "/demo.onderdak"
        _ = try! DemoGenerator.write(path: path, seed: 1, today: Day.parseISO("2026-11-23")!, rules: nil)
        return path
    }()

    /// A demo journal written for 23-11-2026, opened in a session.
    static func demoSession(_ name: String, lang: String, clock: TestClock = TestClock()) throws -> (DeskSession, String) {
        let dir = tempDir(name + "-" + lang)
        let path = dir + "/demo.onderdak"
        let template = demoTemplate
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.copyItem(atPath: template, toPath: path)
        // The copy needs its key store: the personal fields are sealed with its keys.
        try FileManager.default.copyItem(atPath: template + ".keys", toPath: path + ".keys")
        chmod(path, 0o600); chmod(path + ".keys", 0o600)
        return (try DeskSession(path: path, lang: lang, clock: { clock.now }, rules: nil), dir)
    }

    static func render(_ s: DeskSession, _ w: Int, _ h: Int, dir: String) -> Buffer {
        var b = Buffer(width: w, height: h)
        s.render(into: &b)
        // The temporary directory varies per run: mask it so golden files are stable.
        var out = Buffer(width: w, height: h)
        // The chain head differs per run (journals made by the set-up wizard have a random
        // installation id and PIN salt; personal fields are sealed with random keys and nonces): mask it too.
        let hex = try! NSRegularExpression(pattern: "[0-9a-f]{16}…")
        for (y, line) in b.lines.enumerated() {
            var l = line.replacingOccurrences(of: dir, with: "<tmp>")
            l = hex.stringByReplacingMatches(in: l, range: NSRange(l.startIndex..., in: l), withTemplate: "<head>…")
            out.draw(l, x: 0, y: y)
        }
        return out
    }

    static func type(_ s: DeskSession, _ text: String) { for c in text { s.handle(.char(c)) } }

    @Test("Demo journal: role picker, then each role's home, nl and en, 80×24 and 60×16", arguments: ["nl", "en"])
    func demoRoles(_ lang: String) throws {
        let (s, dir) = try Self.demoSession("roles", lang: lang)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(s.mode == .rolePicker)
        Golden.check(Self.render(s, 80, 24, dir: dir), "roles-\(lang)-80x24")
        s.handle(.char("1"))
        #expect(s.staff?.role == .desk)
        let home = Self.render(s, 80, 24, dir: dir)
        #expect(home.lines[0].hasPrefix(" DEMO  Nachtopvang De Haven "))
        #expect(home.lines[0].contains("Joost Bakker"))
        Golden.check(home, "home-desk-\(lang)-80x24")
        Golden.check(Self.render(s, 60, 16, dir: dir), "home-desk-\(lang)-60x16")
        s.handle(.function(9))
        #expect(s.mode == .rolePicker && s.user == nil)
        s.handle(.char("3"))
        #expect(s.staff?.role == .supervisor)
        Golden.check(Self.render(s, 80, 24, dir: dir), "home-supervisor-\(lang)-80x24")
        // Every pick is a login event in the journal.
        let logins = s.store!.state.lastSequence
        #expect(logins > 0)
    }

    @Test("Help overlay lists the keys in words; Esc closes it")
    func help() throws {
        let (s, dir) = try Self.demoSession("help", lang: "nl")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.handle(.char("2"))
        s.handle(.function(1))
        #expect(s.overlay == .help)
        Golden.check(Self.render(s, 80, 24, dir: dir), "help-nl-80x24")
        s.handle(.escape)
        #expect(s.overlay == nil)
        s.handle(.char("?"))
        #expect(s.overlay == .help)
    }

    @Test("Below 60×16 the screen says so, at every size down to 0×0")
    func tooSmall() throws {
        let (s, dir) = try Self.demoSession("small", lang: "en")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        Golden.check(Self.render(s, 40, 12, dir: dir), "too-small-en-40x12")
        for w in [0, 1, 2, 10, 59, 60, 61] {
            for h in [0, 1, 2, 15, 16, 17] { _ = Self.render(s, w, h, dir: dir) }
        }
        #expect(Self.render(s, 59, 24, dir: dir).lines[0] == "terminal too small (need 60x16)")
    }

    @Test("No journal yet: choose set-up or demo; 'd' writes a demo and opens the role picker")
    func emptyOffersDemo() throws {
        let dir = Self.tempDir("choose")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try DeskSession(path: dir + "/j.onderdak", lang: "nl", clock: { TestClock().now }, rules: nil)
        #expect(s.store == nil && s.mode == .choose)
        Golden.check(Self.render(s, 80, 24, dir: dir), "choose-nl-80x24")
        s.handle(.char("d"))
        #expect(s.store?.header.isDemo == true)
        #expect(s.mode == .rolePicker)
        #expect(!s.handle(.function(10)))
    }

    @Test("Set-up wizard validates as you type, keeps the input, then creates the journal and its supervisor")
    func setupWizardLoginLockout() throws {
        let dir = Self.tempDir("setup")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let clock = TestClock()
        let path = dir + "/j.onderdak"
        let s = try DeskSession(path: path, lang: "en", clock: { clock.now }, rules: nil)
        s.handle(.char("s"))
        Golden.check(Self.render(s, 80, 24, dir: dir), "setup-empty-en-80x24")
        Self.type(s, "Nachtopvang Łódź"); s.handle(.tab)
        Self.type(s, "Utrecht"); s.handle(.tab)
        Self.type(s, "Ineke de Vries"); s.handle(.tab)
        Self.type(s, "Ineke!"); s.handle(.tab)
        Self.type(s, "12a"); s.handle(.tab)
        Self.type(s, "99999")
        Golden.check(Self.render(s, 80, 24, dir: dir), "setup-errors-en-80x24")
        s.handle(.ctrl("s"))
        guard case .setup(let w) = s.mode else { Issue.record("left the wizard with errors"); return }
        #expect(w.form[0] == "Nachtopvang Łódź", "nothing typed is lost")
        #expect(w.message != nil)
        #expect(s.store == nil, "no journal written while the form has errors")
        // F10 with input asks first.
        s.handle(.function(10))
        #expect(s.overlay == .confirmQuit)
        Golden.check(Self.render(s, 80, 24, dir: dir), "quit-confirm-en-80x24")
        s.handle(.char("n"))
        // Fix the username and PINs.
        s.handle(.backTab); s.handle(.backTab); s.handle(.ctrl("u")); Self.type(s, "ineke")
        s.handle(.tab); s.handle(.ctrl("u")); Self.type(s, "24680246")
        s.handle(.tab); s.handle(.ctrl("u")); Self.type(s, "24680246")
        s.handle(.ctrl("s"))
        guard case .login = s.mode else { Issue.record("expected the login screen, got \(s.mode)"); return }
        #expect(s.store?.state.shelterName == "Nachtopvang Łódź")
        #expect(s.store?.state.staff[1]?.credential != nil)
        Golden.check(Self.render(s, 80, 24, dir: dir), "login-en-80x24")
        // Five wrong PINs lock the account.
        for _ in 0..<5 { Self.type(s, "11111111"); s.handle(.enter) }
        Golden.check(Self.render(s, 80, 24, dir: dir), "login-locked-en-80x24")
        Self.type(s, "24680246"); s.handle(.enter)
        #expect(s.user == nil, "locked: even the right PIN is refused")
        clock.advance(minutes: 6)
        Self.type(s, "24680246"); s.handle(.enter)
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
        Type.pin(s)
        #expect(s.mode == .home && s.user == 1)
    }

    @Test("10,000 random keys and resizes: no crash, the journal still verifies")
    func randomKeys() throws {
        let (s, dir) = try Self.demoSession("random", lang: "nl")
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

/// Typing helpers for the login screen.
enum Type {
    static func pin(_ s: DeskSession) { for c in "24680246" { s.handle(.char(c)) }; s.handle(.enter) }
}

@Suite("Every screen, nl and en, 80×24 and 60×16 (golden)")
struct AllScreensTests {
    static func type(_ s: DeskSession, _ text: String) { for c in text { s.handle(.char(c)) } }

    /// Drives a session through every screen, rendering each at both sizes.
    @Test("Screens", arguments: ["nl", "en"])
    func screens(_ lang: String) throws {
        let dir = HomeScreenTests.tempDir("all-" + lang)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let clock = TestClock()
        let s = try DeskSession(path: dir + "/j.onderdak", lang: lang, clock: { clock.now }, rules: nil)
        func shot(_ name: String) {
            Golden.check(HomeScreenTests.render(s, 80, 24, dir: dir), "screen-\(name)-\(lang)-80x24")
            Golden.check(HomeScreenTests.render(s, 60, 16, dir: dir), "screen-\(name)-\(lang)-60x16")
        }
        shot("choose")
        s.handle(.char("s"))
        shot("setup")
        Self.type(s, "De Haven"); s.handle(.tab); Self.type(s, "Utrecht"); s.handle(.tab)
        Self.type(s, "Ineke de Vries"); s.handle(.tab); Self.type(s, "ineke"); s.handle(.tab)
        Self.type(s, "24680246"); s.handle(.tab); Self.type(s, "24680247")
        shot("setup-errors")
        s.handle(.function(10))
        shot("quit-confirm")
        s.handle(.char("n"))
        s.handle(.backspace); Self.type(s, "6"); s.handle(.ctrl("s"))
        shot("login")
        Self.type(s, "11111111"); s.handle(.enter)
        shot("login-wrong")
        Self.type(s, "24680246"); s.handle(.enter)
        #expect(s.user == 1)
        shot("home-supervisor")
        s.handle(.function(1))
        shot("help")
        s.handle(.escape)
        s.handle(.char("m"))
        shot("staff")
        s.handle(.char("a"))
        Self.type(s, "Joost Bakker"); s.handle(.tab); Self.type(s, "Joost")
        shot("staff-add-errors")
        s.handle(.backspace); s.handle(.backspace); s.handle(.backspace); s.handle(.backspace); s.handle(.backspace)
        Self.type(s, "joost"); s.handle(.tab); Self.type(s, "13579135"); s.handle(.tab); Self.type(s, "13579135")
        s.handle(.tab); s.handle(.left)  // role: supervisor → (wraps) … pick desk below
        s.handle(.right)
        s.handle(.ctrl("s"))
        #expect(s.store?.state.staffByUsername["joost"] != nil)
        shot("staff-saved")
        s.handle(.down); s.handle(.char("x"))
        shot("staff-confirm")
        s.handle(.char("y"))
        #expect(s.store?.state.staff[2]?.active == false)
        // The last supervisor cannot lose the role: the domain refuses, the screen says why.
        s.handle(.up); s.handle(.char("r"))
        shot("staff-refused")
        #expect(s.store?.state.staff[1]?.role == .supervisor)
        #expect(try JournalVerifier.verify(path: dir + "/j.onderdak", deep: true).exitCode == 0)
    }

    @Test("Each person's language: l switches and is remembered at the next login")
    func language() throws {
        let (s, dir) = try HomeScreenTests.demoSession("lang", lang: "nl")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.handle(.char("1"))
        #expect(s.strings.lang == "nl")
        s.handle(.char("l"))
        #expect(s.strings.lang == "en")
        #expect(HomeScreenTests.render(s, 80, 24, dir: dir).lines[0].contains("(desk)"))
        s.handle(.function(9))
        #expect(s.strings.lang == "nl")
        s.handle(.char("2"))
        #expect(s.strings.lang == "nl", "the coordinator has not chosen English")
        s.handle(.function(9)); s.handle(.char("1"))
        #expect(s.strings.lang == "en", "the desk member's choice is remembered")
        // Desk staff cannot open the staff screen.
        s.handle(.char("m"))
        #expect(s.mode == .home)
        #expect(HomeScreenTests.render(s, 80, 24, dir: dir).lines.contains { $0.contains("Only supervisors manage staff") })
    }
}

@Suite("Client search screen (golden)")
struct SearchScreenTests {
    @Test("/ opens search; typing finds across scripts; Enter opens the card; Esc goes back", arguments: ["nl", "en"])
    func search(_ lang: String) throws {
        let (s, dir) = try HomeScreenTests.demoSession("search", lang: lang)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.handle(.char("1"))
        s.handle(.char("/"))
        func shot(_ name: String) {
            Golden.check(HomeScreenTests.render(s, 80, 24, dir: dir), "search-\(name)-\(lang)-80x24")
            Golden.check(HomeScreenTests.render(s, 60, 16, dir: dir), "search-\(name)-\(lang)-60x16")
        }
        shot("empty")
        for c in "lukasz wojcik" { s.handle(.char(c)) }
        let screen = HomeScreenTests.render(s, 80, 24, dir: dir).lines
        #expect(screen.contains { $0.contains("Łukasz Wójcik") })
        #expect(screen.contains { $0.contains("Lukasz Wojcik") }, "the near-duplicate shows too")
        shot("lukasz")
        s.handle(.ctrl("u"))
        for c in "ivan" { s.handle(.char(c)) }
        #expect(HomeScreenTests.render(s, 80, 24, dir: dir).lines.contains { $0.contains("Иван Петров (Vanya)") })
        s.handle(.enter)
        shot("card-ivan")
        s.handle(.escape)
        s.handle(.ctrl("u"))
        for c in "qqqqqq" { s.handle(.char(c)) }
        shot("none")
        s.handle(.escape)
        #expect(s.mode == .home)
    }
}
