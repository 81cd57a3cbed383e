/// One client found by a search, with how well they matched (higher is better).
public struct SearchHit: Equatable, Sendable {
    public var clientID: ClientID
    public var score: Int
}
