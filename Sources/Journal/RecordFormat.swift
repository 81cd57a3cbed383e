import CFastHash
import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The on-disk frame of one journal record (all integers little-endian):
///
/// ```
/// 0   magic "ONDR"            4 bytes
/// 4   format version          u8   (1)
/// 5   kind                    u8   (0 = file header, 1 = event)
/// 6   flags                   u16  (bit 0: more records of the same command follow)
/// 8   payload length          u32
/// 12  header CRC-32C          u32  over bytes 0..<12
/// 16  previous record SHA-256 32 bytes (zeros for the first record)
/// 48  payload                 length bytes
/// ..  record CRC-32C          u32  over bytes 0..<48+length
/// ```
/// A record's hash is the SHA-256 of all its bytes as stored; the next record repeats it.
public enum RecordFormat {
    public static let magic: [UInt8] = Array("ONDR".utf8)
    public static let formatVersion: UInt8 = 1
    public static let headerSize = 16
    public static let overhead = 52
    public static let maxPayload = 16 << 20
    public static let kindHeader: UInt8 = 0
    public static let kindEvent: UInt8 = 1
    public static let flagContinued: UInt16 = 1

    /// Builds the bytes of one record.
    public static func build(kind: UInt8, flags: UInt16, payload: [UInt8], previousHash: [UInt8]) -> [UInt8] {
        precondition(previousHash.count == 32 && payload.count <= maxPayload)
        var r = [UInt8]()
        r.reserveCapacity(overhead + payload.count)
        r.append(contentsOf: magic)
        r.append(formatVersion)
        r.append(kind)
        appendLE(&r, UInt32(flags), bytes: 2)
        appendLE(&r, UInt32(payload.count), bytes: 4)
        appendLE(&r, r.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<12])) }, bytes: 4)
        r.append(contentsOf: previousHash)
        r.append(contentsOf: payload)
        appendLE(&r, CRC32C.checksum(r), bytes: 4)
        return r
    }

    static func appendLE(_ a: inout [UInt8], _ v: UInt32, bytes: Int) {
        for i in 0..<bytes { a.append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) }
    }

    @inline(__always)
    static func readLE32(_ p: UnsafeRawBufferPointer, _ o: Int) -> UInt32 {
        UInt32(p[o]) | UInt32(p[o + 1]) << 8 | UInt32(p[o + 2]) << 16 | UInt32(p[o + 3]) << 24
    }

    /// Whether the processor's SHA extensions hash the records (read once). Swift Crypto uses
    /// them too, but its per-call set-up weighed as much as the hashing of a short record.
    public static let sha256Hardware = onderdak_sha256_hw_available() != 0

    public static func sha256(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        if sha256Hardware {
            return [UInt8](unsafeUninitializedCapacity: 32) { out, n in
                onderdak_sha256_hw(bytes.baseAddress, bytes.count, out.baseAddress!); n = 32
            }
        }
        return Array(SHA256.hash(data: bytes))
    }

    /// True when the SHA-256 of `record` equals the 32 bytes at `expected` (no allocation).
    @inline(__always)
    public static func sha256(_ record: UnsafeRawBufferPointer, equals expected: UnsafeRawBufferPointer) -> Bool {
        if sha256Hardware {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { out in
                onderdak_sha256_hw(record.baseAddress, record.count, out.baseAddress!)
                return memcmp(out.baseAddress!, expected.baseAddress!, 32) == 0
            }
        }
        var h = SHA256()
        h.update(bufferPointer: record)
        return h.finalize().withUnsafeBytes { memcmp($0.baseAddress!, expected.baseAddress!, 32) == 0 }
    }

    public static let zeroHash = [UInt8](repeating: 0, count: 32)
}
