/// The result of evaluating answers against a rule set: what the CLI prints and what is recorded.
public struct ChecklistResult: Hashable, Sendable {
    public var outcome: ChecklistOutcome
    public var ground: String
    public var validUntil: Day?
    /// Missing documents of the provisional rule; alternatives joined with "|".
    public var missingEvidence: [String]
    public var legalBasis: String
    public var ruleSet: String

    public init(outcome: ChecklistOutcome, ground: String, validUntil: Day?, missingEvidence: [String], legalBasis: String, ruleSet: String) {
        self.outcome = outcome; self.ground = ground; self.validUntil = validUntil
        self.missingEvidence = missingEvidence; self.legalBasis = legalBasis; self.ruleSet = ruleSet
    }

    /// The contract JSON of `onderdak checklist evaluate`.
    public var json: JSONValue {
        .object([
            ("outcome", .string(outcome.rawValue)),
            ("ground", .string(ground)),
            ("valid_until", validUntil.map { .string($0.iso) } ?? .null),
            ("missing_evidence", .array(missingEvidence.map { .string($0) })),
            ("legal_basis", .string(legalBasis)),
            ("rule_set", .string(ruleSet)),
        ])
    }
}
