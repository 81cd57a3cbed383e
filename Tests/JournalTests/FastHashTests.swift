import CFastHash
import Crypto
import Journal
import Testing

/// The record checks on the processor's instructions give exactly what the portable code gives:
/// a journal written on one machine must verify on any other.
@Suite("Record checks: CRC-32C and SHA-256 on the processor's instructions match the portable ones")
struct FastHashTests {
    /// Every length from 0 to 300 (each padding case of SHA-256, each tail of the 8-byte CRC
    /// loop), some long ones, and unaligned starts.
    static func samples() -> [[UInt8]] {
        var g = SystemRandomNumberGenerator()
        var out: [[UInt8]] = []
        for n in Array(0...300) + [1_000, 4_095, 65_536, 1_000_003] {
            out.append((0..<n).map { _ in UInt8.random(in: 0...255, using: &g) })
        }
        out.append([UInt8](repeating: 0xFF, count: 119))
        return out
    }

    @Test("CRC-32C: the instruction and the table agree, from any seed and any starting byte")
    func crc() throws {
        try #require(CRC32C.hardware || onderdak_crc32c_hw_available() == 0)
        // The standard check value: CRC-32C("123456789") = 0xE3069283.
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32C.checksum($0) } == 0xE306_9283)
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32C.portable($0) } == 0xE306_9283)
        guard CRC32C.hardware else { return }
        for s in Self.samples() {
            s.withUnsafeBytes { b in
                for offset in [0, 1, 3] where offset <= b.count {
                    let part = UnsafeRawBufferPointer(rebasing: b[offset...])
                    #expect(onderdak_crc32c_hw(0, part.baseAddress ?? b.baseAddress!, part.count) == CRC32C.portable(part))
                    #expect(onderdak_crc32c_hw(0x1234_5678, part.baseAddress ?? b.baseAddress!, part.count) == CRC32C.portable(part, seed: 0x1234_5678))
                }
            }
        }
    }

    @Test("SHA-256: the SHA extensions and Swift Crypto agree on every length and alignment")
    func sha() {
        // FIPS 180-2's "abc".
        #expect(Array("abc".utf8).withUnsafeBytes { RecordFormat.sha256($0) }.map { String(format: "%02x", $0) }.joined()
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        for s in Self.samples() {
            s.withUnsafeBytes { b in
                for offset in [0, 1, 5] where offset <= b.count {
                    let part = UnsafeRawBufferPointer(rebasing: b[offset...])
                    let reference = Array(SHA256.hash(data: part))
                    #expect(RecordFormat.sha256(part) == reference)
                    reference.withUnsafeBytes { r in #expect(RecordFormat.sha256(part, equals: r)) }
                    var wrong = reference; wrong[31] ^= 1
                    wrong.withUnsafeBytes { r in #expect(!RecordFormat.sha256(part, equals: r)) }
                }
            }
        }
    }
}
