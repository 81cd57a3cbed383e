import ArgumentParser
import CommandSupport
import DeskApp
import Journal
import OnderdakResources
import ShelterDomain

/// `onderdak checklist show --journal P --client ID [--lang nl|en] [--all]`: printable summary.
struct ChecklistShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a client's latest assessment (or all with --all) as plain text, in Dutch or English."
    )
    @OptionGroup var journal: JournalOption
    @Option(help: "Client number.") var client: Int32
    @Option(help: "nl (default) or en.") var lang = "nl"
    @Flag(help: "Every assessment of the client, oldest first.") var all = false

    func run() throws {
        guard ["nl", "en"].contains(lang) else { throw fail("--lang must be nl or en", code: 2) }
        let store = try openReadOnly(journal.path)
        guard let c = store.state.files.clients[client] else { throw fail("no client \(client) in \(journal.path)") }
        let list = store.state.files.assessments[client] ?? []
        guard let latest = list.last else { throw fail("client \(client) has no recorded assessment yet") }
        let strings = Strings(lang: lang)
        let current = OnderdakResources.data("checklist/\(OnderdakResources.defaultRuleSetVersion).json").flatMap { try? ChecklistRuleSet.parse(json: $0) }
        for a in all ? list : [latest] {
            let rules = OnderdakResources.data("checklist/\(a.result.ruleSet).json").flatMap { try? ChecklistRuleSet.parse(json: $0) }
            print(AssessmentSummary.text(a, client: c, state: store.state, rules: rules, current: current, strings: strings))
        }
    }
}
