import Journal
import ShelterDomain

/// The per-person keys of a `MemoryJournal`, kept in memory (a `PersonalKeyStore` reads and
/// writes them as it would the shared table of a server).
public final class MemoryKeys: PersonalKeyRemote {
    public let storeID: [UInt8] = Array("memory00".utf8)
    var entries: [ClientID: [UInt8]] = [:]

    public init() {}

    /// A copy with the same keys.
    public func copy() -> MemoryKeys {
        let c = MemoryKeys()
        c.entries = entries
        return c
    }

    public func loadKeys() throws(JournalError) -> [(ClientID, [UInt8])] { entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    public func insertKeys(_ new: [(ClientID, [UInt8])]) throws(JournalError) { for (c, k) in new { entries[c] = k } }
    public func deleteKeys(_ clients: [ClientID]) throws(JournalError) { for c in clients { entries[c] = nil } }
}
