/// People who arrived together (partners, a parent with children), given beds together.
public struct Household: Hashable, Sendable {
    public var id: Int32
    /// Members in the order they joined.
    public var members: [HouseholdMember]
    public var formedOn: Day

    public init(id: Int32, members: [HouseholdMember], formedOn: Day) { self.id = id; self.members = members; self.formedOn = formedOn }

    public func member(_ c: ClientID) -> HouseholdMember? { members.first { $0.clientID == c } }
}
