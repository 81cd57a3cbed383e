import Services
import ShelterDomain
import TerminalUI

/// The validation shared by every form that creates a member of staff (the set-up wizard's
/// first supervisor, the staff screen's "add"): name, username, PIN, PIN again, as four
/// consecutive fields of a form. Empty fields are flagged only when `showRequired`.
enum StaffFieldRules {
    static func validate(_ f: inout Form, from i: Int, strings t: Strings, showRequired: Bool) {
        func required(_ k: Int) -> String? { f[k].isEmpty && showRequired ? t["setup.required"] : nil }
        f.fields[i].problem = required(i) ?? (f[i].isEmpty ? nil : TextRules.nameProblem(f[i], required: true).map { _ in t["setup.nameRule"] })
        f.fields[i + 1].problem = required(i + 1)
            ?? (f[i + 1].isEmpty ? nil : TextRules.usernameProblem(f[i + 1]).map { _ in t["setup.usernameRule"] })
        f.fields[i + 2].problem = f[i + 2].isEmpty && !showRequired ? nil : PinHasher.problem(f[i + 2], strings: t)
        f.fields[i + 3].problem = f[i + 3].isEmpty && !showRequired ? nil : (f[i + 3] != f[i + 2] ? t["setup.pinMismatch"] : nil)
    }
}
