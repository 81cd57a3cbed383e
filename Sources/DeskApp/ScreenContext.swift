import ShelterDomain

/// What a screen reads to update and draw: the state, the words of the person logged in, their
/// role, the moment (the night and the calendar day it falls on, in Amsterdam), and the client
/// search index (built only when a screen asks: a city's index takes seconds after start-up).
public struct ScreenContext {
    public var state: ShelterState
    public var strings: Strings
    public var role: Role
    public var now: Timestamp
    /// The shelter night `now` belongs to (before 12:00: the previous evening's).
    public var night: Day
    /// The calendar day of `now` in Amsterdam.
    public var today: Day

    /// Gives the session's search index, up to date with `state`.
    var searchIndex: () -> ClientSearchIndex

    public init(state: ShelterState, strings: Strings, role: Role, now: Timestamp,
                searchIndex: @escaping () -> ClientSearchIndex = { ClientSearchIndex() }) {
        self.state = state; self.strings = strings; self.role = role; self.now = now; self.searchIndex = searchIndex
        night = AmsterdamTime.night(of: now); today = AmsterdamTime.local(now).day
    }

    /// The client search index (asked for when a search runs).
    public var index: ClientSearchIndex { searchIndex() }
}
