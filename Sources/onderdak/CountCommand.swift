import ArgumentParser
import CommandSupport
import DeskApp
import Foundation
import Journal
import Services
import ShelterDomain

/// `onderdak count --journal J --night D`: the point-in-time count of one night (everyone in a
/// bed, or turned away), one pseudonymous row per person and totals, in a column set that a
/// GGD can merge across shelters (README, "Point-in-time count").
struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count", abstract: "Point-in-time count of one night: everyone in a bed or turned away (pseudonymised).",
        discussion: """
        Columns: \(CountCommand.columns.joined(separator: ", ")). person_key is the export's pseudonym (HMAC-SHA-256 \
        under <journal>.export-key); with --linkage-key also linkage_key (as in export --linkage-key), so counts of several \
        organisations can be merged without counting a person twice. Totals of 1-4 persons are shown as "<5" unless --no-suppress. \
        JSON: {night, shelter, columns, persons: [{column: value}], totals: {persons, status, location, ethos, nationality_group, \
        gender, age_band, checklist_outcome}}.
        """)
    static let columns = ["night", "shelter", "person_key", "status", "location", "ethos", "nationality_group", "gender", "age_band", "checklist_outcome"]

    @OptionGroup var journal: JournalOption
    @Option(help: "The night (YYYY-MM-DD or DD-MM-YYYY).") var night: String
    @Option(help: "table (default), csv or json.") var format = "table"
    @Flag(help: "CSV for Dutch Excel: UTF-8 BOM and ';' separators.") var excel = false
    @Flag(help: "Show totals of 1 to 4 persons as they are (default: \"<5\").") var noSuppress = false
    @Option(name: .customLong("linkage-key"), help: ArgumentHelp("Regional linkage key file: adds linkage_key.", valueName: "file")) var linkageKey: String?

    func run() throws {
        guard ["table", "csv", "json"].contains(format) else { throw fail("--format must be table, csv or json", code: 2) }
        guard let day = Day.parse(night) else { throw fail("--night: \"\(night)\" is not a real date", code: 2) }
        let link = try linkageKey.map(loadLinkageKey)
        let store = try openReadOnly(journal.path)
        let key: SymmetricKeyBox
        do { key = SymmetricKeyBox(try ExportKey.load(forJournal: journal.path)) } catch { throw fail("\(error)") }
        let count = PointInTimeCount(store.state, night: day)
        let cols = Self.columns + (link == nil ? [] : ["linkage_key"])
        let rows: [[String]] = count.persons.map { p in
            [day.iso, store.state.shelterName, ExportBuilder.pseudonym(p.client, key: key.key), p.status.rawValue, p.location,
             p.ethos.map(String.init) ?? "", p.nationalityGroup.rawValue, p.gender, p.ageBand, p.hasChecklistOutcome ? "yes" : "no"]
                + (link.map { l in [store.state.files.clients[p.client].map { LinkageKey.value(of: $0, key: l.key) } ?? ""] } ?? [])
        }
        func cell(_ n: Int) -> String { !noSuppress && (1...4).contains(n) ? "<5" : String(n) }
        func json(_ n: Int) -> JSONValue { !noSuppress && (1...4).contains(n) ? .string("<5") : .number(Double(n)) }
        let totals: [(String, [(String, Int)])] = [
            ("status", count.totals { $0.status.rawValue }), ("location", count.totals { $0.location.isEmpty ? "-" : $0.location }),
            ("ethos", count.totals { $0.ethos.map(String.init) ?? "?" }), ("nationality_group", count.totals { $0.nationalityGroup.rawValue }),
            ("gender", count.totals(\.gender)), ("age_band", count.totals(\.ageBand)),
            ("checklist_outcome", count.totals { $0.hasChecklistOutcome ? "yes" : "no" }),
        ]
        switch format {
        case "json":
            print(JSONValue.object([
                ("night", .string(day.iso)), ("shelter", .string(store.state.shelterName)), ("columns", .array(cols.map { .string($0) })),
                ("persons", .array(rows.map { r in .object(zip(cols, r).map { ($0, .string($1)) }) })),
                ("totals", .object([("persons", json(count.persons.count))] + totals.map { name, t in (name, .object(t.map { ($0.0, json($0.1)) })) })),
            ]).serialized)
        case "csv":
            print(CSVWriter(excel: excel).document(header: cols, rows: rows), terminator: "")
        default:
            print("Point-in-time count, night of \(day.dutch) · \(store.state.shelterName)")
            for r in rows { print(r.dropFirst(2).joined(separator: "  ")) }
            print("persons \(cell(count.persons.count))")
            for (name, t) in totals { print("\(name): " + t.map { "\($0.0) \(cell($0.1))" }.joined(separator: ", ")) }
        }
    }
}
