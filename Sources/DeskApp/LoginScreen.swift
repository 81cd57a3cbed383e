import ShelterDomain
import TerminalUI

/// Username + PIN. Wrong PINs and locks are recorded as events by the session; the message
/// never tells whether the username exists.
public struct LoginScreen: Equatable {
    public var form: Form
    public var message: String?
    public var messageIsError = true

    public init(strings t: Strings, username: String = "") {
        form = Form(fields: [FormField(label: t["login.username"], input: TextField(username, maxLength: 32)),
                             FormField(label: t["login.pin"], input: TextField(secret: true, maxLength: 12))])
        if !username.isEmpty { form.focus = 1 }
    }

    /// Enter on the username moves to the PIN; Enter on the PIN asks the session to check it
    /// (the PIN field is emptied at once, whatever the outcome).
    public mutating func update(_ key: Key) -> DeskEffect {
        guard key == .enter else { _ = form.handle(key); return .none }
        if form.focus == 0 { form.focus = 1; return .none }
        let attempt = DeskEffect.attemptLogin(username: form[0].lowercased(), pin: form[1])
        form.fields[1].input.setText("")
        return attempt
    }

    public func render(into buf: inout Buffer, strings t: Strings) {
        buf.draw(t["login.title"], x: 2, y: 2, style: .bold)
        let labelWidth = max(TextWidth.width(of: t["login.username"]), TextWidth.width(of: t["login.pin"]))
        form.render(into: &buf, x: 2, y: 4, labelWidth: labelWidth, fieldWidth: min(24, buf.width - labelWidth - 5))
        if let message {
            for (i, line) in Dialog.wrap(message, width: buf.width - 4).prefix(3).enumerated() {
                buf.draw(line, x: 2, y: 9 + i, style: messageIsError ? .error : .warning)
            }
        }
    }
}
