import Crypto
import Foundation

/// The per-installation secret behind export pseudonyms: 32 random bytes in
/// `<journal>.export-key` (0600), next to the journal and never inside it, made on first use.
/// Keep it with the journal's backups: without it new exports get new pseudonyms.
public enum ExportKey {
    public static func path(forJournal journal: String) -> String { journal + ".export-key" }

    public static func load(forJournal journal: String) throws -> SymmetricKey {
        let p = path(forJournal: journal)
        if let data = FileManager.default.contents(atPath: p) {
            guard let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), text.count == 64,
                  let bytes = hexBytes(text) else {
                throw ExportError.badKey(p)
            }
            return SymmetricKey(data: bytes)
        }
        let key = SymmetricKey(size: .bits256)
        let hex = key.withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
        guard FileManager.default.createFile(atPath: p, contents: Data((hex + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ExportError.cannotWrite(p)
        }
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
    case badKey(String), cannotWrite(String), sqlite(String)
    public var description: String {
        switch self {
        case .badKey(let p): "the export key \(p) is damaged (64 hex digits expected); restore it from the backup"
        case .cannotWrite(let p): "cannot write \(p): check the folder exists and you may write there"
        case .sqlite(let m): "SQLite: \(m)"
        }
    }
}
