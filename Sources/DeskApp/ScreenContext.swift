import ShelterDomain

/// What a screen reads to update and draw: the state, the words of the person logged in, their
/// role, and the moment (the night and the calendar day it falls on, in Amsterdam).
public struct ScreenContext {
    public var state: ShelterState
    public var strings: Strings
    public var role: Role
    public var now: Timestamp
    /// The shelter night `now` belongs to (before 12:00: the previous evening's).
    public var night: Day
    /// The calendar day of `now` in Amsterdam.
    public var today: Day

    public init(state: ShelterState, strings: Strings, role: Role, now: Timestamp) {
        self.state = state; self.strings = strings; self.role = role; self.now = now
        night = AmsterdamTime.night(of: now); today = AmsterdamTime.local(now).day
    }
}
