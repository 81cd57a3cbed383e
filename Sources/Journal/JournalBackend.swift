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
    /// False while the connection to a journal on a server is down (a file: always true).
    /// Cheap: no query.
    var isOnline: Bool { get }
    /// Starts making the connection again without waiting for it (a file: nothing to do).
    func reconnect()
    /// Whether a command whose commit was unconfirmed (`JournalError.unconfirmed`) turned out
    /// to be recorded (true) or not (false), once, after it was settled; nil otherwise.
    func takeSettlement() -> Bool?
    /// Runs `body` — many commands — under one exclusive lock, their records sent to the server
    /// together at the end (one transaction) instead of one round trip each: for generators
    /// writing a new journal, not for desks (nothing is acknowledged before the end). A file
    /// appends as usual.
    func batched<T>(visit: JournalFile.Visitor, _ body: () throws -> T) throws -> T
}

extension JournalFile: JournalBackend {
    public var isOnline: Bool { true }
    public func reconnect() {}
    public func takeSettlement() -> Bool? { nil }
    public func batched<T>(visit: JournalFile.Visitor, _ body: () throws -> T) throws -> T { try body() }
}
