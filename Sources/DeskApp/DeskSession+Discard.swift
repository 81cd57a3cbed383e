import ShelterDomain
import TerminalUI

extension DeskSession {
    /// True where Esc would leave a form and throw typed input away (it asks first instead).
    var escapeDiscards: Bool {
        if let screen = mode.screen { return screen.escapeDiscards }
        return switch mode {
        default: false
        }
    }

    /// Keys that leave the current screen: with unsaved input they ask "discard?" first. F5 on
    /// a return plan is the plan's own key, not navigation.
    func leavesScreen(_ key: Key) -> Bool {
        switch key {
        case .function(5) where isReturnPlan: false
        case .function(let n): (2...9).contains(n) && user != nil
        case .escape: escapeDiscards
        default: false
        }
    }

    /// Throws away the form on screen (after staff said so) and goes where Esc would have gone.
    func discardInput() {
        if var screen = mode.screen {
            let effect = screen.discardInput()
            mode.replaceScreen(screen)
            _ = run(effect)
        }
        message = strings["discard.done"]
    }
}

extension DeskSession {
    /// After registering: who was registered, with the number, and the next steps offered.
    func registeredMessage(_ id: ClientID?) -> String {
        guard let id, let c = store?.state.files.clients[id] else { return strings["intake.saved"] }
        return strings.fill("intake.savedNext", c.fullName, String(id))
    }
}
