import Foundation
import Journal
import Services
import ShelterDomain
import TerminalUI

extension DeskSession {
    // MARK: rendering

    /// The keys that work everywhere once logged in, in the words of the hint bars that show them.
    static let globalBindings = ["hint.help", "hint.back", "hint.search", "hint.checklist", "hint.board", "hint.returns", "hint.approvals",
                                 "hint.occupancy", "hint.audit", "hint.logout", "hint.quit"]

    /// Help (F1) for this screen: its own keys first — the very list its hint bar is cut from, so
    /// the two never drift apart — then the global keys not already listed.
    func helpText(screenKeys: [String]) -> String {
        let own = screenKeys.filter { $0 != strings["hint.allKeys"] && $0 != strings["hint.help"] && $0 != strings["hint.more"] }
        // A short list one key a line; a long one (the board's) as one wrapped paragraph, so it fits 80×24.
        var lines = [strings["help.screen"]] + (own.count <= 8 ? own.map { "  " + $0 } : ["  " + own.joined(separator: " · ")])
        if user != nil {
            let global = Self.globalBindings.map { strings[$0] }.filter { !own.contains($0) }
            lines += ["", strings["help.global"], "  " + global.joined(separator: " · "), "  " + strings["help.editing"]]
        }
        return lines.joined(separator: "\n")
    }

    public func render(into buf: inout Buffer) {
        watchConnection()
        tooSmall = buf.width < HomeScreen.minWidth || buf.height < HomeScreen.minHeight
        guard !tooSmall else {
            buf.draw(strings.format("tooSmall", HomeScreen.minWidth, HomeScreen.minHeight), x: 0, y: 0, style: .warning)
            for (i, l) in Dialog.wrap(strings["tooSmall.keys"], width: max(1, buf.width)).prefix(max(0, buf.height - 2)).enumerated() {
                buf.draw(l, x: 0, y: 2 + i, style: ignoredWhileSmall ? .warning : .muted)
            }
            return
        }
        ignoredWhileSmall = false
        let night = AmsterdamTime.night(of: clock())
        var right = "\(strings["header.night"]) \(strings.shortNight(night))"
        var title = strings["app.name"]
        if let s = store?.state {
            if !s.shelterName.isEmpty { title = s.shelterName }
            right += " · " + strings.format("header.freeBeds", HomeScreen.freeBeds(s, night: night))
            if s.isColdWeather(night) { right = "❄ " + strings["board.cold"] + " · " + right }
        }
        if let st = staff { right += " · \(st.displayName) (\(strings["role.\(st.role)"]))" }
        HeaderBar.render(into: &buf, title: title, right: right, demo: store?.header.isDemo == true ? strings["header.demo"] : nil)
        var hints: [String] = []
        if var screen = mode.screen {
            if let c = screenContext {
                screen.render(into: &buf, context: c)
                hints = screen.keyHints(c)
            }
            if screen.hasDialog, let c = screenContext {
                KeyHintBar.render(into: &buf, hints: hints, more: strings["hint.more"])
                screen.renderDialog(into: &buf, context: c)
                return
            }
        } else {
            hints = renderRoutedScreen(into: &buf, night: night)
        }
        if let message { StatusBar.render(into: &buf, text: message, style: .warning) }
        // A dropped connection to the server outranks any message: every screen shows the last known state.
        if let offlineLine { StatusBar.render(into: &buf, text: offlineLine, style: .error) }
        if buf.cursor != nil, overlay != nil { buf.cursor = nil }
        KeyHintBar.render(into: &buf, hints: hints, more: hints.contains(strings["hint.help"]) || hints.contains(strings["hint.allKeys"]) ? nil : strings["hint.more"])
        switch overlay {
        case .help?:
            Dialog.render(into: &buf, title: strings["help.title"], message: helpText(screenKeys: hints), hints: strings["help.hint"])
        case .confirmQuit?:
            Dialog.render(into: &buf, title: strings["quit.title"], message: strings["quit.body"], hints: strings["quit.hint"], style: .warning)
        case .error(let text)?:
            var hint = limitRefusal != nil ? "\(strings["ext.hint.request"])  \(strings["error.hint"])" : strings["error.hint"]
            if checklistFirst != nil { hint = "\(strings["limit.hint.checklist"])  " + hint }
            Dialog.render(into: &buf, title: strings["error.title"], message: text, hints: hint, style: .error)
        case .info(let text)?:
            Dialog.render(into: &buf, title: strings["info.title"], message: text, hints: strings["error.hint"], style: .warning)
        case .confirmDiscard?:
            Dialog.render(into: &buf, title: strings["discard.title"], message: strings["discard.body"], hints: strings["discard.hint"], style: .warning)
        case nil:
            break
        }
    }

    /// Draws the screens the session still routes itself (not yet `Screen`s); returns their key hints.
    private func renderRoutedScreen(into buf: inout Buffer, night: Day) -> [String] {
        var hints: [String] = []
        switch mode {
        case .choose:
            buf.draw(strings["empty.title"], x: 2, y: 3, style: .bold, maxWidth: buf.width - 3)
            buf.draw(path, x: 4, y: 4, maxWidth: buf.width - 5)
            for (i, l) in Dialog.wrap(strings["empty.offer"], width: buf.width - 4).enumerated() { buf.draw(l, x: 2, y: 6 + i) }
            hints = [strings["hint.setup"], strings["hint.demo"], strings["hint.help"], strings["hint.quit"]]
        case .setup(let w):
            w.render(into: &buf, strings: strings)
            hints = [strings["hint.next"], strings["hint.save"], strings["hint.fields"], strings["hint.back"], strings["hint.help"], strings["hint.quit"]]
        case .rolePicker:
            buf.draw(strings["roles.title"], x: 2, y: 2, style: .bold, maxWidth: buf.width - 3)
            let names = [DemoGenerator.deskUser, DemoGenerator.coordinatorUser, DemoGenerator.supervisorUser].map { u in
                store?.state.roster.staffByUsername[u].flatMap { store?.state.roster.staff[$0]?.displayName } ?? u
            }
            for (i, key) in ["roles.desk", "roles.coordinator", "roles.supervisor"].enumerated() {
                buf.draw(TextWidth.fit(strings[key], 18), x: 4, y: 4 + i * 2, style: .bold)
                buf.draw(names[i], x: 23, y: 4 + i * 2, style: .muted, maxWidth: buf.width - 24)
            }
            buf.draw(strings["roles.note"], x: 2, y: 11, style: .warning, maxWidth: buf.width - 3)
            hints = ["1 2 3", strings["hint.help"], strings["hint.quit"]]
        case .login(let l):
            l.render(into: &buf, strings: strings)
            hints = [strings["hint.fields"], strings["login.hint"], strings["hint.help"], strings["hint.quit"]]
        case .home:
            if let store, let st = staff {
                HomeScreen(notices: notices).renderBody(into: &buf, state: store.state, night: night, journalPath: path,
                                                      headHex: store.journal.headHash.map { String(format2: $0) }.joined(),
                                                      role: st.role, strings: strings)
            }
            hints = [strings["hint.help"], strings["hint.search"], strings["hint.board"]]
                + (staff?.role == .desk ? [] : [strings["hint.approvals"], strings["hint.returns"], strings["hint.occupancy"]])
                + (staff?.role == .supervisor ? [strings["hint.audit"]] : []) + [strings["hint.intake"], strings["hint.lang"]] + (staff?.role == .supervisor ? [strings["hint.staff"], strings["hint.inventory"]] : [])
                + [strings["hint.logout"], strings["hint.quit"]]
        default: break  // the converted screens, drawn by the caller
        }
        return hints
    }
}
