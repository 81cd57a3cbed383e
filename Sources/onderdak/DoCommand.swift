import ArgumentParser
import CommandSupport
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
        let staff = try actingStaff(store)
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
    func actingStaff(_ store: EventStore) throws -> StaffID {
        let s = store.state
        guard let username = actor else {
            guard store.header.isDemo, let sup = s.roster.staff.values.filter({ $0.active && $0.role == .supervisor }).map(\.id).min() else {
                throw fail("--as USER is required on a real journal: every command is recorded as someone's.", code: 2)
            }
            return sup
        }
        // The shared check (active, not locked, PIN from --pin-fd or the terminal, login recorded).
        return try CommandSupport.authenticate(store, username: username, pin: .descriptorOrTerminal(pinFD), refusal: "nothing was recorded")
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
                out += [("client", .number(Double(client))), ("bed", .string(state.inventory.beds[bed]?.label ?? "")), ("night", .string(night.iso))]
            case .waitlisted(let w): out.append(("waitlist_entry", .number(Double(w.id))))
            case .banImposed(let b): out.append(("ban", .number(Double(b.id))))
            case .alertRaised(let a): out.append(("alert", .number(Double(a.id))))
            case .noteAdded(let n): out.append(("note", .number(Double(n.id))))
            case .referralMade(let x): out.append(("referral", .number(Double(x.id))))
            case .householdFormed(let h): out.append(("household", .number(Double(h.id))))
            case .householdMemberAdded(let h, _): out.append(("household", .number(Double(h))))
            default: break
            }
        }
        return out
    }
}
