/// The points on which rule sets differ in logic, not only in data (CHECKLIST.md: "Differences
/// from 2024.1"). Read from a rule set's `engine` object; a set without one (2024.1) gets the
/// 2024.1 behaviour, so shipped files never need editing.
public struct ChecklistSemantics: Hashable, Sendable {
    /// A non-EU national who is `family_of_entitled` is in scope (`third_country_family_member`).
    public var thirdCountryFamilyMember = false
    /// Work below both thresholds is a pending finding (evaluation goes on) instead of deciding.
    public var marginalWorkPending = false
    /// Rule 5c needs *more than* 12 months (else: at least 12) and 5d then covers up to 12.
    public var retainedWorkerMoreThanTwelve = false
    /// Rule 5e exists: an unknown last day of work is a pending finding, never an expired date.
    public var lastWorkEndUnknownPending = false
    /// Rule 5f is a pending finding only within six months of the end of work (else: decides, also
    /// with 12+ months of work whatever the end date).
    public var registerWithUWVPendingWithinSixMonths = false

    public init() {}

    /// The grounds this variant can produce beyond the ones every set has.
    public var extraGrounds: [String] {
        (thirdCountryFamilyMember ? ["third_country_family_member"] : []) + (lastWorkEndUnknownPending ? ["last_work_end_unknown"] : [])
    }

    /// Reads the `engine` object of a rule-set file.
    static func parse(_ v: JSONValue?) throws(RuleSetError) -> ChecklistSemantics {
        var s = ChecklistSemantics()
        guard let v, v != .null else { return s }
        guard case .object(let pairs) = v else { throw RuleSetError(path: "engine", reason: "must be an object") }
        func text(_ key: String, _ allowed: [String]) throws(RuleSetError) -> String? {
            guard let x = v[key] else { return nil }
            guard case .string(let t) = x, allowed.contains(t) else {
                throw RuleSetError(path: "engine.\(key)", reason: "must be one of \(allowed.joined(separator: ", "))")
            }
            return t
        }
        for (k, _) in pairs where !["third_country_family_member", "marginal_work", "retained_worker_months", "last_work_end_unknown",
                                    "register_with_uwv", "_comment"].contains(k) {
            throw RuleSetError(path: "engine.\(k)", reason: "unknown setting")
        }
        if let x = v["third_country_family_member"] {
            guard case .bool(let b) = x else { throw RuleSetError(path: "engine.third_country_family_member", reason: "must be true or false") }
            s.thirdCountryFamilyMember = b
        }
        s.marginalWorkPending = try text("marginal_work", ["decides", "pending"]) == "pending"
        s.retainedWorkerMoreThanTwelve = try text("retained_worker_months", ["at_least_12", "more_than_12"]) == "more_than_12"
        s.lastWorkEndUnknownPending = try text("last_work_end_unknown", ["outside_six_months", "pending"]) == "pending"
        s.registerWithUWVPendingWithinSixMonths = try text("register_with_uwv", ["decides", "pending_within_six_months"]) == "pending_within_six_months"
        return s
    }
}
