import Foundation
import Journal
import PostgresNIO

/// A `postgresql://user:password@host:port/database` URL (or `?host=/socket/dir` for a Unix
/// socket, as libpq reads it), turned into a PostgresNIO configuration. `display` never shows
/// the password.
public struct PostgresLocation: Sendable {
    public let configuration: PostgresConnection.Configuration
    public let display: String

    public static func handles(_ s: String) -> Bool { s.hasPrefix("postgresql://") || s.hasPrefix("postgres://") }

    public init(_ url: String) throws(JournalError) {
        guard Self.handles(url), let c = URLComponents(string: url) else {
            throw .io(path: url, operation: "connect to", reason: "not a postgresql:// URL")
        }
        let user = c.user.flatMap { $0.removingPercentEncoding } ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let password = c.password?.removingPercentEncoding ?? ProcessInfo.processInfo.environment["PGPASSWORD"]
        var db = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        if db.isEmpty { db = user }
        let port = c.port ?? 5432
        let socketDir = c.queryItems?.first { $0.name == "host" }?.value
        let host = c.host.flatMap { $0.isEmpty ? nil : $0 }
        if let dir = socketDir ?? (host == nil ? "/var/run/postgresql" : nil) {
            configuration = .init(unixSocketPath: "\(dir)/.s.PGSQL.\(port)", username: user, password: password, database: db)
            display = "postgresql://\(user)@/\(db)?host=\(dir)" + (c.port.map { "&port=\($0)" } ?? "")
        } else {
            configuration = .init(host: host!, port: port, username: user, password: password, database: db, tls: .disable)
            display = "postgresql://\(user)@\(host!):\(port)/\(db)"
        }
    }
}
