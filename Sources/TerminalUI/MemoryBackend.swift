/// An in-memory backend for tests: a fixed (resizable) size, a queue of keys, and the last
/// frame presented, readable as text lines.
public final class MemoryBackend: Backend {
    public var size: (width: Int, height: Int)
    public var keys: [Key]
    public private(set) var frame: Buffer
    /// Cells written by the last `present` (what a terminal backend would have sent).
    public private(set) var lastChangedCells = 0

    public init(width: Int, height: Int, keys: [Key] = []) {
        size = (width, height); self.keys = keys; frame = Buffer(width: width, height: height)
    }

    public func present(_ buffer: Buffer) {
        if buffer.width == frame.width, buffer.height == frame.height {
            lastChangedCells = zip(buffer.cells, frame.cells).filter { $0 != $1 }.count
        } else {
            lastChangedCells = buffer.cells.count
        }
        frame = buffer
    }

    public func readKey(timeoutMs: Int) -> Key? { keys.isEmpty ? nil : keys.removeFirst() }

    /// Changes the size and queues a resize event, as a terminal would.
    public func resize(width: Int, height: Int) { size = (width, height); keys.insert(.resize, at: 0) }
}
