/// Search-as-you-type over clients: names, aliases, date of birth as typed (1987, 12-03-1987,
/// 1987-03-12) and client number. Case-, diacritic- and script-insensitive through
/// `NameNormalizer`; every query word must match a word of the client as a prefix, or — for
/// words of 5+ letters — within one typo (insertion, deletion, substitution or swap).
/// Best matches first. Distinct words are kept once (a few thousand for a whole city), so a
/// keystroke costs a binary search plus a scan of distinct words, not of all clients.
public struct ClientSearchIndex: Sendable {
    /// Distinct folded words, sorted, as bytes.
    var words: [[UInt8]] = []
    /// For each word, the clients that have it and in which field (bit 0 name, bit 1 alias).
    var postings: [[(ClientID, UInt8)]] = []
    var indexOf: [[UInt8]: Int] = [:]
    var pending: [([UInt8], ClientID, UInt8)] = []
    public private(set) var clientCount = 0

    public init() {}

    /// Builds the index for every client in a state.
    public init(state: ShelterState) {
        for c in state.clients.values { add(c) }
        finish()
    }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// The searchable words of a client.
    static func entries(_ c: Client) -> [([UInt8], UInt8)] {
        var out: [([UInt8], UInt8)] = []
        for t in NameNormalizer.tokens(c.givenNames + " " + c.familyNames) { out.append((bytes(t), 1)) }
        for t in NameNormalizer.tokens(c.alias) { out.append((bytes(t), 2)) }
        out.append((bytes(String(c.id)), 4))
        if let b = c.birth {
            switch b {
            case .exact(let d):
                let p = d.components
                func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
                out.append((bytes(String(p.year)), 4))
                out.append((bytes("\(two(p.day))\(two(p.month))\(p.year)"), 4))
                out.append((bytes(d.iso.filter { $0 != "-" }), 4))
            case .estimatedYear(let y):
                out.append((bytes(String(y)), 4))
            }
        }
        return out
    }

    /// Adds (or re-adds) a client. Call `finish()` before searching.
    public mutating func add(_ c: Client) {
        clientCount += 1
        for (w, field) in ClientSearchIndex.entries(c) { pending.append((w, c.id, field)) }
    }

    /// Sorts newly added words into the index.
    public mutating func finish() {
        guard !pending.isEmpty else { return }
        var all: [[UInt8]: [(ClientID, UInt8)]] = [:]
        for (i, w) in words.enumerated() { all[w] = postings[i] }
        for (w, id, f) in pending { all[w, default: []].append((id, f)) }
        pending.removeAll()
        words = all.keys.sorted { $0.lexicographicallyPrecedes($1) }
        postings = words.map { all[$0]! }
        indexOf = [:]
        for (i, w) in words.enumerated() { indexOf[w] = i }
    }

    /// Folds a query the way names are folded; date separators are dropped so 12-03-1987 matches.
    static func queryWords(_ q: String) -> [[UInt8]] {
        var text = q
        // "12-03-1987" / "12.03.1987" / "1987-03-12": join digit groups into one word.
        if q.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || "-./ ".unicodeScalars.contains($0) }) {
            text = q.split(whereSeparator: { $0 == " " }).map { $0.filter(\.isNumber) }.joined(separator: " ")
        }
        return NameNormalizer.tokens(text).map(bytes)
    }

    /// Clients matching every query word, best first, at most `limit`.
    public func search(_ query: String, limit: Int = 50) -> [SearchHit] {
        let q = ClientSearchIndex.queryWords(query)
        guard !q.isEmpty else { return [] }
        var total: [ClientID: Int]?
        for word in q {
            var best: [ClientID: Int] = [:]
            func credit(_ wordIndex: Int, _ points: Int) {
                for (id, field) in postings[wordIndex] {
                    let p = points + (field & 1 != 0 ? 1 : 0)
                    if p > best[id] ?? 0 { best[id] = p }
                }
            }
            // Prefix matches: a contiguous range of the sorted words.
            var i = lowerBound(word)
            while i < words.count, words[i].starts(with: word) {
                credit(i, words[i].count == word.count ? 30 : 20)
                i += 1
            }
            // One typo, for words of 5+ letters: compare with every distinct word's prefix.
            if word.count >= 5 {
                for (j, w) in words.enumerated() where w.count + 1 >= word.count && !w.starts(with: word) {
                    if ClientSearchIndex.withinOneEdit(word, prefixOf: w) { credit(j, w.count == word.count ? 12 : 10) }
                }
            }
            if let t = total {
                var next: [ClientID: Int] = [:]
                for (id, s) in t { if let b = best[id] { next[id] = s + b } }
                total = next
            } else {
                total = best
            }
            if total?.isEmpty ?? true { return [] }
        }
        return (total ?? [:]).map { SearchHit(clientID: $0.key, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.clientID > $1.clientID }
            .prefix(limit).map { $0 }
    }

    func lowerBound(_ w: [UInt8]) -> Int {
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if words[mid].lexicographicallyPrecedes(w) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// True when `q` is within one edit (insert, delete, substitute, adjacent swap) of `w` or of a
    /// prefix of `w` (the person may still be typing).
    static func withinOneEdit(_ q: [UInt8], prefixOf w: [UInt8]) -> Bool {
        for len in [q.count, q.count - 1, q.count + 1] where len >= 1 && len <= w.count {
            if oneEdit(q, w[0..<len]) { return true }
        }
        return false
    }

    static func oneEdit(_ a: [UInt8], _ b: ArraySlice<UInt8>) -> Bool {
        let b = Array(b)
        if a == b { return true }
        if a.count == b.count {
            var diffs: [Int] = []
            for k in 0..<a.count where a[k] != b[k] { diffs.append(k); if diffs.count > 2 { return false } }
            if diffs.count == 1 { return true }
            return diffs.count == 2 && diffs[1] == diffs[0] + 1 && a[diffs[0]] == b[diffs[1]] && a[diffs[1]] == b[diffs[0]]
        }
        guard abs(a.count - b.count) == 1 else { return false }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        var i = 0, j = 0, skipped = false
        while i < long.count, j < short.count {
            if long[i] == short[j] { i += 1; j += 1 } else if skipped { return false } else { skipped = true; i += 1 }
        }
        return true
    }
}
