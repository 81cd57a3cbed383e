/// Search-as-you-type over clients: names, aliases, date of birth as typed (1987, 12-03-1987,
/// 1987-03-12) and client number. Case-, diacritic- and script-insensitive through
/// `NameNormalizer`; every query word must match a word of the client as a prefix, or — for
/// words of 5+ letters — within one typo (insertion, deletion, substitution or swap).
/// Best matches first. Distinct words are kept once (a few thousand for a whole city), so a
/// keystroke costs a binary search plus a scan of distinct words, not of all clients.
public struct ClientSearchIndex: Sendable {
    // Distinct folded words, sorted, packed into one byte array (word i is
    // wordBytes[wordStart[i]..<wordStart[i+1]]); for each word its postings — the clients that
    // have it and in which field (bit 0 name, bit 1 alias) — packed the same way. Flat arrays
    // instead of an array per word: a city's quarter of a million words cost a few MB, not 50.
    var wordBytes: [UInt8] = []
    var wordStart: [Int32] = [0]
    var postingClient: [ClientID] = []
    var postingField: [UInt8] = []
    var postingStart: [Int32] = [0]
    /// Indices of words made of letters (names, aliases): the only ones a typo can match.
    var letterWords: [Int32] = []
    /// Words added since the last `finish()`, grouped by word.
    var pending: [[UInt8]: [(ClientID, UInt8)]] = [:]
    public private(set) var clientCount = 0
    /// Sound-alike key of each name word → clients (for duplicate detection, not for typing).
    var phonetic: [String: [ClientID]] = [:]
    var maxClientID: ClientID = 0

    public init() {}

    /// Builds the index for every client in a state in bulk: every word is appended to one byte
    /// arena, the entries are sorted by word, and equal words are folded into one (no array per
    /// word or per entry while building: a city's index must not double the desk's memory).
    public init(state: ShelterState) {
        var arena: [UInt8] = [], start: [Int32] = [], length: [UInt8] = [], owner: [ClientID] = [], field: [UInt8] = []
        for c in state.files.clients.values where c.mergedInto == nil {
            for w in NameNormalizer.tokens(c.givenNames + " " + c.familyNames) where w.count >= 3 {
                phonetic[PhoneticKey.of(w), default: []].append(c.id)
            }
            clientCount += 1
            maxClientID = max(maxClientID, c.id)
            for (w, f) in ClientSearchIndex.entries(c) {
                let w = w.prefix(255)
                start.append(Int32(arena.count)); length.append(UInt8(w.count)); owner.append(c.id); field.append(f)
                arena.append(contentsOf: w)
            }
        }
        var order = [Int32](0..<Int32(start.count))
        arena.withUnsafeBufferPointer { a in
            func bytes(_ k: Int32) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: a[Int(start[Int(k)])..<(Int(start[Int(k)]) + Int(length[Int(k)]))])
            }
            order.sort { x, y in
                let bx = bytes(x), by = bytes(y)
                for k in 0..<min(bx.count, by.count) where bx[k] != by[k] { return bx[k] < by[k] }
                if bx.count != by.count { return bx.count < by.count }
                return owner[Int(x)] < owner[Int(y)]
            }
            postingClient.reserveCapacity(order.count); postingField.reserveCapacity(order.count)
            var previous: UnsafeBufferPointer<UInt8>?
            for k in order {
                let w = bytes(k)
                if previous.map({ !$0.elementsEqual(w) }) ?? true {
                    if previous != nil { postingStart.append(Int32(postingClient.count)) }
                    if w.contains(where: { $0 >= UInt8(ascii: "a") }) { letterWords.append(Int32(wordCount)) }
                    wordBytes.append(contentsOf: w); wordStart.append(Int32(wordBytes.count))
                    previous = w
                }
                postingClient.append(owner[Int(k)]); postingField.append(field[Int(k)])
            }
            if previous != nil { postingStart.append(Int32(postingClient.count)) }
        }
    }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// Number of distinct words.
    var wordCount: Int { wordStart.count - 1 }

    @inline(__always)
    func word(_ i: Int) -> ArraySlice<UInt8> { wordBytes[Int(wordStart[i])..<Int(wordStart[i + 1])] }

    /// The searchable words of a client.
    static func entries(_ c: Client) -> [([UInt8], UInt8)] {
        var out: [([UInt8], UInt8)] = []
        for t in NameNormalizer.tokens(c.givenNames + " " + c.familyNames) { out.append((bytes(t), 1)) }
        for t in NameNormalizer.tokens(c.alias) { out.append((bytes(t), 2)) }
        out.append((bytes(String(c.id)), 4))
        if let doc = c.details.idDocument { out.append((bytes(doc.normalizedNumber.lowercased()), 4)) }
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
        guard c.mergedInto == nil else { return }
        for w in NameNormalizer.tokens(c.givenNames + " " + c.familyNames) where w.count >= 3 {
            phonetic[PhoneticKey.of(w), default: []].append(c.id)
        }
        clientCount += 1
        maxClientID = max(maxClientID, c.id)
        for (w, field) in ClientSearchIndex.entries(c) { pending[w, default: []].append((c.id, field)) }
    }

    /// Clients with a name word that sounds like `word` (folded).
    public func soundsLike(_ word: String) -> [ClientID] { phonetic[PhoneticKey.of(word)] ?? [] }

    /// Merges the words added since the last call into the packed, sorted arrays (one pass over
    /// the existing words, in order).
    public mutating func finish() {
        guard !pending.isEmpty else { return }
        let newWords = pending.keys.sorted { $0.lexicographicallyPrecedes($1) }
        let oldCount = wordCount
        var wb: [UInt8] = [], ws: [Int32] = [0], pc: [ClientID] = [], pf: [UInt8] = [], ps: [Int32] = [0], lw: [Int32] = []
        wb.reserveCapacity(wordBytes.count + newWords.reduce(0) { $0 + $1.count })
        ws.reserveCapacity(oldCount + newWords.count + 1); ps.reserveCapacity(oldCount + newWords.count + 1)
        let extra = pending.values.reduce(0) { $0 + $1.count }
        pc.reserveCapacity(postingClient.count + extra); pf.reserveCapacity(postingClient.count + extra)
        func emit<W: Collection<UInt8>>(_ w: W, old: Int?, new: [(ClientID, UInt8)]?) {
            let isLetters = w.contains { $0 >= UInt8(ascii: "a") }
            if isLetters { lw.append(Int32(ws.count - 1)) }
            wb.append(contentsOf: w); ws.append(Int32(wb.count))
            if let old {
                for k in Int(postingStart[old])..<Int(postingStart[old + 1]) { pc.append(postingClient[k]); pf.append(postingField[k]) }
            }
            for (id, f) in new ?? [] { pc.append(id); pf.append(f) }
            ps.append(Int32(pc.count))
        }
        var i = 0, j = 0
        while i < oldCount || j < newWords.count {
            if j == newWords.count || (i < oldCount && word(i).lexicographicallyPrecedes(newWords[j])) {
                emit(word(i), old: i, new: nil); i += 1
            } else if i < oldCount, word(i).elementsEqual(newWords[j]) {
                emit(word(i), old: i, new: pending[newWords[j]]); i += 1; j += 1
            } else {
                emit(newWords[j], old: nil, new: pending[newWords[j]]); j += 1
            }
        }
        wordBytes = wb; wordStart = ws; postingClient = pc; postingField = pf; postingStart = ps; letterWords = lw
        pending = [:]
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

    /// Clients matching every query word, best first, at most `limit`. Scores live in flat arrays
    /// indexed by client id (no hashing per posting), and the top is picked by score buckets.
    public func search(_ query: String, limit: Int = 50) -> [SearchHit] {
        let q = ClientSearchIndex.queryWords(query)
        guard !q.isEmpty, maxClientID > 0 else { return [] }
        let n = Int(maxClientID) + 1
        var total = [Int32](repeating: 0, count: n)
        var matched = [UInt8](repeating: 0, count: n)
        var best = [Int32](repeating: 0, count: n)
        var candidates: [ClientID] = []
        for (wi, word) in q.enumerated() {
            var touched: [ClientID] = []
            func credit(_ wordIndex: Int, _ points: Int32) {
                for k in Int(postingStart[wordIndex])..<Int(postingStart[wordIndex + 1]) {
                    let id = postingClient[k], field = postingField[k]
                    let i = Int(id)
                    if wi > 0, Int(matched[i]) != wi { continue }  // already failed an earlier word
                    let p = points + (field & 1 != 0 ? 1 : 0)
                    if best[i] == 0 { touched.append(id) }
                    if p > best[i] { best[i] = p }
                }
            }
            var i = lowerBound(word)
            while i < wordCount, self.word(i).starts(with: word) {
                credit(i, self.word(i).count == word.count ? 30 : 20)
                i += 1
            }
            if word.count >= 5, word.contains(where: { $0 >= UInt8(ascii: "a") }) {
                for j32 in letterWords {
                    let j = Int(j32)
                    let w = self.word(j)
                    if w.count + 1 >= word.count, !w.starts(with: word), ClientSearchIndex.withinOneEdit(word, prefixOf: w) {
                        credit(j, w.count == word.count ? 12 : 10)
                    }
                }
            }
            candidates.removeAll(keepingCapacity: true)
            for id in touched {
                let k = Int(id)
                total[k] += best[k]
                best[k] = 0
                matched[k] = UInt8(min(wi + 1, 255))
                candidates.append(id)
            }
            if candidates.isEmpty { return [] }
        }
        // Top `limit` by score (descending), ties by client id (descending): bucket by score.
        var maxScore: Int32 = 0
        for id in candidates { maxScore = max(maxScore, total[Int(id)]) }
        var buckets = [[ClientID]](repeating: [], count: Int(maxScore) + 1)
        for id in candidates { buckets[Int(total[Int(id)])].append(id) }
        var out: [SearchHit] = []
        out.reserveCapacity(min(limit, candidates.count))
        for score in stride(from: Int(maxScore), through: 0, by: -1) where !buckets[score].isEmpty {
            for id in buckets[score].sorted(by: >) {
                out.append(SearchHit(clientID: id, score: score))
                if out.count == limit { return out }
            }
        }
        return out
    }

    func lowerBound(_ w: [UInt8]) -> Int {
        var lo = 0, hi = wordCount
        while lo < hi {
            let mid = (lo + hi) / 2
            if word(mid).lexicographicallyPrecedes(w) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// True when `q` is within one edit (insert, delete, substitute, adjacent swap) of `w` or of a
    /// prefix of `w` (the person may still be typing).
    static func withinOneEdit(_ q: [UInt8], prefixOf w: [UInt8]) -> Bool { withinOneEdit(q, prefixOf: w[...]) }

    static func withinOneEdit(_ q: [UInt8], prefixOf w: ArraySlice<UInt8>) -> Bool {
        for len in [q.count, q.count - 1, q.count + 1] where len >= 1 && len <= w.count {
            if oneEdit(q, w[w.startIndex..<(w.startIndex + len)]) { return true }
        }
        return false
    }

    static func oneEdit(_ a: [UInt8], _ b: ArraySlice<UInt8>) -> Bool {
        if a.elementsEqual(b) { return true }
        let b0 = b.startIndex
        if a.count == b.count {
            var first = -1, second = -1, count = 0
            for k in 0..<a.count where a[k] != b[b0 + k] {
                count += 1
                if count == 1 { first = k } else if count == 2 { second = k } else { return false }
            }
            if count == 1 { return true }
            return count == 2 && second == first + 1 && a[first] == b[b0 + second] && a[second] == b[b0 + first]
        }
        guard abs(a.count - b.count) == 1 else { return false }
        // Walk the longer past one extra byte.
        let aLonger = a.count > b.count
        let longCount = max(a.count, b.count), shortCount = min(a.count, b.count)
        func long(_ i: Int) -> UInt8 { aLonger ? a[i] : b[b0 + i] }
        func short(_ i: Int) -> UInt8 { aLonger ? b[b0 + i] : a[i] }
        var i = 0, j = 0, skipped = false
        while i < longCount, j < shortCount {
            if long(i) == short(j) { i += 1; j += 1 } else if skipped { return false } else { skipped = true; i += 1 }
        }
        return true
    }
}
