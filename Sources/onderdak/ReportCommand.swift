import ArgumentParser
import CommandSupport
import DeskApp
import Journal
import Services
import ShelterDomain

/// `onderdak report occupancy|outflow`: the coordinators' figures for scripts and analysts.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Occupancy, outflow, refusal, unique-person and care figures (table, CSV or JSON).",
        subcommands: [ReportOccupancyCommand.self, ReportOutflowCommand.self, ReportRefusalsCommand.self, ReportUniqueCommand.self, ReportCareCommand.self])
}

/// Options both reports share.
struct ReportOptions: ParsableArguments {
    @Option(help: "First night (YYYY-MM-DD or DD-MM-YYYY).") var from: String
    @Option(help: "Last night.") var to: String
    @Option(help: "table (default), csv or json.") var format = "table"
    @Flag(help: "CSV for Dutch Excel: UTF-8 BOM and ';' separators.") var excel = false
    @Flag(help: "Show counts of 1 to 4 persons as they are (default: \"<5\").") var noSuppress = false

    func days() throws -> (Day, Day) {
        guard ["table", "csv", "json"].contains(format) else { throw fail("--format must be table, csv or json", code: 2) }
        guard let f = Day.parse(from) else { throw fail("--from: \"\(from)\" is not a real date", code: 2) }
        guard let t = Day.parse(to) else { throw fail("--to: \"\(to)\" is not a real date", code: 2) }
        guard f <= t else { throw fail("--from must not be after --to", code: 2) }
        return (f, t)
    }

    /// A count of persons as shown: "<5" for 1–4 unless suppression is off.
    func cell(_ n: Int) -> String { !noSuppress && (1...4).contains(n) ? "<5" : String(n) }
    func json(_ n: Int) -> JSONValue { !noSuppress && (1...4).contains(n) ? .string("<5") : .number(Double(n)) }
}

struct ReportOccupancyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "occupancy", abstract: "Beds open, occupied, no-shows and turned away per night, week or month.",
        discussion: "JSON: a list of objects with period, location (\"\" = all), capacity, occupied, no_shows, turned_away (all locations only, else null), occupancy_pct, cold_weather_nights, unique_persons, new_persons (first night in the journal in the period).")
    @OptionGroup var journal: JournalOption
    @OptionGroup var options: ReportOptions
    @Option(help: "Only this location (name).") var location: String?
    @Option(help: "night, week (ISO) or month.") var by = "night"

    func run() throws {
        let (from, to) = try options.days()
        guard let grouping = OccupancyReport.Grouping(rawValue: by) else { throw fail("--by must be night, week or month", code: 2) }
        let store = try openReadOnly(journal.path)
        var locID: LocationID?
        if let location {
            guard let l = store.state.inventory.locations.values.first(where: { $0.name == location }) else {
                throw fail("no location \"\(location)\"; locations: \(store.state.inventory.locations.values.map(\.name).sorted().joined(separator: ", "))", code: 2)
            }
            locID = l.id
        }
        let rows = OccupancyReport.rows(store.state, from: from, to: to, by: grouping, location: locID)
        switch options.format {
        case "json":
            print(JSONValue.array(rows.map { r in
                .object([("period", .string(r.period)), ("location", .string(r.location)), ("capacity", .number(Double(r.capacity))),
                         ("occupied", .number(Double(r.occupied))), ("no_shows", options.json(r.noShows)),
                         ("turned_away", r.turnedAway.map(options.json) ?? .null), ("occupancy_pct", .number(r.occupancyPercent)),
                         ("cold_weather_nights", .number(Double(r.coldWeatherNights))),
                         ("unique_persons", options.json(r.uniquePersons)), ("new_persons", options.json(r.newPersons))])
            }).serialized)
        case "csv":
            print(CSVWriter(excel: options.excel).document(
                header: ["period", "location", "capacity", "occupied", "no_shows", "turned_away", "occupancy_pct", "cold_weather_nights", "unique_persons", "new_persons"],
                rows: rows.map { [$0.period, $0.location, String($0.capacity), String($0.occupied), options.cell($0.noShows),
                                  $0.turnedAway.map(options.cell) ?? "", String($0.occupancyPercent), String($0.coldWeatherNights),
                                  options.cell($0.uniquePersons), options.cell($0.newPersons)] }), terminator: "")
        default:
            // For people: periods in words ("Mon 23/11/2026", "wk 47 2026", "Nov 2026"); CSV and JSON keep the keys.
            print("period          location            capacity occupied no-shows turned-away  occ%  cold persons   new")
            for r in rows {
                print([Strings.en.period(r.period, withYear: true).padding(toLength: 15, withPad: " ", startingAt: 0), (r.location.isEmpty ? "(all)" : r.location).padding(toLength: 19, withPad: " ", startingAt: 0),
                       String(r.capacity).leftPad(8), String(r.occupied).leftPad(8), options.cell(r.noShows).leftPad(8),
                       (r.turnedAway.map(options.cell) ?? "").leftPad(11), String(r.occupancyPercent).leftPad(5), String(r.coldWeatherNights).leftPad(5),
                       options.cell(r.uniquePersons).leftPad(7), options.cell(r.newPersons).leftPad(5)]
                    .joined(separator: " "))
            }
        }
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
