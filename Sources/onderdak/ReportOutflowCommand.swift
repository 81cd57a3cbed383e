import ArgumentParser
import CommandSupport
import DeskApp
import Journal
import OnderdakResources
import Services
import ShelterDomain

/// `onderdak report outflow`: where people went when their stay ended, the positive rate with
/// and without `unknown` exits, breakdowns, the median stay and open stays not seen lately.
struct ReportOutflowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outflow", abstract: "Where people went when their stay ended: counts per category and the positive rate.",
        discussion: """
        Categories, labels and valence come from Resources/data/outflow.json. \
        JSON: {from, to, counts: {category: n}, total, positive, positive_rate, national_reference, unknown, \
        positive_rate_excluding_unknown, median_nights_to_exit, automatic_closures, corrections, open_stays, \
        open_not_seen_7_nights, categories: [{code, valence, nl, en}], and with --by: by, groups: [{group, counts, total, positive, \
        positive_rate, positive_rate_excluding_unknown, median_nights_to_exit}]}. Rates and the median are null under 5 exits \
        (in their denominator) unless --no-suppress; counts of 1–4 are "<5".
        """)
    @OptionGroup var journal: JournalOption
    @OptionGroup var options: ReportOptions
    @Option(help: "Language of the table's category names: en (default) or nl. JSON and CSV keep the codes.") var lang = "en"
    @Option(help: "Break down by location, nationality (NL, EU-CEE, EU-other, non-EU) or outcome (checklist at the exit).") var by: String?

    func run() throws {
        guard ["en", "nl"].contains(lang) else { throw fail("--lang must be en or nl", code: 2) }
        let (from, to) = try options.days()
        var dimension: OutflowReport.Dimension?
        if let by {
            guard let d = OutflowReport.Dimension(rawValue: by) else { throw fail("--by must be location, nationality or outcome", code: 2) }
            dimension = d
        }
        let catalog = try shippedOutflows()
        let store = try openReadOnly(journal.path)
        let r = OutflowReport(store.state, from: from, to: to, catalog: catalog)
        let groups = dimension.map { r.breakdown(by: $0) } ?? []
        func shown(_ v: Double?, over n: Int) -> Double? { (n >= 5 || options.noSuppress) ? v : nil }
        func num(_ v: Double?) -> JSONValue { v.map { .number($0) } ?? .null }
        func figures(_ g: OutflowReport) -> [(String, JSONValue)] {
            [("counts", .object(catalog.categories.map { ($0.outflow.code, options.json(g.counts[$0.outflow] ?? 0)) })),
             ("total", options.json(g.total)), ("positive", options.json(g.positive)),
             ("positive_rate", num(shown(g.positiveRate, over: g.total))),
             ("positive_rate_excluding_unknown", num(shown(g.positiveRateExcludingUnknown, over: g.total - g.unknown))),
             ("median_nights_to_exit", num(shown(g.medianNightsToExit, over: g.total)))]
        }
        switch options.format {
        case "json":
            var o: [(String, JSONValue)] = [("from", .string(from.iso)), ("to", .string(to.iso))]
            o += figures(r).filter { $0.0 != "positive_rate_excluding_unknown" && $0.0 != "median_nights_to_exit" }
            o += [("national_reference", .number(OutflowReport.nationalReference)), ("unknown", options.json(r.unknown)),
                  ("positive_rate_excluding_unknown", num(shown(r.positiveRateExcludingUnknown, over: r.total - r.unknown))),
                  ("median_nights_to_exit", num(shown(r.medianNightsToExit, over: r.total))),
                  ("automatic_closures", options.json(r.automaticClosures)), ("corrections", options.json(r.corrections)),
                  ("open_stays", options.json(r.openStays)), ("open_not_seen_7_nights", options.json(r.openNotSeen)),
                  ("categories", .array(catalog.categories.map {
                      .object([("code", .string($0.outflow.code)), ("valence", .string($0.valence.rawValue)), ("nl", .string($0.labelNL)), ("en", .string($0.labelEN))])
                  }))]
            if let dimension {
                o += [("by", .string(dimension.rawValue)), ("groups", .array(groups.map { .object([("group", .string($0.key))] + figures($0.report)) }))]
            }
            print(JSONValue.object(o).serialized)
        case "csv":
            func rows(_ g: OutflowReport, _ key: String?) -> [[String]] {
                catalog.categories.map { c in
                    (key.map { [$0] } ?? []) + [c.outflow.code, c.valence == .positive ? "yes" : "no", options.cell(g.counts[c.outflow] ?? 0), c.valence.rawValue]
                }
            }
            let header = (dimension.map { [$0.rawValue] } ?? []) + ["category", "positive", "count", "valence"]
            let body = dimension == nil ? rows(r, nil) : groups.flatMap { rows($0.report, $0.key) }
            print(CSVWriter(excel: options.excel).document(header: header, rows: body), terminator: "")
        default:
            // For people: category names, summary lines, the breakdown's header and groups in --lang.
            let t = Strings(lang: lang)
            func pct(_ v: Double?) -> String { v.map { "\(String(format1: $0))%" } ?? t["cli.outflow.na"] }
            let width = catalog.categories.map { (lang == "nl" ? $0.labelNL : $0.labelEN).count }.max() ?? 28
            print(t.fill("cli.outflow.period", t.date(from), t.date(to)))
            for c in catalog.categories {
                let sign = c.valence == .positive ? "+" : c.valence == .negative ? "-" : " "
                let label = lang == "nl" ? c.labelNL : c.labelEN
                print("\(label.padding(toLength: max(width, label.count), withPad: " ", startingAt: 0)) \(sign) \(options.cell(r.counts[c.outflow] ?? 0).leftPad(5))")
            }
            print(t.fill("cli.outflow.total", options.cell(r.total), pct(shown(r.positiveRate, over: r.total)),
                         pct(shown(r.positiveRateExcludingUnknown, over: r.total - r.unknown)), String(format1: OutflowReport.nationalReference)))
            print(t.fill("cli.outflow.figures", shown(r.medianNightsToExit, over: r.total).map { String(format1: $0) } ?? t["cli.outflow.na"],
                         options.cell(r.automaticClosures), options.cell(r.corrections), options.cell(r.openStays), options.cell(r.openNotSeen)))
            if let dimension {
                func group(_ key: String) -> String {
                    let k = "cli.outflow.\(dimension.rawValue).\(key)"
                    let named = dimension == .outcome ? t["outcome.\(key)"] : t[k]
                    return named == k || named == "outcome.\(key)" ? key : named
                }
                let w = max(20, groups.map { group($0.key).count }.max() ?? 0)
                print("")
                print([TextCut.pad(t["cli.outflow.by.\(dimension.rawValue)"], w), t["cli.outflow.col.exits"].leftPad(6), t["cli.outflow.col.positive"].leftPad(8),
                       t["cli.outflow.col.rate"].leftPad(6), t["cli.outflow.col.rateUnknown"].leftPad(13), t["cli.outflow.col.median"].leftPad(7)].joined(separator: " "))
                for g in groups {
                    print([TextCut.pad(group(g.key), w), options.cell(g.report.total).leftPad(6), options.cell(g.report.positive).leftPad(8),
                           pct(shown(g.report.positiveRate, over: g.report.total)).leftPad(6),
                           pct(shown(g.report.positiveRateExcludingUnknown, over: g.report.total - g.report.unknown)).leftPad(13),
                           (shown(g.report.medianNightsToExit, over: g.report.total).map { String(format1: $0) } ?? t["cli.outflow.na"]).leftPad(7)].joined(separator: " "))
                }
            }
        }
    }
}
