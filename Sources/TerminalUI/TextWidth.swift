/// Display width of text in terminal columns: combining marks 0, CJK/fullwidth and emoji 2,
/// control characters 0 (they are never drawn). Cut and pad by this, never by `String.count`.
public enum TextWidth {
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
        0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD,
    ]

    /// Width of one grapheme cluster (0, 1 or 2).
    public static func width(of c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        let cat = first.properties.generalCategory
        if cat == .nonspacingMark || cat == .enclosingMark || cat == .format { return 0 }
        if (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 }
        if c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return 2 }
        }
        return 1
    }

    /// Width of a string.
    public static func width(of s: some StringProtocol) -> Int { s.reduce(0) { $0 + width(of: $1) } }

    /// The longest prefix that fits in `columns`, never splitting a wide grapheme.
    public static func prefix(_ s: some StringProtocol, fitting columns: Int) -> String {
        var out = "", used = 0
        for c in s {
            let w = width(of: c)
            if used + w > columns { break }
            out.append(c); used += w
        }
        return out
    }

    /// `s` cut to `columns` (with "…" when cut) and padded with spaces to exactly `columns`.
    public static func fit(_ s: some StringProtocol, _ columns: Int, ellipsis: Bool = true) -> String {
        guard columns > 0 else { return "" }
        let w = width(of: s)
        if w <= columns { return String(s) + String(repeating: " ", count: columns - w) }
        let cut = ellipsis ? prefix(s, fitting: columns - 1) + "…" : prefix(s, fitting: columns)
        return cut + String(repeating: " ", count: columns - width(of: cut))
    }
}
