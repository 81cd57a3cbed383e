import ShelterDomain

/// A plain-text summary of one recorded assessment, in Dutch or English, for the client's file
/// or a referral: outcome in words, ground, legal basis, valid until, missing documents, advice
/// and every answer, with the rule-set version and who recorded it when.
public enum AssessmentSummary {
    static let answerOrder = ["nationality", "arrived_nl", "continuous_residence_since", "absent_over_two_years", "working_now",
                              "hours_per_week", "monthly_income_eur", "self_employed_now", "work_history_months", "last_work_end",
                              "unemployment_involuntary", "registered_jobseeker_uwv", "unable_to_work_illness", "vocational_training",
                              "family_of_entitled", "sufficient_resources_and_insurance"]

    /// `rules` is the set the assessment was made with (it is re-evaluated with it); `current`,
    /// when newer, is asked too, and a different decision is said ("re-assess").
    public static func text(_ a: Assessment, client: Client, state s: ShelterState, rules: ChecklistRuleSet?,
                            current: ChecklistRuleSet? = nil, strings t: Strings) -> String {
        var out: [String] = []
        let r = a.result
        out.append("\(t["cl.title"]) — \(client.fullName) (\(t["card.title"].lowercased()) \(client.id))")
        var recorded = ""
        if let by = a.recordedBy, let at = a.recordedAt {
            recorded = " · \(s.roster.staff[by]?.displayName ?? "#\(by)"), \(t.timestamp(at))"
        }
        out.append("\(a.answers.assessmentDate.shown(t))\(recorded) · \(t["cl.ruleSet"]) \(r.ruleSet)")
        out.append("")
        out.append(">> \(t["cl.outcome.\(r.outcome.rawValue)"]) <<")
        out.append("\(t["cl.ground"]): \(t.ground(r.ground))")
        out.append("\(t["cl.basis"]): \(t.legalBasis(r.legalBasis))")
        if let v = r.validUntil { out.append("\(t["cl.validUntil"]): \(v.shown(t))") }
        if !r.missingEvidence.isEmpty {
            out.append("\(t["cl.missing"]):")
            for m in r.missingEvidence { out.append("  [ ] " + m.split(separator: "|").map { t["doc.\($0)"] }.joined(separator: " / ")) }
        }
        if let advice = rules?.advice(for: r, lang: t.lang), !advice.isEmpty {
            out.append("")
            out.append("\(t["cl.advice"]):")
            out.append(contentsOf: wrap(advice, 76).map { "  " + $0 })
        }
        func decided(_ x: ChecklistResult) -> String { t.decision(x) }
        if let rules {
            let again = ChecklistEngine.evaluate(a.answers, rules: rules.withNorms(s.assistanceNorms))
            if again.outcome != r.outcome || again.ground != r.ground {
                out.append(t.fill("cl.reevaluated", rules.version, decided(again)))
            }
        }
        if let current, current.version != r.ruleSet {
            let now = ChecklistEngine.evaluate(a.answers, rules: current.withNorms(s.assistanceNorms))
            if now.outcome != r.outcome || now.ground != r.ground {
                out.append(t.fill("cl.newerSet", current.version, decided(now)))
            }
        }
        out.append(t["cl.notBinding"])
        out.append("")
        let json = a.answers.json
        for key in answerOrder {
            guard let v = json[key] else { continue }
            guard a.answers.wasAsked(key) else { out.append("  \(t["cl.q.\(key)"]): \(t["cl.notAsked"])"); continue }
            let shown: String
            switch v {
            case .bool(let b): shown = b ? t["yes"] : t["no"]
            case .null: shown = t["card.none"]
            case .string(let s): shown = Day.parseISO(s)?.shown(t) ?? s
            default: shown = v.serialized
            }
            out.append("  \(t["cl.q.\(key)"]): \(shown)")
        }
        let docs = a.answers.evidence.map { t["doc.\($0)"] }.joined(separator: ", ")
        out.append("  \(t["cl.q.evidence"]) \(docs.isEmpty ? t["card.none"] : docs)")
        return out.joined(separator: "\n") + "\n"
    }

    static func wrap(_ text: String, _ width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty { line = String(word) } else if line.count + 1 + word.count <= width { line += " " + word } else { lines.append(line); line = String(word) }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
