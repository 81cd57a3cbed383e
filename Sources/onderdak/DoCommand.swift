import ArgumentParser
import DeskApp
import Foundation
import Journal
import OnderdakResources
import ShelterDomain

/// `onderdak do`: the scripting interface to every domain command. One JSON object per line on
/// standard input, one JSON line per input on standard output: `{"ok":true,...}` with the new
/// ids and outcome, or `{"ok":false,"refused":"<code>","message":"<text>"}`. Each command is
/// decided and appended exactly as at the desk (same lock, same rules, refusals of beds
/// recorded). A malformed line exits 2 naming the line and field; nothing of it is written.
struct DoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "do",
        abstract: "Run domain commands from JSON lines on standard input (scripts, rule tests, migrations).",
        discussion: """
        Exit 0 when every line was handled (refusals included: they are answers, not errors); 2 on a malformed line \
        (named with its field; earlier lines stay recorded); 1 when the journal cannot be written. On a journal with \
        PINs the acting user's PIN is read from --pin-fd (one line) or the terminal, never from arguments; demo staff \
        need none (without --as a demo journal acts as its first supervisor). `onderdak do --list` prints every command \
        with its fields.
        """)
    @OptionGroup var journal: JournalOption
    @Option(name: .customLong("as"), help: "The member of staff acting (username).") var actor: String?
    @Option(name: .customLong("pin-fd"), help: "Read the acting user's PIN from this open file descriptor (one line).") var pinFD: Int32?
    @Option(help: "Language of refusal messages: en (default) or nl.") var lang = "en"
    @Flag(help: "List the commands and their fields, then exit.") var list = false

    func run() throws {
        let catalog = ScriptCatalog(rules: try loadRuleSet())
        if list {
            for e in catalog.entries { print("\(e.name): \(e.fields.joined(separator: ", "))") }
            return
        }
        guard ["en", "nl"].contains(lang) else { throw fail("--lang must be en or nl", code: 2) }
        let store = try openStore(journal.path)
        let staff = try authenticate(store)
        var lineNumber = 0
        while let raw = Swift.readLine(strippingNewline: true) {
            lineNumber += 1
            if raw.allSatisfy(\.isWhitespace) { continue }
            let command: Command
            switch Result(catching: { () throws(ScriptInputError) -> Command in try parse(raw, line: lineNumber, catalog: catalog, state: store.state) }) {
            case .success(let c): command = c
            case .failure(let e): throw fail(TextSafety.escaped(e.description), code: 2)
            }
            do {
                let recorded = try store.execute(command, actor: staff)
                print(JSONValue.object([("ok", .bool(true))] + Self.details(recorded, state: store.state)).serialized)
            } catch .refused(let e) {
                print(JSONValue.object([("ok", .bool(false)), ("refused", .string(e.code)), ("message", .string(e.text(lang)))]).serialized)
            } catch .journal(let e) {
                print(JSONValue.object([("ok", .bool(false)), ("error", .string("journal")), ("message", .string(e.description))]).serialized)
                throw fail(e.description)
            }
        }
    }

    func parse(_ raw: String, line: Int, catalog: ScriptCatalog, state: ShelterState) throws(ScriptInputError) -> Command {
        let value: JSONValue
        do { value = try JSONValue.parse(raw) } catch { throw ScriptInputError(line: line, field: "(JSON)", reason: error.description) }
        guard case .object = value else { throw ScriptInputError(line: line, field: "(JSON)", reason: "each line must be one JSON object") }
        guard case .string(let name)? = value["command"] else { throw ScriptInputError(line: line, field: "command", reason: "is required (a text)") }
        guard let entry = catalog.entry(name) else {
            throw ScriptInputError(line: line, field: "command", reason: "unknown command \"\(name)\"; `onderdak do --list` lists them")
        }
        let fields = ScriptFields(object: value, line: line, state: state, today: AmsterdamTime.night(of: SystemClock.now()))
        try fields.only(entry.keys)
        return try entry.build(fields)
    }

    /// The acting member of staff, authenticated: active, not locked, PIN checked (and the login
    /// recorded) when they have one; only demo journals allow staff without a PIN.
    func authenticate(_ store: EventStore) throws -> StaffID {
        let s = store.state
        guard let username = actor else {
            guard store.header.isDemo, let sup = s.staff.values.filter({ $0.active && $0.role == .supervisor }).map(\.id).min() else {
                throw fail("--as USER is required on a real journal: every command is recorded as someone's.", code: 2)
            }
            return sup
        }
        guard let id = s.staffByUsername[username], let st = s.staff[id] else { throw fail("no member of staff \"\(username)\" in this journal", code: 2) }
        guard st.active else { throw fail("\(username) is deactivated and can no longer act.") }
        if let until = s.lockedUntil[id], until > SystemClock.now() {
            throw fail("\(username) is locked after too many wrong PINs until \(AmsterdamTime.formatted(until)).")
        }
        guard let cred = st.credential else {
            if store.header.isDemo { return id }
            throw fail("\(username) has no PIN; only demo journals allow that.")
        }
        let pin: String
        if let pinFD {
            guard let line = Self.readPINLine(fd: pinFD) else { throw fail("could not read a PIN from descriptor \(pinFD)", code: 2) }
            pin = line
        } else if let p = Self.readFromTerminal(prompt: "PIN of \(username): ") {
            pin = p
        } else {
            throw fail("\(username) needs a PIN: give it with --pin-fd N (standard input carries the commands).", code: 2)
        }
        let ok = PinHasher.verify(pin: pin, against: cred)
        do { try store.execute(.recordLogin(staff: id, success: ok), actor: id) } catch { throw fail(error.text("en")) }
        guard ok else { throw fail("wrong PIN for \(username); nothing was recorded.") }
        return id
    }

    /// One line from a file descriptor, read byte by byte (so nothing after it is consumed).
    static func readPINLine(fd: Int32) -> String? {
        var bytes: [UInt8] = []
        var b: UInt8 = 0
        while bytes.count < 256 {
            let n = read(fd, &b, 1)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            if b == 10 { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(b)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// A PIN typed at the controlling terminal without echo, if there is one.
    static func readFromTerminal(prompt: String) -> String? {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { return nil }
        close(fd)
        guard let p = getpass(prompt) else { return nil }
        return String(cString: p)
    }

    /// What a script needs back: the ids handed out and, for an assessment, its outcome.
    static func details(_ recorded: [RecordedEvent], state: ShelterState) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = [("events", .array(recorded.map { .string($0.event.name) })),
                                          ("sequence", .number(Double(recorded.last?.sequence ?? 0)))]
        for r in recorded {
            switch r.event {
            case .clientRegistered(let c): out.append(("client", .number(Double(c.id))))
            case .assessmentRecorded(let a):
                if case .object(let pairs) = a.result.json { out += pairs }
            case .extensionRequested(let x): out.append(("request", .number(Double(x.id))))
            case let .bedAssigned(night, bed, client):
                out += [("client", .number(Double(client))), ("bed", .string(state.beds[bed]?.label ?? "")), ("night", .string(night.iso))]
            case .waitlisted(let w): out.append(("waitlist_entry", .number(Double(w.id))))
            case .banImposed(let b): out.append(("ban", .number(Double(b.id))))
            case .alertRaised(let a): out.append(("alert", .number(Double(a.id))))
            case .noteAdded(let n): out.append(("note", .number(Double(n.id))))
            default: break
            }
        }
        return out
    }
}
