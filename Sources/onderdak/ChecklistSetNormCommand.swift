import ArgumentParser
import CommandSupport
import Journal
import ShelterDomain

/// `onderdak checklist set-norm`: a supervisor records the single-person social-assistance norm
/// (bijstandsnorm) in force from a date; the checklist uses it from that date on.
struct ChecklistSetNormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-norm",
        abstract: "Record the monthly single-person social-assistance norm from a date (supervisors).",
        discussion: "Standard input: the supervisor's PIN."
    )
    @OptionGroup var journal: JournalOption
    @Option(help: "First date the norm applies (YYYY-MM-DD or DD-MM-YYYY).") var from: String
    @Option(help: "Monthly amount in euro, e.g. 1432.11.") var monthly: String
    @Option(help: "Where the figure comes from.") var source: String
    @Option(name: .customLong("as"), help: "The supervisor making the change.") var actor: String

    func run() throws {
        guard let day = Day.parse(from) else { throw fail("--from: \"\(from)\" is not a real date", code: 2) }
        guard let euros = Double(monthly.replacingOccurrences(of: ",", with: ".")), euros > 0 else {
            throw fail("--monthly: \"\(monthly)\" is not an amount in euro", code: 2)
        }
        let store = try openStore(journal.path)
        let by = try actingSupervisor(store, username: actor)
        do {
            try store.execute(.setAssistanceNorm(from: day, monthlyCents: Int((euros * 100).rounded()), source: source), actor: by)
        } catch { throw fail(error.text("en")) }
        print("Norm from \(day.dutch): €\(String(format: "%.2f", euros)) (\(source)).")
    }
}
