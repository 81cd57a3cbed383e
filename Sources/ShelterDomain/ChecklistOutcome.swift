/// The four outcomes of the equal-treatment checklist. There is deliberately no "no right":
/// only the IND decides on the right of residence.
public enum ChecklistOutcome: String, Sendable, CaseIterable {
    case likely
    case furtherInquiry = "further_inquiry"
    case notShown = "not_shown"
    case notApplicable = "not_applicable"
}
