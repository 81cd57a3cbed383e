/// A shelter location run by the organisation, with the municipality's stay policy.
public struct Location: Hashable, Sendable {
    public var id: LocationID
    public var name: String
    public var municipality: String
    public var policy: StayPolicy
    public init(id: LocationID, name: String, municipality: String, policy: StayPolicy) {
        self.id = id; self.name = name; self.municipality = municipality; self.policy = policy
    }
}
