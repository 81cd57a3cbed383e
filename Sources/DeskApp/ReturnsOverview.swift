import ShelterDomain
import TerminalUI

/// F5 "Terugkeer": return plans by status, departures this week, steps overdue (booked without
/// a handover contact, a travel document requested more than 14 days ago and not ready, a
/// travel date passed without departure), IND deadlines within 7 days, and outcomes of the last
/// 90 days (departed, arrival confirmed, cancelled with reasons). Enter opens the plan.
public struct ReturnsOverview: Equatable {
    public var list = ListView(count: 0)
    public init() {}

    /// Why a plan needs attention (empty: on track).
    public static func overdue(_ p: ReturnPlan, today: Day) -> [String] {
        var out: [String] = []
        if p.status == .booked, p.receivingPerson.isEmpty && p.receivingContact.isEmpty { out.append("handover") }
        if let r = p.documentRequested, p.documentReady == nil, r.adding(days: 14) < today { out.append("document") }
        if let d = p.travelDate, d < today, p.isActive { out.append("travel_date") }
        return out
    }

    static func plans(_ s: ShelterState) -> [ReturnPlan] {
        s.returns.returnPlans.values.filter(\.isActive).sorted { ($0.travelDate ?? Day(ordinal: .max), $0.id) < ($1.travelDate ?? Day(ordinal: .max), $1.id) }
    }

    public mutating func update(_ key: Key, state s: ShelterState) -> DeskEffect {
        let rows = Self.plans(s)
        list.setCount(rows.count)
        switch key {
        case .escape: return .back
        case .enter: if rows.indices.contains(list.selected) { return .openClient(rows[list.selected].clientID) }
        default: _ = list.handle(key, height: 8)
        }
        return .none
    }

    public mutating func render(into buf: inout Buffer, state s: ShelterState, today: Day, strings t: Strings) {
        buf.draw(t["ret.overview"], x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
        let all = Array(s.returns.returnPlans.values)
        let counts = ReturnStatus.allCases.map { st in "\(t["rstatus.\(st.code)"]) \(all.filter { $0.status == st }.count)" }
        let countLines = Dialog.wrap(counts.joined(separator: " · "), width: buf.width - 4)
        for (i, l) in countLines.prefix(2).enumerated() { buf.draw(l, x: 2, y: 3 + i, style: .muted) }
        let shift = min(2, countLines.count) - 1
        let week = all.filter { $0.isActive && ($0.travelDate.map { $0 >= today && $0 < today.adding(days: 7) } ?? false) }.count
        let overdue = all.filter { !Self.overdue($0, today: today).isEmpty }.count
        let deadlines = s.files.indDecisions.values.filter { (0...7).contains($0.daysLeft(on: today)) }
        buf.draw("\(t.format("ret.thisWeek", week)) · \(t.format("ret.overdueN", overdue)) · \(t.format("ret.deadlines7", deadlines.count))",
                 x: 2, y: 4 + shift, style: overdue + deadlines.count > 0 ? .warning : .muted, maxWidth: buf.width - 3)
        let rows = Self.plans(s)
        list.setCount(rows.count)
        let nameWidth = max(10, buf.width - 4 - 18 - 10 - 14 - 16 - 4)
        var table = Table(columns: [TableColumn(t["appr.col.client"], width: nameWidth), TableColumn(t["ret.col.status"], width: 18),
                                    TableColumn(t["ret.col.travel"], width: 10), TableColumn(t["ret.col.to"], width: 14),
                                    TableColumn(t["ret.col.attention"], width: 16)],
                          rows: rows.map { p in
                              let name = s.files.clients[p.clientID]?.fullName ?? "#\(p.clientID)"
                              let attention = Self.overdue(p, today: today).map { t["ret.overdue.\($0)"] }.joined(separator: ", ")
                              return [name, t["rstatus.\(p.status.code)"], p.travelDate?.shown(t) ?? "—", "\(p.country) \(p.city)", attention]
                          })
        table.list = list
        let height = max(2, min(rows.count + 1, buf.height - 16))
        table.render(into: &buf, x: 2, y: 6 + shift, width: buf.width - 4, height: height)
        var y = 7 + shift + height
        // IND deadlines, nearest first.
        for d in s.files.indDecisions.values.sorted(by: { $0.effectiveDeadline.day < $1.effectiveDeadline.day }) where y < buf.height - 5 && d.daysLeft(on: today) >= 0 {
            let (day, est) = d.effectiveDeadline
            buf.draw("⏳ \(s.files.clients[d.clientID]?.fullName ?? "") — \(t.count("ret.countdown", d.daysLeft(on: today))) (\(day.shown(t))\(est ? ", \(t["tl.estimate"])" : ""))",
                     x: 2, y: y, style: d.daysLeft(on: today) <= 7 ? .error : .warning, maxWidth: buf.width - 3)
            y += 1
        }
        // Outcomes of the last 90 days.
        let since = today.adding(days: -90)
        var departed = 0, confirmed = 0
        var cancelled: [String: Int] = [:]
        for (id, steps) in s.returns.returnSteps {
            for st in steps where st.on >= since {
                switch st.status {
                case .departed: departed += 1
                case .arrivalConfirmed: confirmed += 1
                case .cancelled: cancelled[s.returns.returnPlans[id]?.cancelReason ?? "", default: 0] += 1
                default: break
                }
            }
        }
        if y < buf.height - 3 {
            let reasons = cancelled.sorted { $0.value > $1.value }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            buf.draw(t.format("ret.outcomes", departed, confirmed, cancelled.values.reduce(0, +)) + (reasons.isEmpty ? "" : ": \(reasons)"),
                     x: 2, y: buf.height - 3, style: .muted, maxWidth: buf.width - 3)
        }
    }
}

extension ReturnsOverview: Screen {
    public mutating func update(_ message: ScreenMessage, context c: ScreenContext) -> DeskEffect {
        guard case .key(let key) = message else { return .none }
        return update(key, state: c.state)
    }

    public mutating func render(into buf: inout Buffer, context c: ScreenContext) {
        render(into: &buf, state: c.state, today: c.today, strings: c.strings)
    }

    public func keyHints(_ c: ScreenContext) -> [String] { ["↑↓", c.strings["hint.open"], c.strings["hint.back"], c.strings["hint.quit"]] }
}
