/// The places part of the shelter state: locations, rooms and beds (in board order), the
/// periods beds are out of service, cold-weather periods and each location's absence policy.
/// Folded from the configuration and bed-service events; the bed board reads it whole.
public struct BedInventory: Hashable, Sendable {
    public internal(set) var locations: [LocationID: Location] = [:]
    public internal(set) var rooms: [RoomID: Room] = [:]
    public internal(set) var beds: [BedID: Bed] = [:]
    /// Beds in the order they were added (board order).
    public internal(set) var bedOrder: [BedID] = []
    /// Periods each bed is out of service.
    public internal(set) var outOfService: [BedID: [DateRange]] = [:]
    /// Cold-weather periods, in the order they were started.
    public internal(set) var coldWeather: [DateRange] = []
    /// Nights without a bed after which a location closes an open stay (absence policy); a
    /// location not listed uses `ShelterState.defaultAbsenceNights`.
    public internal(set) var absenceNights: [LocationID: Int] = [:]

    /// Applies one place, bed-service or cold-weather event (area `.inventory`); other events are left alone.
    mutating func evolve(_ r: RecordedEvent) {
        switch r.event {
        case let .locationAdded(l):
            locations[l.id] = l
        case let .roomAdded(room):
            rooms[room.id] = room
        case let .bedAdded(b):
            if beds[b.id] == nil { bedOrder.append(b.id) }
            beds[b.id] = b
        case let .bedOutOfService(bed, period):
            outOfService[bed, default: []].append(period)
        case let .bedBackInService(bed, from):
            outOfService[bed] = (outOfService[bed] ?? []).compactMap { p in
                guard p.contains(from) || p.from >= from else { return p }
                if p.from >= from { return nil }
                var q = p; q.until = from.adding(days: -1); return q
            }
        case let .coldWeatherStarted(period):
            coldWeather.append(period)
        case let .coldWeatherEnded(lastNight):
            coldWeather = coldWeather.compactMap { p in
                if p.from > lastNight { return nil }
                guard (p.until ?? lastNight) > lastNight else { return p }
                var q = p; q.until = lastNight; return q
            }
        case let .absencePolicySet(location, nights):
            absenceNights[location] = nights
        default:
            break
        }
    }
}
