/// Pads or cuts text to a width in characters for CLI tables (names may have diacritics): a
/// cut text ends in "…", so that a reader sees it was cut.
enum TextCut {
    static func pad(_ s: String, _ n: Int) -> String {
        if s.count > n { return n > 1 ? String(s.prefix(n - 1)) + "…" : String(s.prefix(n)) }
        return s + String(repeating: " ", count: n - s.count)
    }
}
