/// A single-line text field with a cursor: typing inserts at the cursor; Home/End, arrows,
/// Backspace, Delete and Ctrl-U (clear) edit; long text scrolls horizontally by display width.
/// `secret` fields show one bullet per character (PINs).
public struct TextField: Equatable, Sendable {
    public var text: String { String(chars) }
    var chars: [Character]
    public private(set) var cursor: Int
    public var secret: Bool
    public var maxLength: Int

    public init(_ text: String = "", secret: Bool = false, maxLength: Int = 200) {
        chars = Array(text); cursor = chars.count; self.secret = secret; self.maxLength = maxLength
    }

    public var isEmpty: Bool { chars.isEmpty }

    public mutating func setText(_ s: String) { chars = Array(s); cursor = chars.count }

    /// Handles an editing key; returns false when the key is not an editing key.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            // Control characters never enter a field (they arrive as .ctrl or are dropped).
            guard !c.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return true }
            guard chars.count < maxLength else { return true }
            chars.insert(c, at: cursor); cursor += 1
        case .backspace:
            if cursor > 0 { chars.remove(at: cursor - 1); cursor -= 1 }
        case .delete:
            if cursor < chars.count { chars.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = chars.count
        case .ctrl("u"): chars.removeAll(); cursor = 0
        default: return false
        }
        return true
    }

    /// Draws the field in `width` columns; returns the screen column of the cursor.
    @discardableResult
    public func render(into buf: inout Buffer, x: Int, y: Int, width: Int, focused: Bool) -> Int {
        guard width > 0 else { return x }
        let shown: [Character] = secret ? Array(repeating: "•", count: chars.count) : chars
        // Scroll so the cursor is visible.
        var start = 0
        func widthOf(_ r: Range<Int>) -> Int { shown[r].reduce(0) { $0 + TextWidth.width(of: $1) } }
        while start < cursor, widthOf(start..<cursor) > width - 1 { start += 1 }
        let style: Style = focused ? .selected : .bold
        buf.fill(x: x, y: y, width: width, height: 1, style: style)
        buf.draw(String(shown[start...]), x: x, y: y, style: style, maxWidth: width)
        return x + widthOf(start..<cursor)
    }
}
