import Foundation
import Journal
import PostgresNIO

/// One connection to the server, used synchronously: every call waits on its future from the
/// caller's thread (never an event-loop thread). A dropped connection is reconnected at the next
/// call; `onNotify` is called (on an event-loop thread) for each NOTIFY on `onderdak_events`.
final class PostgresSession: @unchecked Sendable {
    let location: PostgresLocation
    let logger = Logger(label: "onderdak.postgres")
    private var connection: PostgresConnection?
    /// Set from event-loop threads by the NOTIFY listener; read by the desk's thread.
    let notified = NotifyFlag()
    /// How many times the connection was made again after it dropped.
    private(set) var reconnects = 0
    private var everConnected = false
    var listens = false

    init(_ location: PostgresLocation) { self.location = location }

    deinit { if let c = connection { try? c.close().wait() } }

    var isConnected: Bool { connection.map { !$0.isClosed } ?? false }

    /// The live connection, made (again) if needed.
    func connected() throws(JournalError) -> PostgresConnection {
        if let c = connection, !c.isClosed { return c }
        connection = nil
        do {
            let c = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(), configuration: location.configuration,
                                                   id: 1, logger: logger).wait()
            if everConnected { reconnects += 1 }
            everConnected = true
            connection = c
            if listens {
                let flag = notified
                c.addListener(channel: "onderdak_events") { _, _ in flag.set() }
                _ = try c.simpleQuery("LISTEN onderdak_events").wait()
                // What was appended while we were away is read at the next refresh.
                flag.set()
            }
            return c
        } catch {
            throw .io(path: location.display, operation: "connect to", reason: Self.text(error))
        }
    }

    /// Runs a query and returns its rows.
    @discardableResult
    func rows(_ q: PostgresQuery) throws(JournalError) -> [PostgresRow] {
        let c = try connected()
        do { return Array(try c.query(q, logger: logger).wait().rows) } catch {
            if c.isClosed { connection = nil }
            throw .io(path: location.display, operation: "query", reason: Self.text(error))
        }
    }

    /// Runs statements without parameters (schema, BEGIN/COMMIT).
    func simple(_ sql: String) throws(JournalError) {
        let c = try connected()
        do { _ = try c.simpleQuery(sql).wait() } catch {
            if c.isClosed { connection = nil }
            throw .io(path: location.display, operation: "run \(sql.prefix(40)) on", reason: Self.text(error))
        }
    }

    /// Drops the connection (tests, after a failure whose outcome is unknown).
    func drop() {
        if let c = connection { try? c.close().wait() }
        connection = nil
    }

    static func text(_ error: any Error) -> String {
        if let p = error as? PSQLError {
            if let m = p.serverInfo?[.message] { return m }
            return "\(p.code)"
        }
        return "\(error)"
    }
}
