/// Evaluates the equal-treatment checklist (CHECKLIST.md, "Rules in order"): pure,
/// deterministic, rules in order. A `likely` rule decides only with all its evidence; otherwise
/// it — or, from 2024.2, a *pending* rule — becomes the remembered finding (only the first), and
/// evaluation goes on: a later fully evidenced `likely` still decides, any other ending becomes
/// `further_inquiry` with the finding's ground and what it still needs. The differences between
/// rule sets are read from `ChecklistRuleSet.semantics`.
public enum ChecklistEngine {
    public static func evaluate(_ a: ChecklistAnswers, rules set: ChecklistRuleSet) -> ChecklistResult {
        let sem = set.semantics
        var finding: (rule: ChecklistRule, missing: [String])?

        func result(_ ground: String, validUntil: Day? = nil) -> ChecklistResult {
            let rule = set.rule(ground)
            return ChecklistResult(outcome: rule.outcome, ground: ground, validUntil: validUntil, missingEvidence: [],
                                   legalBasis: rule.legalBasis, ruleSet: set.version)
        }
        func furtherInquiry(_ rule: ChecklistRule, missing: [String]) -> ChecklistResult {
            ChecklistResult(outcome: .furtherInquiry, ground: rule.ground, validUntil: nil,
                            missingEvidence: missing, legalBasis: rule.legalBasis, ruleSet: set.version)
        }
        /// A `likely` rule whose conditions hold: decides with full evidence, else is remembered.
        func likely(_ ground: String, validUntil: Day? = nil) -> ChecklistResult? {
            let rule = set.rule(ground)
            let missing = rule.missing(from: a.evidence)
            if missing.isEmpty { return result(ground, validUntil: validUntil) }
            if finding == nil { finding = (rule, missing) }
            return nil
        }
        /// A pending rule: remembered (if it is the first finding), nothing missing.
        func pending(_ ground: String) {
            if finding == nil { finding = (set.rule(ground), []) }
        }
        /// Any ending other than a fully evidenced `likely`: the remembered finding wins.
        func end(_ ground: String) -> ChecklistResult {
            if let f = finding { return furtherInquiry(f.rule, missing: f.missing) }
            return result(ground)
        }

        let nat = a.nationality.uppercased()
        // 1. Scope.
        if nat == "NL" { return result("dutch_national") }
        if !Nationality.isEUEEASwiss(nat) {
            guard sem.thirdCountryFamilyMember, a.familyOfEntitled else { return result("third_country_national") }
            // No other rule applies to a third-country family member.
            let rule = set.rule("third_country_family_member")
            let missing = rule.missing(from: a.evidence)
            return missing.isEmpty ? result(rule.ground) : furtherInquiry(rule, missing: missing)
        }
        // 2. Permanent residence, art. 16.
        if let since = a.continuousResidenceSince, since.adding(years: 5) <= a.assessmentDate, !a.absentOverTwoYears {
            if let r = likely("permanent_residence") { return r }
        }
        // 3. Worker, art. 7(1)(a).
        if a.workingNow {
            let norm = set.norm(on: a.assessmentDate).monthlyEUR
            if a.hoursPerWeek >= set.minimumHoursPerWeek || a.monthlyIncomeEUR >= set.incomeFractionOfNorm * norm {
                if let r = likely("worker") { return r }
            } else if sem.marginalWorkPending {
                pending("marginal_work")
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
            let longHistory = sem.retainedWorkerMoreThanTwelve ? a.workHistoryMonths > 12 : a.workHistoryMonths >= 12
            if a.unemploymentInvoluntary, a.registeredJobseekerUWV {
                if longHistory {
                    if let r = likely("retained_worker") { return r }
                } else if withinSix, let r = likely("retained_worker_6_months", validUntil: sixMonthsEnd) {
                    return r
                }
            }
            // 5e (from 2024.2): an unknown end date is asked for, never taken as expired.
            if sem.lastWorkEndUnknownPending, a.unemploymentInvoluntary, a.lastWorkEnd == nil,
               !(a.registeredJobseekerUWV && longHistory) {
                pending("last_work_end_unknown")
            }
            // 5f: registering with UWV now can keep worker status.
            if a.unemploymentInvoluntary, !a.registeredJobseekerUWV {
                if sem.registerWithUWVPendingWithinSixMonths {
                    if withinSix { pending("register_with_uwv") }
                } else if withinSix || a.workHistoryMonths >= 12 {
                    return end("register_with_uwv")
                }
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
