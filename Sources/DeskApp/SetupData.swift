/// What the set-up wizard collected, validated.
public struct SetupData: Equatable, Sendable {
    public var shelter: String
    public var municipality: String
    public var name: String
    public var username: String
    public var pin: String
}
