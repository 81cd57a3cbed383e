/// A vertical list with a selection that scrolls to stay visible: ↑ ↓ PgUp PgDn Home End.
public struct ListView: Equatable, Sendable {
    public var count: Int
    public private(set) var selected = 0
    public private(set) var top = 0

    public init(count: Int) { self.count = count }

    /// Selects row `i` (clamped), e.g. to keep a row selected when the list is rebuilt.
    public mutating func select(_ i: Int) { selected = max(0, min(i, count - 1)) }

    public mutating func setCount(_ n: Int) {
        count = max(0, n)
        selected = min(selected, max(0, count - 1))
    }

    /// Moves the selection for a navigation key within a window of `height` rows.
    @discardableResult
    public mutating func handle(_ key: Key, height: Int) -> Bool {
        guard count > 0 else { return false }
        let page = max(1, height - 1)
        switch key {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(count - 1, selected + 1)
        case .pageUp: selected = max(0, selected - page)
        case .pageDown: selected = min(count - 1, selected + page)
        case .home: selected = 0
        case .end: selected = count - 1
        default: return false
        }
        scroll(height: height)
        return true
    }

    public mutating func scroll(height: Int) {
        guard height > 0 else { return }
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        top = max(0, min(top, max(0, count - height)))
    }

    /// Draws rows `top..<top+height` with `row(i)` giving each row's text; the selected row is highlighted.
    public mutating func render(into buf: inout Buffer, x: Int, y: Int, width: Int, height: Int, row: (Int) -> String) {
        scroll(height: height)
        // Scroll marks only where there is more to see, in a column of their own.
        let marks = count > height && height > 1
        let rowWidth = marks ? max(1, width - 1) : width
        for line in 0..<max(0, height) {
            let i = top + line
            guard i < count else { break }
            let style: Style = i == selected ? .selected : .normal
            buf.draw(TextWidth.fit(row(i), rowWidth), x: x, y: y + line, style: style)
            if marks { buf.draw(" ", x: x + width - 1, y: y + line, style: style) }
        }
        if marks {
            if top > 0 { buf.draw("▲", x: x + width - 1, y: y, style: .muted) }
            if top + height < count { buf.draw("▼", x: x + width - 1, y: y + height - 1, style: .muted) }
        }
    }
}
