import ShelterDomain
import TerminalUI

/// Supervisors' bed inventory (`b` on the home screen): every bed with its location, room,
/// kind and whether it is in service tonight; cold-weather mode on or off. `a` adds a bed to
/// the selected bed's room, `s` puts a bed out of service (dates and reason), `r` returns it,
/// `k` switches cold-weather mode on for a date range, `K` switches it off. Locations and rooms
/// in bulk come with `onderdak beds import`.
public struct InventoryScreen: Equatable {
    public enum Action: Equatable { case addBed(RoomID), outOfService(BedID), coldOn, coldOff }
    public var list = ListView(count: 0)
    public var action: Action?
    public var form = ScrollForm(rows: [])

    public init() {}

    static let kinds: [(BedAttributes, String)] = [(.womenOnly, "women_only"), (.accessible, "accessible"), (.twentyFourHour, "twenty_four_hour"),
                                                   (.emergency, "emergency"), (.coldWeather, "cold_weather"), (.medical, "medical"), (.family, "family")]

    static func kindText(_ a: BedAttributes, _ t: Strings) -> String {
        let names = kinds.filter { a.contains($0.0) }.map { t["bedkind.\($0.1)"] }
        return names.isEmpty ? t["bedkind.normal"] : names.joined(separator: ", ")
    }

    public mutating func update(_ key: Key, state s: ShelterState, today: Day, strings t: Strings) -> DeskEffect {
        func date(_ i: Int, required: Bool) -> Day?? {
            let text = form[i].text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { if required { form[i].problem = t["file.required"]; return nil }; return .some(nil) }
            guard let d = Day.parse(text) else { form[i].problem = t["cl.invalidDate"]; return nil }
            return .some(d)
        }
        if let a = action {
            switch key {
            case .escape: action = nil
            case .enter: form.move(true)
            case .ctrl("s"):
                for i in form.rows.indices { form[i].problem = nil }
                switch a {
                case .addBed(let room):
                    var attrs: BedAttributes = []
                    for (k, kind) in Self.kinds.enumerated() where form[1 + k].isChecked { attrs.insert(kind.0) }
                    return .execute(.addBed(room: room, label: form[0].text, attributes: attrs))
                case .outOfService(let bed):
                    guard let from = date(0, required: true), let until = date(1, required: false) else { return .none }
                    return .execute(.setBedOutOfService(bed: bed, from: from!, until: until, reason: form[2].text))
                case .coldOn:
                    guard let from = date(0, required: true), let until = date(1, required: false) else { return .none }
                    return .execute(.startColdWeather(from: from!, until: until, note: form[2].text))
                case .coldOff:
                    guard let last = date(0, required: true) else { return .none }
                    return .execute(.endColdWeather(lastNight: last!))
                }
            default: _ = form.handle(key)
            }
            return .none
        }
        let beds = s.inventory.bedOrder
        list.setCount(beds.count)
        let bed = beds.indices.contains(list.selected) ? s.inventory.beds[beds[list.selected]] : nil
        func text(_ key: String, _ value: String = "", max: Int = 200) -> FormRow { FormRow(t[key], .text(TextField(value, maxLength: max))) }
        switch key {
        case .escape: return .back
        case .char("a"):
            if let bed {
                action = .addBed(bed.roomID)
                form = ScrollForm(rows: [text("inv.label", max: 20)] + Self.kinds.map { FormRow(t["bedkind.\($0.1)"], .check(false)) })
            }
        case .char("s"):
            if let bed {
                action = .outOfService(bed.id)
                form = ScrollForm(rows: [text("file.banFrom", today.shown(t), max: 10), text("file.banUntil", max: 10), text("inv.reason")])
            }
        case .char("r"):
            if let bed { return .execute(.returnBedToService(bed: bed.id, from: today)) }
        case .char("k"):
            action = .coldOn
            form = ScrollForm(rows: [text("file.banFrom", today.shown(t), max: 10), text("file.banUntil", max: 10), text("inv.coldNote")])
        case .char("K"):
            action = .coldOff
            form = ScrollForm(rows: [text("inv.lastColdNight", today.shown(t), max: 10)])
        default: _ = list.handle(key, height: 14)
        }
        return .none
    }

    public mutating func render(into buf: inout Buffer, state s: ShelterState, night: Day, strings t: Strings) {
        buf.draw(t["inv.title"], x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
        let cold = s.inventory.coldWeather.last { $0.contains(night) || $0.from > night }
        let coldText = cold.map { c in t["inv.coldOn"] + " \(c.from.shown(t)) – \(c.until?.shown(t) ?? t["inv.untilOff"])" } ?? t["inv.coldOff"]
        buf.draw("❄ " + coldText, x: 2, y: 3, style: s.isColdWeather(night) ? .warning : .muted, maxWidth: buf.width - 3)
        let beds = s.inventory.bedOrder.compactMap { s.inventory.beds[$0] }
        list.setCount(beds.count)
        let kindWidth = max(12, buf.width - 4 - 6 - 22 - 24 - 3)
        var table = Table(columns: [TableColumn(t["board.col.bed"], width: 6), TableColumn(t["board.col.room"], width: 22),
                                    TableColumn(t["inv.col.kind"], width: kindWidth), TableColumn(t["inv.col.service"], width: 24)],
                          rows: beds.map { b in
                              let loc = s.inventory.locations[b.locationID]?.name ?? "", room = s.inventory.rooms[b.roomID]?.name ?? ""
                              let off = s.inventory.outOfService[b.id]?.last { ($0.until ?? night) >= night }
                              let service = off.map { "\(t["board.state.outOfService"]) \($0.from.shown(t))\($0.until.map { "–" + $0.shown(t) } ?? "…"): \($0.note)" } ?? t["inv.inService"]
                              return [b.label, "\(loc) \(room)", Self.kindText(b.attributes, t), service]
                          })
        table.list = list
        table.render(into: &buf, x: 2, y: 5, width: buf.width - 4, height: max(2, buf.height - 8))
        if let a = action {
            let w = min(buf.width - 4, 60), h = min(buf.height - 4, a == .coldOff ? 6 : (a == .addBed(0) ? 12 : 8))
            let hh: Int = { if case .addBed = a { return min(buf.height - 4, 12) }; return h }()
            let x = (buf.width - w) / 2, y = max(2, (buf.height - hh) / 2)
            buf.fill(x: x, y: y, width: w, height: hh)
            buf.box(x: x, y: y, width: w, height: hh, style: .warning)
            let title: String = switch a {
            case .addBed: t["inv.addBed"]; case .outOfService: t["inv.outOfService"]; case .coldOn: t["inv.startCold"]; case .coldOff: t["inv.endCold"]
            }
            buf.draw(" \(title) ", x: x + 2, y: y, style: .warning, maxWidth: w - 4)
            form.render(into: &buf, x: x + 1, y: y + 1, width: w - 2, height: hh - 3, labelWidth: 22)
        }
    }

    public func hints(_ t: Strings) -> [String] {
        action != nil ? [t["hint.next"], t["hint.save"], t["hint.fields"], t["hint.back"]]
            : [t["inv.hint.cold"], t["inv.hint.out"], t["inv.hint.back"], t["inv.hint.add"], t["hint.back"], t["hint.quit"]]
    }
}

extension InventoryScreen: Screen {
    /// A key; or the outcome of this screen's own command: recorded closes the form and says
    /// so; refused keeps the form as typed (the session shows why).
    public mutating func update(_ message: ScreenMessage, context c: ScreenContext) -> DeskEffect {
        switch message {
        case .key(let key): return update(key, state: c.state, today: c.night, strings: c.strings)
        case .recorded:
            action = nil
            return .message(c.strings["file.saved"])
        case .tick, .refused: return .none
        }
    }

    public mutating func render(into buf: inout Buffer, context c: ScreenContext) {
        render(into: &buf, state: c.state, night: c.night, strings: c.strings)
    }

    public func keyHints(_ c: ScreenContext) -> [String] { hints(c.strings) }

    /// A form (a bed, a period, cold weather) takes typed text.
    public var capturesText: Bool { action != nil }
}
