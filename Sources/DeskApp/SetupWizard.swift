import ShelterDomain
import TerminalUI

/// First run on an empty journal: the shelter's name and municipality and the first supervisor
/// (name, username, PIN twice). Validates as you type; nothing typed is lost on an error.
public struct SetupWizard: Equatable {
    public var form: Form
    public var message: String?

    public init(strings t: Strings) {
        form = Form(fields: [
            FormField(label: t["setup.shelter"]), FormField(label: t["setup.municipality"]),
            FormField(label: t["setup.name"]), FormField(label: t["setup.username"]),
            FormField(label: t["setup.pin"], input: TextField(secret: true, maxLength: 12)),
            FormField(label: t["setup.pin2"], input: TextField(secret: true, maxLength: 12)),
        ])
    }

    /// Recomputes every field's message. Empty fields are only flagged once `showRequired`.
    public mutating func validate(strings t: Strings, showRequired: Bool) {
        func required(_ i: Int) -> String? { form[i].isEmpty && showRequired ? t["setup.required"] : nil }
        form.fields[0].problem = required(0) ?? TextRules.freeTextProblem(form[0], max: 200).map { _ in t["setup.nameRule"] }
        form.fields[1].problem = required(1) ?? TextRules.freeTextProblem(form[1], max: 200).map { _ in t["setup.nameRule"] }
        StaffFieldRules.validate(&form, from: 2, strings: t, showRequired: showRequired)
    }

    /// Handles a key: editing and moving between fields; Enter on the last field submits when
    /// every field is valid (otherwise the problems are shown and nothing is lost).
    public mutating func update(_ key: Key, strings t: Strings) -> DeskEffect {
        switch key {
        case .escape:
            return form.hasInput ? .none : .back
        case .enter:
            _ = form.handle(.tab)  // Enter moves to the next field; ^S saves, as on every form
            return .none
        case .ctrl("s"):
            validate(strings: t, showRequired: true)
            guard form.isValid else { message = t["setup.fixFirst"]; return .none }
            message = nil
            return .submitSetup(SetupData(shelter: form[0], municipality: form[1], name: form[2], username: form[3], pin: form[4]))
        default:
            _ = form.handle(key)
            validate(strings: t, showRequired: false)
            return .none
        }
    }

    public func render(into buf: inout Buffer, strings t: Strings) {
        buf.draw(t["setup.title"], x: 2, y: 2, style: .bold, maxWidth: buf.width - 3)
        buf.draw(t["setup.intro"], x: 2, y: 3, style: .muted, maxWidth: buf.width - 3)
        let labelWidth = min(20, form.fields.map { TextWidth.width(of: $0.label) }.max() ?? 10)
        form.render(into: &buf, x: 2, y: 5, labelWidth: labelWidth, fieldWidth: min(40, buf.width - labelWidth - 5))
        if let message { buf.draw(message, x: 2, y: buf.height - 3, style: .error, maxWidth: buf.width - 3) }
    }
}
