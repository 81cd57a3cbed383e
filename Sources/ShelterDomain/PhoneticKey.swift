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

    /// The key of one word (already folded by `NameNormalizer`).
    public static func of(_ word: String) -> String {
        guard !word.isEmpty else { return "" }
        var s = Array(word.utf8)
        var out: [UInt8] = []
        var i = 0
        outer: while i < s.count {
            for (from, to) in rules {
                let f = Array(from.utf8)
                if i + f.count <= s.count, Array(s[i..<(i + f.count)]) == f {
                    out.append(contentsOf: to.utf8)
                    i += f.count
                    continue outer
                }
            }
            out.append(s[i]); i += 1
        }
        s = out
        let vowels = Set("aeiou".utf8)
        var key: [UInt8] = []
        for (k, ch) in s.enumerated() {
            if k > 0, vowels.contains(ch) { continue }
            if ch == UInt8(ascii: "h"), k > 0 { continue }
            if key.last == ch { continue }
            key.append(ch)
        }
        // A leading vowel counts as one class (Ionut / Ionuț / Jonut differ only there).
        if let f = key.first, vowels.contains(f) { key[0] = UInt8(ascii: "a") }
        return String(decoding: key, as: UTF8.self)
    }
}
