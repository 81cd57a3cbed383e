/// A backend-independent grid of cells that screens render into. Tests read it back as text
/// lines; the ncurses backend copies only the cells that changed since the last frame.
public struct Buffer: Equatable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (an editing field), if anywhere.
    public var cursor: (x: Int, y: Int)? {
        get { cursorStorage.map { ($0 % max(width, 1), $0 / max(width, 1)) } }
        set { cursorStorage = newValue.map { $0.y * width + $0.x } }
    }
    var cursorStorage: Int?

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: Buffer, b: Buffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorStorage == b.cursorStorage
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Draws text at (x, y), clipped to the buffer (and to `maxWidth`), by display width.
    /// Control characters are never drawn (shown as "?"). Returns the columns used.
    @discardableResult
    public mutating func draw(_ text: some StringProtocol, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var col = x
        for ch in text {
            var g = String(ch)
            var w = TextWidth.width(of: ch)
            if ch.unicodeScalars.first.map({ $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) ?? false { g = "?"; w = 1 }
            if w == 0 {
                // Combining mark on its own: attach to the previous cell if any.
                if col > x, col - 1 >= 0, col - 1 < width {
                    var i = col - 1
                    while i > 0, self[i, y].width == 0 { i -= 1 }
                    self[i, y].grapheme += g
                }
                continue
            }
            if col + w > limit {
                // Cut text says so: its last visible cell becomes "…".
                if col < limit, col >= 0 {
                    self[col, y] = Cell(grapheme: "…", width: 1, style: style)
                    col += 1
                } else if col > x, col - 1 >= 0 {
                    var i = col - 1
                    while i > x, self[i, y].width == 0 { i -= 1 }
                    let wide = self[i, y].width == 2
                    self[i, y] = Cell(grapheme: "…", width: 1, style: style)
                    if wide, i + 1 < width { self[i + 1, y] = Cell(grapheme: " ", width: 1, style: style) }
                }
                break
            }
            if col >= 0 {
                self[col, y] = Cell(grapheme: g, width: UInt8(w), style: style)
                if w == 2 { self[col + 1, y] = .continuation(style) }
            }
            col += w
        }
        return col - x
    }

    /// Fills a rectangle with blanks in a style.
    /// Draws a frame (single line) around a rectangle.
    public mutating func box(x: Int, y: Int, width w: Int, height h: Int, style: Style = .normal) {
        guard w >= 2, h >= 2 else { return }
        for yy in (y + 1)..<(y + h - 1) { draw("│", x: x, y: yy, style: style); draw("│", x: x + w - 1, y: yy, style: style) }
        draw("┌" + String(repeating: "─", count: w - 2) + "┐", x: x, y: y, style: style)
        draw("└" + String(repeating: "─", count: w - 2) + "┘", x: x, y: y + h - 1, style: style)
    }

    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .normal) {
        for yy in max(0, y)..<min(height, y + h) {
            for xx in max(0, x)..<min(width, x + w) { self[xx, yy] = Cell(grapheme: " ", width: 1, style: style) }
        }
    }

    /// One row as text (continuation cells skipped), trailing spaces kept.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width { s += self[x, y].grapheme }
        return s
    }

    /// All rows, trailing spaces trimmed: the form golden tests compare.
    public var lines: [String] {
        (0..<height).map { y in
            var l = line(y)
            while l.last == " " { l.removeLast() }
            return l
        }
    }
}
