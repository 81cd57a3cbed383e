import ArgumentParser
import CommandSupport
import DeskApp
import Journal
import ShelterDomain

/// `onderdak return show --journal P --client ID [--lang nl|en|pl|ro|bg|hu]`: the plain-text
/// summary of a client's return plan, for the client and the partner organisation.
struct ReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return", abstract: "Return plans.", subcommands: [ReturnShowCommand.self])
}

struct ReturnShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print a client's return plan as plain text.",
        discussion: "Polish and Romanian come from draft templates that a native speaker must check; bg and hu print English for now. Exit 0 printed, 1 no plan or unreadable journal, 2 bad usage.")
    @OptionGroup var journal: JournalOption
    @Option(help: "The client number.") var client: Int32
    @Option(help: "nl (default), en, pl, ro, bg or hu.") var lang = "nl"

    func run() throws {
        guard ReturnSummary.languages.contains(lang) else { throw fail("--lang must be one of \(ReturnSummary.languages.joined(separator: ", "))", code: 2) }
        let store = try openReadOnly(journal.path)
        guard store.state.files.clients[client] != nil else { throw fail("no client \(client) in this journal") }
        guard let plan = store.state.activeReturnPlan(of: client) ?? store.state.latestReturnPlan(of: client) else {
            throw fail("client \(client) has no return plan")
        }
        print(ReturnSummary.text(plan: plan, state: store.state, today: AmsterdamTime.local(SystemClock.now()).day, lang: lang))
    }
}
