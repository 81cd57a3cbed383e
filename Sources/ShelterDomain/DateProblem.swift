/// What is wrong with a date that was typed or given. Said in the user's language by the
/// translation tables (key `dateProblem.<case>`).
public enum DateProblem: Equatable, Sendable {
    case inFuture(Day)
    case inPast(Day)
    case implausibleBirthYear(Int)
    case implausible(Day)
    /// The date is needed because consent was given.
    case requiredWithConsent
    /// `date` is before `other` (the start, the notification, the decision, the request).
    case before(Day, other: Day, what: Earlier)
    case laterThanRequested(Day)

    /// What the earlier date was.
    public enum Earlier: String, Sendable, CaseIterable { case start, notification, decision, request, referral, plain }

    public var key: String {
        switch self {
        case .inFuture: "dateProblem.inFuture"
        case .inPast: "dateProblem.inPast"
        case .implausibleBirthYear: "dateProblem.implausibleBirthYear"
        case .implausible: "dateProblem.implausible"
        case .requiredWithConsent: "dateProblem.requiredWithConsent"
        case .before(_, _, let what): "dateProblem.before.\(what.rawValue)"
        case .laterThanRequested: "dateProblem.laterThanRequested"
        }
    }

    public var arguments: [String] {
        switch self {
        case .inFuture(let d), .inPast(let d), .implausible(let d), .laterThanRequested(let d): [d.dutch]
        case .implausibleBirthYear(let y): [String(y)]
        case .requiredWithConsent: []
        case let .before(d, other, _): [d.dutch, other.dutch]
        }
    }
}
