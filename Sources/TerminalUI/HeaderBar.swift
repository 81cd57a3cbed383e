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
        // The title (location) keeps at least a third of the line; the status is cut first.
        let room = max(0, buf.width - x - 2)
        let titleMin = min(TextWidth.width(of: title), max(8, room / 3))
        let rightWidth = min(TextWidth.width(of: right), max(0, room - titleMin))
        buf.draw(TextWidth.fit(title, max(0, room - rightWidth)), x: x, y: 0, style: .header)
        buf.draw(TextWidth.fit(right, rightWidth), x: buf.width - rightWidth - 1, y: 0, style: .header)
    }
}
