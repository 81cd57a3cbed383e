/// One person in the point-in-time count of a night: in a bed (or holding one) or turned away,
/// with only what a monitor merges on: ETHOS Light category, nationality group, gender, age
/// band on the night, and whether any checklist outcome exists.
public struct CountedPerson: Hashable, Sendable {
    /// Where the person was that night.
    public enum Status: String, Sendable, CaseIterable {
        case inBed = "in_bed"
        case turnedAway = "turned_away"
    }

    public var client: ClientID
    public var status: Status
    /// Location of the bed ("" for the turned away).
    public var location: String
    /// ETHOS Light 1–6 at intake, nil when not recorded.
    public var ethos: Int?
    public var nationalityGroup: NationalityGroup
    /// Gender code as the export writes it (m, v, x).
    public var gender: String
    /// Age band on the night ("?" without a birth date).
    public var ageBand: String
    public var hasChecklistOutcome: Bool
}
