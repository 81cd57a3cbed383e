import Crypto
import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-installation secret that encrypts and authenticates the snapshot cache (AES-256-GCM): 32 random
/// bytes in `<journal>.snapshot-key`, mode 0600, beside the journal but outside it. Made once, when
/// the first snapshot is written; an existing key that cannot be read or is malformed is never
/// replaced (that would hide tampering): snapshots are then not used and a notice says why.
public struct SnapshotKey: Sendable {
    /// Why a key could not be used.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// No key yet (nothing to check a snapshot against).
        case missing(path: String)
        /// A key exists but cannot be used; it is left exactly as it is.
        case unusable(path: String, reason: String)

        public var description: String {
            switch self {
            case .missing(let p): return "there is no snapshot key at \(p) yet"
            case let .unusable(p, reason):
                return "the snapshot key \(p) cannot be used (\(reason)); the snapshot cache is ignored and not written, so opening replays the whole journal. It was left as it is: if you did not expect this, check who changed it; otherwise delete it (and \(p.dropLast(4))) and a new key is made."
            }
        }
    }

    static let size = 32
    let bytes: [UInt8]

    public static func path(forJournal journal: String) -> String { journal + ".snapshot-key" }

    /// Reads the key; never creates or changes anything.
    public static func load(journal: String) -> Result<SnapshotKey, Problem> {
        let p = path(forJournal: journal)
        let fd = open(p, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            if errno == ENOENT { return .failure(.missing(path: p)) }
            return .failure(.unusable(path: p, reason: errno == ELOOP ? "it is a symbolic link" : String(cString: strerror(errno))))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return .failure(.unusable(path: p, reason: "not a regular file")) }
        guard st.st_mode & 0o077 == 0 else {
            return .failure(.unusable(path: p, reason: "readable by others (mode \(String(st.st_mode & 0o777, radix: 8)), must be 0600)"))
        }
        guard st.st_size == off_t(size) else { return .failure(.unusable(path: p, reason: "\(st.st_size) bytes instead of \(size)")) }
        var bytes = [UInt8](repeating: 0, count: size)
        guard bytes.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, size, 0) }) == size else {
            return .failure(.unusable(path: p, reason: "it cannot be read"))
        }
        return .success(SnapshotKey(bytes: bytes))
    }

    /// Reads the key, making a new one only when none exists (created 0600 from the first byte,
    /// never over an existing file, fsynced).
    public static func loadOrCreate(journal: String) -> Result<SnapshotKey, Problem> {
        let loaded = load(journal: journal)
        guard case .failure(.missing(let p)) = loaded else { return loaded }
        let fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { return load(journal: journal) }  // another process made it just now
            return .failure(.unusable(path: p, reason: "it cannot be created: \(String(cString: strerror(errno)))"))
        }
        var g = SystemRandomNumberGenerator()
        let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &g) }
        let ok = bytes.withUnsafeBytes { write(fd, $0.baseAddress, size) } == size && fsync(fd) == 0
        close(fd)
        guard ok else { unlink(p); return .failure(.unusable(path: p, reason: "it could not be written")) }
        return .success(SnapshotKey(bytes: bytes))
    }

    /// SHA-256 of `bytes` (what a snapshot's chunks are bound to).
    static func digest<B: ContiguousBytes>(_ bytes: B) -> [UInt8] {
        bytes.withUnsafeBytes { Array(SHA256.hash(data: $0)) }
    }

    /// `plain` sealed with AES-256-GCM under this key, bound to `aad`: nonce ‖ ciphertext ‖ tag.
    func seal(_ plain: UnsafeRawBufferPointer, aad: [UInt8]) -> [UInt8] {
        // A fresh random nonce per chunk; sealing cannot fail with a 256-bit key.
        let box = try! AES.GCM.seal(plain, using: SymmetricKey(data: bytes), nonce: AES.GCM.Nonce(), authenticating: aad)
        return Array(box.combined!)
    }

    /// Opens (`unseal`) a chunk made by `seal` into `out[at...]`; false when it does not check out.
    func unseal(_ sealed: UnsafeRawBufferPointer, aad: [UInt8], into out: inout [UInt8], at: Int) -> Bool {
        guard let box = try? AES.GCM.SealedBox(combined: sealed),
              let plain = try? AES.GCM.open(box, using: SymmetricKey(data: bytes), authenticating: aad),
              at + plain.count <= out.count else { return false }
        out.withUnsafeMutableBytes { dst in plain.withUnsafeBytes { src in dst.baseAddress!.advanced(by: at).copyMemory(from: src.baseAddress!, byteCount: src.count) } }
        return true
    }
}
