/// A recorded equal-treatment assessment: the answers, the result and the rule-set version,
/// so it can be reproduced and audited years later.
public struct Assessment: Hashable, Sendable {
    public var id: AssessmentID
    public var clientID: ClientID
    public var answers: ChecklistAnswers
    public var result: ChecklistResult
    /// Who recorded it and when (from the event's envelope; not part of the payload).
    public var recordedBy: StaffID?
    public var recordedAt: Timestamp?
    public init(id: AssessmentID, clientID: ClientID, answers: ChecklistAnswers, result: ChecklistResult) {
        self.id = id; self.clientID = clientID; self.answers = answers; self.result = result
    }
}
