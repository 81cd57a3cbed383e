import ArgumentParser
import CommandSupport
import DeskApp
import Journal
import Services
import ShelterDomain

/// `onderdak report refusals`: beds refused by a rule, by reason × checklist outcome.
struct ReportRefusalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refusals", abstract: "Beds refused by a rule (stay limit, full, ban, women-only…) by reason and checklist outcome.",
        discussion: """
        JSON: a list of rows {"reason", "checklist_outcome", "count"} (--by reason, the default), {"checklist_outcome", "count"} \
        (--by outcome) or {"location", "reason", "count"} (--by location). checklist_outcome is the person's outcome at the moment \
        of the refusal: likely, further_inquiry, not_shown, not_applicable, or none (never assessed). Counts of 1 to 4 are "<5" \
        unless --no-suppress.
        """)
    @OptionGroup var journal: JournalOption
    @OptionGroup var options: ReportOptions
    @Option(help: "reason (default: reason × checklist outcome), outcome or location.") var by = "reason"

    func run() throws {
        let (from, to) = try options.days()
        guard let grouping = RefusalReport.Grouping(rawValue: by) else { throw fail("--by must be reason, outcome or location", code: 2) }
        let store = try openReadOnly(journal.path)
        let report = RefusalReport(store.state, from: from, to: to, by: grouping)
        let t = Strings(lang: "en")
        switch options.format {
        case "json":
            print(JSONValue.array(report.rows.map { r in
                switch grouping {
                case .reason: .object([("reason", .string(r.reason)), ("checklist_outcome", .string(r.outcome)), ("count", options.json(r.count))])
                case .outcome: .object([("checklist_outcome", .string(r.outcome)), ("count", options.json(r.count))])
                case .location: .object([("location", .string(r.location)), ("reason", .string(r.reason)), ("count", options.json(r.count))])
                }
            }).serialized)
        case "csv":
            let header: [String], cells: (RefusalReport.Row) -> [String]
            switch grouping {
            case .reason: header = ["reason", "checklist_outcome", "count"]; cells = { [$0.reason, $0.outcome, options.cell($0.count)] }
            case .outcome: header = ["checklist_outcome", "count"]; cells = { [$0.outcome, options.cell($0.count)] }
            case .location: header = ["location", "reason", "count"]; cells = { [$0.location, $0.reason, options.cell($0.count)] }
            }
            print(CSVWriter(excel: options.excel).document(header: header, rows: report.rows.map(cells)), terminator: "")
        default:
            // For people: words, not codes.
            for r in report.rows {
                var parts: [String] = []
                if grouping == .location { parts.append(r.location.padding(toLength: 20, withPad: " ", startingAt: 0)) }
                if grouping != .outcome { parts.append(t["refusal.\(r.reason)"].padding(toLength: 34, withPad: " ", startingAt: 0)) }
                if grouping != .location { parts.append(t["outcome.\(r.outcome)"].padding(toLength: 24, withPad: " ", startingAt: 0)) }
                parts.append(options.cell(r.count).leftPad(5))
                print(parts.joined(separator: " "))
            }
            print("total \(options.cell(report.total)) refusals, \(options.cell(report.withoutChecklist)) of people without a checklist")
        }
    }
}
