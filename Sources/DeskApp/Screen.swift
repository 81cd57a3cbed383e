import TerminalUI

/// A screen as a model: it is updated with a message and answers with an effect for the
/// session to carry out, draws itself into the buffer from a context, and says which keys it
/// offers (the hint bar and the help overlay are cut from that one list), whether it captures
/// typed text (then `?` and `/` are letters, not help and search) and whether it holds input
/// that leaving would throw away.
///
/// Converted so far: `OccupancyScreen`, `ReturnsOverview`, `AuditScreen`; the other screens are
/// still routed by `DeskSession`'s mode switches with their own `update`/`render` signatures.
public protocol Screen {
    mutating func update(_ message: ScreenMessage, context: ScreenContext) -> DeskEffect
    mutating func render(into buf: inout Buffer, context: ScreenContext)
    func keyHints(_ t: Strings) -> [String]
    var capturesText: Bool { get }
    var hasUnsavedInput: Bool { get }
}

extension Screen {
    public var capturesText: Bool { false }
    public var hasUnsavedInput: Bool { false }
}
