/// Decides whether two client records probably describe the same person: similar names (same
/// folding as search, any word order, sound-alike spellings, one typo), a birth date that is
/// equal or a likely slip (day and month swapped, one day off, an estimated year close by), the
/// same nationality, or the same ID-document number (decisive). Pure; used before saving an
/// intake and by the merge screen. Precision and recall are measured on a labelled set in tests.
public enum DuplicateDetector {
    /// How two birth dates relate.
    public enum BirthMatch: Int, Sendable, Comparable {
        case different = 0, unknown = 1, close = 2, same = 3
        public static func < (a: BirthMatch, b: BirthMatch) -> Bool { a.rawValue < b.rawValue }
    }

    /// A candidate with why it was proposed.
    public struct Match: Equatable, Sendable {
        public var clientID: ClientID
        /// 0…1: how alike the names are.
        public var nameSimilarity: Double
        public var birth: BirthMatch
        public var sameDocument: Bool
        public var score: Double
    }

    public static func compareBirth(_ a: BirthDate?, _ b: BirthDate?) -> BirthMatch {
        guard let a, let b else { return .unknown }
        switch (a, b) {
        case let (.exact(x), .exact(y)):
            if x == y { return .same }
            let p = x.components, q = y.components
            if p.year == q.year, p.month == q.day, p.day == q.month { return .close }  // 03-12 vs 12-03
            if abs(Int(x.ordinal) - Int(y.ordinal)) <= 1 { return .close }
            if p.month == q.month, p.day == q.day, abs(p.year - q.year) == 1 { return .close }  // year typo
            if p.year == q.year, p.day == q.day, abs(p.month - q.month) <= 1 { return .close }
            if p.year == q.year, p.month == q.month, abs(p.day - q.day) <= 1 { return .close }
            return .different
        default:
            return abs(a.year - b.year) <= 1 ? .close : .different
        }
    }

    /// Words of a person's names, folded; the alias counts only when there is nothing else.
    static func words(_ c: Client) -> [String] {
        let w = NameNormalizer.tokens(c.givenNames + " " + c.familyNames)
        return w.isEmpty ? NameNormalizer.tokens(c.alias) : w
    }

    static func wordSimilarity(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        if PhoneticKey.of(a) == PhoneticKey.of(b), min(a.count, b.count) >= 3 { return 0.9 }
        if min(a.count, b.count) >= 5, ClientSearchIndex.withinOneEdit(Array(a.utf8), prefixOf: Array(b.utf8)), abs(a.count - b.count) <= 1 { return 0.85 }
        if min(a.count, b.count) >= 5, ClientSearchIndex.withinOneEdit(Array(b.utf8), prefixOf: Array(a.utf8)), abs(a.count - b.count) <= 1 { return 0.85 }
        return 0
    }

    /// Name similarity 0…1, independent of word order: each word of the shorter name is paired
    /// with its best match in the longer one (each used once).
    public static func nameSimilarity(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        var used = Set<Int>()
        var total = 0.0
        for w in short {
            var best = 0.0, bestJ = -1
            for (j, v) in long.enumerated() where !used.contains(j) {
                let s = wordSimilarity(w, v)
                if s > best { best = s; bestJ = j }
            }
            if bestJ >= 0 { used.insert(bestJ) }
            total += best
        }
        // A missing extra given name costs a little; "Jan" alone is not "Jan de Vries".
        let coverage = Double(short.count) / Double(long.count)
        return total / Double(short.count) * (0.85 + 0.15 * coverage)
    }

    /// Compares two records; nil when they are not likely the same person.
    public static func match(_ a: Client, _ b: Client) -> Match? {
        let docA = a.details.idDocument?.normalizedNumber ?? "", docB = b.details.idDocument?.normalizedNumber ?? ""
        let sameDoc = !docA.isEmpty && docA == docB
        let name = nameSimilarity(words(a), words(b))
        let birth = compareBirth(a.birth, b.birth)
        let natDiffers = !a.nationality.isEmpty && !b.nationality.isEmpty && a.nationality != b.nationality
        var likely = false
        if sameDoc { likely = true }
        if name >= 0.8, birth >= .unknown, !natDiffers { likely = true }
        if name >= 0.8, birth == .same { likely = true }
        if name >= 0.6, birth == .same, !natDiffers, !a.nationality.isEmpty { likely = true }
        guard likely else { return nil }
        let score = (sameDoc ? 2 : 0) + name + Double(birth.rawValue) * 0.2 + (natDiffers ? -0.3 : 0)
        return Match(clientID: b.id, nameSimilarity: name, birth: birth, sameDocument: sameDoc, score: score)
    }

    /// Likely duplicates of `draft` among the registered clients, best first: the pool comes from
    /// the search index (each name word and the whole name) plus an ID-number scan; records merged
    /// away, the draft itself, and pairs staff called different people are left out.
    public static func candidates(of draft: Client, index: ClientSearchIndex, state s: ShelterState, limit: Int = 9) -> [Match] {
        var pool = Set<ClientID>()
        let ws = words(draft)
        for q in [ws.joined(separator: " ")] + ws where !q.isEmpty {
            for h in index.search(q, limit: 300) { pool.insert(h.clientID) }
        }
        for w in ws where w.count >= 3 { pool.formUnion(index.soundsLike(w).prefix(2000)) }
        let doc = draft.details.idDocument?.normalizedNumber ?? ""
        if !doc.isEmpty {
            for c in s.files.clients.values where c.details.idDocument?.normalizedNumber == doc { pool.insert(c.id) }
        }
        var out: [Match] = []
        for id in pool where id != draft.id {
            guard let c = s.files.clients[id], c.mergedInto == nil else { continue }
            if draft.id != 0, s.files.notDuplicates.contains(ShelterState.pairKey(draft.id, id)) { continue }
            if let m = match(draft, c) { out.append(m) }
        }
        return Array(out.sorted { $0.score != $1.score ? $0.score > $1.score : $0.clientID < $1.clientID }.prefix(limit))
    }
}
