/// k-anonymity by global recoding with a little local suppression (as in ARX / Datafly):
/// every record has one value per quasi-identifier, and each quasi-identifier a ladder of ever
/// coarser values ending in "*" (suppressed). Every combination of rungs is tried (a few
/// hundred at most); a combination is acceptable when the records in combinations of values
/// describing fewer than `k` records number 0, or at least `k` and at most `maxSuppressed`
/// (those are then suppressed: all "*", together one combination of at least `k`). Of the
/// acceptable ones the least coarse is taken: the smallest sum of rungs as a fraction of each
/// ladder, then the fewest suppressed records, then the finest first-listed attributes.
/// Deterministic; all "*" when nothing else works.
public struct KAnonymizer {
    /// One quasi-identifier: its name and, per record, its values from finest to "*".
    public struct Attribute {
        public var name: String
        public var ladders: [[String]]
        public init(name: String, ladders: [[String]]) { self.name = name; self.ladders = ladders }
    }

    public var attributes: [Attribute]
    public var k: Int
    /// At most this many records are suppressed entirely (default: 5% of them, at least `k`).
    public var maxSuppressed: Int

    public init(attributes: [Attribute], k: Int, maxSuppressed: Int? = nil) {
        self.attributes = attributes; self.k = k
        let n = attributes.first?.ladders.count ?? 0
        self.maxSuppressed = maxSuppressed ?? max(k, n / 20)
    }

    /// The outcome: the rung of each attribute, how many records were suppressed, and the
    /// values shown per record (in attribute order).
    public struct Result {
        public var levels: [String: Int]
        public var suppressed: Int
        public var rows: [[String]]
    }

    public func run() -> Result {
        let n = attributes.first?.ladders.count ?? 0
        let maxLevel = attributes.map { a in (a.ladders.map(\.count).max() ?? 1) - 1 }
        func value(_ a: Int, _ r: Int, _ level: Int) -> String { let l = attributes[a].ladders[r]; return l[min(level, l.count - 1)] }
        // Values as small numbers per attribute and rung, so a combination is one Int (12 bits each).
        let codes: [[[Int]]] = attributes.indices.map { a in
            (0...maxLevel[a]).map { l in
                var table: [String: Int] = [:]
                return (0..<n).map { r in let v = value(a, r, l); if let c = table[v] { return c }; let c = table.count; table[v] = c; return c }
            }
        }
        let packable = attributes.count <= 5 && codes.allSatisfy { $0.allSatisfy { ($0.max() ?? 0) < 4096 } }
        func tooSmall(_ level: [Int]) -> [Int] {
            if packable {
                var keys = [Int](repeating: 0, count: n)
                for a in attributes.indices { let c = codes[a][level[a]]; for r in 0..<n { keys[r] = keys[r] << 12 | c[r] } }
                var classes: [Int: Int] = [:]
                for key in keys { classes[key, default: 0] += 1 }
                return (0..<n).filter { classes[keys[$0]]! < k }
            }
            let rows = (0..<n).map { r in attributes.indices.map { codes[$0][level[$0]][r] } }
            var classes: [[Int]: Int] = [:]
            for row in rows { classes[row, default: 0] += 1 }
            return (0..<n).filter { classes[rows[$0]]! < k }
        }
        // Every combination of rungs, least coarse first.
        var lattice: [[Int]] = [[]]
        for m in maxLevel { lattice = lattice.flatMap { l in (0...max(0, m)).map { l + [$0] } } }
        func loss(_ l: [Int]) -> Double { zip(l, maxLevel).reduce(0) { $0 + ($1.1 == 0 ? 0 : Double($1.0) / Double($1.1)) } }
        var best: (level: [Int], small: [Int], loss: Double)?
        for l in lattice.sorted(by: { loss($0) != loss($1) ? loss($0) < loss($1) : $0.lexicographicallyPrecedes($1) }) {
            if let b = best, loss(l) > b.loss + 1e-9 { break }
            let small = tooSmall(l)
            guard small.isEmpty || (small.count >= k && small.count <= maxSuppressed) else { continue }
            if best == nil || small.count < best!.small.count { best = (l, small, loss(l)) }
        }
        let chosen = best ?? (maxLevel, [], loss(maxLevel))
        var rows = (0..<n).map { r in attributes.indices.map { value($0, r, chosen.level[$0]) } }
        for r in chosen.small { rows[r] = Array(repeating: "*", count: attributes.count) }
        return Result(levels: Dictionary(uniqueKeysWithValues: attributes.indices.map { (attributes[$0].name, chosen.level[$0]) }),
                      suppressed: chosen.small.count, rows: rows)
    }

    /// True when every combination of the shown values describes at least `k` records.
    public static func satisfies(_ rows: [[String]], k: Int) -> Bool {
        var classes: [[String]: Int] = [:]
        for r in rows { classes[r, default: 0] += 1 }
        return classes.values.allSatisfy { $0 >= k }
    }
}
