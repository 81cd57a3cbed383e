import Crypto
import Foundation
import ShelterDomain

/// A linkage key shared by the organisations of one region (not the per-installation export
/// key): 32 random bytes as 64 hex digits in a file (0600) handed around outside the journals.
/// The key value of a person is HMAC-SHA-256 under it of `LinkageNormalizer.message`: equal for
/// the same person in every organisation, not reversible without the key (and, with the key,
/// only by guessing a full name, birth date and nationality).
public enum LinkageKey {
    /// Reads a key file; never creates one (the region's key must be the same everywhere).
    public static func load(path: String) throws -> SymmetricKey {
        guard let data = FileManager.default.contents(atPath: path) else { throw LinkageKeyError.missing(path) }
        guard let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), text.count == 64,
              let bytes = ExportKey.hexBytes(text) else {
            throw LinkageKeyError.damaged(path)
        }
        return SymmetricKey(data: bytes)
    }

    /// The person's linkage key (32 hex digits), or "" when the person cannot be linked (no name
    /// or no birth date).
    public static func value(of c: Client, key: SymmetricKey) -> String {
        guard let m = LinkageNormalizer.message(of: c) else { return "" }
        let mac = HMAC<SHA256>.authenticationCode(for: Data(m.utf8), using: key)
        return mac.prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}

/// Why a linkage key file cannot be used, and what to do.
public enum LinkageKeyError: Error, CustomStringConvertible {
    case missing(String), damaged(String)
    public var description: String {
        switch self {
        case .missing(let p):
            "no linkage key at \(p): ask the region's coordinator for the shared key file (one is made with `openssl rand -hex 32 > \(p)` and given to every organisation)"
        case .damaged(let p): "the linkage key \(p) is damaged (64 hex digits expected); get the region's key file again"
        }
    }
}
