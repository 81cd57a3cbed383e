import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Home screen and session (golden)")
struct HomeScreenTests {
    static let now = Timestamp(utcDay: Day.parseISO("2026-11-23")!, seconds: 19 * 3600)

    /// A demo journal written for 23-11-2026, opened in a session.
    static func demoSession(lang: String) throws -> (DeskSession, String) {
        let dir = "/tmp/odg-" + String(UUID().uuidString.prefix(8))
        let path = dir + "/demo.onderdak"
        _ = try DemoGenerator.write(path: path, seed: 1, today: Day.parseISO("2026-11-23")!, rules: nil)
        return (try DeskSession(path: path, lang: lang, clock: { now }, rules: nil), dir)
    }

    static func render(_ s: DeskSession, _ w: Int, _ h: Int) -> Buffer {
        var b = Buffer(width: w, height: h)
        s.render(into: &b)
        return b
    }

    @Test("Home on a demo journal, nl and en, 80×24 and 60×16", arguments: ["nl", "en"])
    func home(_ lang: String) throws {
        let (s, dir) = try Self.demoSession(lang: lang)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let big = Self.render(s, 80, 24)
        #expect(big.lines[0].hasPrefix(" DEMO  Nachtopvang De Haven"))
        #expect(big.lines[0].contains(lang == "nl" ? "nacht ma 23-11" : "night Mon 23-11"))
        Golden.check(masked(big, dir), "home-\(lang)-80x24")
        Golden.check(masked(Self.render(s, 60, 16), dir), "home-\(lang)-60x16")
    }

    @Test("Below 60×16 the screen says so, at every size down to 1×1")
    func tooSmall() throws {
        let (s, dir) = try Self.demoSession(lang: "en")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        Golden.check(Self.render(s, 40, 12), "too-small-en-40x12")
        for w in [0, 1, 2, 10, 59, 60, 61] {
            for h in [0, 1, 2, 15, 16, 17] { _ = Self.render(s, w, h) }
        }
        #expect(Self.render(s, 59, 24).lines[0] == "terminal too small (need 60x16)")
    }

    @Test("No journal yet: the screen offers a demo, and 'd' creates and opens it")
    func emptyOffersDemo() throws {
        let dir = "/tmp/ode-" + String(UUID().uuidString.prefix(8))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try DeskSession(path: dir + "/j.onderdak", lang: "nl", clock: { Self.now }, rules: nil)
        #expect(s.store == nil)
        let before = Self.render(s, 80, 24)
        #expect(before.lines.contains { $0.contains("Druk op d") })
        Golden.check(masked(before, dir), "empty-nl-80x24")
        #expect(s.handle(.char("d")))
        #expect(s.store?.header.isDemo == true)
        #expect(Self.render(s, 80, 24).lines[0].contains("DEMO"))
        #expect(!s.handle(.function(10)))
    }

    @Test("10,000 random keys and resizes: no crash, the journal still verifies")
    func randomKeys() throws {
        let (s, dir) = try Self.demoSession(lang: "nl")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var rng = SeededRandom(seed: 7)
        let specials: [Key] = [.enter, .escape, .backspace, .delete, .tab, .backTab, .up, .down, .left, .right, .home, .end,
                               .pageUp, .pageDown, .function(1), .function(2), .function(5), .ctrl("u"), .char("/"), .char("?"),
                               .char("Ł"), .char("中"), .char("😀"), .char("d")]
        let backend = MemoryBackend(width: 80, height: 24)
        var quits = 0
        for _ in 0..<10_000 {
            let r = rng.next() % 100
            if r < 3 {
                backend.resize(width: Int(rng.next() % 120), height: Int(rng.next() % 40))
                _ = backend.readKey(timeoutMs: 0)
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

    func masked(_ b: Buffer, _ dir: String) -> Buffer {
        var out = Buffer(width: b.width, height: b.height)
        for (y, line) in b.lines.enumerated() {
            let shown = line.replacingOccurrences(of: dir, with: "<tmp>")
            out.draw(shown, x: 0, y: y)
        }
        return out
    }
}
