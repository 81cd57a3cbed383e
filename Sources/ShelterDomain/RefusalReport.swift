/// Beds refused by a bed rule in a period, counted by reason × checklist outcome (or by
/// location): `onderdak report refusals` and F7. Every refusal is an event, so nobody turned
/// away by a rule is missing from these figures.
public struct RefusalReport: Sendable {
    /// How rows are grouped.
    public enum Grouping: String, Sendable, CaseIterable { case reason, outcome, location }

    /// One row: the keys of its group (empty where not grouped) and the count.
    public struct Row: Hashable, Sendable {
        public var reason: String
        public var outcome: String
        public var location: String
        public var count: Int
    }

    public let rows: [Row]
    public let total: Int
    /// Refusals of people who had never been assessed (or whose `likely` had expired).
    public let withoutChecklist: Int

    /// Refusals on nights `from`…`to`. `.reason` gives reason × outcome rows (the default),
    /// `.outcome` rows by outcome only, `.location` rows by location and reason.
    public init(_ s: ShelterState, from: Day, to: Day, by grouping: Grouping = .reason) {
        var counts: [Row: Int] = [:]
        var total = 0, without = 0
        for x in s.ledger.refusals where x.night >= from && x.night <= to {
            total += 1
            if x.outcome == nil { without += 1 }
            let loc = s.inventory.locations[x.location]?.name ?? ""
            let key: Row
            switch grouping {
            case .reason: key = Row(reason: x.reason, outcome: x.outcomeCode, location: "", count: 0)
            case .outcome: key = Row(reason: "", outcome: x.outcomeCode, location: "", count: 0)
            case .location: key = Row(reason: x.reason, outcome: "", location: loc, count: 0)
            }
            counts[key, default: 0] += 1
        }
        rows = counts.map { k, n in Row(reason: k.reason, outcome: k.outcome, location: k.location, count: n) }
            .sorted { ($0.location, $0.reason, $0.outcome) < ($1.location, $1.reason, $1.outcome) }
        self.total = total
        withoutChecklist = without
    }
}
