/// Journals not kept in a file (PostgreSQL): set once by the composition root, so that every
/// `EventStore.open` / `create` given such a location (`postgresql://…`) opens it there.
public protocol RemoteJournals: Sendable {
    /// True for a location this backend keeps (a `postgresql://` URL).
    func handles(_ location: String) -> Bool
    /// Creates a new journal holding only its header (refused when one is there).
    func create(_ location: String, header: JournalHeader) throws(JournalError)
    /// The key store every desk shares. `lazily`: no key is read until one is asked for, and then
    /// only the keys of its batch of client numbers (for a read-only view: a board that folds a few
    /// newer rows needs a few keys, not a city's 100,000).
    func keys(_ location: String, lazily: Bool) throws(JournalError) -> PersonalKeyStore
    /// Opens the journal, visiting every event payload.
    func open(_ location: String, writable: Bool, visit: JournalFile.Visitor) throws(JournalError) -> any JournalBackend
    /// The journal's store id (it names this desk's local snapshot cache), read without loading
    /// keys or records.
    func storeID(_ location: String) throws(JournalError) -> [UInt8]
    /// Opens the journal after `resume` (this desk's snapshot of its first records), visiting only
    /// the event payloads after it; nil when the journal does not continue that snapshot.
    func open(_ location: String, writable: Bool, resume: SnapshotFile, visit: JournalFile.Visitor) throws(JournalError) -> (any JournalBackend)?
}

extension RemoteJournals {
    /// The key store every desk shares, every key read now (what a desk that decides needs).
    public func keys(_ location: String) throws(JournalError) -> PersonalKeyStore { try keys(location, lazily: false) }
}
