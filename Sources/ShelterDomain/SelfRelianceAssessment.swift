/// A self-reliance assessment after a `likely` checklist outcome: when, by which organisation, outcome.
public struct SelfRelianceAssessment: Hashable, Sendable {
    public var clientID: ClientID
    public var on: Day
    /// Who assessed (e.g. "Wmo-loket gemeente Utrecht").
    public var organisation: String
    public var outcome: SelfRelianceOutcome

    public init(clientID: ClientID, on: Day, organisation: String, outcome: SelfRelianceOutcome) {
        self.clientID = clientID; self.on = on; self.organisation = organisation; self.outcome = outcome
    }
}
