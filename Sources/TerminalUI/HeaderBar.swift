/// The header line every screen has: title on the left, status on the right, optional banner.
public enum HeaderBar {
    public static func render(into buf: inout Buffer, title: String, right: String, demo: String?) {
        guard buf.height > 0 else { return }
        buf.fill(x: 0, y: 0, width: buf.width, height: 1, style: .header)
        var x = 0
        if let demo {
            x += buf.draw(demo, x: 0, y: 0, style: .banner)
            x += 1
        }
        let rightWidth = min(TextWidth.width(of: right), max(0, buf.width - x - 2))
        buf.draw(TextWidth.fit(title, max(0, buf.width - x - rightWidth - 2)), x: x, y: 0, style: .header)
        buf.draw(TextWidth.prefix(right, fitting: rightWidth), x: buf.width - rightWidth - 1, y: 0, style: .header)
    }
}
