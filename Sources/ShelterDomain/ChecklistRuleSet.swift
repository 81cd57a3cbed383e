/// A versioned rule set of the equal-treatment checklist: parameters (full-time hours,
/// thresholds, the social-assistance norm by date) and the data of every ground.
/// The order of the rules and their conditions are code (`ChecklistEngine`); everything a
/// policy change could touch is data.
public struct ChecklistRuleSet: Hashable, Sendable {
    public var version: String
    public var source: String
    public var fullTimeHoursPerWeek: Double
    /// Fraction of full-time hours that counts as real and genuine work (0.4 → 16 h of 40).
    public var workHoursFraction: Double
    /// Fraction of the social-assistance norm that counts as real and genuine work (0.5).
    public var incomeFractionOfNorm: Double
    public var norms: [SocialAssistanceNorm]
    public var rules: [String: ChecklistRule]
    /// Advice when a "likely" ground lacks documents (the outcome is then further inquiry).
    public var provisionalAdvice: [String: String] = [:]
    /// Where this set's logic differs from 2024.1 (the `engine` object of its file).
    public var semantics = ChecklistSemantics()

    /// This rule set with norms recorded by supervisors added (a recorded norm replaces one with
    /// the same start date). The rule-set version stays the same: the parameters are data.
    public func withNorms(_ extra: [SocialAssistanceNorm]) -> ChecklistRuleSet {
        guard !extra.isEmpty else { return self }
        var copy = self
        let dates = Set(extra.map(\.from))
        copy.norms = (norms.filter { !dates.contains($0.from) } + extra).sorted { $0.from < $1.from }
        return copy
    }

    /// The advice staff are given for a result, in a language ("nl", "en").
    public func advice(for r: ChecklistResult, lang: String) -> String {
        guard let rule = rules[r.ground] else { return "" }
        if rule.outcome == .likely, r.outcome != .likely { return provisionalAdvice[lang] ?? "" }
        return rule.advice[lang] ?? ""
    }

    /// Every ground the engine can produce; a rule set must describe all of them.
    public static let grounds = [
        "dutch_national", "third_country_national", "permanent_residence", "worker", "marginal_work",
        "self_employed", "retained_illness", "retained_training", "retained_worker", "retained_worker_6_months",
        "register_with_uwv", "family_member", "first_three_months", "jobseeker", "economically_inactive",
        "no_ground_established",
    ]

    public var minimumHoursPerWeek: Double { fullTimeHoursPerWeek * workHoursFraction }

    /// The norm in force on a date (the latest whose `from` is not after it; else the earliest).
    public func norm(on day: Day) -> SocialAssistanceNorm {
        norms.last(where: { $0.from <= day }) ?? norms[0]
    }

    /// The grounds this set can produce.
    public var allGrounds: [String] { Self.grounds + semantics.extraGrounds }

    public func rule(_ ground: String) -> ChecklistRule { rules[ground]! }

    /// Reads and validates a rule-set file. Errors say which part is wrong.
    public static func parse(json bytes: [UInt8]) throws(RuleSetError) -> ChecklistRuleSet {
        let root: JSONValue
        do { root = try JSONValue.parse(bytes) } catch { throw RuleSetError(path: "", reason: error.description) }
        func str(_ v: JSONValue?, _ path: String) throws(RuleSetError) -> String {
            guard case .string(let s)? = v, !s.isEmpty else { throw RuleSetError(path: path, reason: "must be a non-empty text") }
            return s
        }
        func num(_ v: JSONValue?, _ path: String) throws(RuleSetError) -> Double {
            guard case .number(let n)? = v, n > 0 else { throw RuleSetError(path: path, reason: "must be a positive number") }
            return n
        }
        let version = try str(root["version"], "version")
        let semantics = try ChecklistSemantics.parse(root["engine"])
        let known = grounds + semantics.extraGrounds
        let source = try str(root["source"], "source")
        let params = root["parameters"]
        let fullTime = try num(params?["full_time_hours_per_week"], "parameters.full_time_hours_per_week")
        let hoursFraction = try num(params?["work_hours_fraction"], "parameters.work_hours_fraction")
        let incomeFraction = try num(params?["income_fraction_of_norm"], "parameters.income_fraction_of_norm")
        guard hoursFraction <= 1, incomeFraction <= 1 else {
            throw RuleSetError(path: "parameters", reason: "fractions must be between 0 and 1")
        }
        guard case .array(let normItems)? = params?["social_assistance_norms"], !normItems.isEmpty else {
            throw RuleSetError(path: "parameters.social_assistance_norms", reason: "must list at least one norm")
        }
        var norms: [SocialAssistanceNorm] = []
        for (i, item) in normItems.enumerated() {
            let p = "parameters.social_assistance_norms[\(i)]"
            guard let from = Day.parseISO(try str(item["from"], p + ".from")) else {
                throw RuleSetError(path: p + ".from", reason: "must be a date YYYY-MM-DD")
            }
            norms.append(SocialAssistanceNorm(from: from, monthlyEUR: try num(item["monthly_eur"], p + ".monthly_eur"),
                                              source: try str(item["source"], p + ".source")))
        }
        norms.sort { $0.from < $1.from }
        guard case .array(let ruleItems)? = root["rules"] else { throw RuleSetError(path: "rules", reason: "must be a list") }
        var rules: [String: ChecklistRule] = [:]
        for (i, item) in ruleItems.enumerated() {
            let p = "rules[\(i)]"
            let ground = try str(item["ground"], p + ".ground")
            guard known.contains(ground) else { throw RuleSetError(path: p + ".ground", reason: "unknown ground \"\(ground)\"") }
            guard let outcome = ChecklistOutcome(rawValue: try str(item["outcome"], p + ".outcome")) else {
                throw RuleSetError(path: p + ".outcome", reason: "must be likely, further_inquiry, not_shown or not_applicable")
            }
            var evidence: [[String]] = []
            if case .array(let evs)? = item["evidence"] {
                for (j, ev) in evs.enumerated() {
                    let alts = try str(ev, "\(p).evidence[\(j)]").split(separator: "|").map(String.init)
                    for a in alts where !ChecklistAnswers.evidenceKinds.contains(a) {
                        throw RuleSetError(path: "\(p).evidence[\(j)]", reason: "unknown document \"\(a)\"")
                    }
                    evidence.append(alts)
                }
            } else if item["evidence"] != nil {
                throw RuleSetError(path: p + ".evidence", reason: "must be a list")
            }
            if outcome != .likely, !evidence.isEmpty {
                throw RuleSetError(path: p + ".evidence", reason: "only 'likely' grounds need documents")
            }
            var advice: [String: String] = [:]
            for lang in ["nl", "en"] { advice[lang] = try str(item["advice"]?[lang], "\(p).advice.\(lang)") }
            rules[ground] = ChecklistRule(ground: ground, outcome: outcome, legalBasis: try str(item["legal_basis"], p + ".legal_basis"),
                                          evidence: evidence, advice: advice)
        }
        for g in known where rules[g] == nil { throw RuleSetError(path: "rules", reason: "ground \"\(g)\" is missing") }
        var provisional: [String: String] = [:]
        for lang in ["nl", "en"] { provisional[lang] = try str(root["provisional_advice"]?[lang], "provisional_advice.\(lang)") }
        var set = ChecklistRuleSet(version: version, source: source, fullTimeHoursPerWeek: fullTime, workHoursFraction: hoursFraction,
                                   incomeFractionOfNorm: incomeFraction, norms: norms, rules: rules)
        set.provisionalAdvice = provisional
        set.semantics = semantics
        return set
    }
}
