import Journal
import ShelterDomain
import TerminalUI

/// F8 "Logboek" (supervisors): every event newest first — when, who, what, about whom — read
/// from the journal itself. Filters: `s` cycles staff, `t` cycles event type (in the order of
/// their translated names), `c` a client number or (part of) a name, `d` a date; `x` clears them. Viewing medical notes and exports appear here too.
public struct AuditScreen: Equatable {
    public var events: [RecordedEvent] = []
    public var list = ListView(count: 0)
    public var staff: StaffID?
    public var type: String?
    public var client: ClientID?
    public var day: Day?
    /// A client filter by name (`c` then letters): the text typed and the people it matches.
    public var clientName: (text: String, matches: Set<ClientID>)?
    /// Typing a client number (`c`) or a date (`d`).
    public var typing: (kind: Character, field: TextField)?

    public init(events: [RecordedEvent]) { self.events = events.reversed() }

    public static func == (a: AuditScreen, b: AuditScreen) -> Bool {
        a.events.count == b.events.count && a.list == b.list && a.staff == b.staff && a.type == b.type && a.client == b.client && a.day == b.day
            && a.clientName?.text == b.clientName?.text
            && a.typing?.kind == b.typing?.kind && a.typing?.field == b.typing?.field
    }

    var shown: [RecordedEvent] {
        events.filter { e in
            (staff == nil || e.actor == staff) && (type == nil || e.event.name == type) && (client == nil || e.event.clientID == client)
                && (clientName.map { n in e.event.clientID.map(n.matches.contains) ?? false } ?? true)
                && (day == nil || AmsterdamTime.local(e.timestamp).day == day)
        }
    }

    public mutating func update(_ key: Key, state s: ShelterState, strings t: Strings) -> DeskEffect {
        if var (kind, field) = typing {
            switch key {
            case .escape: typing = nil
            case .enter:
                if kind == "c" {
                    let text = field.text.trimmingCharacters(in: .whitespaces)
                    if let n = Int32(text) { client = n; clientName = nil } else if !text.isEmpty {
                        // A name: everyone whose name (or nickname) contains it, accents and case folded.
                        let q = NameNormalizer.fold(text)
                        let matches = Set(s.files.clients.values.filter { NameNormalizer.fold($0.fullName + " " + $0.alias).contains(q) }.map(\.id))
                        client = nil; clientName = (text, matches)
                    }
                } else if let d = Day.parse(field.text) { day = d } else { return .message(t["cl.invalidDate"]) }
                typing = nil; list = ListView(count: 0)
            default: field.handle(key); typing = (kind, field)
            }
            _ = kind
            return .none
        }
        switch key {
        case .escape: return .back
        case .char("s"):
            let ids = [nil] + s.roster.staff.keys.sorted().map { Optional($0) }
            staff = ids[((ids.firstIndex(of: staff) ?? 0) + 1) % ids.count]
            list = ListView(count: 0)
        case .char("t"):
            let names = [nil] + Array(Set(events.map(\.event.name))).sorted { t["event.\($0)"] < t["event.\($1)"] }.map { Optional($0) }
            type = names[((names.firstIndex(of: type) ?? 0) + 1) % names.count]
            list = ListView(count: 0)
        case .char("c"): typing = ("c", TextField(maxLength: 40))
        case .char("d"): typing = ("d", TextField(maxLength: 10))
        case .char("x"): staff = nil; type = nil; client = nil; clientName = nil; day = nil; list = ListView(count: 0)
        default: _ = list.handle(key, height: 14)
        }
        return .none
    }

    public mutating func render(into buf: inout Buffer, state s: ShelterState, strings t: Strings) {
        let rows = shown
        list.setCount(rows.count)
        buf.draw("\(t["audit.title"]) · \(t.count("audit.count", rows.count))", x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
        var filters: [String] = []
        if let staff { filters.append("\(t["audit.staff"]): \(s.roster.staff[staff]?.displayName ?? "#\(staff)")") }
        if let type { filters.append("\(t["audit.type"]): \(t["event.\(type)"])") }
        if let client { filters.append("\(t["audit.client"]): \(s.files.clients[client]?.fullName ?? "") #\(client)") }
        if let clientName { filters.append("\(t["audit.client"]): “\(clientName.text)” (\(clientName.matches.count))") }
        if let day { filters.append("\(t["audit.date"]): \(day.shown(t))") }
        buf.draw(filters.isEmpty ? t["audit.noFilter"] : filters.joined(separator: " · "), x: 2, y: 3, style: .muted, maxWidth: buf.width - 3)
        let whatWidth = max(10, buf.width - 4 - 17 - 15 - 27 - 3)
        var table = Table(columns: [TableColumn(t["audit.col.when"], width: 16), TableColumn(t["audit.col.who"], width: 14),
                                    TableColumn(t["audit.col.what"], width: 26), TableColumn(t["audit.col.about"], width: whatWidth)],
                          rows: rows.prefix(2000).map { e in
                              let who = e.actor == systemActor ? t["tl.system"] : s.roster.staff[e.actor]?.displayName ?? "#\(e.actor)"
                              var about: [String] = []
                              if let c = e.event.clientID { about.append("#\(c) \(s.files.clients[c]?.fullName ?? "")") }
                              if let n = e.event.night { about.append(n.shown(t)) }
                              if case let .exportMade(format, identifiable) = e.event { about.append("\(format)\(identifiable ? " IDENTIFIABLE" : "")") }
                              // Corrections say so: a compensating event is "entered in error"; a cancellation gives its reason.
                              switch e.event {
                              case .reservationCancelled(_, _, _, _, true), .checkInUndone, .noShowUndone, .checkOutUndone, .exitUndone: about.append(t["audit.inError"])
                              case let .reservationCancelled(_, _, _, reason, false): about.append("\(t["audit.reason"]): \(reason)")
                              default: break
                              }
                              return [t.timestamp(e.timestamp), who, t["event.\(e.event.name)"], about.joined(separator: " · ")]
                          })
        table.list = list
        table.render(into: &buf, x: 2, y: 5, width: buf.width - 4, height: max(2, buf.height - 8))
        if let (kind, field) = typing {
            let label = kind == "c" ? t["audit.typeClient"] : t["board.jump"]
            buf.fill(x: 1, y: buf.height - 3, width: buf.width - 2, height: 1)
            buf.draw(label, x: 2, y: buf.height - 3, style: .bold)
            let cx = field.render(into: &buf, x: 3 + TextWidth.width(of: label), y: buf.height - 3, width: 12, focused: true)
            buf.cursor = (cx, buf.height - 3)
        }
    }

    public func hints(_ t: Strings) -> [String] {
        typing != nil ? [t["hint.apply"], t["hint.back"]] : ["↑↓", t["audit.hint.filters"], t["hint.back"], t["hint.quit"]]
    }
}

extension AuditScreen: Screen {
    public mutating func update(_ message: ScreenMessage, context c: ScreenContext) -> DeskEffect {
        guard case .key(let key) = message else { return .none }
        return update(key, state: c.state, strings: c.strings)
    }

    public mutating func render(into buf: inout Buffer, context c: ScreenContext) {
        render(into: &buf, state: c.state, strings: c.strings)
    }

    public func keyHints(_ c: ScreenContext) -> [String] { hints(c.strings) }

    /// Typing a filter (a name, a type, a day): its letters are text.
    public var capturesText: Bool { typing != nil }
}
