/// One of several options, changed with ← → (or Space): "‹ man ›".
public struct Choice: Equatable, Sendable {
    public var options: [String]
    public var index: Int
    public init(_ options: [String], index: Int = 0) { self.options = options; self.index = min(index, max(0, options.count - 1)) }

    public var selected: String { options.isEmpty ? "" : options[index] }

    public mutating func handle(_ key: Key) -> Bool {
        guard !options.isEmpty else { return false }
        switch key {
        case .left: index = (index - 1 + options.count) % options.count
        case .right, .char(" "): index = (index + 1) % options.count
        default: return false
        }
        return true
    }

    public func render(into buf: inout Buffer, x: Int, y: Int, width: Int, focused: Bool) {
        buf.draw(TextWidth.fit("‹ \(selected) ›", width), x: x, y: y, style: focused ? .selected : .normal)
    }
}
