/// The state of one client's claim on one bed for one night.
public enum BedNightStatus: UInt8, Sendable {
    /// Given out or reserved; the person has not arrived yet.
    case reserved = 1
    /// The person arrived and slept here.
    case checkedIn = 2
    /// Slept here and left in the morning.
    case checkedOut = 3
    /// Arrived but left during the night (the bed stays counted for the night).
    case leftDuringNight = 4
}
