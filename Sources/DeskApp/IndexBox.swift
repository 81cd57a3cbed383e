import Foundation
import ShelterDomain

/// Hands a search index built on a background queue to the session (lock-protected). When the
/// session needs the index before it is ready it waits for it instead of building a second one
/// (one index in memory, and the wait is never longer than building anew).
final class IndexBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: (ClientSearchIndex, Int, Int)?
    private var done = false
    var started = false

    func set(_ index: ClientSearchIndex, revision: Int, clients: Int) {
        condition.lock(); value = (index, revision, clients); done = true; condition.broadcast(); condition.unlock()
    }

    /// The built index (once): waits for it when the build is under way; nil when none was started.
    func take() -> (ClientSearchIndex, Int, Int)? {
        guard started else { return nil }
        condition.lock(); defer { condition.unlock() }
        while !done { condition.wait() }
        let v = value
        value = nil
        return v
    }

    /// Kept for callers that built their own index: drops a finished background one.
    func abandon() {
        condition.lock(); value = nil; condition.unlock()
    }
}
