/// The part of a client's latest checklist assessment that the desk decides on (stay limits,
/// "refer to regular shelter", "no checklist yet"): kept as a small index beside the full
/// assessments so that the board's partial snapshot read and the decider need nothing more.
public struct LatestChecklist: Hashable, Sendable {
    public var outcome: ChecklistOutcome
    public var validUntil: Day?
    public var assessedOn: Day
    public var assessmentID: AssessmentID

    public init(_ a: Assessment) {
        outcome = a.result.outcome; validUntil = a.result.validUntil; assessedOn = a.answers.assessmentDate; assessmentID = a.id
    }

    public init(outcome: ChecklistOutcome, validUntil: Day?, assessedOn: Day, assessmentID: AssessmentID) {
        self.outcome = outcome; self.validUntil = validUntil; self.assessedOn = assessedOn; self.assessmentID = assessmentID
    }
}
