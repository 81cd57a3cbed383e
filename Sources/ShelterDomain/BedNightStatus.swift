/// The state of one client's claim on one bed for one night.
public enum BedNightStatus: UInt8, Sendable {
    /// Given out or reserved; the person has not arrived yet.
    case reserved = 1
    /// The person arrived and slept here.
    case checkedIn = 2
}
