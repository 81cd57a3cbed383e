/// The bottom line of every screen: the keys that work here, in words. When the line is too
/// narrow, hints are dropped from the middle; the last one (quit) always stays visible.
public enum KeyHintBar {
    public static func render(into buf: inout Buffer, hints: [String]) {
        guard buf.height > 0 else { return }
        let y = buf.height - 1
        buf.fill(x: 0, y: y, width: buf.width, height: 1, style: .header)
        buf.draw(fitted(hints, width: buf.width - 2), x: 1, y: y, style: .header, maxWidth: buf.width - 2)
    }

    /// The hints joined by two spaces, dropping middle ones until they fit in `width`.
    public static func fitted(_ hints: [String], width: Int) -> String {
        var shown = hints
        while shown.count > 1, TextWidth.width(of: shown.joined(separator: "  ")) > width {
            shown.remove(at: shown.count - 2)
        }
        return shown.joined(separator: "  ")
    }
}
