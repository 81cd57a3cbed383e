/// What an `EventStore` runs on: an append-only, hash-chained sequence of records — a
/// `JournalFile`, or the journal on PostgreSQL (the `PostgresStore` target). The records hold
/// the same bytes wherever they are kept, so head hashes can be compared across backends.
public protocol JournalBackend: AnyObject {
    /// Where the journal is (a file path, or a `postgresql://` URL without its password).
    var path: String { get }
    var header: JournalHeader { get }
    /// Records read so far, the header included.
    var recordCount: Int { get }
    /// SHA-256 of the last record read: the head of the hash chain.
    var headHash: [UInt8] { get }
    /// Things the user should be told (a torn tail cut, a reconnection…).
    var notices: [String] { get }
    /// Adds a sentence for the user.
    func addNotice(_ text: String)
    /// True when others have appended records not read yet (cheap; no reading).
    var hasNewData: Bool { get }
    /// Reads (and visits) the records appended since the last read.
    func refresh(visit: JournalFile.Visitor) throws(JournalError)
    /// Runs `body` holding the journal's exclusive lock, after visiting what others appended.
    func withExclusiveLock<T>(visit: JournalFile.Visitor, _ body: () throws -> T) throws -> T
    /// Appends payloads as one command batch, durably; call inside `withExclusiveLock`.
    @discardableResult
    func append(_ payloads: [[UInt8]]) throws(JournalError) -> Int
}

extension JournalFile: JournalBackend {}
