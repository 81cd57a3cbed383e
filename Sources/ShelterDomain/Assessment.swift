/// A recorded equal-treatment assessment: the answers, the result and the rule-set version,
/// so it can be reproduced and audited years later.
public struct Assessment: Hashable, Sendable {
    public var id: AssessmentID
    public var clientID: ClientID
    public var answers: ChecklistAnswers
    public var result: ChecklistResult
    public init(id: AssessmentID, clientID: ClientID, answers: ChecklistAnswers, result: ChecklistResult) {
        self.id = id; self.clientID = clientID; self.answers = answers; self.result = result
    }
}
