/// Someone who asked for a bed tonight and has none yet. Priority on the list: vulnerability
/// flags first, then (in cold weather) everyone before non-urgent cases, then time of asking.
/// Closed as placed, turned away (counted: otherwise they vanish from every statistic) or withdrawn.
public struct WaitlistEntry: Hashable, Sendable {
    public enum Outcome: UInt8, Sendable, CaseIterable {
        case placed = 1, turnedAway = 2, withdrew = 3
        public var code: String {
            switch self { case .placed: "placed"; case .turnedAway: "turned_away"; case .withdrew: "withdrew" }
        }
    }

    public var id: Int32
    public var night: Day
    public var clientID: ClientID
    public var note: String
    public var askedAt = Timestamp(milliseconds: 0)
    public var outcome: Outcome?

    public init(id: Int32, night: Day, clientID: ClientID, note: String) {
        self.id = id; self.night = night; self.clientID = clientID; self.note = note
    }

    public var isWaiting: Bool { outcome == nil }
}
