/// A long form that scrolls: rows of text fields, choices and yes/no boxes under section
/// headings. Tab/↓ and Shift-Tab/↑ move between enabled rows, editing keys go to the focused
/// row, and the view scrolls so the focused row and its message stay visible at any size.
public struct ScrollForm: Equatable, Sendable {
    public var rows: [FormRow]
    public private(set) var focus: Int
    public private(set) var top = 0

    public init(rows: [FormRow]) {
        self.rows = rows
        focus = rows.firstIndex(where: \.isFocusable) ?? 0
    }

    public subscript(_ i: Int) -> FormRow {
        get { rows[i] }
        set { rows[i] = newValue }
    }

    public var hasInput: Bool { rows.contains(where: \.hasInput) }
    public var isValid: Bool { rows.allSatisfy { $0.problem == nil || !$0.enabled } }

    public mutating func setFocus(_ i: Int) { if rows.indices.contains(i) { focus = i } }

    /// Moves focus to the next (or previous) enabled row, wrapping around.
    public mutating func move(_ forward: Bool) {
        guard rows.contains(where: \.isFocusable) else { return }
        var i = focus
        repeat { i = (i + (forward ? 1 : -1) + rows.count) % rows.count } while !rows[i].isFocusable
        focus = i
    }

    /// Returns true when the key was used.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .tab, .down: move(true); return true
        case .backTab, .up: move(false); return true
        default: break
        }
        guard rows.indices.contains(focus), rows[focus].enabled else { return false }
        switch rows[focus].input {
        case .text(var t):
            guard t.handle(key) else { return false }
            rows[focus].input = .text(t)
        case .choice(var c):
            guard c.handle(key) else { return false }
            rows[focus].input = .choice(c)
        case .check(let b):
            guard key == .char(" ") else { return false }
            rows[focus].input = .check(!b)
        case .heading:
            return false
        }
        return true
    }

    /// Screen lines of each row (1, plus 1 when it shows a problem).
    func lineCounts() -> [Int] { rows.map { $0.problem != nil && $0.enabled ? 2 : 1 } }

    /// Draws rows into `height` lines from (`x`, `y`); sets the cursor on a focused text field.
    public mutating func render(into buf: inout Buffer, x: Int, y: Int, width: Int, height: Int, labelWidth: Int, focused: Bool = true) {
        guard height > 0, width > labelWidth + 4 else { return }
        let lines = lineCounts()
        // Scroll: keep the focused row (and its message) in view; show the heading above it when possible.
        var start = lines[..<min(focus, lines.count)].reduce(0, +)
        let focusEnd = start + (lines.indices.contains(focus) ? lines[focus] : 1)
        if focus > 0, case .heading = rows[focus - 1].input { start -= lines[focus - 1] }
        if start < top { top = start }
        if focusEnd > top + height { top = focusEnd - height }
        top = max(0, min(top, max(0, lines.reduce(0, +) - height)))
        let fieldWidth = min(40, width - labelWidth - 2)
        var line = 0
        for (i, row) in rows.enumerated() {
            defer { line += lines[i] }
            let rowY = y + line - top
            guard line + lines[i] > top, rowY < y + height else { continue }
            let isFocus = focused && i == focus
            if rowY >= y {
                switch row.input {
                case .heading:
                    buf.draw(row.label, x: x, y: rowY, style: .bold, maxWidth: width)
                default:
                    let labelStyle: Style = !row.enabled ? .muted : isFocus ? .bold : .normal
                    buf.draw(TextWidth.fit(row.label, labelWidth), x: x + 1, y: rowY, style: labelStyle)
                    let fx = x + 2 + labelWidth
                    let w = fieldWidth - 1
                    var end = fx
                    switch row.input {
                    case .text(let t):
                        if row.enabled {
                            let cx = t.render(into: &buf, x: fx, y: rowY, width: min(w, max(12, TextWidth.width(of: t.text) + 2)), focused: isFocus)
                            if isFocus { buf.cursor = (min(cx, buf.width - 1), rowY) }
                            end = fx + min(w, max(12, TextWidth.width(of: t.text) + 2))
                        } else {
                            buf.draw("—", x: fx, y: rowY, style: .muted)
                            end = fx + 1
                        }
                    case .choice(let c):
                        c.render(into: &buf, x: fx, y: rowY, width: w, focused: isFocus)
                        end = fx + min(w, TextWidth.width(of: "‹ \(c.selected) ›"))
                    case .check(let b):
                        buf.draw(b ? "[x]" : "[ ]", x: fx, y: rowY, style: isFocus ? .selected : row.enabled ? .normal : .muted)
                        end = fx + 3
                    case .heading: break
                    }
                    if let note = row.note, row.enabled, end + 2 < x + width {
                        buf.draw(note, x: end + 1, y: rowY, style: .muted, maxWidth: x + width - end - 1)
                    }
                }
            }
            if let p = row.problem, row.enabled, rowY + 1 >= y, rowY + 1 < y + height {
                buf.draw("⚠ " + p, x: x + 2 + labelWidth, y: rowY + 1, style: .error, maxWidth: width - labelWidth - 2)
            }
        }
        // Scroll marks.
        if top > 0 { buf.draw("↑", x: x + width - 1, y: y, style: .muted) }
        if lines.reduce(0, +) - top > height { buf.draw("↓", x: x + width - 1, y: y + height - 1, style: .muted) }
    }
}
