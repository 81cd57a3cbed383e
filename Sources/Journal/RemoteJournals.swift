/// Journals not kept in a file (PostgreSQL): set once by the composition root, so that every
/// `EventStore.open` / `create` given such a location (`postgresql://…`) opens it there.
public protocol RemoteJournals: Sendable {
    /// True for a location this backend keeps (a `postgresql://` URL).
    func handles(_ location: String) -> Bool
    /// Creates a new journal holding only its header (refused when one is there).
    func create(_ location: String, header: JournalHeader) throws(JournalError)
    /// The key store every desk shares.
    func keys(_ location: String) throws(JournalError) -> PersonalKeyStore
    /// Opens the journal, visiting every event payload.
    func open(_ location: String, writable: Bool, visit: JournalFile.Visitor) throws(JournalError) -> any JournalBackend
    /// The journal's store id (it names this desk's local snapshot cache), read without loading
    /// keys or records.
    func storeID(_ location: String) throws(JournalError) -> [UInt8]
    /// Opens the journal after `resume` (this desk's snapshot of its first records), visiting only
    /// the event payloads after it; nil when the journal does not continue that snapshot.
    func open(_ location: String, writable: Bool, resume: SnapshotFile, visit: JournalFile.Visitor) throws(JournalError) -> (any JournalBackend)?
}
