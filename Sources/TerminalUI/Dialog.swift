/// A modal box in the middle of the screen: a title, wrapped message lines, and the keys that
/// answer it (e.g. "Enter OK", "y Yes  n No").
public enum Dialog {
    public static func render(into buf: inout Buffer, title: String, message: String, hints: String, style: Style = .normal) {
        guard buf.width >= 10, buf.height >= 5 else { return }
        let longest = message.split(separator: "\n").map { TextWidth.width(of: $0) }.max() ?? 0
        let w = min(buf.width - 4, max(40, TextWidth.width(of: title) + 6, longest + 4))
        let lines = wrap(message, width: w - 4)
        let h = min(buf.height - 2, lines.count + 4)
        let x = (buf.width - w) / 2, y = (buf.height - h) / 2
        buf.fill(x: x, y: y, width: w, height: h, style: .normal)
        for yy in y..<(y + h) {
            buf.draw("│", x: x, y: yy, style: style); buf.draw("│", x: x + w - 1, y: yy, style: style)
        }
        buf.draw("┌" + String(repeating: "─", count: w - 2) + "┐", x: x, y: y, style: style)
        buf.draw("└" + String(repeating: "─", count: w - 2) + "┘", x: x, y: y + h - 1, style: style)
        buf.draw(" \(title) ", x: x + 2, y: y, style: style == .normal ? .bold : style, maxWidth: w - 4)
        for (i, l) in lines.prefix(h - 4).enumerated() { buf.draw(l, x: x + 2, y: y + 1 + i, maxWidth: w - 4) }
        buf.draw(hints, x: x + 2, y: y + h - 2, style: .muted, maxWidth: w - 4)
    }

    /// Word-wraps text to a display width (long words are cut).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for para in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in para.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if TextWidth.width(of: candidate) <= width { line = candidate; continue }
                if !line.isEmpty { lines.append(line) }
                var w = String(word)
                while TextWidth.width(of: w) > width {
                    let head = TextWidth.prefix(w, fitting: width)
                    lines.append(head); w = String(w.dropFirst(head.count))
                }
                line = w
            }
            lines.append(line)
        }
        return lines
    }
}
