/// Occupancy per night, ISO week or month, per location and for all together, computed from the
/// state (pure): capacity counts beds open that night (cold-weather beds only on cold nights,
/// beds out of service not), occupied counts beds with someone in them (reserved, checked in or
/// left during the night), no-shows count reservations released after the cut-off, turned away
/// counts waiting-list entries closed that way. Unique persons count each person with a bed in
/// the period once (merged records count as the surviving one); new persons are those whose
/// first night in the journal lies in the period (clipped to `from…to`).
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
        let locations = s.inventory.locations.values.filter { location == nil || $0.id == location }.sorted { $0.id < $1.id }
        var rows: [String: OccupancyRow] = [:]
        var order: [String] = []
        var persons: [String: Set<ClientID>] = [:]
        var span: [String: (Day, Day)] = [:]
        func seen(_ rk: String, _ d: Day) { span[rk] = span[rk].map { ($0.0, d) } ?? (d, d) }
        var d = from
        while d <= to {
            let key = periodKey(d, g)
            let cold = s.isColdWeather(d)
            let board = s.ledger.nights[d]
            var totalCap = 0, totalOcc = 0, totalNo = 0
            for l in locations {
                let beds = s.inventory.bedOrder.compactMap { s.inventory.beds[$0] }.filter { $0.locationID == l.id }
                let open = beds.filter { b in (!b.attributes.contains(.coldWeather) || cold) && s.outOfService(b.id, on: d) == nil }
                let holders = beds.compactMap { board?.byBed[$0.id]?.clientID }
                let occupied = holders.count
                let noShows = s.ledger.noShows[d]?[l.id] ?? 0
                let rk = key + "|" + l.name
                if rows[rk] == nil { rows[rk] = OccupancyRow(period: key, location: l.name, capacity: 0, occupied: 0, noShows: 0, turnedAway: nil, coldWeatherNights: 0); order.append(rk) }
                rows[rk]!.capacity += open.count; rows[rk]!.occupied += occupied; rows[rk]!.noShows += noShows
                rows[rk]!.coldWeatherNights += cold ? 1 : 0
                persons[rk, default: []].formUnion(holders); seen(rk, d)
                if location == nil { persons[key + "|", default: []].formUnion(holders) }
                totalCap += open.count; totalOcc += occupied; totalNo += noShows
            }
            if location == nil {
                let rk = key + "|"
                if rows[rk] == nil { rows[rk] = OccupancyRow(period: key, location: "", capacity: 0, occupied: 0, noShows: 0, turnedAway: 0, coldWeatherNights: 0); order.append(rk) }
                rows[rk]!.capacity += totalCap; rows[rk]!.occupied += totalOcc; rows[rk]!.noShows += totalNo
                rows[rk]!.turnedAway! += s.turnedAway(on: d)
                rows[rk]!.coldWeatherNights += cold ? 1 : 0
                seen(rk, d)
            }
            d = d.adding(days: 1)
        }
        return order.map { rk in
            var r = rows[rk]!
            let who = persons[rk] ?? []
            r.uniquePersons = who.count
            if let (a, b) = span[rk] {
                r.newPersons = who.filter { c in s.ledger.clientNights[c]?.first.map { $0 >= a && $0 <= b } ?? false }.count
            }
            return r
        }
    }
}

extension OccupancyReport {
    /// Unique persons with a bed in `from…to` (all locations), and how many of them had their
    /// first night in the journal in that period.
    public static func persons(_ s: ShelterState, from: Day, to: Day) -> (unique: Int, new: Int) {
        var unique = 0, new = 0
        for (c, list) in s.ledger.clientNights where s.files.clients[c]?.mergedInto == nil {
            guard let i = list.firstIndex(where: { $0 >= from }), list[i] <= to else { continue }
            unique += 1
            if list[0] >= from { new += 1 }
        }
        return (unique, new)
    }
}
