import Services
import ShelterDomain
import TerminalUI

/// Supervisors' staff screen: everyone with role, active, PIN and lock; add a member of staff,
/// change a role, deactivate (after confirmation). Changes are commands the domain checks again.
public struct StaffScreen: Equatable {
    public var list = ListView(count: 0)
    /// The add form (name, username, PIN, PIN again) when adding.
    public var adding: Form?
    public var role = Choice(Role.allCases.map(\.description))
    public var roleFocused = false
    public var confirmDeactivate: StaffID?
    public var message: String?

    public init() {}

    static func ids(_ s: ShelterState) -> [StaffID] { s.roster.staff.keys.sorted() }

    public mutating func update(_ key: Key, state s: ShelterState, strings t: Strings) -> DeskEffect {
        let ids = StaffScreen.ids(s)
        list.setCount(ids.count)
        if let id = confirmDeactivate {
            confirmDeactivate = nil
            switch key {
            case .char("j"), .char("y"), .char("J"), .char("Y"): return .execute(.deactivateStaff(staff: id))
            default: return .none
            }
        }
        if var f = adding {
            defer { if adding != nil { adding = f } }
            if roleFocused, key == .left || key == .right || key == .char(" ") {
                _ = role.handle(key)
                return .none
            }
            switch key {
            case .escape:
                adding = nil; message = nil; return .none
            case .tab, .backTab:
                if roleFocused { roleFocused = false; f.focus = key == .tab ? 0 : f.fields.count - 1 }
                else if key == .tab, f.focus == f.fields.count - 1 { roleFocused = true }
                else if key == .backTab, f.focus == 0 { roleFocused = true }
                else { _ = f.handle(key) }
                return .none
            case .enter:
                // Enter moves to the next field (the role chooser after the last one); ^S saves.
                if roleFocused { roleFocused = false; f.focus = 0 } else if f.focus == f.fields.count - 1 { roleFocused = true } else { _ = f.handle(.tab) }
                return .none
            case .ctrl("s"):
                validate(&f, strings: t, showRequired: true)
                guard f.isValid else { message = t["setup.fixFirst"]; return .none }
                let r = Role(name: role.selected) ?? .desk
                return .execute(.addStaff(username: f[1], displayName: f[0], role: r, credential: PinHasher.make(pin: f[2])))
            default:
                if roleFocused { _ = role.handle(key); return .none }
                _ = f.handle(key)
                validate(&f, strings: t, showRequired: false)
                return .none
            }
        }
        switch key {
        case .escape: return .back
        case .char("a"):
            adding = Form(fields: [FormField(label: t["staff.add.name"]), FormField(label: t["setup.username"]),
                                   FormField(label: t["setup.pin"], input: TextField(secret: true, maxLength: 12)),
                                   FormField(label: t["setup.pin2"], input: TextField(secret: true, maxLength: 12))])
            role = Choice(Role.allCases.map(\.description)); roleFocused = false; message = nil
            return .none
        case .char("r"):
            guard ids.indices.contains(list.selected), let st = s.roster.staff[ids[list.selected]] else { return .none }
            let next = Role.allCases[(Role.allCases.firstIndex(of: st.role)! + 1) % Role.allCases.count]
            return .execute(.changeRole(staff: st.id, role: next))
        case .char("x"):
            guard ids.indices.contains(list.selected) else { return .none }
            confirmDeactivate = ids[list.selected]
            return .none
        default:
            _ = list.handle(key, height: 10)
            return .none
        }
    }

    func validate(_ f: inout Form, strings t: Strings, showRequired: Bool) {
        StaffFieldRules.validate(&f, from: 0, strings: t, showRequired: showRequired)
    }

    public var hasInput: Bool { adding?.hasInput ?? false }

    public mutating func render(into buf: inout Buffer, state s: ShelterState, now: Timestamp, strings t: Strings) {
        buf.draw(t["staff.title"], x: 1, y: 2, style: .bold)
        let ids = StaffScreen.ids(s)
        list.setCount(ids.count)
        if var f = adding {
            buf.draw(t["staff.add.title"], x: 2, y: 4, style: .bold)
            let labelWidth = min(20, f.fields.map { TextWidth.width(of: $0.label) }.max() ?? 10)
            if roleFocused { f.focus = -1 }
            f.render(into: &buf, x: 2, y: 6, labelWidth: labelWidth, fieldWidth: min(30, buf.width - labelWidth - 5))
            let roleRow = 6 + f.fields.count * 2
            buf.draw(TextWidth.fit(t["staff.add.role"], labelWidth), x: 2, y: roleRow, style: roleFocused ? .bold : .normal)
            role.render(into: &buf, x: 3 + labelWidth, y: roleRow, width: 16, focused: roleFocused)
            buf.draw(t["staff.add.roleHint"], x: 20 + labelWidth, y: roleRow, style: .muted, maxWidth: max(0, buf.width - 21 - labelWidth))
            if roleFocused { buf.cursor = nil }
        } else {
            var table = Table(columns: [TableColumn(t["staff.col.username"], width: 12), TableColumn(t["staff.col.name"], width: 20),
                                        TableColumn(t["staff.col.role"], width: 12), TableColumn(t["staff.col.active"], width: 6),
                                        TableColumn(t["staff.col.pin"], width: 11)],
                              rows: ids.map { id in
                                  let st = s.roster.staff[id]!
                                  let locked = (s.roster.lockedUntil[id].map { $0 > now } ?? false) ? t["staff.locked"] : (st.credential == nil ? t["no"] : t["yes"])
                                  return [st.username, st.displayName, t["role.\(st.role)"], st.active ? t["yes"] : t["no"], locked]
                              })
            table.list = list
            table.render(into: &buf, x: 2, y: 4, width: buf.width - 4, height: min(11, buf.height - 7))
        }
        if let message { buf.draw(message, x: 2, y: buf.height - 3, style: .error, maxWidth: buf.width - 3) }
    }
}

extension StaffScreen: Screen {
    /// A key; or the outcome of this screen's own command: recorded closes the add form and
    /// says so; refused keeps everything as typed (the session shows why).
    public mutating func update(_ message: ScreenMessage, context c: ScreenContext) -> DeskEffect {
        switch message {
        case .key(let key): return update(key, state: c.state, strings: c.strings)
        case .recorded:
            adding = nil; self.message = nil
            return .message(c.strings["staff.saved"])
        case .tick, .refused: return .none
        }
    }

    public mutating func render(into buf: inout Buffer, context c: ScreenContext) {
        render(into: &buf, state: c.state, now: c.now, strings: c.strings)
    }

    public func keyHints(_ c: ScreenContext) -> [String] {
        let t = c.strings
        return adding != nil ? [t["hint.next"], t["hint.save"], t["hint.fields"], t["hint.back"], t["hint.quit"]]
            : [t["staff.hint.add"], t["staff.hint.role"], t["staff.hint.deactivate"], t["hint.back"], t["hint.quit"]]
    }

    /// The add form takes typed text (the list's letters are keys).
    public var capturesText: Bool { adding != nil }
    public var hasUnsavedInput: Bool { hasInput }

    /// Thrown away: the add form closes, the list stays.
    public mutating func discardInput() -> DeskEffect {
        adding = nil
        return .none
    }

    /// "Deactivate <name>?" over the screen and its hint bar.
    public var hasDialog: Bool { confirmDeactivate != nil }

    public func renderDialog(into buf: inout Buffer, context c: ScreenContext) {
        guard let id = confirmDeactivate else { return }
        Dialog.render(into: &buf, title: c.strings["staff.confirm.title"],
                      message: c.strings["staff.confirm.body"].replacingOccurrences(of: "%s", with: c.state.roster.staff[id]?.displayName ?? "#\(id)"),
                      hints: c.strings["staff.confirm.hint"], style: .warning)
    }
}
