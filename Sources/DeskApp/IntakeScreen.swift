import ShelterDomain
import TerminalUI

/// Registering someone at the door: names exactly as typed (any script), date of birth or an
/// estimated year, gender, nationality, arrival in NL. Validates as you type; before saving,
/// people with similar names (and a close birth year) are shown so nobody is registered twice
/// without noticing. Nothing typed is lost on an error.
public struct IntakeScreen: Equatable {
    public var form: Form
    public var gender = Choice(["m", "v", "x"], index: 2)
    public var genderFocused = false
    public var message: String?
    /// Possible duplicates shown before saving, best first.
    public var candidates: [ClientID] = []

    public init(strings t: Strings, prefill: String = "") {
        let words = prefill.split(separator: " ").map(String.init)
        form = Form(fields: [
            FormField(label: t["intake.given"], input: TextField(words.first ?? "", maxLength: 500)),
            FormField(label: t["intake.family"], input: TextField(words.dropFirst().joined(separator: " "), maxLength: 500)),
            FormField(label: t["intake.alias"], input: TextField(maxLength: 500)),
            FormField(label: t["intake.birth"], input: TextField(maxLength: 10)),
            FormField(label: t["intake.nationality"], input: TextField(maxLength: 2)),
            FormField(label: t["intake.arrived"], input: TextField(maxLength: 10)),
        ])
    }

    /// The birth date typed: an exact date, or a 4-digit year as an estimate.
    func birth() -> BirthDate?? {
        let text = form[3]
        if text.isEmpty { return .some(nil) }
        if text.count == 4, let y = Int(text) { return .some(.estimatedYear(y)) }
        if let d = Day.parse(text) { return .some(.exact(d)) }
        return nil
    }

    mutating func validate(today: Day, strings t: Strings, showRequired: Bool) {
        for i in 0..<3 {
            form.fields[i].problem = form[i].isEmpty ? nil : TextRules.nameProblem(form[i], required: false).map { reason in
                reason == "contains control characters" || reason.hasPrefix("is longer") ? "\(reason)" : t["setup.nameRule"]
            }
        }
        if showRequired, form[0].isEmpty, form[1].isEmpty, form[2].isEmpty { form.fields[0].problem = t["intake.nameNeeded"] }
        switch birth() {
        case nil: form.fields[3].problem = t["intake.birthRule"]
        case .some(.some(.exact(let d))) where d > today: form.fields[3].problem = "\(d.dutch) \(t["intake.future"])"
        case .some(.some(.estimatedYear(let y))) where y > today.year || y < today.year - 110: form.fields[3].problem = t["intake.birthRule"]
        default: form.fields[3].problem = nil
        }
        let nat = form[4]
        form.fields[4].problem = nat.isEmpty || (nat.count == 2 && nat.allSatisfy { $0.isASCII && $0.isLetter }) ? nil : t["intake.countryRule"]
        if form[5].isEmpty { form.fields[5].problem = nil } else if let d = Day.parse(form[5]) {
            form.fields[5].problem = d > today ? "\(d.dutch) \(t["intake.future"])" : nil
        } else { form.fields[5].problem = t["cl.invalidDate"] }
    }

    /// The client to register (id is handed out by the domain).
    func draft() -> Client {
        var c = Client(id: 0, givenNames: form[0], familyNames: form[1], alias: form[2],
                       gender: [Gender.man, .woman, .unknownOrOther][gender.index], nationality: form[4].uppercased())
        if case .some(.some(let b)) = birth() { c.birth = b }
        c.arrivedNL = Day.parse(form[5])
        return c
    }

    /// Similar people already registered: the same folded name words (or within one typo), and
    /// when a birth year is known, a birth year within one year.
    static func duplicates(of c: Client, index: ClientSearchIndex, state s: ShelterState) -> [ClientID] {
        let query = [c.givenNames, c.familyNames].joined(separator: " ")
        var hits = query.trimmingCharacters(in: .whitespaces).isEmpty ? [] : index.search(query, limit: 20)
        if hits.isEmpty, !c.alias.isEmpty { hits = index.search(c.alias, limit: 20) }
        return hits.compactMap { h -> ClientID? in
            guard let other = s.clients[h.clientID] else { return nil }
            if let y = c.birth?.year, let oy = other.birth?.year, abs(y - oy) > 1 { return nil }
            return h.clientID
        }.prefix(9).map { $0 }
    }

    public mutating func update(_ key: Key, today: Day, index: ClientSearchIndex, state s: ShelterState, strings t: Strings) -> DeskEffect {
        if !candidates.isEmpty {
            switch key {
            case .escape: candidates = []
            case .char("n"), .char("N"): candidates = []; return .execute(.registerClient(draft()))
            case .char(let c) where c.isNumber:
                if let n = c.wholeNumberValue, n >= 1, n <= candidates.count { return .openClient(candidates[n - 1]) }
            default: break
            }
            return .none
        }
        if key == .tab || key == .backTab {
            let forward = key == .tab
            if genderFocused {
                genderFocused = false
                form.focus = forward ? 0 : form.fields.count - 1
            } else if (forward && form.focus == form.fields.count - 1) || (!forward && form.focus == 0) {
                genderFocused = true
            } else {
                _ = form.handle(key)
            }
            return .none
        }
        if genderFocused, key == .left || key == .right || key == .char(" ") {
            _ = gender.handle(key)
            return .none
        }
        switch key {
        case .escape: return form.hasInput ? .none : .back
        case .enter:
            validate(today: today, strings: t, showRequired: true)
            guard form.isValid else { message = t["setup.fixFirst"]; return .none }
            message = nil
            let c = draft()
            candidates = IntakeScreen.duplicates(of: c, index: index, state: s)
            return candidates.isEmpty ? .execute(.registerClient(c)) : .none
        default:
            if genderFocused { return .none }
            _ = form.handle(key)
            validate(today: today, strings: t, showRequired: false)
            return .none
        }
    }

    public func render(into buf: inout Buffer, state s: ShelterState, today: Day, strings t: Strings) {
        buf.draw(t["intake.title"], x: 1, y: 2, style: .bold)
        var f = form
        if genderFocused { f.focus = -1 }
        let labelWidth = min(24, form.fields.map { TextWidth.width(of: $0.label) }.max() ?? 10)
        f.render(into: &buf, x: 2, y: 4, labelWidth: labelWidth, fieldWidth: min(30, buf.width - labelWidth - 5))
        let gy = 4 + form.fields.count * 2
        if gy < buf.height - 2 {
            buf.draw(TextWidth.fit(t["intake.gender"], labelWidth), x: 2, y: gy, style: genderFocused ? .bold : .normal)
            Choice([t["gender.m"], t["gender.v"], t["gender.x"]], index: gender.index).render(into: &buf, x: 3 + labelWidth, y: gy, width: 20, focused: genderFocused)
            if genderFocused { buf.cursor = nil }
        }
        if let message { buf.draw(message, x: 2, y: buf.height - 3, style: .error, maxWidth: buf.width - 3) }
        guard !candidates.isEmpty else { return }
        buf.cursor = nil
        var lines = [t["dup.body"], ""]
        for (i, id) in candidates.enumerated() {
            guard let c = s.clients[id] else { continue }
            let born = c.birth.map { b -> String in if case .exact(let d) = b { return d.dutch } else { return "±\(b.year)" } } ?? "?"
            let alias = c.alias.isEmpty ? "" : " (\(c.alias))"
            lines.append("\(i + 1)  \(c.fullName)\(alias) · \(born) · \(c.nationality) · #\(c.id)")
        }
        Dialog.render(into: &buf, title: t["dup.title"], message: lines.joined(separator: "\n"), hints: t["dup.hint"], style: .warning)
    }
}
