import ArgumentParser
import CommandSupport
import DeskApp
import Journal
import PostgresStore
import ShelterDomain

/// `onderdak` with no subcommand: the desk's terminal UI.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui", abstract: "Open the desk's terminal UI (the default).")
    @OptionGroup var journal: JournalOption
    @Option(help: "Language: nl (default) or en.") var lang = "nl"
    @Option(name: .customLong("lock-after"), help: "Minutes without a key before the screen locks (default 10).")
    var lockAfter = 10

    func run() throws {
        guard ["nl", "en"].contains(lang) else { throw fail("--lang must be nl or en", code: 2) }
        guard (1...240).contains(lockAfter) else { throw fail("--lock-after must be between 1 and 240 minutes", code: 2) }
        // A desk on PostgreSQL reconnects in the background: an outage never holds up its keys.
        PostgresJournals.install(listen: true, background: true)
        let code = DeskRunner.run(journalPath: journal.path, lang: lang, lockAfterMinutes: lockAfter)
        if code != 0 { throw ExitCode(code) }
    }
}
