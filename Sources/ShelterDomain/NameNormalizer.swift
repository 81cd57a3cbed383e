/// Folds names to a plain lowercase ASCII key so staff on Dutch keyboards find people however
/// their names are written: diacritics dropped (Łukasz → lukasz, Győző → gyozo, Ștefan and
/// Ştefan → stefan), special letters spelled out (ß → ss, æ → ae, ø → o), Cyrillic
/// transliterated the Bulgarian way (Иван Петров → ivan petrov), apostrophes removed,
/// hyphens and other separators turned into spaces. Pure and deterministic.
public enum NameNormalizer {
    /// Letters that do not decompose into a base letter plus a mark.
    static let special: [Unicode.Scalar: String] = [
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ß": "ss", "ẞ": "ss",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "Þ": "th", "ħ": "h", "ŋ": "n",
    ]

    /// Bulgarian streamlined system (2009), plus the other Cyrillic letters EU migrants' names use.
    static let cyrillic: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
        "ё": "e", "ы": "y", "э": "e", "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj",
        "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
    ]

    /// The folded text: lowercase ASCII letters and digits, single spaces between words.
    public static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func emit(_ s: String) {
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out += s
        }
        func emitASCII(_ c: UInt8) {
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(Unicode.Scalar(c))
        }
        // Scalars in order (the same sequence as walking each character's scalars, without
        // grapheme breaking: folding runs for every name word when the search index is built).
        do {
            for scalar in text.unicodeScalars {
                let v = scalar.value
                if v < 0x80 {
                    let c = UInt8(v)
                    switch c {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): emitASCII(c)
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): emitASCII(c + 32)
                    case UInt8(ascii: "'"), UInt8(ascii: "`"): break
                    default: pendingSpace = true
                    }
                    continue
                }
                if v == 0x2019 || v == 0x2018 || v == 0x02BC { continue }  // ’ ‘ ʼ
                if let s = special[scalar] { emit(s); continue }
                let lower = scalar.properties.lowercaseMapping
                if let first = lower.unicodeScalars.first, let s = cyrillic[first] { emit(s); continue }
                let props = scalar.properties
                if props.generalCategory == .nonspacingMark || props.generalCategory == .spacingMark || props.generalCategory == .enclosingMark { continue }
                // Canonical decomposition: the first scalar is the base letter (ș → s + ̦).
                if let base = decomposedBase(scalar) {
                    emit(base); continue
                }
                if props.isAlphabetic || props.numericType != nil { emit(String(lower)) } else { pendingSpace = true }
            }
        }
        return out
    }

    /// The ASCII base letter of a precomposed Latin letter, if it has one (from a table built
    /// once from the Unicode names; looking the name up per letter was slow).
    static func decomposedBase(_ s: Unicode.Scalar) -> String? { latinBase[s.value] }

    static let latinBase: [UInt32: String] = {
        var t: [UInt32: String] = [:]
        for v in UInt32(0xC0)...0x24F { if let u = Unicode.Scalar(v), let b = baseFromName(u) { t[v] = b } }
        for v in UInt32(0x1E00)...0x1EFF { if let u = Unicode.Scalar(v), let b = baseFromName(u) { t[v] = b } }
        return t
    }()

    static func baseFromName(_ s: Unicode.Scalar) -> String? {
        // Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional.
        guard (0xC0...0x24F).contains(s.value) || (0x1E00...0x1EFF).contains(s.value) else { return nil }
        let name = s.properties.name ?? ""
        // "LATIN SMALL LETTER S WITH COMMA BELOW" → "s"
        let words = name.split(separator: " ")
        guard words.count >= 4, words[0] == "LATIN", words[2] == "LETTER" else { return nil }
        let letter = words[3]
        guard letter.count == 1 || letter.count == 2 else { return nil }
        return letter.lowercased()
    }

    /// The folded words of a text.
    public static func tokens(_ text: String) -> [String] {
        fold(text).split(separator: " ").map(String.init)
    }
}
