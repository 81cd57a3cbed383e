/// One bed on one night as the bed board and `onderdak board` show it.
public struct BoardRow: Equatable, Sendable {
    public enum State: String, Sendable { case free, reserved, checkedIn = "checked_in", outOfService = "out_of_service", closed }
    /// How a checked-in person left (nil while still there or not arrived).
    public enum Departure: String, Sendable { case morning, duringNight = "during_night" }
    public var bed: Bed
    public var location: String
    public var room: String
    public var state: State
    public var clientID: ClientID?
    public var nightsUsed: Int?
    /// Nil when the location has no limit.
    public var nightsAllowed: Int?
    /// An approved extension covers this night (the stay may go beyond `nightsAllowed`).
    public var extended = false
    public var departure: Departure?
    /// Why the bed is out of service, and until when.
    public var outOfService: DateRange?
    /// The holder's latest valid outcome is `likely`: refer to regular shelter (MO).
    public var likelyEntitled = false
    /// The holder has at least one checklist assessment (else the board flags "no checklist yet").
    public var assessed = false

    /// Every bed on a night, in board order. Cold-weather beds are closed unless cold-weather
    /// mode is on that night; beds out of service say so.
    public static func board(_ s: ShelterState, night: Day) -> [BoardRow] {
        let nb = s.ledger.nights[night]
        let cold = s.isColdWeather(night)
        return s.inventory.bedOrder.compactMap { id -> BoardRow? in
            guard let bed = s.inventory.beds[id] else { return nil }
            let loc = s.inventory.locations[bed.locationID]
            var row = BoardRow(bed: bed, location: loc?.name ?? "", room: s.inventory.rooms[bed.roomID]?.name ?? "", state: .free)
            if let holder = nb?.byBed[id] {
                row.state = holder.status == .reserved ? .reserved : .checkedIn
                row.departure = holder.status == .checkedOut ? .morning : holder.status == .leftDuringNight ? .duringNight : nil
                row.clientID = holder.clientID
                row.nightsUsed = s.nightsUsed(by: holder.clientID, windowDays: loc?.policy.windowDays ?? 90, endingWith: night, countingFor: bed.locationID)
                // No limit shown for people it does not apply to (likely entitled, Dutch, non-EU).
                row.nightsAllowed = s.stayLimitApplies(to: holder.clientID, on: night) ? loc?.policy.maxNights : nil
                row.likelyEntitled = s.isLikelyEntitled(holder.clientID, on: night)
                row.assessed = s.latestAssessment(of: holder.clientID) != nil
                row.extended = s.approvedExtension(client: holder.clientID, location: bed.locationID, covering: night) != nil
            } else if let off = s.outOfService(id, on: night) {
                row.state = .outOfService
                row.outOfService = off
            } else if bed.attributes.contains(.coldWeather), !cold {
                row.state = .closed
            }
            return row
        }
    }
}
