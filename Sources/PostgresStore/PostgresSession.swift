import Foundation
import Journal
import PostgresNIO

/// One connection to the server, used synchronously: every call waits on its future from the
/// caller's thread (never an event-loop thread). A dropped connection is made again at the next
/// call — or, with `background` (the desk), never on the caller's thread: a call while the
/// connection is down fails at once (`JournalError.offline`) and an attempt starts in the
/// background (at most one a second), so keys are never held up by a connect timeout.
/// `notified` is set (on an event-loop thread) for each NOTIFY on `onderdak_events`, and when a
/// connection is made again (what was appended meanwhile is then read).
final class PostgresSession: @unchecked Sendable {
    let location: PostgresLocation
    let logger = Logger(label: "onderdak.postgres")
    /// Guards `connection`, `connecting`, `lastAttempt`, `lastError`, `reconnects`: the
    /// background attempt completes on an event-loop thread.
    private let lock = NSLock()
    private var connection: PostgresConnection?
    private var connecting = false
    private var lastAttempt = Date.distantPast
    private var lastError: String?
    /// Set from event-loop threads by the NOTIFY listener; read by the desk's thread.
    let notified = NotifyFlag()
    /// How many times the connection was made again after it dropped.
    private var reconnectCount = 0
    private var everConnected = false
    var listens = false
    /// Sent as the payload of this session's own NOTIFYs, so that they do not count as news
    /// (a listening session hears its own notifications too).
    /// True while a command is decided and appended without the advisory lock, before its rows
    /// are written (`PostgresJournal.withExclusiveLock`): key changes then wait for the lock.
    var withoutLock = false
    let token = (0..<8).map { _ in String(UInt8.random(in: 0...255), radix: 16) }.joined()
    /// Once connected, connect again in the background only (the desk); see the type's comment.
    var background = false
    /// Seconds between two background attempts.
    var retryInterval: TimeInterval = 1

    init(_ location: PostgresLocation) { self.location = location }

    deinit { if let c = connection { try? c.close().wait() } }

    private func locked<T>(_ body: () throws -> T) rethrows -> T { lock.lock(); defer { lock.unlock() }; return try body() }

    var isConnected: Bool { locked { connection.map { !$0.isClosed } ?? false } }
    var reconnects: Int { locked { reconnectCount } }
    /// Why the last attempt to connect failed (shown while offline).
    var lastConnectError: String? { locked { lastError } }

    private func current() -> PostgresConnection? {
        locked {
            if let c = connection, !c.isClosed { return c }
            connection = nil
            return nil
        }
    }

    /// A new connection (LISTENing when `listens`), as a future.
    private func connectFuture(timeout: TimeAmount? = nil) -> EventLoopFuture<PostgresConnection> {
        var configuration = location.configuration
        if let timeout { configuration.options.connectTimeout = timeout }
        let future = PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration,
                                                id: 1, logger: logger)
        guard listens else { return future }
        let flag = notified, own = token
        return future.flatMap { c in
            c.addListener(channel: "onderdak_events") { _, n in if n.payload != own { flag.set() } }
            return c.simpleQuery("LISTEN onderdak_events").map { _ in c }
        }
    }

    private func adopt(_ c: PostgresConnection) {
        locked {
            if everConnected { reconnectCount += 1 }
            everConnected = true
            connection = c
            lastError = nil
        }
        // What was appended while we were away is read at the next refresh.
        if listens { notified.set() }
    }

    /// The live connection, made (again) if needed — in the background with `background`.
    func connected() throws(JournalError) -> PostgresConnection {
        if let c = current() { return c }
        // The first connection (at open) is waited for; the desk's later ones are not.
        if background, locked({ everConnected }) {
            reconnectInBackground()
            throw .offline(path: location.display, reason: lastConnectError ?? "not connected")
        }
        return try connectNow()
    }

    /// Connects on the caller's thread, whatever `background` says (the read-back of an
    /// unconfirmed commit, which must not wait for the next tick).
    func connectNow(timeout: TimeAmount? = nil) throws(JournalError) -> PostgresConnection {
        if let c = current() { return c }
        do {
            let c = try connectFuture(timeout: timeout).wait()
            adopt(c)
            return c
        } catch {
            let text = Self.text(error)
            locked { lastError = text }
            throw .offline(path: location.display, reason: text)
        }
    }

    /// Starts one attempt to connect in the background, unless connected, one is running, or
    /// the last began less than `retryInterval` ago.
    func reconnectInBackground() {
        let start: Bool = locked {
            if let c = connection, !c.isClosed { return false }
            guard !connecting, Date().timeIntervalSince(lastAttempt) >= retryInterval else { return false }
            connecting = true
            lastAttempt = Date()
            return true
        }
        guard start else { return }
        connectFuture().whenComplete { [self] result in
            switch result {
            case .success(let c): adopt(c)
            case .failure(let e): let text = Self.text(e); locked { lastError = text }
            }
            locked { connecting = false }
        }
    }

    /// Runs a query and returns its rows.
    @discardableResult
    func rows(_ q: PostgresQuery) throws(JournalError) -> [PostgresRow] {
        let c = try connected()
        do { return Array(try c.query(q, logger: logger).wait().rows) } catch {
            throw failure(c, "query", error)
        }
    }

    /// A query sent and not yet waited for (`send`, then `wait`): the next page of a catch-up
    /// travels while the caller checks this one.
    struct Sent {
        let connection: PostgresConnection
        let answer: EventLoopFuture<PostgresQueryResult>
    }

    /// Sends a query now; its rows are taken with `wait`.
    func send(_ q: PostgresQuery) throws(JournalError) -> Sent {
        let c = try connected()
        return Sent(connection: c, answer: c.query(q, logger: logger))
    }

    /// The rows of a query sent with `send`.
    func wait(_ sent: Sent) throws(JournalError) -> [PostgresRow] {
        do { return Array(try sent.answer.wait().rows) } catch {
            throw failure(sent.connection, "query", error)
        }
    }

    /// Sends a query without waiting for its answer (errors ignored): nothing when disconnected.
    func sendWithoutWaiting(_ q: PostgresQuery) {
        guard let c = current() else { return }
        _ = c.query(q, logger: logger)
    }

    /// Runs statements without parameters (schema, BEGIN/COMMIT).
    func simple(_ sql: String) throws(JournalError) {
        let c = try connected()
        do { _ = try c.simpleQuery(sql).wait() } catch {
            throw failure(c, "run \(sql.prefix(40)) on", error)
        }
    }

    /// The error for a call that failed: `offline` when the connection went with it.
    private func failure(_ c: PostgresConnection, _ operation: String, _ error: any Error) -> JournalError {
        let text = Self.text(error)
        if c.isClosed {
            locked { if connection === c { connection = nil }; lastError = text }
            return .offline(path: location.display, reason: text)
        }
        // A row number another desk took first (the primary key of onderdak_events).
        if let p = error as? PSQLError, p.serverInfo?[.sqlState] == "23505" { return .behind(path: location.display) }
        return .io(path: location.display, operation: operation, reason: text)
    }

    /// Drops the connection (tests, after a failure whose outcome is unknown).
    func drop() {
        let c: PostgresConnection? = locked { defer { connection = nil }; return connection }
        if let c { try? c.close().wait() }
    }

    static func text(_ error: any Error) -> String {
        if let p = error as? PSQLError {
            if let m = p.serverInfo?[.message] { return m }
            return "\(p.code)"
        }
        return "\(error)"
    }
}
