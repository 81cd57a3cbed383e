/// A sound-alike key for one folded name word, tuned for the spellings the desk meets:
/// Polish (sz, cz, w, j), Hungarian (gy, ny, sz, cs), Romanian, German-style (sch, tsch),
/// Dutch (ij), c before e/i as "ts"/"ch" (Polish, Romanian, Italian) and English transcriptions of Cyrillic (sh, ch, zh, ts). Vowels after the first
/// letter are dropped and repeats collapsed, so "Wojcik", "Voitsik" and "Woycik" agree.
public enum PhoneticKey {
    static let rules: [(String, String)] = [
        ("tsch", "c"), ("sch", "s"), ("szcz", "sc"), ("cz", "c"), ("cs", "c"), ("ch", "c"), ("tch", "c"), ("ts", "c"), ("tz", "c"),
        ("sz", "s"), ("sh", "s"), ("zh", "z"), ("zs", "z"), ("dz", "z"), ("gy", "d"), ("dj", "d"), ("ny", "n"), ("ly", "i"),
        ("ph", "f"), ("th", "t"), ("ck", "k"), ("qu", "kv"), ("ij", "i"), ("x", "ks"), ("w", "v"), ("y", "i"), ("j", "i"),
        ("ce", "ce"), ("ci", "ci"), ("c", "k"), ("q", "k"), ("z", "s"),
    ]

    /// The rules as bytes, built once (the index computes a key for every name word).
    static let byteRules: [([UInt8], [UInt8])] = rules.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    @inline(__always)
    static func isVowel(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "a") || c == UInt8(ascii: "e") || c == UInt8(ascii: "i") || c == UInt8(ascii: "o") || c == UInt8(ascii: "u")
    }

    /// The key of one word (already folded by `NameNormalizer`).
    public static func of(_ word: String) -> String {
        guard !word.isEmpty else { return "" }
        var utf8 = word.utf8.makeIterator()
        var s: [UInt8] = []
        s.reserveCapacity(word.utf8.count)
        while let b = utf8.next() { s.append(b) }
        var out: [UInt8] = []
        out.reserveCapacity(s.count + 4)
        var i = 0
        outer: while i < s.count {
            for (from, to) in byteRules where i + from.count <= s.count {
                var same = true
                for k in 0..<from.count where s[i + k] != from[k] { same = false; break }
                if same {
                    out.append(contentsOf: to)
                    i += from.count
                    continue outer
                }
            }
            out.append(s[i]); i += 1
        }
        var key: [UInt8] = []
        key.reserveCapacity(out.count)
        for (k, ch) in out.enumerated() {
            if k > 0, isVowel(ch) { continue }
            if ch == UInt8(ascii: "h"), k > 0 { continue }
            if key.last == ch { continue }
            key.append(ch)
        }
        // A leading vowel counts as one class (Ionut / Ionuț / Jonut differ only there).
        if let f = key.first, isVowel(f) { key[0] = UInt8(ascii: "a") }
        return String(decoding: key, as: UTF8.self)
    }
}
