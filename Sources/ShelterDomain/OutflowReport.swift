/// Where people went when their stay ended within a period: counts per outflow category and
/// the positive-outflow rate (work and housing, return, follow-up facility, regular Wmo
/// shelter), as in the national evaluation (62% in the short-stay pilots). Unique persons after
/// merges: an exit counts once, on the surviving record.
public struct OutflowReport: Equatable, Sendable {
    public var counts: [Outflow: Int]
    public var total: Int { counts.values.reduce(0, +) }
    public var positive: Int { counts.filter { $0.key.isPositive }.map(\.value).reduce(0, +) }
    /// 0…100, one decimal; nil when nobody left.
    public var positiveRate: Double? { total == 0 ? nil : (Double(positive) / Double(total) * 1000).rounded() / 10 }

    /// The national reference (short-stay pilots), shown beside the figure.
    public static let nationalReference = 62.0

    public init(_ s: ShelterState, from: Day, to: Day) {
        var c: [Outflow: Int] = [:]
        for (client, items) in s.history where s.clients[client]?.mergedInto == nil {
            for h in items {
                if case let .stayEnded(night, outflow) = h.kind, night >= from, night <= to { c[outflow, default: 0] += 1 }
            }
        }
        counts = c
    }
}
