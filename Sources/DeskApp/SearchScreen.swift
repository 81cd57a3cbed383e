import ShelterDomain
import TerminalUI

/// Search as you type (`/` from any screen that is not editing text): every key re-runs the
/// query against the client index; ↑ ↓ choose, Enter opens the client's card, Esc goes back.
/// Rows show nationality, age, the last night here and tonight's bed.
public struct SearchScreen: Equatable {
    public var query = TextField(maxLength: 60)
    public var hits: [SearchHit] = []
    public var list = ListView(count: 0)
    /// The client whose file is open, if any.
    public var opened: ClientID? {
        didSet { if opened != file?.clientID { file = opened.map(ClientFileScreen.init(clientID:)) } }
    }
    /// The open file's screen state (timeline position, action form).
    public var file: ClientFileScreen?
    /// Picking a client for something (a bed): Enter reports the choice instead of opening the card.
    public var picking = false
    /// The file was opened straight after registering: Esc goes back home, not to an empty search
    /// (where a typed key would start a search, and Enter a new intake).
    public var closeToHome = false

    /// Shown before anything is typed when picking (the regular of this bed, the waiting list).
    public var suggestions: [ClientID] = []
    /// The texts of what is picked for: `pick` a bed, `pickAdult` a responsible adult (`<prefix>.suggestions`, `<prefix>.enterTakes`).
    public var pickTexts = "pick"

    public init() {}

    public mutating func setSuggestions(_ ids: [ClientID]) {
        suggestions = ids
        hits = ids.map { SearchHit(clientID: $0, score: 0) }
        list = ListView(count: hits.count)
    }

    public mutating func update(_ key: Key, index: ClientSearchIndex, state s: ShelterState, role: Role = .desk,
                                today: Day = Day(ordinal: 0), strings t: Strings = Strings(lang: "nl")) -> DeskEffect {
        if opened != nil, var f = file {
            let effect = f.update(key, state: s, role: role, today: today, strings: t)
            file = f
            if case .back = effect {
                if closeToHome { return .back }
                opened = nil; return .none
            }
            return effect
        }
        switch key {
        case .escape: return .back
        case .up, .down, .pageUp, .pageDown:
            _ = list.handle(key, height: 12)
        case .enter:
            if picking {
                if hits.indices.contains(list.selected) { return .picked(hits[list.selected].clientID) }
            } else if hits.indices.contains(list.selected) { opened = hits[list.selected].clientID } else if !query.isEmpty {
                return .openIntake(prefill: query.text)
            }
        default:
            if query.handle(key) {
                if query.isEmpty, !suggestions.isEmpty { setSuggestions(suggestions); return .none }
                rerun(index: index, state: s, keepSelection: false)
            }
        }
        return .none
    }

    /// Runs the typed query again (after a key, or when another desk changed the clients).
    public mutating func rerun(index: ClientSearchIndex, state s: ShelterState, keepSelection: Bool = true) {
        guard !query.isEmpty else { return }
        // Equal matches: the person seen most recently first (tonight's regulars on top).
        // Picking for a bed: among equal matches, the suggested people (last night's holder, the
        // waiting list) first.
        let suggested = picking ? Set(suggestions) : []
        let last = { (id: ClientID) in suggested.contains(id) ? Day(ordinal: Int32.max) : s.ledger.clientNights[id]?.last ?? Day(ordinal: Int32.min) }
        let keep = keepSelection && hits.indices.contains(list.selected) ? hits[list.selected].clientID : nil
        hits = index.search(query.text, limit: 200).enumerated()
            .sorted { a, b in
                a.element.score != b.element.score ? a.element.score > b.element.score
                    : last(a.element.clientID) != last(b.element.clientID) ? last(a.element.clientID) > last(b.element.clientID)
                    : a.offset < b.offset
            }
            .prefix(50).map(\.element)
        list = ListView(count: hits.count)
        // Keep the selection on the same person when the list changes under it.
        if let keep, let i = hits.firstIndex(where: { $0.clientID == keep }) { for _ in 0..<i { list.handle(.down, height: 12) } }
    }

    static func age(_ c: Client, on day: Day) -> String { c.birth.map { String($0.age(on: day)) } ?? "?" }

    /// The date of birth as the desk's language writes it (26-11-1984, 26/11/1984), or "± 1984" for an estimated year.
    static func born(_ c: Client, _ t: Strings) -> String {
        switch c.birth {
        case .exact(let d)?: d.shown(t)
        case .estimatedYear(let y)?: "± \(y)"
        case nil: "?"
        }
    }

    public mutating func render(into buf: inout Buffer, state s: ShelterState, night: Day, role: Role = .desk, strings t: Strings) {
        if opened != nil, var f = file {
            f.render(into: &buf, state: s, night: night, role: role, strings: t)
            file = f
            return
        }
        buf.draw(t["search.title"], x: 1, y: 2, style: .bold)
        let label = t["search.prompt"] + ": "
        buf.draw(label, x: 2, y: 3)
        let cx = query.render(into: &buf, x: 2 + TextWidth.width(of: label), y: 3, width: min(40, buf.width - 14), focused: true)
        buf.cursor = (min(cx, buf.width - 1), 3)
        if query.isEmpty, !suggestions.isEmpty {
            buf.draw(t["\(pickTexts).suggestions"], x: 2, y: 4, style: .muted, maxWidth: buf.width - 3)
        } else if query.isEmpty {
            for (i, l) in Dialog.wrap(t["search.help"], width: buf.width - 4).prefix(3).enumerated() { buf.draw(l, x: 2, y: 5 + i, style: .muted) }
            return
        }
        if hits.isEmpty {
            buf.draw(t["search.none"], x: 2, y: 5, style: .warning, maxWidth: buf.width - 3)
            buf.draw(t["search.newHint"], x: 2, y: 7, style: .bold, maxWidth: buf.width - 3)
            return
        }
        buf.draw(t.format("search.count", hits.count), x: buf.width - 16, y: 3, style: .muted, maxWidth: 15)
        if picking, !query.isEmpty { buf.draw(t["\(pickTexts).enterTakes"], x: 2, y: 4, style: .muted, maxWidth: buf.width - 3) }
        // Picking someone for a bed: the date of birth tells two people of one name apart.
        let bornWidth = picking ? 10 : 3
        // The name takes what is left, but not a wide screen's whole width: country, age and bed stay beside the name.
        let nameWidth = min(44, max(12, buf.width - 4 - 6 - 5 - (bornWidth + 1) - 11 - 12 - 5))
        let suggested = Set(suggestions)
        var table = Table(columns: [TableColumn(t["search.col.nr"], width: 6, alignRight: true), TableColumn(t["search.col.name"], width: nameWidth),
                                    TableColumn(t["search.col.nat"], width: 4),
                                    picking ? TableColumn(t["search.col.born"], width: bornWidth) : TableColumn(t["search.col.age"], width: 3, alignRight: true),
                                    TableColumn(t["search.col.last"], width: 11), TableColumn(t["search.col.bed"], width: 12)],
                          rows: hits.map { h in
                              let c = s.files.clients[h.clientID]!
                              var name = c.alias.isEmpty ? c.fullName : "\(c.fullName) (\(c.alias))"
                              if s.openAlerts.contains(where: { $0.clientID == c.id }) { name = "⚑ " + name }
                              if s.ban(of: c.id, on: night) != nil { name = "⛔ " + name }
                              if picking, suggested.contains(c.id) { name = "★ " + name }
                              let last = s.ledger.clientNights[c.id]?.last(where: { $0 <= night }).map { t.shortNight($0) } ?? t["card.none"]
                              let bed = s.bed(of: c.id, on: night).flatMap { s.inventory.beds[$0]?.label } ?? ""
                              return [String(c.id), name, c.nationality, picking ? SearchScreen.born(c, t) : SearchScreen.age(c, on: night), last, bed]
                          })
        table.list = list
        table.render(into: &buf, x: 2, y: 5, width: buf.width - 4, height: max(2, buf.height - 8))
    }
}

/// Client search and the file opened from it (`DeskMode.search`); inside a `ClientPicker` it
/// picks a client for a bed.
extension SearchScreen: Screen {
    /// A key; or the outcome of a command from the open file, read from its events: the action
    /// form closes and the file says what happened (an exit with name, number and night; an
    /// erasure; an exit taken back). A refusal keeps the form as typed.
    public mutating func update(_ message: ScreenMessage, context c: ScreenContext) -> DeskEffect {
        switch message {
        case .key(let key): return update(key, index: c.index, state: c.state, role: c.role, today: c.today, strings: c.strings)
        case .tick, .refused: return .none
        case .recorded(let events):
            file?.action = nil
            let t = c.strings
            for r in events {
                switch r.event {
                case let .clientErased(id, _, _): return .message(t.fill("file.erased", String(id)))
                case let .stayEnded(who, n, _):
                    return .message(t.fill("file.exited", c.state.files.clients[who]?.fullName ?? "", String(who), n.shown(t)))
                case let .exitUndone(who, n, _):
                    return .message(t.fill("undo.exited", c.state.files.clients[who]?.fullName ?? "", String(who), n.shown(t)))
                default: continue
                }
            }
            return .message(t["file.saved"])
        }
    }

    public mutating func render(into buf: inout Buffer, context c: ScreenContext) {
        render(into: &buf, state: c.state, night: c.night, role: c.role, strings: c.strings)
    }

    public func keyHints(_ c: ScreenContext) -> [String] {
        let t = c.strings
        return opened == nil ? [t["hint.type"], "↑↓", t["hint.open"], t["hint.back"], t["hint.quit"]] : file?.hints(t, role: c.role) ?? []
    }

    /// The query is typed; on a file, an action's form is.
    public var capturesText: Bool { opened == nil || file?.action != nil }
    /// A file's action form with something typed in it.
    public var hasUnsavedInput: Bool { file?.action != nil && file?.form.hasInput == true }
    public var escapeDiscards: Bool { opened != nil && hasUnsavedInput }

    /// Thrown away: the action's form closes, the file stays open.
    public mutating func discardInput() -> DeskEffect {
        file?.action = nil
        return .none
    }
}
