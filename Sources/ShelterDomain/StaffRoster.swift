/// The staff part of the shelter state: accounts by id and username, and the login guard
/// (wrong PINs in a row, accounts locked until a moment). Folded from the staff and login events.
public struct StaffRoster: Hashable, Sendable {
    public internal(set) var staff: [StaffID: Staff] = [:]
    public internal(set) var staffByUsername: [String: StaffID] = [:]
    /// Wrong PINs in a row since the last successful login or lock.
    public internal(set) var loginFailures: [StaffID: Int] = [:]
    /// Accounts locked after too many wrong PINs, until this time.
    public internal(set) var lockedUntil: [StaffID: Timestamp] = [:]

    /// Applies one staff or login event (area `.staff`); other events are left alone.
    mutating func evolve(_ r: RecordedEvent) {
        switch r.event {
        case let .staffAdded(s):
            staff[s.id] = s; staffByUsername[s.username] = s.id
        case let .staffRoleChanged(id, role):
            staff[id]?.role = role
        case let .staffDeactivated(id):
            staff[id]?.active = false
        case let .staffLanguageSet(id, language):
            staff[id]?.language = language
        case let .loginSucceeded(id):
            loginFailures[id] = nil
        case let .loginFailed(id):
            loginFailures[id, default: 0] += 1
        case let .accountLocked(id, until):
            lockedUntil[id] = until
            loginFailures[id] = nil
        default:
            break
        }
    }
}
