import ArgumentParser
import CommandSupport
import DeskApp
import Foundation
import Journal
import ShelterDomain
import TerminalUI

/// Hidden, for `make reliability`: random keys and resizes through the in-memory backend over a
/// journal, logged in as each role in turn. A crash ends the process; afterwards run `verify --deep`.
struct StressUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stress-ui", abstract: "A random key storm through the desk session on a demo journal.")
    @OptionGroup var journal: JournalOption
    @Option var keys = 100_000
    @Option var seed: UInt64 = 1

    func run() throws {
        var rng = SeededRandom(seed: seed)
        let session: DeskSession
        do { session = try DeskSession(path: journal.path, lang: "nl", clock: SystemClock.now, rules: nil) } catch { throw fail(error.description) }
        // A load tool logs in as the demo roles (no PIN): only on demo journals.
        guard session.store?.header.isDemo == true else {
            throw fail("stress-ui runs only on demo journals (it acts as the demo staff, who have no PIN); nothing was changed.", code: 2)
        }
        let alphabet: [Key] = [.enter, .escape, .tab, .backTab, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .backspace, .delete,
                               .ctrl("u"), .resize] + (1...10).map { Key.function($0) }
            + Array("abcdefghijklmnopqrstuvwxyz0123456789 /?>-'ŁłșțőИв\u{7}\u{1B}").map { Key.char($0) }
        var sizes = (w: 80, h: 24)
        var frames = 0
        let start = Date()
        for i in 0..<keys {
            if i % 5_000 == 0 {
                // Another role now and then: log out, then pick 1/2/3 on the demo role picker.
                session.handle(.function(9)); session.handle(.escape)
                session.handle(.char(["1", "2", "3"][Int(rng.next() % 3)]))
            }
            var key = alphabet[Int(rng.next() % UInt64(alphabet.count))]
            if key == .function(10) { key = .escape }  // never quit
            if key == .resize { sizes = (20 + Int(rng.next() % 180), 5 + Int(rng.next() % 60)) }
            session.handle(key)
            if rng.next() % 8 == 0 {
                var b = Buffer(width: sizes.w, height: sizes.h)
                session.render(into: &b)
                frames += 1
            }
            if i % 1_000 == 0 { session.tick() }
        }
        print("ui storm: \(keys) keys, \(frames) frames at random sizes in \(String(format: "%.1f", Date().timeIntervalSince(start))) s · crashes 0")
    }
}
