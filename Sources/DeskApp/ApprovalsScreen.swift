import ShelterDomain
import TerminalUI

/// Pending requests (F6): extensions beyond the stay limit and 24-hour bed placements. Who,
/// where, why, until when, asked by whom, and for the selected one a summary of the person's
/// file (nights so far, latest checklist outcome, flags, the note). Supervisors approve (`a`,
/// the date can be made shorter) or decline (`d`, with a reason); the domain refuses anyone else.
public struct ApprovalsScreen: Equatable {
    public var list = ListView(count: 0)
    /// The decision being filled in: approve (until, note) or decline (reason).
    public var deciding: (approve: Bool, request: RequestID)?
    public var form = ScrollForm(rows: [])

    public init() {}

    public static func == (a: ApprovalsScreen, b: ApprovalsScreen) -> Bool {
        a.list == b.list && a.deciding?.approve == b.deciding?.approve && a.deciding?.request == b.deciding?.request && a.form == b.form
    }

    static func pending(_ s: ShelterState) -> [ExtensionRequest] {
        s.requests.extensions.values.filter { $0.status == .pending }.sorted { $0.id < $1.id }
    }

    public mutating func update(_ key: Key, state s: ShelterState, strings t: Strings) -> DeskEffect {
        if let d = deciding {
            switch key {
            case .escape: deciding = nil
            case .enter: form.move(true)
            case .ctrl("s"):
                if d.approve {
                    guard let until = Day.parse(form[0].text) else { form[0].problem = t["cl.invalidDate"]; return .none }
                    return .execute(.decideExtension(request: d.request, approve: true, until: until, note: form[1].text))
                }
                guard !form[0].text.trimmingCharacters(in: .whitespaces).isEmpty else { form[0].problem = t["appr.reasonNeeded"]; return .none }
                return .execute(.decideExtension(request: d.request, approve: false, until: nil, note: form[0].text))
            default: _ = form.handle(key)
            }
            return .none
        }
        let rows = ApprovalsScreen.pending(s)
        list.setCount(rows.count)
        let selected = rows.indices.contains(list.selected) ? rows[list.selected] : nil
        switch key {
        case .escape: return .back
        case .char("a"):
            if let r = selected {
                deciding = (true, r.id)
                form = ScrollForm(rows: [FormRow(t["appr.until"], .text(TextField(r.requestedUntil.shown(t), maxLength: 10))),
                                         FormRow(t["appr.note"], .text(TextField(maxLength: 500)))])
            }
        case .char("d"):
            if let r = selected {
                deciding = (false, r.id)
                form = ScrollForm(rows: [FormRow(t["appr.reason"], .text(TextField(maxLength: 500)))])
            }
        default: _ = list.handle(key, height: 12)
        }
        return .none
    }

    /// The day a request was filed (its event's time, kept in the person's history).
    static func requestedOn(_ r: ExtensionRequest, _ s: ShelterState) -> Day? {
        (s.files.history[r.clientID] ?? []).first { if case .extensionRequested(r.id) = $0.kind { true } else { false } }.map { AmsterdamTime.local($0.at).day }
    }

    public mutating func render(into buf: inout Buffer, state s: ShelterState, night: Day, strings t: Strings) {
        buf.draw(t["appr.title"], x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
        let rows = ApprovalsScreen.pending(s)
        list.setCount(rows.count)
        guard !rows.isEmpty else { buf.draw(t["appr.none"], x: 2, y: 4, style: .muted); return }
        // Who asked gets a column on a wide screen; on a narrow one it is in the lines under the table.
        let byColumn = buf.width >= 100
        // The name takes what is left, but not a wide screen's whole width: the request stays beside the name.
        let nameWidth = min(40, max(10, buf.width - 4 - 10 - 16 - 10 - 11 - (byColumn ? 13 : 0) - 5))
        let tableHeight = max(2, min(rows.count + 1, buf.height - 14))
        var table = Table(columns: [TableColumn(t["appr.col.client"], width: nameWidth), TableColumn(t["appr.col.location"], width: 10),
                                    TableColumn(t["appr.col.reason"], width: 16), TableColumn(t["appr.col.until"], width: 10),
                                    TableColumn(t["appr.col.requestedOn"], width: 11)] + (byColumn ? [TableColumn(t["appr.col.by"], width: 12)] : []),
                          rows: rows.map { r in
                              let who = s.files.clients[r.clientID]?.fullName ?? "#\(r.clientID)"
                              return [who, s.inventory.locations[r.locationID]?.name ?? "", t["reason.\(r.reason.rawValue)"], r.requestedUntil.shown(t),
                                      Self.requestedOn(r, s)?.shown(t) ?? ""] + (byColumn ? [s.roster.staff[r.requestedBy]?.displayName ?? ""] : [])
                          })
        table.list = list
        table.render(into: &buf, x: 2, y: 4, width: buf.width - 4, height: tableHeight)
        guard let r = rows.indices.contains(list.selected) ? rows[list.selected] : nil, let c = s.files.clients[r.clientID] else { return }
        // The person's file in brief.
        var y = 5 + tableHeight
        let policy = s.inventory.locations[r.locationID]?.policy
        let used = s.nightsUsed(by: c.id, windowDays: policy?.windowDays ?? 90, endingWith: night)
        var lines: [(String, Style)] = [("\(c.fullName) (#\(c.id)) · \(c.nationality) · \(t.count("appr.nights", used))\(policy?.maxNights.map { "/\($0)" } ?? "")", .bold)]
        if let a = s.files.assessments[c.id]?.last {
            lines.append(("\(t["card.assessments"]) \(a.answers.assessmentDate.shown(t)): \(t.decision(a.result))",
                          a.result.outcome == .likely ? .success : .warning))
        } else {
            lines.append((t["appr.noChecklist"], .warning))
        }
        var flags = ClientDetails.Vulnerabilities.all.filter { c.details.vulnerabilities.contains($0.0) }.map { t["vulnerable.\($0.1)"] }
        if s.ban(of: c.id, on: night) != nil { flags.append(t["flag.ban"]) }
        if s.openAlerts.contains(where: { $0.clientID == c.id }) { flags.append(t["flag.alert"]) }
        if !flags.isEmpty { lines.append((flags.joined(separator: " · "), .warning)) }
        lines.append((t["appr.returnPlan"] + ": " + t["card.none"], .muted))
        if !r.note.isEmpty { lines.append(("“\(r.note)”", .normal)) }
        lines.append((t.fill("appr.requestedBy", Self.requestedOn(r, s)?.shown(t) ?? "", s.roster.staff[r.requestedBy]?.displayName ?? ""), .muted))
        for (text, style) in lines where y < buf.height - 3 {
            buf.draw(text, x: 2, y: y, style: style, maxWidth: buf.width - 3); y += 1
        }
        if let d = deciding {
            let w = min(buf.width - 4, 60), h = d.approve ? 8 : 6
            let x = (buf.width - w) / 2, top = max(2, (buf.height - h) / 2)
            buf.fill(x: x, y: top, width: w, height: h)
            buf.box(x: x, y: top, width: w, height: h, style: d.approve ? .success : .error)
            buf.draw(" \(d.approve ? t["appr.approveTitle"] : t["appr.declineTitle"]): \(c.fullName) ", x: x + 2, y: top, maxWidth: w - 4)
            form.render(into: &buf, x: x + 1, y: top + 2, width: w - 2, height: h - 4, labelWidth: 16)
            buf.draw(t["ext.formHint"], x: x + 2, y: top + h - 2, style: .muted, maxWidth: w - 4)
        }
    }
}

extension ApprovalsScreen: Screen {
    /// A key; or the outcome of the decision this screen asked for: recorded closes the form and
    /// says which way it went; refused keeps the form as typed (the session shows why).
    public mutating func update(_ message: ScreenMessage, context c: ScreenContext) -> DeskEffect {
        switch message {
        case .key(let key): return update(key, state: c.state, strings: c.strings)
        case .recorded:
            let approved = deciding?.approve
            deciding = nil
            return approved.map { .message(c.strings[$0 ? "appr.approved" : "appr.declined"]) } ?? .none
        case .tick, .refused: return .none
        }
    }

    public mutating func render(into buf: inout Buffer, context c: ScreenContext) {
        render(into: &buf, state: c.state, night: c.night, strings: c.strings)
    }

    public func keyHints(_ c: ScreenContext) -> [String] {
        let t = c.strings
        return deciding != nil ? [t["hint.next"], t["hint.save"], t["hint.fields"], t["hint.back"]]
            : ["↑↓", t["appr.hint.approve"], t["appr.hint.decline"], t["hint.back"], t["hint.quit"]]
    }

    /// The decision's form (date, note) takes typed text.
    public var capturesText: Bool { deciding != nil }
}

