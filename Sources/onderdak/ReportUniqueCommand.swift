import ArgumentParser
import CommandSupport
import DeskApp
import Services
import ShelterDomain

/// `onderdak report unique --inputs A.sqlite B.sqlite …`: unique persons, and persons seen in
/// more than one organisation, over exports made with the same regional `--linkage-key`.
struct ReportUniqueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unique", abstract: "Unique persons over several organisations' exports (made with one --linkage-key).",
        discussion: """
        Each input is one organisation's SQLite export (export --format sqlite --linkage-key FILE). A person counts once \
        however many inputs hold their linkage_key. Persons without a key (no birth date recorded) cannot be linked and are \
        counted apart. JSON: {inputs: [{file, persons}], unique_persons, in_more_than_one, unlinkable}. Counts of 1-4 are \
        "<5" unless --no-suppress.
        """)
    @Option(parsing: .upToNextOption, help: ArgumentHelp("SQLite exports, one per organisation.", valueName: "file")) var inputs: [String]
    @Option(help: "table (default), csv or json.") var format = "table"
    @Flag(help: "Show counts of 1 to 4 persons as they are (default: \"<5\").") var noSuppress = false

    func run() throws {
        guard ["table", "csv", "json"].contains(format) else { throw fail("--format must be table, csv or json", code: 2) }
        guard !inputs.isEmpty else { throw fail("--inputs needs at least one export", code: 2) }
        var keys: [[String]] = []
        for path in inputs {
            do { keys.append(try SQLiteReader.column("linkage_key", of: "persons", in: path)) } catch { throw fail("\(error)") }
        }
        let u = UniquePersons(keys: keys)
        func cell(_ n: Int) -> String { !noSuppress && (1...4).contains(n) ? "<5" : String(n) }
        func json(_ n: Int) -> JSONValue { !noSuppress && (1...4).contains(n) ? .string("<5") : .number(Double(n)) }
        switch format {
        case "json":
            print(JSONValue.object([
                ("inputs", .array(zip(inputs, u.rowsPerInput).map { .object([("file", .string($0)), ("persons", json($1))]) })),
                ("unique_persons", json(u.unique)), ("in_more_than_one", json(u.inMoreThanOne)), ("unlinkable", json(u.unlinkable)),
            ]).serialized)
        case "csv":
            print(CSVWriter().document(header: ["inputs", "unique_persons", "in_more_than_one", "unlinkable"],
                                       rows: [[String(u.inputs), cell(u.unique), cell(u.inMoreThanOne), cell(u.unlinkable)]]), terminator: "")
        default:
            for (p, n) in zip(inputs, u.rowsPerInput) { print("\(p): \(cell(n)) persons") }
            print("unique persons \(cell(u.unique)), in more than one organisation \(cell(u.inMoreThanOne)), without a linkage key \(cell(u.unlinkable))")
        }
    }
}
