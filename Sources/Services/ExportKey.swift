import Crypto
import Foundation

/// The per-installation secret behind export pseudonyms: 32 random bytes in
/// `<journal>.export-key` (0600), next to the journal and never inside it, made on first use.
/// Keep it with the journal's backups: without it new exports get new pseudonyms.
public enum ExportKey {
    /// A journal on PostgreSQL keeps its export key in a local file named after the URL (in
    /// `$XDG_DATA_HOME/onderdak/`): copy it to each machine that exports (README, PostgreSQL).
    public static func path(forJournal journal: String) -> String {
        guard journal.hasPrefix("postgresql://") || journal.hasPrefix("postgres://") else { return journal + ".export-key" }
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? ".") + "/.local/share")
        let name = String(journal.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        try? FileManager.default.createDirectory(atPath: base + "/onderdak", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return base + "/onderdak/" + name + ".export-key"
    }

    /// The key, made (0600, never over an existing file) only when there is none. An existing key
    /// that cannot be read or is damaged is never replaced: that would change every `person_key`.
    public static func load(forJournal journal: String) throws -> SymmetricKey {
        let p = path(forJournal: journal)
        var st = stat()
        if lstat(p, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFREG else { throw ExportError.unreadableKey(p, "it is not a regular file") }
            let fd = open(p, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
            guard fd >= 0 else { throw ExportError.unreadableKey(p, String(cString: strerror(errno))) }
            defer { close(fd) }
            var buf = [UInt8](repeating: 0, count: 200)
            let n = read(fd, &buf, buf.count)
            guard n >= 0 else { throw ExportError.unreadableKey(p, String(cString: strerror(errno))) }
            guard let text = String(bytes: buf[0..<n], encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), text.count == 64,
                  let bytes = hexBytes(text) else {
                throw ExportError.badKey(p)
            }
            return SymmetricKey(data: bytes)
        }
        guard errno == ENOENT else { throw ExportError.unreadableKey(p, String(cString: strerror(errno))) }
        let key = SymmetricKey(size: .bits256)
        let hex = key.withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
        try PrivateFile.create(p, bytes: Array((hex + "\n").utf8))
        return key
    }

    static func hexBytes(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        var it = s.makeIterator()
        while let a = it.next(), let b = it.next() {
            guard let v = UInt8(String([a, b]), radix: 16) else { return nil }
            out.append(v)
        }
        return out.count == 32 ? out : nil
    }
}

/// Why an export could not be written, in words a person can act on.
public enum ExportError: Error, CustomStringConvertible {
    case badKey(String), unreadableKey(String, String), cannotWrite(String), sqlite(String)
    public var description: String {
        switch self {
        case .badKey(let p): "the export key \(p) is damaged (64 hex digits expected); restore it from the backup. It was not replaced (a new key would change every person_key); nothing was exported"
        case let .unreadableKey(p, why): "the export key \(p) cannot be read (\(why)); fix its owner or mode (0600, the account running Onderdak) or restore it from the backup. It was not replaced (a new key would change every person_key); nothing was exported"
        case .cannotWrite(let p): "cannot write \(p): check the folder exists and you may write there"
        case .sqlite(let m): "SQLite: \(m)"
        }
    }
}
