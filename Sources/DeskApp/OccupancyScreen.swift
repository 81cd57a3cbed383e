import Services
import ShelterDomain
import TerminalUI

/// F7 "Bezetting" (coordinators and supervisors): occupancy of the last 90 nights per location
/// as sparklines with today's figure beside them, the recent periods (`b`: night, week, month)
/// with capacity, occupied, no-shows and turned away, the positive-outflow rate against the
/// national 62% (also without `unknown` exits), the median stay to exit, automatic closures,
/// open stays not seen for a week, unique and new persons, and (`v`) the breakdowns of who stayed: nationality, gender, age band, ETHOS,
/// checklist outcome, length of stay, and stays vs episodes vs bed nights. Numbers are always
/// written beside bars; cold-weather nights are marked.
public struct OccupancyScreen: Equatable {
    public var grouping: OccupancyReport.Grouping = .week
    public var showBreakdown = false
    /// `z`: the care figures (referrals, insurance, postal address, households) instead.
    public var showCare = false
    public init() {}

    public mutating func update(_ key: Key) -> DeskEffect {
        switch key {
        case .escape: return .back
        case .char("b"):
            let all = OccupancyReport.Grouping.allCases
            grouping = all[(all.firstIndex(of: grouping)! + 1) % all.count]
        case .char("v"): showBreakdown.toggle(); showCare = false
        case .char("z"): showCare.toggle()
        default: break
        }
        return .none
    }

    public func render(into buf: inout Buffer, state s: ShelterState, night: Day, strings t: Strings) {
        let from = night.adding(days: -89)
        buf.draw("\(t["occ.title"]) · \(from.shown(t)) – \(night.shown(t))", x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
        let w = buf.width - 4
        if showCare { buf.fill(x: 1, y: 2, width: buf.width - 2, height: 1); CareFigures.render(into: &buf, state: s, from: from, to: night, strings: t); return }
        if showBreakdown { renderBreakdown(into: &buf, state: s, from: from, to: night, strings: t); return }
        // Sparklines per location.
        let nightly = OccupancyReport.rows(s, from: from, to: night, by: .night)
        var y = 4
        let locations = s.inventory.locations.values.sorted { $0.id < $1.id }.map(\.name) + [""]
        let nameWidth = min(18, max(8, locations.map { TextWidth.width(of: $0) }.max() ?? 8))
        for name in locations where y < buf.height - 7 {
            let series = nightly.filter { $0.location == name }
            let last = series.last?.occupancyPercent ?? 0
            buf.draw(TextWidth.fit(name.isEmpty ? t["occ.all"] : name, nameWidth), x: 2, y: y, style: name.isEmpty ? .bold : .normal)
            let sparkWidth = max(10, w - nameWidth - 9)
            buf.draw(Sparkline.text(series.map(\.occupancyPercent), width: sparkWidth, maximum: 100), x: 3 + nameWidth, y: y)
            buf.draw(String(format1: last) + "%", x: 4 + nameWidth + sparkWidth, y: y, style: .bold)
            y += 1
        }
        // Cold-weather nights marked under the all-locations line.
        let coldMarks = String(nightly.filter { $0.location.isEmpty }.suffix(max(10, w - nameWidth - 9)).map { $0.coldWeatherNights > 0 ? "❄" : " " })
        if coldMarks.contains("❄") { buf.draw(coldMarks, x: 3 + nameWidth, y: y, style: .muted); y += 1 }
        y += 1
        // Recent periods for all locations.
        let rows = OccupancyReport.rows(s, from: from, to: night, by: grouping).filter { $0.location.isEmpty }
        var table = Table(columns: [TableColumn(t["occ.col.period"], width: 11), TableColumn(t["occ.col.capacity"], width: 8, alignRight: true),
                                    TableColumn(t["occ.col.occupied"], width: 8, alignRight: true), TableColumn(t["occ.col.noShows"], width: 9, alignRight: true),
                                    TableColumn(t["occ.col.turnedAway"], width: buf.width >= 140 ? 12 : 10, alignRight: true), TableColumn("%", width: 6, alignRight: true),
                                    TableColumn("❄", width: 3, alignRight: true), TableColumn(t["occ.col.persons"], width: 6, alignRight: true),
                                    TableColumn(t["occ.col.new"], width: 5, alignRight: true)],
                          rows: rows.suffix(max(1, buf.height - y - 9)).map { r in
                              [t.period(r.period), String(r.capacity), String(r.occupied), String(r.noShows), String(r.turnedAway ?? 0), String(format1: r.occupancyPercent),
                               r.coldWeatherNights > 0 ? String(r.coldWeatherNights) : "", String(r.uniquePersons), String(r.newPersons)]
                          })
        let th = min(rows.count + 1, max(2, buf.height - y - 8))
        table.render(into: &buf, x: 2, y: y, width: min(w, 76), height: th)
        y += th + 1
        // Outflow against the national reference, then the figures behind it.
        let out = OutflowReport(s, from: from, to: night, catalog: ShippedOutflows.catalog)
        func pct(_ v: Double?) -> String { v.map { String(format1: $0) + "%" } ?? "—" }
        let median = out.medianNightsToExit.map { String(format1: $0) } ?? "—"
        let lines: [(String, Style)] = [
            ("\(t["occ.outflow"]): \(pct(out.positiveRate)) (\(out.positive)/\(out.total)) · \(t["occ.reference"]) \(String(format1: OutflowReport.nationalReference))%",
             (out.positiveRate ?? 0) >= OutflowReport.nationalReference ? .success : .warning),
            (t["occ.exitFigures"].replacingOccurrences(of: "%1", with: pct(out.positiveRateExcludingUnknown)).replacingOccurrences(of: "%2", with: median), .muted),
            (t.format("occ.absence", out.automaticClosures, out.openNotSeen), out.openNotSeen > 0 ? .warning : .muted),
        ]
        for (text, style) in lines where y < buf.height - 2 {
            buf.draw(text, x: 2, y: y, style: style, maxWidth: buf.width - 3)
            y += 1
        }
        if y < buf.height - 2 {
            let p = OccupancyReport.persons(s, from: from, to: night)
            buf.draw(t.format("occ.persons", p.unique, p.new), x: 2, y: y, style: .muted, maxWidth: buf.width - 3)
        }
        // Every bed refused by a rule in the period, and how many of them never had a checklist.
        let refused = RefusalReport(s, from: from, to: night)
        if y + 1 < buf.height - 2, refused.total > 0 {
            let top = RefusalReport(s, from: from, to: night, by: .reason).rows
                .reduce(into: [String: Int]()) { $0[$1.reason, default: 0] += $1.count }
                .sorted { $0.value > $1.value }.prefix(2).map { "\(t["refusal.\($0.key)"]) \($0.value)" }.joined(separator: ", ")
            buf.draw(t.format("occ.refusals", refused.total, refused.withoutChecklist) + " · " + top, x: 2, y: y + 1, style: .warning, maxWidth: buf.width - 3)
        }
    }

    func renderBreakdown(into buf: inout Buffer, state s: ShelterState, from: Day, to: Day, strings t: Strings) {
        let b = PopulationBreakdown(s, from: from, to: to)
        buf.draw(t.format("occ.counts", b.persons, b.stays, b.episodes, b.bedNights), x: 2, y: 3, style: .muted, maxWidth: buf.width - 3)
        let half = (buf.width - 6) / 2
        func items(_ d: [String: Int], order: [String]? = nil, top: Int = 6, label: (String) -> String = { $0 }) -> [(label: String, value: Int)] {
            let keys = order?.filter { d[$0] != nil } ?? d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            return keys.prefix(top).map { (label($0), d[$0]!) }
        }
        let sections: [(String, [(label: String, value: Int)])] = [
            (t["occ.nationality"], items(b.nationality, label: { $0 == "?" ? t["occ.unknown"] : $0 })),
            (t["occ.age"], items(b.ageBand, order: ["<23", "23-29", "30-39", "40-49", "50-64", "65+", "?"], label: { $0 == "?" ? t["occ.unknown"] : $0 })),
            (t["occ.gender"], items(b.gender, label: { t["gender.\($0)"] })),
            (t["occ.stayLength"], items(b.lengthOfStay, order: ["1-7", "8-14", "15-28", "29+"])),
            (t["occ.ethos"], items(b.ethos, order: ["1", "2", "3", "4", "5", "6", "?"], label: { $0 == "?" ? t["occ.unknown"] : $0 })),
            (t["occ.checklist"], items(b.checklist, label: { t["outcome.\($0)"] })),
        ]
        var y = [5, 5]
        for (i, sec) in sections.enumerated() {
            let col = i % 2
            let x = 2 + col * (half + 2)
            guard y[col] + 1 + sec.1.count < buf.height - 2 else { continue }
            buf.draw(sec.0, x: x, y: y[col], style: .bold, maxWidth: half)
            BarChart.render(into: &buf, x: x, y: y[col] + 1, width: half, items: sec.1)
            y[col] += sec.1.count + 2
        }
    }

    public func hints(_ t: Strings) -> [String] {
        [t["occ.hint.by"], showBreakdown ? t["occ.hint.occupancy"] : t["occ.hint.breakdown"], t["occ.hint.care"], t["hint.back"], t["hint.quit"]]
    }
}

extension String {
    /// One decimal: 66.7
    public init(format1 v: Double) {
        let r = (v * 10).rounded() / 10
        self = r == r.rounded() ? "\(Int(r)).0" : "\(r)"
    }
}

extension OccupancyScreen: Screen {
    public mutating func update(_ message: ScreenMessage, context: ScreenContext) -> DeskEffect {
        guard case .key(let key) = message else { return .none }
        return update(key)
    }

    public mutating func render(into buf: inout Buffer, context c: ScreenContext) {
        render(into: &buf, state: c.state, night: c.night, strings: c.strings)
    }

    public func keyHints(_ c: ScreenContext) -> [String] { hints(c.strings) }
}
