/// The bottom line of every screen: the keys that work here, in words. When the line is too
/// narrow, hints are dropped from the middle; the last one (quit or back) always stays visible,
/// and when something was dropped the `more` hint (the help key that lists them all) takes a
/// place before it, so a key missing from the bar is never a key nobody can find.
public enum KeyHintBar {
    public static func render(into buf: inout Buffer, hints: [String], more: String? = nil) {
        guard buf.height > 0 else { return }
        let y = buf.height - 1
        buf.fill(x: 0, y: y, width: buf.width, height: 1, style: .header)
        buf.draw(fitted(hints, width: buf.width - 2, more: more), x: 1, y: y, style: .header, maxWidth: buf.width - 2)
    }

    /// The hints joined by two spaces, dropping middle ones until they fit in `width`; once one
    /// is dropped, `more` (when given and not already shown) stands before the last hint.
    public static func fitted(_ hints: [String], width: Int, more: String? = nil) -> String {
        func fits(_ h: [String]) -> Bool { TextWidth.width(of: h.joined(separator: "  ")) <= width }
        guard !fits(hints) else { return hints.joined(separator: "  ") }
        var shown = hints
        var marker = 0
        if let more, hints.count > 1, !hints.contains(more) {
            shown.insert(more, at: shown.count - 1)
            marker = 1
        }
        // Drop from just before the marker (or the last hint) until the line fits.
        while shown.count > 1 + marker, !fits(shown) {
            shown.remove(at: shown.count - 2 - marker)
        }
        // Too narrow even for the marker beside the last hint: the last one alone.
        if !fits(shown), marker == 1 { shown.remove(at: shown.count - 2) }
        return shown.joined(separator: "  ")
    }
}
