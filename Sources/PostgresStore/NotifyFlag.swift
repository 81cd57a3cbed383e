import Foundation

/// A flag set from any thread.
final class NotifyFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    /// Returns the flag and clears it.
    func take() -> Bool { lock.lock(); defer { value = false; lock.unlock() }; return value }
    func peek() -> Bool { lock.lock(); defer { lock.unlock() }; return value }
}
