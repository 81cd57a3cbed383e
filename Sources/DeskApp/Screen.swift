import TerminalUI

/// A screen as a model: it is updated with a message and answers with an effect for the
/// session to carry out, draws itself into the buffer from a context, and says which keys it
/// offers (the hint bar and the help overlay are cut from that one list), whether it captures
/// typed text (then `?` and `/` are letters, not help and search) and whether it holds input
/// that leaving would throw away.
///
/// The session handles every converted screen the same way: keys, ticks and outcomes go in
/// through `update`, drawing through `render`, and `DeskMode.screen` is the only list of them.
/// Every screen of a logged-in desk but home is one: the board and its client picker, search
/// and the file, intake, checklist, return plan, merge, approvals, returns overview, occupancy,
/// audit, staff and inventory. The session draws the rest itself: what comes before a journal
/// is open or anyone is logged in (the first-run choice, set-up, the demo role picker, login:
/// there is no state to give them) and the home screen.
public protocol Screen {
    mutating func update(_ message: ScreenMessage, context: ScreenContext) -> DeskEffect
    mutating func render(into buf: inout Buffer, context: ScreenContext)
    /// The keys this screen offers now, in the reader's words (the hint bar and help are cut from them).
    func keyHints(_ context: ScreenContext) -> [String]
    var capturesText: Bool { get }
    var hasUnsavedInput: Bool { get }
    /// True where Esc would leave and throw typed input away (the session asks first).
    var escapeDiscards: Bool { get }
    /// Staff said to throw the input away: what to do (by default, leave the screen).
    mutating func discardInput() -> DeskEffect
    /// True while the screen asks a question of its own (a confirmation): it is drawn over
    /// everything, hint bar included, by `renderDialog`, and the status line is not drawn.
    var hasDialog: Bool { get }
    func renderDialog(into buf: inout Buffer, context: ScreenContext)
}

extension Screen {
    public var capturesText: Bool { false }
    public var hasUnsavedInput: Bool { false }
    public var escapeDiscards: Bool { hasUnsavedInput }
    public mutating func discardInput() -> DeskEffect { .back }
    public var hasDialog: Bool { false }
    public func renderDialog(into buf: inout Buffer, context: ScreenContext) {}
}
