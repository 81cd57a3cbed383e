/// One client found by a search, with how well they matched (higher is better).
public struct SearchHit: Equatable, Sendable {
    public var clientID: ClientID
    public var score: Int
    public init(clientID: ClientID, score: Int) { self.clientID = clientID; self.score = score }
}
