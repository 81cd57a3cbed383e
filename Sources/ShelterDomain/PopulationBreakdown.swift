/// Who stayed in a period (unique persons after merges): counts by nationality, gender, age
/// band, ETHOS category at intake, latest checklist outcome, and length of stay; and stays vs
/// episodes (runs of consecutive nights) vs bed nights, counted separately as HIFIS does.
public struct PopulationBreakdown: Equatable, Sendable {
    public var persons = 0
    public var bedNights = 0
    /// Runs of consecutive nights.
    public var episodes = 0
    /// Stays (from the first night after an exit, or ever, to the next exit), with a night in the period.
    public var stays = 0
    public var nationality: [String: Int] = [:]
    public var gender: [String: Int] = [:]
    public var ageBand: [String: Int] = [:]
    public var ethos: [String: Int] = [:]
    public var checklist: [String: Int] = [:]
    /// Nights in the period per person: "1-7", "8-14", "15-28", "29+".
    public var lengthOfStay: [String: Int] = [:]

    public static func ageBand(_ age: Int) -> String {
        switch age {
        case ..<23: "<23"
        case 23..<30: "23-29"
        case 30..<40: "30-39"
        case 40..<50: "40-49"
        case 50..<65: "50-64"
        default: "65+"
        }
    }

    public init(_ s: ShelterState, from: Day, to: Day) {
        for (id, list) in s.ledger.clientNights {
            guard let c = s.files.clients[id], c.mergedInto == nil else { continue }
            let inPeriod = list.filter { $0 >= from && $0 <= to }
            guard !inPeriod.isEmpty else { continue }
            persons += 1
            bedNights += inPeriod.count
            var prev: Day?
            for n in inPeriod {
                if prev == nil || n != prev!.adding(days: 1) { episodes += 1 }
                prev = n
            }
            let exits = (s.files.history[id] ?? []).compactMap { h -> Day? in if case let .stayEnded(n, _) = h.kind { return n } else { return nil } }
            stays += Set(inPeriod.map { n in exits.filter { $0 < n }.count }).count
            nationality[c.nationality.isEmpty ? "?" : c.nationality, default: 0] += 1
            gender[c.gender.code, default: 0] += 1
            ageBand[c.birth.map { PopulationBreakdown.ageBand($0.age(on: to)) } ?? "?", default: 0] += 1
            ethos[c.details.ethos.map { String($0) } ?? "?", default: 0] += 1
            checklist[s.files.latestChecklist[id]?.outcome.rawValue ?? "none", default: 0] += 1
            let k = inPeriod.count <= 7 ? "1-7" : inPeriod.count <= 14 ? "8-14" : inPeriod.count <= 28 ? "15-28" : "29+"
            lengthOfStay[k, default: 0] += 1
        }
    }
}
