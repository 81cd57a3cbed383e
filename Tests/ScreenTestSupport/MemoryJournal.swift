import Journal
import ShelterDomain

/// A journal kept in memory: the records a `JournalFile` would hold, in an array, hash-chained
/// the same way. One desk only (nothing else appends, so `refresh` has nothing to read) — for
/// screen tests that need a state and its store but no file on disk.
public final class MemoryJournal: JournalBackend {
    public let path: String
    public let header: JournalHeader
    /// The event payloads appended so far, in order (sealed ones as they would be on disk).
    public private(set) var payloads: [[UInt8]]
    public private(set) var headHash: [UInt8]
    public private(set) var notices: [String] = []

    /// An empty journal holding only `header`; `path` is what screens show as its location.
    public init(path: String, header: JournalHeader) {
        self.path = path; self.header = header; payloads = []
        headHash = RecordFormat.build(kind: RecordFormat.kindHeader, flags: 0, payload: header.encoded(), previousHash: [UInt8](repeating: 0, count: 32))
            .withUnsafeBytes { RecordFormat.sha256($0) }
    }

    /// A copy with the same records, for a test that changes it (the template stays as it was).
    public func copy() -> MemoryJournal {
        let c = MemoryJournal(path: path, header: header)
        c.payloads = payloads; c.headHash = headHash
        return c
    }

    public var recordCount: Int { payloads.count + 1 }
    public func addNotice(_ text: String) { notices.append(text) }
    public var hasNewData: Bool { false }
    public func refresh(visit: JournalFile.Visitor) throws(JournalError) {}
    public func withExclusiveLock<T>(visit: JournalFile.Visitor, _ body: () throws -> T) throws -> T { try body() }
    public func batched<T>(visit: JournalFile.Visitor, _ body: () throws -> T) throws -> T { try body() }
    public var isOnline: Bool { true }
    public func reconnect() {}
    public func takeSettlement() -> Bool? { nil }

    @discardableResult
    public func append(_ new: [[UInt8]]) throws(JournalError) -> Int {
        for (i, payload) in new.enumerated() {
            let flags = i < new.count - 1 ? RecordFormat.flagContinued : 0
            headHash = RecordFormat.build(kind: RecordFormat.kindEvent, flags: flags, payload: payload, previousHash: headHash)
                .withUnsafeBytes { RecordFormat.sha256($0) }
            payloads.append(payload)
        }
        return recordCount
    }

    /// Visits every record, as opening a journal file does.
    func replay(_ visit: JournalFile.Visitor) throws(JournalError) {
        for (i, p) in payloads.enumerated() {
            do {
                try p.withUnsafeBytes { try visit(i + 1, $0) }
            } catch let e as JournalError {
                throw e
            } catch {
                throw .undecodable(path: path, record: i + 1, offset: 0, reason: "\(error)")
            }
        }
    }

    /// A store on this journal (its events replayed) whose commands are timed by `clock`.
    public func open(keys: MemoryKeys, clock: @escaping () -> Timestamp) throws(JournalError) -> EventStore {
        try EventStore.open(backend: { (visit) throws(JournalError) -> any JournalBackend in
            try self.replay(visit)
            return self
        }, keys: try PersonalKeyStore.open(remote: keys, name: path + ".keys"), writable: true, clock: clock)
    }

    /// Every event, its sealed fields opened with `keys` (what the audit log reads from a journal file).
    public func events(keys: PersonalKeyStore) throws(JournalError) -> [RecordedEvent] {
        var out: [RecordedEvent] = []
        for (i, p) in payloads.enumerated() {
            do {
                out.append(try p.withUnsafeBytes { try SealedRecord.decode($0, key: keys.key).0 })
            } catch {
                throw .undecodable(path: path, record: i + 1, offset: 0, reason: "\(error)")
            }
        }
        return out
    }
}
