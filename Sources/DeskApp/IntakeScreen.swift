import ShelterDomain
import TerminalUI

/// Registering someone at the door, or correcting a client's record: consent first (without a
/// "yes" only name, nationality and gender are kept and the other rows are locked), then names
/// exactly as typed, gender, nationality (code or name in Dutch or English), birth date or an
/// estimated year, arrival in NL, languages, ID document, BSN (11-check), phone, ETHOS living
/// situation, last work, insurance, problem areas disclosed and vulnerability flags; for a new
/// client also the responsible adult (required under 18, chosen by search with birth date and
/// number shown) and the interpreter need.
/// Validates as you type in the staff's language; before saving a new client, likely
/// duplicates are shown side by side. Nothing typed is lost on an error or a failed write.
public struct IntakeScreen: Equatable {
    public var form: ScrollForm
    /// The record being corrected (nil: a new client).
    public var editing: ClientID?
    public var message: String?
    /// Possible duplicates shown before saving, best first, and the one selected.
    public var candidates: [DuplicateDetector.Match] = []
    public var selected = 0
    /// The responsible adult chosen (a new client under 18 needs one).
    public var adult: ClientID?
    /// Choosing the responsible adult by search (typing on its row opens it; Enter takes the highlighted row).
    public var adultPicker: SearchScreen?

    // Row indices.
    static let consent = 1, explained = 2, consentLang = 3, written = 4
    static let given = 6, family = 7, alias = 8, gender = 9, nationality = 10, birth = 11, arrived = 12, languages = 13
    static let idKind = 15, idNumber = 16, idSeen = 17, bsn = 18, phone = 19
    static let ethos = 21, employer = 22, employmentEnded = 23, insurance = 24
    static let problems = 26  // 6 rows
    static let vulnerable = 33  // 4 rows
    /// Household and interpreter (a new client only; the file's `h` and `t` change them later).
    static let adultRow = 38, relation = 39, interpreterLanguage = 40, interpreterKind = 41
    /// Rows that need consent.
    static let needsConsent: Set<Int> = Set([birth, arrived, languages] + Array(idKind...phone) + Array(ethos...insurance)
                                            + Array(problems..<(problems + 6)) + Array(vulnerable..<(vulnerable + 4))
                                            + Array(adultRow...interpreterKind))
    /// A minor's relation to the responsible adult.
    static let relations: [HouseholdRelation] = [.child, .otherRelative, .partner]
    /// Index 0 is "choose": gender must be answered (women-only beds depend on it).
    static let genders: [Gender?] = [nil, .man, .woman, .unknownOrOther]

    public init(strings t: Strings, prefill: String = "") {
        let words = prefill.split(separator: " ").map(String.init)
        func text(_ key: String, _ value: String = "", max: Int = 100) -> FormRow { FormRow(t[key], .text(TextField(value, maxLength: max))) }
        func choice(_ key: String, _ options: [String]) -> FormRow { FormRow(t[key], .choice(Choice(options))) }
        func check(_ key: String) -> FormRow { FormRow(t[key], .check(false)) }
        var rows: [FormRow] = [
            .heading(t["intake.sec.consent"]),
            choice("intake.consent", [t["consent.notRecorded"], t["consent.given"], t["consent.refused"]]),
            check("intake.explained"), text("intake.consentLang", max: 2), check("intake.written"),
            .heading(t["intake.sec.person"]),
            text("intake.given", words.first ?? "", max: 500), text("intake.family", words.dropFirst().joined(separator: " "), max: 500),
            text("intake.alias", max: 500),
            choice("intake.gender", IntakeScreen.genders.map { $0.map { t["gender.\($0.code)"] } ?? t["intake.choose"] }),
            text("intake.nationality", max: 40), text("intake.birth", max: 10), text("intake.arrived", max: 10),
            text("intake.languages", max: 40),
            .heading(t["intake.sec.document"]),
            choice("intake.idKind", [t["id.none"]] + IDDocument.Kind.allCases.map { t["id.\($0.code)"] }),
            text("intake.idNumber", max: 30), check("intake.idSeen"), text("intake.bsn", max: 9), text("intake.phone", max: 20),
            .heading(t["intake.sec.situation"]),
            choice("intake.ethos", [t["ethos.0"]] + (1...6).map { t["ethos.\($0)"] }),
            text("intake.employer", max: 200), text("intake.employmentEnded", max: 10),
            choice("intake.insurance", ClientDetails.Insurance.allCases.map { t["insurance.\($0.code)"] }),
            .heading(t["intake.sec.problems"]),
        ]
        rows += ClientDetails.ProblemAreas.all.map { FormRow(t["problem.\($0.1)"], .check(false)) }
        rows.append(.heading(t["intake.sec.vulnerable"]))
        rows += ClientDetails.Vulnerabilities.all.map { FormRow(t["vulnerable.\($0.1)"], .check(false)) }
        rows += [.heading(t["intake.sec.care"]), text("intake.adult", max: 200),
                 choice("intake.relation", Self.relations.map { t["relation.\($0.code)"] }),
                 text("intake.interpreter", max: 2), choice("intake.interpreterKind", InterpreterNeed.Kind.allCases.map { t["interpreter.\($0.code)"] })]
        form = ScrollForm(rows: rows)
        form.setFocus(prefill.isEmpty ? IntakeScreen.consent : IntakeScreen.consent)
        applyConsent()
    }

    /// The form for correcting an existing record, filled with its values.
    public init(strings t: Strings, editing c: Client) {
        self.init(strings: t)
        editing = c.id
        form.rows.removeLast(form.rows.count - Self.adultRow + 1)  // the household and interpreter rows: on the file (h, t)
        let d = c.details
        func set(_ i: Int, _ s: String) { form[i].input = .text(TextField(s, maxLength: 500)) }
        func choose(_ i: Int, _ n: Int) { if case .choice(var ch) = form[i].input { ch.index = n; form[i].input = .choice(ch) } }
        func tick(_ i: Int, _ b: Bool) { form[i].input = .check(b) }
        choose(Self.consent, Int(d.consent.status.rawValue)); tick(Self.explained, d.consent.purposeExplained)
        set(Self.consentLang, d.consent.language); tick(Self.written, d.consent.written)
        set(Self.given, c.givenNames); set(Self.family, c.familyNames); set(Self.alias, c.alias)
        choose(Self.gender, Self.genders.firstIndex(of: c.gender) ?? 3)
        set(Self.nationality, c.nationality)
        switch c.birth {
        case .exact(let day)?: set(Self.birth, day.shown(t))
        case .estimatedYear(let y)?: set(Self.birth, String(y))
        case nil: break
        }
        set(Self.arrived, c.arrivedNL?.shown(t) ?? ""); set(Self.languages, d.languages.joined(separator: ", "))
        if let doc = d.idDocument {
            choose(Self.idKind, Int(doc.kind.rawValue)); set(Self.idNumber, doc.number); tick(Self.idSeen, doc.seen)
        }
        set(Self.bsn, d.bsn); set(Self.phone, d.phone)
        choose(Self.ethos, Int(d.ethos ?? 0)); set(Self.employer, d.lastEmployer); set(Self.employmentEnded, d.employmentEnded?.shown(t) ?? "")
        choose(Self.insurance, Int(d.insurance.rawValue))
        for (k, p) in ClientDetails.ProblemAreas.all.enumerated() { tick(Self.problems + k, d.problems.contains(p.0)) }
        for (k, v) in ClientDetails.Vulnerabilities.all.enumerated() { tick(Self.vulnerable + k, d.vulnerabilities.contains(v.0)) }
        applyConsent()
    }

    var consentStatus: Consent.Status { Consent.Status(rawValue: UInt8(form[Self.consent].choiceIndex)) ?? .notRecorded }

    /// Rows that need consent are locked (their contents kept) unless consent is given.
    mutating func applyConsent() {
        let given = consentStatus == .given
        for i in Self.needsConsent where form.rows.indices.contains(i) { form[i].enabled = given }
        let asked = consentStatus != .notRecorded
        for i in [Self.explained, Self.consentLang, Self.written] { form[i].enabled = asked }
    }

    /// A typed date: nil when empty; .failure when not a real date.
    static func date(_ s: String) -> Result<Day?, DateProblem> {
        let s = s.trimmingCharacters(in: .whitespaces)
        if s.isEmpty { return .success(nil) }
        guard let d = Day.parse(s) else { return .failure(.invalid) }
        return .success(d)
    }
    enum DateProblem: Error { case invalid }

    /// The birth date typed: an exact date, or a 4-digit year as an estimate.
    func birth() -> BirthDate?? {
        let text = form[Self.birth].text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .some(nil) }
        if text.count == 4, let y = Int(text) { return .some(.estimatedYear(y)) }
        if let d = Day.parse(text) { return .some(.exact(d)) }
        return nil
    }

    func country() -> String? {
        let typed = form[Self.nationality].text
        if typed.isEmpty { return "" }
        let m = Countries.shared.matches(typed)
        return m.count == 1 ? m[0].code : nil
    }

    func languageCodes() -> [String] {
        form[Self.languages].text.lowercased().split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }

    mutating func validate(today: Day, strings t: Strings, showRequired: Bool) {
        applyConsent()
        for i in form.rows.indices { form[i].problem = nil; form[i].note = nil }
        for i in [Self.given, Self.family, Self.alias] where !form[i].text.isEmpty {
            form[i].problem = TextRules.nameProblem(form[i].text, required: false).map { problem in
                switch problem {
                case .controlCharacters: t["rule.control"]
                case .tooLong: t.format("rule.tooLong", TextRules.maxNameLength)
                case .edgeSpace: t["rule.spaces"]
                default: t["setup.nameRule"]
                }
            }
        }
        // Required before saving: the names (given and family name, or else a nickname), the
        // nationality, the gender and the consent question answered.
        if showRequired, form[Self.alias].text.isEmpty {
            if form[Self.given].text.isEmpty { form[Self.given].problem = t["intake.nameNeeded"] }
            if form[Self.family].text.isEmpty { form[Self.family].problem = t["intake.familyNeeded"] }
        }
        if showRequired, form[Self.nationality].text.isEmpty { form[Self.nationality].problem = t["intake.nationalityNeeded"] }
        if showRequired, form[Self.gender].choiceIndex == 0 { form[Self.gender].problem = t["intake.genderNeeded"] }
        if showRequired, editing == nil, consentStatus == .notRecorded { form[Self.consent].problem = t["intake.consentNeeded"] }
        // Nationality: a code or a unique name.
        let typed = form[Self.nationality].text
        if !typed.isEmpty {
            let m = Countries.shared.matches(typed)
            if m.count == 1 { form[Self.nationality].note = "\(t.lang == "en" ? m[0].en : m[0].nl) (\(m[0].code))" }
            else if m.isEmpty { form[Self.nationality].problem = t["intake.countryRule"] }
            else { form[Self.nationality].problem = t["intake.countryMany"] + " " + m.prefix(4).map { "\(t.lang == "en" ? $0.en : $0.nl) (\($0.code))" }.joined(separator: ", ") }
        }
        switch birth() {
        case nil: form[Self.birth].problem = t["intake.birthRule"]
        case .some(.some(.exact(let d))) where d > today: form[Self.birth].problem = "\(d.shown(t)) \(t["intake.future"])"
        case .some(.some(.exact(let d))) where d.year < today.year - 110: form[Self.birth].problem = t["intake.birthRule"]
        case .some(.some(.estimatedYear(let y))) where y > today.year || y < today.year - 110: form[Self.birth].problem = t["intake.birthRule"]
        case .some(.some(let b)): form[Self.birth].note = t.count("intake.age", b.age(on: today))
        default: break
        }
        for i in [Self.arrived, Self.employmentEnded] {
            switch Self.date(form[i].text) {
            case .failure: form[i].problem = t["cl.invalidDate"]
            case .success(let d?) where d > today: form[i].problem = "\(d.shown(t)) \(t["intake.future"])"
            default: break
            }
        }
        if languageCodes().contains(where: { !Decider.isLanguageCode($0) }) { form[Self.languages].problem = t["intake.languageRule"] }
        let cl = form[Self.consentLang].text
        if !cl.isEmpty, !Decider.isLanguageCode(cl.lowercased()) { form[Self.consentLang].problem = t["intake.languageRule"] }
        if form[Self.idKind].choiceIndex > 0 {
            if let _ = IDDocument.numberProblem(form[Self.idNumber].text) { form[Self.idNumber].problem = t["intake.idRule"] }
        } else if !form[Self.idNumber].text.isEmpty { form[Self.idNumber].problem = t["intake.idKindFirst"] }
        let b = form[Self.bsn].text
        if !b.isEmpty, !BSN.isValid(b) { form[Self.bsn].problem = b.count == 9 ? t["intake.bsnCheck"] : t["intake.bsnRule"] }
        let ph = form[Self.phone].text
        if !ph.isEmpty {
            let digits = ph.filter(\.isNumber).count
            if !ph.allSatisfy({ $0.isASCII && ($0.isNumber || " +-()".contains($0)) }) || !(6...15).contains(digits) { form[Self.phone].problem = t["intake.phoneRule"] }
        }
        if let p = TextRules.freeTextProblem(form[Self.employer].text, max: 200) {
            form[Self.employer].problem = p == .controlCharacters ? t["rule.control"] : p.text(t)
        }
        if form[Self.problems + 5].isChecked, (0..<5).contains(where: { form[Self.problems + $0].isChecked }) {
            form[Self.problems + 5].problem = t["intake.noneAndProblem"]
        }
        if form[Self.vulnerable + 3].isChecked, case .some(.some(let bd)) = birth(), bd.age(on: today) >= 23 {
            form[Self.vulnerable + 3].problem = t["intake.notYoung"]
        }
        if consentStatus == .given, !form[Self.explained].isChecked { form[Self.explained].problem = t["intake.explainFirst"] }
        guard editing == nil else { return }
        // Under 18 on the day of registration: only with a responsible adult (the domain refuses it too).
        if adult == nil { form[Self.adultRow].note = t["intake.adultSearch"] }
        if case .some(.some(let b)) = birth(), b.age(on: today) < 18, consentStatus == .given, adult == nil {
            if showRequired { form[Self.adultRow].problem = t.format("intake.adultNeeded", b.age(on: today)) }
            else { form[Self.adultRow].note = t["intake.adultMinor"] + " · " + t["intake.adultSearch"] }
        }
        let lang = form[Self.interpreterLanguage].text.trimmingCharacters(in: .whitespaces)
        if !lang.isEmpty, !Decider.isLanguageCode(lang.lowercased()) { form[Self.interpreterLanguage].problem = t["intake.languageRule"] }
    }

    /// The interpreter need typed (nil: none, or no consent).
    func interpreterNeed() -> InterpreterNeed? {
        guard editing == nil, consentStatus == .given else { return nil }
        let lang = form[Self.interpreterLanguage].text.trimmingCharacters(in: .whitespaces).lowercased()
        if lang.isEmpty { return nil }
        return InterpreterNeed(language: lang, kind: InterpreterNeed.Kind.allCases[form[Self.interpreterKind].choiceIndex])
    }

    /// The command that registers the drafted client with what else the form holds: the
    /// responsible adult and the interpreter need (in one write).
    func registration(_ c: Client) -> Command {
        let need = interpreterNeed(), adult = consentStatus == .given ? adult : nil
        if adult == nil, need == nil { return .registerClient(c) }
        return .registerAtIntake(c, responsibleAdult: adult, relation: Self.relations[form[Self.relation].choiceIndex], interpreter: need)
    }

    /// The adult as the adult row shows them: name, birth date and number.
    static func adultText(_ id: ClientID, _ s: ShelterState, _ t: Strings) -> String {
        guard let c = s.files.clients[id] else { return "#\(id)" }
        return "\(c.fullName) · \(SearchScreen.born(c, t)) · #\(id)"
    }

    /// Picking the responsible adult: the search's keys, Enter takes the highlighted person (not a
    /// minor), Esc goes back to the form without a choice.
    mutating func updatePicker(_ key: Key, picker: SearchScreen, today: Day, index: ClientSearchIndex, state s: ShelterState, strings t: Strings) {
        var p = picker
        message = nil
        let effect = p.update(key, index: index, state: s, today: today, strings: t)
        adultPicker = p
        switch effect {
        case .back: adultPicker = nil
        case .picked(let id):
            if s.isMinor(id, on: today) { message = t.fill("intake.adultIsMinor", s.files.clients[id]?.fullName ?? "", String(id)); return }
            adult = id
            adultPicker = nil
            message = nil
            form[Self.adultRow].input = .text(TextField(Self.adultText(id, s, t), maxLength: 200))
            form.setFocus(Self.adultRow)
            form.move(true)
        default: break
        }
        validate(today: today, strings: t, showRequired: false)
    }

    /// Keys on the adult row: typing opens the search with what was typed; Backspace, Delete or
    /// Ctrl-U take the chosen adult away.
    mutating func adultRowKey(_ key: Key, today: Day, index: ClientSearchIndex, state s: ShelterState, strings t: Strings) -> Bool {
        guard editing == nil, form.focus == Self.adultRow, form[Self.adultRow].enabled else { return false }
        switch key {
        case .backspace, .delete, .ctrl("u"):
            adult = nil
            form[Self.adultRow].input = .text(TextField(maxLength: 200))
        case .char(let ch) where !ch.isWhitespace:
            var p = SearchScreen()
            p.picking = true
            p.pickTexts = "pickAdult"
            // The people registered last first (a parent is usually registered just before the child).
            p.setSuggestions(s.files.clients.keys.sorted(by: >).filter { id in
                s.files.clients[id]?.mergedInto == nil && !s.isErased(id) && !s.isMinor(id, on: today)
            }.prefix(5).map { $0 })
            adultPicker = p
            updatePicker(.char(ch), picker: p, today: today, index: index, state: s, strings: t)
        default: return false
        }
        validate(today: today, strings: t, showRequired: false)
        return true
    }

    /// The client to save (the domain hands out the id of a new one). Locked rows are left out.
    func draft(today: Day) -> Client {
        var c = Client(id: editing ?? 0, givenNames: form[Self.given].text, familyNames: form[Self.family].text, alias: form[Self.alias].text,
                       gender: Self.genders[form[Self.gender].choiceIndex] ?? .unknownOrOther, nationality: country() ?? "")
        let status = consentStatus
        c.details.consent = status == .notRecorded ? Consent() :
            Consent(status: status, purposeExplained: form[Self.explained].isChecked, language: form[Self.consentLang].text.lowercased(),
                    date: today, written: form[Self.written].isChecked)
        guard status == .given else { return c }
        if case .some(.some(let b)) = birth() { c.birth = b }
        if case .success(let d) = Self.date(form[Self.arrived].text) { c.arrivedNL = d }
        c.details.languages = languageCodes()
        if let kind = IDDocument.Kind(rawValue: UInt8(form[Self.idKind].choiceIndex)) {
            c.details.idDocument = IDDocument(kind: kind, number: form[Self.idNumber].text, seen: form[Self.idSeen].isChecked)
        }
        c.details.bsn = form[Self.bsn].text; c.details.phone = form[Self.phone].text
        let e = form[Self.ethos].choiceIndex
        c.details.ethos = e == 0 ? nil : UInt8(e)
        c.details.lastEmployer = form[Self.employer].text
        if case .success(let d) = Self.date(form[Self.employmentEnded].text) { c.details.employmentEnded = d }
        c.details.insurance = ClientDetails.Insurance(rawValue: UInt8(form[Self.insurance].choiceIndex)) ?? .unknown
        for (k, p) in ClientDetails.ProblemAreas.all.enumerated() where form[Self.problems + k].isChecked { c.details.problems.insert(p.0) }
        for (k, v) in ClientDetails.Vulnerabilities.all.enumerated() where form[Self.vulnerable + k].isChecked { c.details.vulnerabilities.insert(v.0) }
        return c
    }

    public mutating func update(_ key: Key, today: Day, index: ClientSearchIndex, state s: ShelterState, strings t: Strings) -> DeskEffect {
        if let p = adultPicker {
            updatePicker(key, picker: p, today: today, index: index, state: s, strings: t)
            return .none
        }
        if candidates.isEmpty, adultRowKey(key, today: today, index: index, state: s, strings: t) { return .none }
        if !candidates.isEmpty {
            switch key {
            case .escape: candidates = []
            case .up: selected = max(0, selected - 1)
            case .down: selected = min(candidates.count - 1, selected + 1)
            case .enter: return .openClient(candidates[selected].clientID)
            case .char("n"), .char("N"):
                let others = candidates.map(\.clientID)
                candidates = []
                return .registerDistinct(registration(draft(today: today)), notSameAs: others)
            case .char(let c) where c.isNumber:
                if let n = c.wholeNumberValue, n >= 1, n <= candidates.count { selected = n - 1 }
            default: break
            }
            return .none
        }
        switch key {
        case .escape: return form.hasInput && editing == nil ? .none : .back
        case .enter:
            // Enter moves to the next field; saving is ^S only.
            form.move(true)
            validate(today: today, strings: t, showRequired: false)
            return .none
        case .ctrl("s"):
            validate(today: today, strings: t, showRequired: true)
            guard form.isValid else {
                message = t["setup.fixFirst"]
                if let first = form.rows.indices.first(where: { form[$0].problem != nil && form[$0].enabled }) { form.setFocus(first) }
                return .none
            }
            message = nil
            let c = draft(today: today)
            if editing != nil { return .execute(.updateClient(c)) }
            candidates = DuplicateDetector.candidates(of: c, index: index, state: s)
            selected = 0
            return candidates.isEmpty ? .execute(registration(c)) : .none
        default:
            _ = form.handle(key)
            validate(today: today, strings: t, showRequired: false)
            if key == .tab || key == .backTab || key == .down || key == .up {
                // Show "required" messages only after a save attempt; keep others.
            }
            return .none
        }
    }

    public func render(into buf: inout Buffer, state s: ShelterState, today: Day, strings t: Strings) {
        if var p = adultPicker {
            // The search for the responsible adult, titled with the person being registered.
            p.render(into: &buf, state: s, night: today, strings: t)
            let name = [form[Self.given].text, form[Self.family].text].filter { !$0.isEmpty }.joined(separator: " ")
            buf.fill(x: 1, y: 2, width: buf.width - 2, height: 1)
            buf.draw(t.fill("intake.adultPick", name.isEmpty ? "—" : name), x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
            if let message { buf.draw(message, x: 2, y: buf.height - 3, style: .error, maxWidth: buf.width - 3) }
            return
        }
        let title = editing.flatMap { s.files.clients[$0] }.map { "\(t["intake.editTitle"]) \($0.id): \($0.fullName)" } ?? t["intake.title"]
        buf.draw(title, x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
        if consentStatus != .given {
            buf.draw(t["intake.minimumOnly"], x: 2, y: 3, style: .warning, maxWidth: buf.width - 3)
        }
        var f = form
        // A wide screen (140 columns or more) has room for the longest label ("Schriftelijk (anders mondeling)").
        let labelWidth = min(buf.width >= 140 ? 34 : 26, max(14, buf.width / 3))
        let bottom = message == nil ? buf.height - 2 : buf.height - 3
        f.render(into: &buf, x: 1, y: 4, width: buf.width - 2, height: bottom - 4, labelWidth: labelWidth, focused: candidates.isEmpty)
        if let message { buf.draw(message, x: 2, y: buf.height - 3, style: .error, maxWidth: buf.width - 3) }
        guard !candidates.isEmpty else { return }
        buf.cursor = nil
        DuplicatePanel.render(into: &buf, draft: draft(today: today), candidates: candidates, selected: selected, state: s, today: today, strings: t)
    }
}

extension IntakeScreen: Screen {
    /// A key; or the outcome of saving: a correction goes back to the file it was opened from,
    /// a registration opens the new person's file in place of the form. A refusal keeps every
    /// field as typed.
    public mutating func update(_ message: ScreenMessage, context c: ScreenContext) -> DeskEffect {
        switch message {
        case .key(let key): return update(key, today: c.today, index: c.index, state: c.state, strings: c.strings)
        case .tick, .refused: return .none
        case .recorded(let events):
            if editing != nil { return .backSaying(c.strings["intake.updated"]) }
            for r in events { if case .clientRegistered(let client) = r.event { return .showRegistered(client.id) } }
            return .none
        }
    }

    public mutating func render(into buf: inout Buffer, context c: ScreenContext) {
        render(into: &buf, state: c.state, today: c.today, strings: c.strings)
    }

    public func keyHints(_ c: ScreenContext) -> [String] {
        let t = c.strings
        return adultPicker != nil ? [t["hint.type"], "↑↓", t["hint.choose"], t["hint.back"], t["hint.quit"]]
            : [t["intake.hint.next"], t["intake.hint.save"], t["hint.fields"], t["hint.back"], t["hint.quit"]]
    }

    /// Every field is typed into (and the adult search, and the duplicate panel's keys are its own).
    public var capturesText: Bool { true }
    /// A new registration with something typed (a correction starts from the saved record).
    public var hasUnsavedInput: Bool { form.hasInput && editing == nil }
    /// Esc on the form itself (not in the duplicate panel or the adult search, which Esc closes).
    public var escapeDiscards: Bool { candidates.isEmpty && adultPicker == nil && editing == nil && form.hasInput }
}
