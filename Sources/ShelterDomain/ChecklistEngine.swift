/// Evaluates the equal-treatment checklist (CHECKLIST.md, "Rules, in order"): pure, deterministic,
/// the first rule that applies decides, with the provisional-evidence rule.
public enum ChecklistEngine {
    public static func evaluate(_ a: ChecklistAnswers, rules set: ChecklistRuleSet) -> ChecklistResult {
        var provisional: (rule: ChecklistRule, missing: [String])?

        func result(_ ground: String, validUntil: Day? = nil) -> ChecklistResult {
            let rule = set.rule(ground)
            return ChecklistResult(outcome: rule.outcome, ground: ground, validUntil: validUntil, missingEvidence: [],
                                   legalBasis: rule.legalBasis, ruleSet: set.version)
        }
        /// A `likely` rule whose conditions hold: decides with full evidence, else becomes provisional.
        func likely(_ ground: String, validUntil: Day? = nil) -> ChecklistResult? {
            let rule = set.rule(ground)
            let missing = rule.missing(from: a.evidence)
            if missing.isEmpty { return result(ground, validUntil: validUntil) }
            if provisional == nil { provisional = (rule, missing) }
            return nil
        }
        /// Any non-`likely` ending: overridden by a provisional rule if there is one.
        func end(_ ground: String) -> ChecklistResult {
            if let p = provisional {
                return ChecklistResult(outcome: .furtherInquiry, ground: p.rule.ground, validUntil: nil,
                                       missingEvidence: p.missing, legalBasis: p.rule.legalBasis, ruleSet: set.version)
            }
            return result(ground)
        }

        let nat = a.nationality.uppercased()
        // 1. Nationality.
        if nat == "NL" { return result("dutch_national") }
        if !Nationality.isEUEEASwiss(nat) { return result("third_country_national") }
        // 2. Permanent residence, art. 16.
        if let since = a.continuousResidenceSince, since.adding(years: 5) <= a.assessmentDate, !a.absentOverTwoYears {
            if let r = likely("permanent_residence") { return r }
        }
        // 3. Worker, art. 7(1)(a).
        if a.workingNow {
            let norm = set.norm(on: a.assessmentDate).monthlyEUR
            if a.hoursPerWeek >= set.minimumHoursPerWeek || a.monthlyIncomeEUR >= set.incomeFractionOfNorm * norm {
                if let r = likely("worker") { return r }
            } else {
                return end("marginal_work")
            }
        }
        // 4. Self-employed.
        if a.selfEmployedNow, let r = likely("self_employed") { return r }
        // 5. Retained worker status, art. 7(3).
        if a.workHistoryMonths >= 1 {
            if a.unableToWorkIllness, let r = likely("retained_illness") { return r }
            if a.vocationalTraining, let r = likely("retained_training") { return r }
            let sixMonthsEnd = a.lastWorkEnd?.adding(months: 6)
            let withinSix = sixMonthsEnd.map { a.assessmentDate <= $0 } ?? false
            if a.unemploymentInvoluntary, a.registeredJobseekerUWV {
                if a.workHistoryMonths >= 12 {
                    if let r = likely("retained_worker") { return r }
                } else if withinSix, let r = likely("retained_worker_6_months", validUntil: sixMonthsEnd) {
                    return r
                }
            }
            if a.unemploymentInvoluntary, !a.registeredJobseekerUWV, withinSix || a.workHistoryMonths >= 12 {
                return end("register_with_uwv")
            }
        }
        // 6. Family member, art. 24(1).
        if a.familyOfEntitled, let r = likely("family_member") { return r }
        // 7. First three months, art. 24(2).
        if a.arrivedNL.wholeMonths(until: a.assessmentDate) < 3 { return end("first_three_months") }
        // 8. Job seeker.
        if a.registeredJobseekerUWV { return end("jobseeker") }
        // 9. Economically inactive with resources.
        if a.sufficientResourcesAndInsurance { return end("economically_inactive") }
        // 10.
        return end("no_ground_established")
    }
}
