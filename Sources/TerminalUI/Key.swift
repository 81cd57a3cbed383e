/// A key press (or a terminal event) as screens see it, independent of the backend.
public enum Key: Hashable, Sendable {
    case char(Character)
    case enter, escape, backspace, delete, tab, backTab
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    case ctrl(Character)
    /// The terminal changed size.
    case resize
}
