/// One row of the occupancy review: a period (a night, an ISO week or a month) at one location
/// (or all): beds open, beds occupied, no-shows, people turned away, occupancy in percent, and
/// unique and new persons.
public struct OccupancyRow: Equatable, Sendable {
    /// "2026-11-23", "2026-W48" or "2026-11".
    public var period: String
    /// A location's name, or "" for all locations together.
    public var location: String
    /// Bed-nights open (a bed open on two nights counts twice).
    public var capacity: Int
    public var occupied: Int
    public var noShows: Int
    /// People turned away (asked, no bed); counted for all locations together (nil per location).
    public var turnedAway: Int?
    public var coldWeatherNights: Int
    /// Different persons (after merges) with a bed in the period at the location (or anywhere).
    public var uniquePersons = 0
    /// Of those, the persons whose first night ever in this journal falls in the period.
    public var newPersons = 0

    public var occupancyPercent: Double { capacity == 0 ? 0 : (Double(occupied) / Double(capacity) * 1000).rounded() / 10 }
}
