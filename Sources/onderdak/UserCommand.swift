import ArgumentParser
import CommandSupport
import DeskApp
import Foundation
import Journal
import Services
import ShelterDomain

/// `onderdak user add|list|deactivate`: staff administration from the shell. Every change is a
/// domain command by a supervisor (`--as`), whose PIN is checked first; PINs come from standard
/// input (one per line; typed without echo when it is a terminal), never from arguments.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "List, add and deactivate staff (supervisors only).",
        subcommands: [UserListCommand.self, UserAddCommand.self, UserDeactivateCommand.self]
    )
}

struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List staff (never PINs).")
    @OptionGroup var journal: JournalOption

    func run() throws {
        let store = try openReadOnly(journal.path)
        let now = SystemClock.now()
        print("id  username         role         active  pin  name")
        for id in store.state.roster.staff.keys.sorted() {
            let s = store.state.roster.staff[id]!
            let locked = (store.state.roster.lockedUntil[id].map { $0 > now } ?? false) ? " (locked)" : ""
            print("\(String(id).padding(toLength: 3, withPad: " ", startingAt: 0)) \(s.username.padding(toLength: 16, withPad: " ", startingAt: 0)) \(s.role.description.padding(toLength: 12, withPad: " ", startingAt: 0)) \((s.active ? "yes" : "no").padding(toLength: 7, withPad: " ", startingAt: 0)) \((s.credential == nil ? "no" : "yes").padding(toLength: 4, withPad: " ", startingAt: 0)) \(s.displayName)\(locked)")
        }
    }
}

struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a member of staff.",
        discussion: "Standard input: the acting supervisor's PIN, then the new PIN (at least 8 digits), one per line.")
    @OptionGroup var journal: JournalOption
    @Option(help: "Login name: 2-32 of a-z, 0-9, '.', '-', '_'.") var username: String
    @Option(help: "Name as shown on screen.") var name: String
    @Option(help: "desk, coordinator or supervisor.") var role: String
    @Option(name: .customLong("as"), help: "The supervisor making the change.") var actor: String

    func run() throws {
        guard let r = Role(name: role) else { throw fail("--role must be desk, coordinator or supervisor", code: 2) }
        let store = try openStore(journal.path)
        let by = try actingSupervisor(store, username: actor)
        let pin = readPIN(prompt: "New PIN for \(username): ")
        if let p = PinHasher.problem(pin, strings: Strings(lang: "en")) { throw fail("new PIN: \(p)", code: 2) }
        do {
            try store.execute(.addStaff(username: username, displayName: name, role: r, credential: PinHasher.make(pin: pin)), actor: by)
        } catch { throw fail(error.text("en")) }
        print("Added \(username) (\(r)).")
    }
}

struct UserDeactivateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deactivate", abstract: "Deactivate a member of staff (they can no longer log in or act).",
        discussion: "Standard input: the acting supervisor's PIN.")
    @OptionGroup var journal: JournalOption
    @Option var username: String
    @Option(name: .customLong("as"), help: "The supervisor making the change.") var actor: String

    func run() throws {
        let store = try openStore(journal.path)
        let by = try actingSupervisor(store, username: actor)
        guard let id = store.state.roster.staffByUsername[username] else { throw fail("no member of staff \(username)") }
        do { try store.execute(.deactivateStaff(staff: id), actor: by) } catch { throw fail(error.text("en")) }
        print("Deactivated \(username).")
    }
}
