import ShelterDomain
import TerminalUI

/// The equal-treatment checklist at the desk: one question per step with why it is asked. It
/// asks every question that can still change the outcome (a likely ground does not end the
/// questions: its documents may be missing, and a later ground may then decide), skipping only
/// those the rules make irrelevant. Nothing is invented: an unanswered question ("don't know",
/// a blank date) is stored as unknown and shown as "not asked"; values from intake or from the
/// previous assessment are marked as such. Back and forward keep every answer and the place in
/// the document list. The outcome is recorded only with the labelled key (^S), never with the
/// Enter that moved through the questions. Pure model: recording is an effect.
public struct ChecklistWizard: Equatable {
    public let clientID: ClientID
    public let rules: ChecklistRuleSet
    public var answers: ChecklistAnswers
    public var answered: Set<String> = []
    /// Questions asked and answered "don't know" (or a blank date): unknown, not asked again.
    public var unknown: Set<String> = []
    public var history: [String] = []
    /// The question key shown, or "evidence", or "outcome".
    public private(set) var current = "nationality"
    public var input = TextField(maxLength: 12)
    public var yes = false
    public var problem: String?
    public var documents: [String] = []
    public var documentList = ListView(count: 0)
    public var result: ChecklistResult?
    /// Answers shown pre-filled, and where they came from ("intake" or "previous").
    public var prefilled: [String: String] = [:]
    /// A bool question answered "don't know" (the third choice).
    public var unknownChoice = false
    /// Set when the answer to `arrived_nl` is not known from anywhere: it must be typed.
    var arrivalKnown = true
    /// The language the date fields are pre-filled in (`Strings.date`).
    var lang = "nl"

    static let boolKeys: Set<String> = ["absent_over_two_years", "working_now", "self_employed_now", "unable_to_work_illness", "vocational_training",
                                        "unemployment_involuntary", "registered_jobseeker_uwv", "family_of_entitled", "sufficient_resources_and_insurance"]
    static let dateKeys: Set<String> = ["arrived_nl", "continuous_residence_since", "last_work_end"]
    static let numberKeys: Set<String> = ["hours_per_week", "monthly_income_eur", "work_history_months"]

    /// A new assessment for `client`, pre-filled from intake, or from `previous` (a
    /// re-assessment starts from the previous answers, each marked as such).
    public init(client: Client, today: Day, rules: ChecklistRuleSet, previous: ChecklistAnswers? = nil, lang: String = "nl") {
        clientID = client.id
        self.lang = lang
        self.rules = rules
        // arrived_nl is required by the rules; without a known date it is asked with an empty field.
        answers = ChecklistAnswers(assessmentDate: today, nationality: client.nationality, arrivedNL: client.arrivedNL ?? today)
        arrivalKnown = client.arrivedNL != nil
        if !client.nationality.isEmpty { prefilled["nationality"] = "intake" }
        if client.arrivedNL != nil { prefilled["arrived_nl"] = "intake" }
        if let previous {
            var p = previous
            p.assessmentDate = today
            answers = p
            arrivalKnown = true
            for k in ChecklistAnswers.keys where previous.wasAsked(k) && k != "assessment_date" { prefilled[k] = "previous" }
            answers.asked = nil
        }
        show(next())
    }

    public var stepNumber: Int { history.count + 1 }

    // MARK: flow

    /// The next question that can still change the outcome, or "evidence" / "outcome".
    func next() -> String {
        let a = answers
        func need(_ k: String) -> Bool { !answered.contains(k) && !unknown.contains(k) }
        if need("nationality") { return "nationality" }
        if a.nationality == "NL" { return "outcome" }
        if !Nationality.isEUEEASwiss(a.nationality) {
            // Only a third-country family member is in scope (from rule set 2024.2).
            guard rules.semantics.thirdCountryFamilyMember else { return "outcome" }
            if need("family_of_entitled") { return "family_of_entitled" }
            return a.familyOfEntitled ? "evidence" : "outcome"
        }
        if need("arrived_nl") { return "arrived_nl" }
        if need("continuous_residence_since") { return "continuous_residence_since" }
        if let since = a.continuousResidenceSince, since.adding(years: 5) <= a.assessmentDate, need("absent_over_two_years") {
            return "absent_over_two_years"
        }
        if need("working_now") { return "working_now" }
        if a.workingNow {
            if need("hours_per_week") { return "hours_per_week" }
            if a.hoursPerWeek < rules.minimumHoursPerWeek, need("monthly_income_eur") { return "monthly_income_eur" }
        }
        if need("self_employed_now") { return "self_employed_now" }
        if need("work_history_months") { return "work_history_months" }
        if a.workHistoryMonths >= 1 {
            if need("unable_to_work_illness") { return "unable_to_work_illness" }
            if need("vocational_training") { return "vocational_training" }
            if need("unemployment_involuntary") { return "unemployment_involuntary" }
            if a.unemploymentInvoluntary {
                if need("last_work_end") { return "last_work_end" }
                if need("registered_jobseeker_uwv") { return "registered_jobseeker_uwv" }
            }
        }
        if need("family_of_entitled") { return "family_of_entitled" }
        // Within the first three months nothing after rule 7 can change the outcome.
        if a.arrivedNL.wholeMonths(until: a.assessmentDate) >= 3 {
            if need("registered_jobseeker_uwv") { return "registered_jobseeker_uwv" }
            if need("sufficient_resources_and_insurance") { return "sufficient_resources_and_insurance" }
        }
        return "evidence"
    }

    /// The documents that matter: those of every `likely` ground whose conditions hold on these
    /// answers (with its documents it would decide), in rule order, each once.
    func relevantDocuments() -> [String] {
        var docs: [String] = []
        let grounds = rules.allGrounds.filter { rules.rules[$0]?.outcome == .likely }
        for g in grounds {
            var probe = answers
            probe.evidence = rules.rule(g).evidence.flatMap { $0 }
            let r = ChecklistEngine.evaluate(probe, rules: rules)
            guard r.outcome == .likely, r.ground == g else { continue }
            for d in probe.evidence where !docs.contains(d) { docs.append(d) }
        }
        return docs
    }

    /// The answers as recorded: only what staff answered counts as asked.
    public var recordedAnswers: ChecklistAnswers {
        var a = answers
        var asked = answered.intersection(ChecklistAnswers.keys)
        asked.insert("assessment_date")
        if current == "outcome" || current == "evidence" || history.contains("evidence") { asked.insert("evidence") }
        // Unknown answers are stored as the rules read them (false / 0 / none), marked not asked.
        for k in ChecklistAnswers.keys where !asked.contains(k) {
            switch k {
            case "continuous_residence_since": a.continuousResidenceSince = nil
            case "last_work_end": a.lastWorkEnd = nil
            case "hours_per_week": a.hoursPerWeek = 0
            case "monthly_income_eur": a.monthlyIncomeEUR = 0
            case "work_history_months": a.workHistoryMonths = 0
            case "evidence": a.evidence = []
            case "assessment_date", "nationality", "arrived_nl": break
            default: Self.setBool(k, false, in: &a)
            }
        }
        a.asked = asked
        return a
    }

    mutating func show(_ key: String) {
        problem = nil
        if key == "evidence" {
            let docs = relevantDocuments()
            if docs.isEmpty { answered.insert("evidence"); show("outcome"); return }
            if docs != documents {
                let keep = documents.indices.contains(documentList.selected) ? documents[documentList.selected] : nil
                documents = docs
                documentList = ListView(count: docs.count)
                if let keep, let i = docs.firstIndex(of: keep) { documentList.select(i) }
            }
            current = key
            return
        }
        if key == "outcome" {
            result = ChecklistEngine.evaluate(recordedAnswers, rules: rules)
            current = key
            return
        }
        current = key
        let a = answers, t = Strings.forLanguage(lang)
        switch key {
        case "nationality": input = TextField(a.nationality, maxLength: 2)
        case "arrived_nl": input = TextField(arrivalKnown ? a.arrivedNL.shown(t) : "", maxLength: 10)
        case "continuous_residence_since": input = TextField(a.continuousResidenceSince?.shown(t) ?? "", maxLength: 10)
        case "last_work_end": input = TextField(a.lastWorkEnd?.shown(t) ?? "", maxLength: 10)
        case "hours_per_week": input = TextField(known(key) ? trim(a.hoursPerWeek) : "", maxLength: 5)
        case "monthly_income_eur": input = TextField(known(key) ? trim(a.monthlyIncomeEUR) : "", maxLength: 8)
        case "work_history_months": input = TextField(known(key) ? String(a.workHistoryMonths) : "", maxLength: 4)
        default:
            yes = boolValue(key)
            unknownChoice = !known(key)
        }
    }

    /// True when the answer has a value someone gave (now, at intake, or last time).
    func known(_ key: String) -> Bool { answered.contains(key) || prefilled[key] != nil }

    func trim(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }

    func boolValue(_ k: String) -> Bool {
        let a = answers
        switch k {
        case "absent_over_two_years": return a.absentOverTwoYears
        case "working_now": return a.workingNow
        case "self_employed_now": return a.selfEmployedNow
        case "unable_to_work_illness": return a.unableToWorkIllness
        case "vocational_training": return a.vocationalTraining
        case "unemployment_involuntary": return a.unemploymentInvoluntary
        case "registered_jobseeker_uwv": return a.registeredJobseekerUWV
        case "family_of_entitled": return a.familyOfEntitled
        case "sufficient_resources_and_insurance": return a.sufficientResourcesAndInsurance
        default: return false
        }
    }

    mutating func setBool(_ k: String, _ v: Bool) { Self.setBool(k, v, in: &answers) }

    static func setBool(_ k: String, _ v: Bool, in a: inout ChecklistAnswers) {
        switch k {
        case "absent_over_two_years": a.absentOverTwoYears = v
        case "working_now": a.workingNow = v
        case "self_employed_now": a.selfEmployedNow = v
        case "unable_to_work_illness": a.unableToWorkIllness = v
        case "vocational_training": a.vocationalTraining = v
        case "unemployment_involuntary": a.unemploymentInvoluntary = v
        case "registered_jobseeker_uwv": a.registeredJobseekerUWV = v
        case "family_of_entitled": a.familyOfEntitled = v
        case "sufficient_resources_and_insurance": a.sufficientResourcesAndInsurance = v
        default: break
        }
    }

    /// Takes the typed answer; on a problem keeps the input and says what is wrong.
    mutating func accept(strings t: Strings) -> Bool {
        let k = current, text = input.text
        switch k {
        case "nationality":
            guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) else { problem = t["cl.invalidCountry"]; return false }
            answers.nationality = text.uppercased()
        case "arrived_nl":
            guard let d = Day.parse(text), d <= answers.assessmentDate else { problem = t["cl.invalidDate"]; return false }
            answers.arrivedNL = d
            arrivalKnown = true
        case "continuous_residence_since", "last_work_end":
            var d: Day?
            if !text.isEmpty {
                guard let p = Day.parse(text), p <= answers.assessmentDate else { problem = t["cl.invalidDate"]; return false }
                d = p
            }
            if k == "last_work_end" { answers.lastWorkEnd = d } else { answers.continuousResidenceSince = d }
            // A blank date is "not known": unknown, not an answer.
            if d == nil { answered.remove(k); unknown.insert(k); prefilled[k] = nil; return true }
        case "hours_per_week", "monthly_income_eur", "work_history_months":
            let normal = text.replacingOccurrences(of: ",", with: ".")
            guard let n = Double(normal), n >= 0, n < 100_000, k != "hours_per_week" || n <= 168,
                  k != "work_history_months" || n == n.rounded() else { problem = t["cl.invalidNumber"]; return false }
            switch k {
            case "hours_per_week": answers.hoursPerWeek = n
            case "monthly_income_eur": answers.monthlyIncomeEUR = n
            default: answers.workHistoryMonths = Int(n)
            }
        default:
            if unknownChoice {
                setBool(k, false)
                answered.remove(k); unknown.insert(k); prefilled[k] = nil
                return true
            }
            setBool(k, yes)
        }
        answered.insert(k)
        unknown.remove(k)
        if prefilled[k] != nil, !(["nationality", "arrived_nl"].contains(k)) { prefilled[k] = nil }
        return true
    }

    // MARK: keys

    public mutating func update(_ key: Key, strings t: Strings) -> DeskEffect {
        if key == .escape {
            guard let previous = history.popLast() else { return .back }
            show(previous)
            return .none
        }
        switch current {
        case "outcome":
            // Only the labelled key records: the Enter that moved through the questions does not.
            if key == .ctrl("s"), let result {
                return .execute(.recordAssessment(client: clientID, answers: recordedAnswers, result: result))
            }
            if key == .enter { problem = t["cl.notRecordedYet"] }
        case "evidence":
            switch key {
            case .char(" "):
                if documents.indices.contains(documentList.selected) {
                    let d = documents[documentList.selected]
                    if let i = answers.evidence.firstIndex(of: d) { answers.evidence.remove(at: i) } else { answers.evidence.append(d) }
                }
            case .enter:
                answered.insert("evidence")
                history.append(current); show("outcome")
            default:
                _ = documentList.handle(key, height: 12)
            }
        default:
            if ChecklistWizard.boolKeys.contains(current) {
                switch key {
                case .char("j"), .char("y"), .char("J"), .char("Y"): yes = true; unknownChoice = false
                case .char("n"), .char("N"): yes = false; unknownChoice = false
                // ← → cycle no / yes / don't know.
                case .right, .char(" "):
                    if unknownChoice { unknownChoice = false; yes = false } else if yes { unknownChoice = true } else { yes = true }
                    return .none
                case .left:
                    if unknownChoice { unknownChoice = false; yes = true } else if yes { yes = false } else { unknownChoice = true }
                    return .none
                case .enter: break
                default: return .none
                }
            } else if key != .enter {
                if ChecklistWizard.dateKeys.contains(current) || ChecklistWizard.numberKeys.contains(current) {
                    if case .char(let c) = key, !(c.isASCII && (c.isNumber || "-/.,".contains(c))) { return .none }
                }
                _ = input.handle(key)
                problem = nil
                return .none
            }
            guard accept(strings: t) else { return .none }
            history.append(current)
            show(next())
        }
        return .none
    }

    // MARK: rendering

    public func render(into buf: inout Buffer, clientName: String, strings t: Strings) {
        buf.draw("\(t["cl.title"]) — \(clientName)", x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
        let w = buf.width - 4
        switch current {
        case "outcome":
            guard let r = result else { return }
            let style: Style = switch r.outcome {
            case .likely: .success
            case .furtherInquiry, .notShown: .warning
            case .notApplicable: .bold
            }
            let label = t["cl.outcome.\(r.outcome.rawValue)"]
            buf.fill(x: 2, y: 4, width: min(w, TextWidth.width(of: label) + 4), height: 1, style: style)
            buf.draw("  " + label, x: 2, y: 4, style: style, maxWidth: w)
            var rows: [(String, String)] = [(t["cl.ground"], t.ground(r.ground)), (t["cl.basis"], t.legalBasis(r.legalBasis))]
            if let v = r.validUntil { rows.append((t["cl.validUntil"], v.shown(t))) }
            if !r.missingEvidence.isEmpty {
                rows.append((t["cl.missing"], r.missingEvidence.map { $0.split(separator: "|").map { t["doc.\($0)"] }.joined(separator: " / ") }.joined(separator: "; ")))
            }
            rows.append((t["cl.ruleSet"], r.ruleSet))
            let lw = rows.map { TextWidth.width(of: $0.0) }.max() ?? 10
            var y = 6
            for (label, value) in rows {
                buf.draw(TextWidth.fit(label, lw), x: 2, y: y, style: .muted)
                for line in Dialog.wrap(value, width: max(10, w - lw - 2)) where y < buf.height - 2 {
                    buf.draw(line, x: 4 + lw, y: y); y += 1
                }
            }
            y += 1
            let advice = rules.advice(for: r, lang: t.lang)
            for line in Dialog.wrap(advice, width: w) where y < buf.height - 3 { buf.draw(line, x: 2, y: y); y += 1 }
            if y < buf.height - 2 { buf.draw(t["cl.notBinding"], x: 2, y: y, style: .muted, maxWidth: w) }
            if let problem { buf.draw("⚠ " + problem, x: 2, y: buf.height - 3, style: .warning, maxWidth: w) }
        case "evidence":
            buf.draw(t.format("cl.step", stepNumber), x: 2, y: 4, style: .muted)
            buf.draw(t["cl.q.evidence"], x: 2, y: 5, style: .bold, maxWidth: w)
            buf.draw(t["cl.why.evidence"], x: 2, y: 6, style: .muted, maxWidth: w)
            // The whole width: "other proof of the years of residence (rental contract, …)" is 73 characters.
            for (i, d) in documents.enumerated() where 8 + i < buf.height - 2 {
                Checkbox(t["doc.\(d)"], checked: answers.evidence.contains(d)).render(into: &buf, x: 4, y: 8 + i, width: w - 2,
                                                                                    focused: i == documentList.selected)
            }
        default:
            buf.draw(t.format("cl.step", stepNumber), x: 2, y: 4, style: .muted)
            var y = 5
            for line in Dialog.wrap(t["cl.q.\(current)"], width: w) { buf.draw(line, x: 2, y: y, style: .bold); y += 1 }
            for line in Dialog.wrap(t["cl.why.\(current)"], width: w) { buf.draw(line, x: 2, y: y, style: .muted); y += 1 }
            y += 1
            if ChecklistWizard.boolKeys.contains(current) {
                Choice([t["no"], t["yes"], t["cl.unknown"]], index: unknownChoice ? 2 : yes ? 1 : 0).render(into: &buf, x: 4, y: y, width: 14, focused: true)
                buf.draw(t["cl.yesno"], x: 20, y: y, style: .muted, maxWidth: max(0, buf.width - 21))
            } else {
                let cx = input.render(into: &buf, x: 4, y: y, width: 14, focused: true)
                buf.cursor = (min(cx, buf.width - 1), y)
                if ChecklistWizard.dateKeys.contains(current) { buf.draw(t["cl.dateHint"], x: 20, y: y, style: .muted, maxWidth: max(0, buf.width - 21)) }
            }
            if let problem {
                buf.draw("⚠ " + problem, x: 4, y: y + 1, style: .error, maxWidth: w)
            } else if let source = prefilled[current] {
                buf.draw("ⓘ " + t[source == "intake" ? "cl.prefilled" : "cl.previous"], x: 4, y: y + 1, style: .muted, maxWidth: w)
            }
        }
    }

    public func hints(_ t: Strings) -> [String] {
        switch current {
        case "outcome": [t["cl.hint.record"], t["cl.hint.back"], t["hint.quit"]]
        case "evidence": ["↑↓", t["cl.hint.toggle"], t["cl.hint.answer"], t["cl.hint.back"], t["hint.quit"]]
        default: [t["cl.hint.answer"], t["cl.hint.back"], t["hint.help"], t["hint.quit"]]
        }
    }
}

extension ChecklistWizard: Screen {
    /// A key; or the outcome of recording the assessment: recorded goes back to the file and
    /// says so; refused keeps every answer.
    public mutating func update(_ message: ScreenMessage, context c: ScreenContext) -> DeskEffect {
        switch message {
        case .key(let key): return update(key, strings: c.strings)
        case .recorded: return .backSaying(c.strings["cl.recorded"])
        case .tick, .refused: return .none
        }
    }

    /// The questions under the person's name, with their interpreter need beside it: whoever
    /// runs the checklist talks to the person.
    public mutating func render(into buf: inout Buffer, context c: ScreenContext) {
        let name = c.state.files.clients[clientID]?.fullName ?? ""
        let need = c.state.care.interpreter[clientID].map { " · " + CareSummary.interpreter($0, strings: c.strings) } ?? ""
        render(into: &buf, clientName: name + need, strings: c.strings)
    }

    public func keyHints(_ c: ScreenContext) -> [String] { hints(c.strings) }

    /// Answers are typed (dates, hours, amounts), so every letter is text.
    public var capturesText: Bool { true }
    public var hasUnsavedInput: Bool { !answered.isEmpty }
    /// Esc goes back one question; only at the first does it leave with the answers.
    public var escapeDiscards: Bool { history.isEmpty && !answered.isEmpty }
}
