/// The four outcomes of the equal-treatment checklist. There is deliberately no "no right":
/// only the IND decides on the right of residence.
public enum ChecklistOutcome: String, Sendable, CaseIterable {
    case likely
    case furtherInquiry = "further_inquiry"
    case notShown = "not_shown"
    case notApplicable = "not_applicable"
}

extension ChecklistOutcome {
    /// A compact code for binary layouts (1…4; 0 is "none").
    public var code: UInt8 {
        switch self { case .likely: 1; case .furtherInquiry: 2; case .notShown: 3; case .notApplicable: 4 }
    }

    public init?(code: UInt8) {
        switch code {
        case 1: self = .likely
        case 2: self = .furtherInquiry
        case 3: self = .notShown
        case 4: self = .notApplicable
        default: return nil
        }
    }
}
