import ArgumentParser
import CommandSupport
import DeskApp
import Foundation
import Journal
import Services
import ShelterDomain

/// `onderdak beds import --journal P FILE`: add locations, rooms and beds from a JSON
/// description (see `InventoryImport`); idempotent.
struct BedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beds",
        abstract: "Bed inventory (supervisors).",
        subcommands: [BedsImportCommand.self]
    )
}

struct BedsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Add locations, rooms and beds from a JSON file (existing ones are kept).",
        discussion: """
        File: {"locations": [{"name", "municipality", "policy": {"max_nights" (null = no limit), "window_days", "cutoff" ("23:00"), \
        "twenty_four_hour_needs_approval"}, "rooms": [{"name", "beds": [{"label", "attributes"}] or "bed_prefix" + "bed_count", "attributes"}]}]}. \
        Attributes: women_only, accessible, twenty_four_hour, emergency, cold_weather, medical. \
        Standard input: the acting supervisor's PIN. Exit 0 done, 1 refused or unreadable, 2 bad usage.
        """)
    @OptionGroup var journal: JournalOption
    @Argument(help: "The JSON description.") var file: String
    @Option(name: .customLong("as"), help: "The supervisor making the change (default: the only active supervisor).") var actor: String?

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw fail("cannot read \(file)") }
        let store = try openStore(journal.path)
        let supervisors = store.state.roster.staff.values.filter { $0.active && $0.role == .supervisor }
        guard let username = actor ?? (supervisors.count == 1 ? supervisors.first?.username : nil) else {
            throw fail("this journal has several supervisors: say who imports with --as USERNAME", code: 2)
        }
        let by = try actingSupervisor(store, username: username)
        do {
            let s = try InventoryImport.run(Array(data), store: store, actor: by)
            print("Added \(s.locations) location(s), \(s.rooms) room(s), \(s.beds) bed(s); \(s.unchanged) already present.")
        } catch let p as InventoryImport.Problem {
            throw fail("\(file): \(p.description)")
        } catch let e as StoreError {
            throw fail(e.text("en"))
        }
    }
}
