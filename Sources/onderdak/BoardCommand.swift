import ArgumentParser
import CommandSupport
import Journal
import OnderdakResources
import ShelterDomain

/// `onderdak board --journal P --night YYYY-MM-DD [--format table|json] [--lang en|nl]`: a night's
/// bed board. The table is for people (states in words, in `--lang`); JSON keeps the codes.
struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Print a night's bed board (JSON: one object per bed).",
        discussion: "JSON keys: location, room, bed, state (free, reserved, checked_in, out_of_service, closed), client_id, nights_used, nights_allowed; also departure (null, morning, during_night) and cold_weather (true on a cold-weather night)."
    )
    @OptionGroup var journal: JournalOption
    @Option(help: "The night (YYYY-MM-DD or DD-MM-YYYY); default tonight.") var night: String?
    @Option(help: "table (default) or json.") var format = "table"
    @Option(help: "Language of the table: en (default) or nl. JSON keeps the codes.") var lang = "en"

    func run() throws {
        guard ["table", "json"].contains(format) else { throw fail("--format must be table or json", code: 2) }
        guard ["en", "nl"].contains(lang) else { throw fail("--lang must be en or nl", code: 2) }
        var day = AmsterdamTime.night(of: SystemClock.now())
        if let night {
            guard let d = Day.parse(night) else { throw fail("--night: \"\(night)\" is not a real date", code: 2) }
            day = d
        }
        // Only the board's part of the state is read (from the snapshot cache when it is current).
        let state: ShelterState
        do { state = try EventStore.boardView(path: journal.path, night: day) } catch { throw fail(error.description) }
        let rows = BoardRow.board(state, night: day)
        if format == "json" {
            let items: [JSONValue] = rows.map { r in
                .object([("location", .string(r.location)), ("room", .string(r.room)), ("bed", .string(r.bed.label)),
                         ("state", .string(r.state.rawValue)),
                         ("client_id", r.clientID.map { .number(Double($0)) } ?? .null),
                         ("nights_used", r.nightsUsed.map { .number(Double($0)) } ?? .null),
                         ("nights_allowed", r.nightsAllowed.map { .number(Double($0)) } ?? .null),
                         ("departure", r.departure.map { .string($0.rawValue) } ?? .null),
                         ("cold_weather", .bool(state.isColdWeather(day)))])
            }
            print(JSONValue.array(items).serialized)
            return
        }
        let t = Strings(lang: lang)
        print("\(t["cli.board.night"]) \(t.dayAndDate(day)) — \(state.shelterName)")
        // Columns as wide as their widest cell (the name at most 30 characters, cut with "…"), so
        // that the night count stands in one column whatever the names' lengths.
        let cells: [[String]] = rows.map { r in
            let who = r.clientID.flatMap { state.files.clients[$0]?.fullName } ?? ""
            let count = r.nightsUsed.map { used in "\(used)/\(r.nightsAllowed.map(String.init) ?? "∞")\(r.extended ? "+" : "")" } ?? ""
            return [r.location, r.room, r.bed.label, t.boardState(r), TextSafety.escaped(who), count]
        }
        let caps = [24, 24, 8, 20, 30, 12]
        let widths = caps.indices.map { c in min(caps[c], cells.map { $0[c].count }.max() ?? 0) }
        for row in cells {
            let line = row.indices.map { c in c == row.count - 1 ? row[c] : TextCut.pad(row[c], widths[c]) }.joined(separator: "  ")
            print(String(line.reversed().drop { $0 == " " }.reversed()))
        }
    }
}
