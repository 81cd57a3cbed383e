import ArgumentParser
import CommandSupport
import DeskApp
import Journal
import ShelterDomain

/// `onderdak client report --journal J --client ID [--lang nl|en|pl|ro|bg|hu]`: everything kept
/// about a person, to hand to them (right of access). Exit 0 printed, 1 no such client or
/// unreadable journal, 2 bad usage.
struct ClientReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Print everything kept about a client (right of access).",
        discussion: "Polish and Romanian come from draft templates that a native speaker must check; bg and hu print English for now. Exit 0 printed, 1 no such client or unreadable journal, 2 bad usage.")
    @OptionGroup var journal: JournalOption
    @Option(help: "The client number.") var client: Int32
    @Option(help: "nl (default), en, pl, ro, bg or hu.") var lang = "nl"

    func run() throws {
        guard ClientReport.languages.contains(lang) else { throw fail("--lang must be one of \(ClientReport.languages.joined(separator: ", "))", code: 2) }
        let store = try openReadOnly(journal.path)
        guard store.state.files.clients[client] != nil else { throw fail("no client \(client) in this journal") }
        print(ClientReport.text(client: client, state: store.state, today: AmsterdamTime.night(of: SystemClock.now()), lang: lang))
    }
}
