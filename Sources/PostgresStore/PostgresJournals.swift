import Foundation
import Journal
import PostgresNIO
import ShelterDomain

/// Opens journals kept on PostgreSQL for `EventStore` (installed by the composition root with
/// `PostgresJournals.install()`). Each open gets its own connection (a command without LISTEN reuses the one that read the store id just before); each desk keeps its own snapshot cache (see `SnapshotCache`).
public struct PostgresJournals: RemoteJournals {
    /// Whether opened journals LISTEN for appends (the desk), so `hasNewData` costs no query.
    public let listen: Bool
    /// Whether a dropped connection is made again in the background only (the desk: keys are
    /// never held up; a command while it is down fails at once with `JournalError.offline`).
    public let background: Bool

    public init(listen: Bool = false, background: Bool = false) { self.listen = listen; self.background = background }

    /// Makes `EventStore.open`/`create` take `postgresql://` URLs.
    public static func install(listen: Bool = false, background: Bool = false) {
        EventStore.remote = PostgresJournals(listen: listen, background: background)
    }

    public func handles(_ location: String) -> Bool { PostgresLocation.handles(location) }

    static func session(_ location: String) throws(JournalError) -> PostgresSession {
        PostgresSession(try PostgresLocation(location))
    }

    /// The connection that just read a store id, kept for the open that follows it (the board
    /// reads the id to find its cache, then the rows: one connection instead of two). Only
    /// without LISTEN: a listening session subscribes when it connects.
    private nonisolated(unsafe) static var spare: [String: PostgresSession] = [:]
    private static let spareLock = NSLock()

    static func keep(_ s: PostgresSession, for location: String) {
        spareLock.lock(); defer { spareLock.unlock() }
        spare[location] = s
    }

    /// The kept connection for `location` (taken: one open only), else a new session.
    func openSession(_ location: String) throws(JournalError) -> PostgresSession {
        if !listen {
            Self.spareLock.lock()
            let kept = Self.spare.removeValue(forKey: location)
            Self.spareLock.unlock()
            if let kept, kept.isConnected { return kept }
        }
        return try Self.session(location)
    }

    public func create(_ location: String, header: JournalHeader) throws(JournalError) {
        try PostgresJournal.create(session: try Self.session(location), header: header)
    }

    public func keys(_ location: String, lazily: Bool) throws(JournalError) -> PersonalKeyStore {
        let s = try Self.session(location)
        let rows = try s.rows("SELECT store_id FROM onderdak_header WHERE id = 1")
        guard let row = rows.first, let id = try? row.decode(ByteBuffer.self) else { throw .notFound(path: s.location.display) }
        return try PersonalKeyStore.open(remote: PostgresKeys(session: s, storeID: Array(id.readableBytesView)), name: s.location.display + " (onderdak_keys)",
                                      lazily: lazily)
    }

    public func open(_ location: String, writable: Bool, visit: JournalFile.Visitor) throws(JournalError) -> any JournalBackend {
        let s = try openSession(location)
        s.listens = listen
        s.background = background
        return try PostgresJournal.open(session: s, writable: writable, visit: visit)
    }

    public func storeID(_ location: String) throws(JournalError) -> [UInt8] {
        let s = try Self.session(location)
        let rows = try s.rows("SELECT store_id FROM onderdak_header WHERE id = 1")
        guard let row = rows.first, let id = try? row.decode(ByteBuffer.self) else { throw .notFound(path: s.location.display) }
        if !listen { Self.keep(s, for: location) }
        return Array(id.readableBytesView)
    }

    public func open(_ location: String, writable: Bool, resume: SnapshotFile, visit: JournalFile.Visitor) throws(JournalError) -> (any JournalBackend)? {
        let s = try openSession(location)
        s.listens = listen
        s.background = background
        return try PostgresJournal.open(session: s, writable: writable, resume: resume, visit: visit)
    }
}
