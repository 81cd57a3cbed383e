/// A labelled yes/no box toggled with Space (or Enter): "[x] Document seen".
public struct Checkbox: Equatable, Sendable {
    public var label: String
    public var checked: Bool
    public init(_ label: String, checked: Bool = false) { self.label = label; self.checked = checked }

    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(" "), .enter: checked.toggle(); return true
        default: return false
        }
    }

    public func render(into buf: inout Buffer, x: Int, y: Int, width: Int, focused: Bool) {
        buf.draw(TextWidth.fit((checked ? "[x] " : "[ ] ") + label, width), x: x, y: y, style: focused ? .selected : .normal)
    }
}
