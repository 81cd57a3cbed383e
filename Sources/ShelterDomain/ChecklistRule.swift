/// Data about one ground of the checklist: its outcome, legal basis, the documents it needs and
/// the advice staff are given. Loaded from the versioned rule set in Resources/.
public struct ChecklistRule: Hashable, Sendable {
    public var ground: String
    public var outcome: ChecklistOutcome
    public var legalBasis: String
    /// Each inner list is one requirement satisfied by any of its documents ("contract" or "payslips").
    public var evidence: [[String]]
    /// Advice per language code ("nl", "en").
    public var advice: [String: String]

    public init(ground: String, outcome: ChecklistOutcome, legalBasis: String, evidence: [[String]], advice: [String: String]) {
        self.ground = ground; self.outcome = outcome; self.legalBasis = legalBasis; self.evidence = evidence; self.advice = advice
    }

    /// Requirements not met by `seen`, in the rule's order, alternatives joined with "|".
    public func missing(from seen: [String]) -> [String] {
        evidence.filter { alts in !alts.contains(where: seen.contains) }.map { $0.joined(separator: "|") }
    }
}
