/// The bottom line of every screen: the keys that work here, in words.
public enum KeyHintBar {
    public static func render(into buf: inout Buffer, hints: [String]) {
        guard buf.height > 0 else { return }
        let y = buf.height - 1
        buf.fill(x: 0, y: y, width: buf.width, height: 1, style: .header)
        buf.draw(hints.joined(separator: "  "), x: 1, y: y, style: .header, maxWidth: buf.width - 2)
    }
}
