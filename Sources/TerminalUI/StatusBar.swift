/// The line above the key hints: the outcome of the last action ("Saved", an error), in a style
/// that carries its meaning with words, not colour alone.
public enum StatusBar {
    public static func render(into buf: inout Buffer, text: String, style: Style) {
        guard buf.height >= 2 else { return }
        let y = buf.height - 2
        buf.fill(x: 0, y: y, width: buf.width, height: 1)
        buf.draw(text, x: 1, y: y, style: style, maxWidth: buf.width - 2)
    }
}
