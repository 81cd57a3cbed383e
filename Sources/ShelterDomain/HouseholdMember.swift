/// A member of a household: who, how related, and (for a minor) the responsible adult.
public struct HouseholdMember: Hashable, Sendable {
    public var clientID: ClientID
    public var relation: HouseholdRelation
    public var responsibleAdult: ClientID?

    public init(clientID: ClientID, relation: HouseholdRelation, responsibleAdult: ClientID? = nil) {
        self.clientID = clientID; self.relation = relation; self.responsibleAdult = responsibleAdult
    }
}
