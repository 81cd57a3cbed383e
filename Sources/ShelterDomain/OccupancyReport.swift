/// Occupancy per night, ISO week or month, per location and for all together, computed from the
/// state (pure): capacity counts beds open that night (cold-weather beds only on cold nights,
/// beds out of service not), occupied counts beds with someone in them (reserved, checked in or
/// left during the night), no-shows count reservations released after the cut-off, turned away
/// counts waiting-list entries closed that way.
public enum OccupancyReport {
    public enum Grouping: String, Sendable, CaseIterable { case night, week, month }

    public static func periodKey(_ d: Day, _ g: Grouping) -> String {
        let c = d.components
        func p(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch g {
        case .night: return d.iso
        case .month: return "\(c.year)-\(p(c.month))"
        case .week:
            // ISO 8601 week: the week with the year's first Thursday is week 1.
            let thursday = d.adding(days: 4 - d.isoWeekday)
            let ty = thursday.components.year
            let jan1 = Day(year: ty, month: 1, day: 1)!
            let week = Int(thursday.ordinal - jan1.ordinal) / 7 + 1
            return "\(ty)-W\(p(week))"
        }
    }

    public static func rows(_ s: ShelterState, from: Day, to: Day, by g: Grouping, location: LocationID? = nil) -> [OccupancyRow] {
        guard from <= to else { return [] }
        let locations = s.locations.values.filter { location == nil || $0.id == location }.sorted { $0.id < $1.id }
        var rows: [String: OccupancyRow] = [:]
        var order: [String] = []
        var d = from
        while d <= to {
            let key = periodKey(d, g)
            let cold = s.isColdWeather(d)
            let board = s.nights[d]
            var totalCap = 0, totalOcc = 0, totalNo = 0
            for l in locations {
                let beds = s.bedOrder.compactMap { s.beds[$0] }.filter { $0.locationID == l.id }
                let open = beds.filter { b in (!b.attributes.contains(.coldWeather) || cold) && s.outOfService(b.id, on: d) == nil }
                let occupied = beds.filter { board?.byBed[$0.id] != nil }.count
                let noShows = s.noShows[d]?[l.id] ?? 0
                let rk = key + "|" + l.name
                if rows[rk] == nil { rows[rk] = OccupancyRow(period: key, location: l.name, capacity: 0, occupied: 0, noShows: 0, turnedAway: nil, coldWeatherNights: 0); order.append(rk) }
                rows[rk]!.capacity += open.count; rows[rk]!.occupied += occupied; rows[rk]!.noShows += noShows
                rows[rk]!.coldWeatherNights += cold ? 1 : 0
                totalCap += open.count; totalOcc += occupied; totalNo += noShows
            }
            if location == nil {
                let rk = key + "|"
                if rows[rk] == nil { rows[rk] = OccupancyRow(period: key, location: "", capacity: 0, occupied: 0, noShows: 0, turnedAway: 0, coldWeatherNights: 0); order.append(rk) }
                rows[rk]!.capacity += totalCap; rows[rk]!.occupied += totalOcc; rows[rk]!.noShows += totalNo
                rows[rk]!.turnedAway! += s.turnedAway(on: d)
                rows[rk]!.coldWeatherNights += cold ? 1 : 0
            }
            d = d.adding(days: 1)
        }
        return order.map { rows[$0]! }
    }
}
