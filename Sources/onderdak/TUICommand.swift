import ArgumentParser
import DeskApp
import Journal
import ShelterDomain

/// `onderdak` with no subcommand: the desk's terminal UI.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui", abstract: "Open the desk's terminal UI (the default).")
    @OptionGroup var journal: JournalOption
    @Option(help: "Language: nl (default) or en.") var lang = "nl"

    func run() throws {
        guard ["nl", "en"].contains(lang) else { throw fail("--lang must be nl or en", code: 2) }
        let code = DeskRunner.run(journalPath: journal.path, lang: lang)
        if code != 0 { throw ExitCode(code) }
    }
}
