import Foundation
import ShelterDomain

/// Hands a search index built on a background queue to the session (lock-protected).
final class IndexBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (ClientSearchIndex, Int, Int)?
    var started = false

    func set(_ index: ClientSearchIndex, revision: Int, clients: Int) {
        lock.lock(); value = (index, revision, clients); lock.unlock()
    }

    /// The built index (once), or nil while it is still being built.
    func take() -> (ClientSearchIndex, Int, Int)? {
        lock.lock(); defer { lock.unlock() }
        let v = value
        value = nil
        return v
    }
}
