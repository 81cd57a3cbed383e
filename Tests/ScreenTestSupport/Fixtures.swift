import Foundation
import Journal
import Services
import ShelterDomain
import TerminalUI
import DeskApp

/// What the desk's screen tests share: the demo (written once per test run, for 23-11-2026),
/// a session on a copy of it — in memory, or in a journal file for the tests that need one —
/// and rendering with the per-run parts masked.
public enum Fixtures {
    /// The day the demo is written for, and the night the test clock starts on.
    public static let demoDay = Day.parseISO("2026-11-23")!
    /// Where an in-memory journal says it is: what the goldens show for the temporary directory.
    public static let memoryDir = "<tmp>"

    /// The demo in memory: its records and its keys, made once per test run (months of nights
    /// take a couple of seconds) and copied for each test.
    nonisolated(unsafe) static let memoryTemplate: (MemoryJournal, MemoryKeys) = {
        var made: (MemoryJournal, MemoryKeys)?
        _ = try! DemoGenerator.write(seed: 1, today: Fixtures.demoDay, rules: nil) { (header, clock) throws(StoreError) -> EventStore in
            let journal = MemoryJournal(path: Fixtures.memoryDir + "/demo.onderdak", header: header), keys = MemoryKeys()
            made = (journal, keys)
            do throws(JournalError) { return try journal.open(keys: keys, clock: clock) } catch { throw .journal(error) }
        }
        return made!
    }()
    static let templateLock = NSLock()

    /// A session on a copy of the demo kept in memory: nothing on disk. The second value is the
    /// "directory" `render` masks (the journal's path is already `<tmp>/demo.onderdak`).
    public static func demoSession(_ name: String = "", lang: String, clock: TestClock = TestClock(),
                                   rules: ChecklistRuleSet? = nil) throws -> (DeskSession, String) {
        let (journal, keys) = templateLock.withLock { (memoryTemplate.0.copy(), memoryTemplate.1.copy()) }
        let store = try journal.open(keys: keys, clock: { clock.now })
        let s = DeskSession(store: store, lang: lang, clock: { clock.now }, rules: rules,
                            allEvents: { try journal.events(keys: store.keys) })
        return (s, memoryDir)
    }

    /// A fixed directory per test (golden screens show the path), emptied first.
    public static func tempDir(_ name: String) -> String {
        // Per process: several checkouts may run the suite at once on one machine.
        let d = "/tmp/odg-\(getpid())-" + name
        try? FileManager.default.removeItem(atPath: d)
        return d
    }

    /// The demo journal file for 23-11-2026, written once per test run and copied for each test.
    static let fileTemplate: String = {
        let dir = Fixtures.tempDir("template-\(getpid())")
        let path = dir + "/demo.onderdak"
        _ = try! DemoGenerator.write(path: path, seed: 1, today: Fixtures.demoDay, rules: nil)
        return path
    }()

    /// A session on a copy of the demo journal file, for tests about the journal itself (it
    /// verifies, another process appends, locks): the session and the directory holding the copy.
    public static func journalDemoSession(_ name: String, lang: String, clock: TestClock = TestClock()) throws -> (DeskSession, String) {
        let dir = tempDir(name + "-" + lang)
        let path = dir + "/demo.onderdak"
        let template = fileTemplate
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.copyItem(atPath: template, toPath: path)
        // The copy needs its key store: the personal fields are sealed with its keys.
        try FileManager.default.copyItem(atPath: template + ".keys", toPath: path + ".keys")
        chmod(path, 0o600); chmod(path + ".keys", 0o600)
        return (try DeskSession(path: path, lang: lang, clock: { clock.now }, rules: nil), dir)
    }

    /// The session's frame at `w`×`h`, with `dir` shown as `<tmp>` and hash-chain heads masked.
    public static func render(_ s: DeskSession, _ w: Int, _ h: Int, dir: String) -> Buffer {
        var b = Buffer(width: w, height: h)
        s.render(into: &b)
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

    /// Types `text` one character at a time.
    public static func type(_ s: DeskSession, _ text: String) { for c in text { s.handle(.char(c)) } }
}

extension Fixtures {
    /// A session on a demo written now with `demoRules` (assessments at intake), in memory:
    /// slower than `demoSession` (no template), for the tests about assessments.
    public static func freshDemoSession(lang: String, clock: TestClock = TestClock(), demoRules: ChecklistRuleSet) throws -> (DeskSession, String) {
        var made: (MemoryJournal, MemoryKeys)?
        _ = try DemoGenerator.write(seed: 1, today: demoDay, rules: demoRules) { (header, c) throws(StoreError) -> EventStore in
            let journal = MemoryJournal(path: memoryDir + "/demo.onderdak", header: header), keys = MemoryKeys()
            made = (journal, keys)
            do throws(JournalError) { return try journal.open(keys: keys, clock: c) } catch { throw .journal(error) }
        }
        let (journal, keys) = made!
        let store = try journal.open(keys: keys, clock: { clock.now })
        let s = DeskSession(store: store, lang: lang, clock: { clock.now }, rules: demoRules,
                            allEvents: { try journal.events(keys: store.keys) })
        return (s, memoryDir)
    }

    /// Every event the session's journal in memory holds, in order (what `EventStore.events` reads from a file).
    public static func events(_ s: DeskSession) throws -> [RecordedEvent] {
        guard let store = s.store, let journal = store.journal as? MemoryJournal else { return [] }
        return try journal.events(keys: store.keys)
    }

    /// The in-memory journal replayed from its first record through the domain's invariant
    /// checker: what is wrong (nothing: every record decodes, the domain's rules hold, and the
    /// replay gives exactly the state on screen). The in-memory counterpart of `verify --deep`.
    public static func replayProblems(_ s: DeskSession) -> [String] {
        guard let store = s.store, store.journal is MemoryJournal else { return ["the session's journal is not in memory"] }
        do {
            var checker = InvariantChecker()
            for e in try events(s) { checker.apply(e) }
            return checker.violations + (checker.state == store.state ? [] : ["the replayed state differs from the session's"])
        } catch {
            return ["\(error)"]
        }
    }
}
