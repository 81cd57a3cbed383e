import Journal
import ShelterDomain
import TerminalUI

/// The application model behind the terminal: owns the event store, turns keys into actions,
/// refreshes when other terminals append, and renders into a `Buffer`. Backend-independent, so
/// tests drive it through `MemoryBackend` exactly as the ncurses loop does.
public final class DeskSession {
    public let path: String
    public let strings: Strings
    let clock: () -> Timestamp
    let rules: ChecklistRuleSet?
    public private(set) var store: EventStore?
    public private(set) var notices: [String] = []
    public private(set) var quitRequested = false
    var message: String?

    /// Opens the journal at `path`; a missing journal gives the "create a demo" screen.
    /// Other problems (corrupt, permission, newer format) are thrown: the caller prints them.
    public init(path: String, lang: String, clock: @escaping () -> Timestamp, rules: ChecklistRuleSet?) throws(JournalError) {
        self.path = path; self.strings = Strings(lang: lang); self.clock = clock; self.rules = rules
        do {
            let s = try EventStore.open(path: path, clock: clock)
            store = s
            notices = s.journal.notices
        } catch .notFound {
            store = nil
        } catch .missingDirectory {
            store = nil  // first run: the directory is made when the journal is created
        }
    }

    /// Handles one key. Returns false when the application should end.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        switch key {
        case .function(10):
            quitRequested = true
            return false
        case .char("d") where store == nil:
            do {
                _ = try DemoGenerator.write(path: path, seed: 1, today: AmsterdamTime.night(of: clock()), rules: rules)
                store = try EventStore.open(path: path, clock: clock)
                message = strings["empty.demoWritten"]
            } catch {
                message = "\(error)"
            }
        default:
            break
        }
        return true
    }

    /// Called on a short timer: folds in appends made by other processes.
    public func tick() {
        guard let store, store.journal.hasNewData else { return }
        do { try store.refresh() } catch { message = error.description }
    }

    public func render(into buf: inout Buffer) {
        guard buf.width >= HomeScreen.minWidth, buf.height >= HomeScreen.minHeight else {
            buf.draw(strings.format("tooSmall", HomeScreen.minWidth, HomeScreen.minHeight), x: 0, y: 0, style: .warning)
            return
        }
        let night = AmsterdamTime.night(of: clock())
        if let store {
            var notes = notices
            if let message { notes.insert(message, at: 0) }
            HomeScreen(notices: notes).render(into: &buf, state: store.state, night: night, isDemo: store.header.isDemo,
                                              journalPath: path, headHex: store.journal.headHash.map { String(format2: $0) }.joined(),
                                              strings: strings)
        } else {
            HeaderBar.render(into: &buf, title: strings["app.name"], right: "\(strings["header.night"]) \(strings.shortNight(night))", demo: nil)
            buf.draw(strings["empty.title"], x: 2, y: 3, style: .bold, maxWidth: buf.width - 3)
            buf.draw(path, x: 4, y: 4, maxWidth: buf.width - 5)
            buf.draw(strings["empty.offer"], x: 2, y: 6, maxWidth: buf.width - 3)
            if let message { buf.draw(message, x: 2, y: 8, style: .error, maxWidth: buf.width - 3) }
            KeyHintBar.render(into: &buf, hints: [strings["hint.demo"], strings["hint.quit"]])
        }
    }
}

extension String {
    /// Two lower-case hex digits.
    init(format2 byte: UInt8) {
        let s = String(byte, radix: 16)
        self = byte < 16 ? "0" + s : s
    }
}
