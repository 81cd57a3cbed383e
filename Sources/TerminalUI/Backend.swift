/// Where frames go and keys come from: the ncurses terminal, or memory in tests.
public protocol Backend: AnyObject {
    /// Current size in columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Shows a frame (backends may copy only what changed).
    func present(_ buffer: Buffer)
    /// Waits up to `timeoutMs` for a key; nil on time-out.
    func readKey(timeoutMs: Int) -> Key?
}
