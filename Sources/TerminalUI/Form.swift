/// A vertical form: labelled text fields, Tab/Shift-Tab and arrows to move, editing keys go to
/// the focused field; each field's validation message is shown under it as you type.
public struct Form: Equatable, Sendable {
    public var fields: [FormField]
    public var focus = 0

    public init(fields: [FormField]) { self.fields = fields }

    public subscript(_ i: Int) -> String { fields[i].input.text }

    /// True when any field holds text (F10 then asks before throwing it away).
    public var hasInput: Bool { fields.contains { !$0.input.isEmpty } }

    public var isValid: Bool { fields.allSatisfy { $0.problem == nil } }

    /// Returns true when the key was used (navigation or editing).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .tab, .down: focus = (focus + 1) % max(1, fields.count); return true
        case .backTab, .up: focus = (focus - 1 + fields.count) % max(1, fields.count); return true
        default:
            guard fields.indices.contains(focus) else { return false }
            return fields[focus].input.handle(key)
        }
    }

    /// Draws the form from row `y`; two rows per field (input, message). Sets the buffer cursor.
    public func render(into buf: inout Buffer, x: Int, y: Int, labelWidth: Int, fieldWidth: Int) {
        for (i, f) in fields.enumerated() {
            let row = y + i * 2
            guard row < buf.height - 1 else { break }
            buf.draw(TextWidth.fit(f.label, labelWidth), x: x, y: row, style: i == focus ? .bold : .normal)
            let cx = f.input.render(into: &buf, x: x + labelWidth + 1, y: row, width: fieldWidth, focused: i == focus)
            if i == focus { buf.cursor = (min(cx, buf.width - 1), row) }
            if let p = f.problem, row + 1 < buf.height - 1 {
                buf.draw("⚠ " + p, x: x + labelWidth + 1, y: row + 1, style: .error, maxWidth: buf.width - x - labelWidth - 2)
            }
        }
    }
}
