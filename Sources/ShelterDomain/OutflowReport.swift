/// Where people went when their stay ended within a period (exit nights `from…to`): counts per
/// category, the positive-outflow rate with and without `unknown` exits in the denominator,
/// breakdowns (location, nationality group, checklist outcome), the median length of the stays
/// that ended, automatic closures and corrections, and open stays not seen for 7 nights or
/// more. Valence comes from the outflow catalogue (Resources), never from code. Unique persons
/// after merges: an exit counts once, on the surviving record.
public struct OutflowReport: Equatable, Sendable {
    /// What a breakdown groups exits by.
    public enum Dimension: String, Sendable, CaseIterable { case location, nationality, outcome }

    public var exits: [OutflowExit]
    public var catalog: OutflowCatalog
    /// Open stays whose last night (on or before the period's end) is 7 or more nights before it.
    public var openNotSeen: Int
    /// Open stays at the period's end (stays not ended, with a night on or before it).
    public var openStays: Int

    /// The national reference (short-stay pilots), shown beside the figure.
    public static let nationalReference = 62.0
    /// Nights without a bed after which an open stay is listed as not seen.
    public static let notSeenNights = 7

    public var counts: [Outflow: Int] { exits.reduce(into: [:]) { $0[$1.outflow, default: 0] += 1 } }
    public var total: Int { exits.count }
    public var positive: Int { exits.filter { catalog.isPositive($0.outflow) }.count }
    public var unknown: Int { exits.filter { $0.outflow == .unknown }.count }
    public var automaticClosures: Int { exits.filter(\.automatic).count }
    public var corrections: Int { exits.filter(\.corrected).count }

    /// positive / all exits, 0…100 with one decimal; nil when nobody left.
    public var positiveRate: Double? { Self.rate(positive, total) }
    /// positive / exits whose destination is known (`unknown` left out); nil when none.
    public var positiveRateExcludingUnknown: Double? { Self.rate(positive, total - unknown) }

    /// The median of the ended stays' lengths in nights (nil without exits).
    public var medianNightsToExit: Double? {
        let n = exits.map(\.nights).sorted()
        guard !n.isEmpty else { return nil }
        return n.count % 2 == 1 ? Double(n[n.count / 2]) : Double(n[n.count / 2 - 1] + n[n.count / 2]) / 2
    }

    static func rate(_ a: Int, _ b: Int) -> Double? { b <= 0 ? nil : (Double(a) / Double(b) * 1000).rounded() / 10 }

    public init(exits: [OutflowExit], catalog: OutflowCatalog, openNotSeen: Int = 0, openStays: Int = 0) {
        self.exits = exits; self.catalog = catalog; self.openNotSeen = openNotSeen; self.openStays = openStays
    }

    public init(_ s: ShelterState, from: Day, to: Day, catalog: OutflowCatalog) {
        var exits: [OutflowExit] = []
        var notSeen = 0, open = 0
        for (client, c) in s.files.clients where c.mergedInto == nil {
            let items = s.files.history[client] ?? []
            let nights = s.ledger.clientNights[client] ?? []
            var ends: [(Day, Outflow)] = []
            var automatic = Set<Day>(), corrected = Set<Day>()
            for h in items {
                switch h.kind {
                case let .stayEnded(n, o): ends.append((n, o))
                case let .absenceClosure(n, _): automatic.insert(n)
                case let .outflowCorrected(n, _, _): corrected.insert(n)
                default: break
                }
            }
            ends.sort { $0.0 < $1.0 }
            var previous: Day?
            for (night, outflow) in ends {
                defer { previous = night }
                guard night >= from, night <= to else { continue }
                let held = nights.filter { n in n <= night && (previous.map { p in n > p } ?? true) }
                let first = held.first
                let location = held.last.flatMap { s.bed(of: client, on: $0) }.flatMap { s.inventory.beds[$0] }.flatMap { s.inventory.locations[$0.locationID]?.name } ?? ""
                exits.append(OutflowExit(client: client, night: night, outflow: outflow, location: location,
                                         nationalityGroup: NationalityGroup(c.nationality),
                                         outcome: OutflowEligibility.outcomeCode(of: client, on: night, in: s),
                                         nights: first.map { Int(night.ordinal - $0.ordinal) + 1 } ?? 0,
                                         automatic: automatic.contains(night), corrected: corrected.contains(night)))
            }
            if let start = c.stayStart, start <= to {
                open += 1
                let last = nights.last { $0 <= to && $0 >= start } ?? start
                if Int(to.ordinal - last.ordinal) >= Self.notSeenNights { notSeen += 1 }
            }
        }
        self.init(exits: exits.sorted { ($0.night, $0.client) < ($1.night, $1.client) }, catalog: catalog, openNotSeen: notSeen, openStays: open)
    }

    /// The exits split by a dimension, largest group first (ties by name).
    public func breakdown(by d: Dimension) -> [(key: String, report: OutflowReport)] {
        var groups: [String: [OutflowExit]] = [:]
        for e in exits {
            let key: String = switch d {
            case .location: e.location.isEmpty ? "?" : e.location
            case .nationality: e.nationalityGroup.rawValue
            case .outcome: e.outcome
            }
            groups[key, default: []].append(e)
        }
        return groups.map { (key: $0.key, report: OutflowReport(exits: $0.value, catalog: catalog)) }
            .sorted { $0.report.total != $1.report.total ? $0.report.total > $1.report.total : $0.key < $1.key }
    }
}
