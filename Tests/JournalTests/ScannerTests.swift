import Testing
@testable import Journal

@Suite("CRC-32C and record framing")
struct ScannerTests {
    @Test("CRC-32C matches the published check value")
    func crcCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([]) == 0)
        let long = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        // Slicing-by-8 agrees with a bytewise reference.
        var crc: UInt32 = ~0
        for b in long {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        }
        #expect(CRC32C.checksum(long) == ~crc)
    }

    @Test("A record's frame: magic, lengths, chained hash")
    func frame() {
        let r = RecordFormat.build(kind: 1, flags: 0, payload: [1, 2, 3], previousHash: RecordFormat.zeroHash)
        #expect(r.count == 55)
        #expect(Array(r[0..<4]) == Array("ONDR".utf8))
        let second = RecordFormat.build(kind: 1, flags: 0, payload: [4], previousHash: r.withUnsafeBytes { RecordFormat.sha256($0) })
        var count = 0
        let all = r + second
        let result = all.withUnsafeBytes { buf in
            JournalScanner.scan(buf, baseOffset: 0, firstIndex: 1, previousHash: RecordFormat.zeroHash, verifyChain: true) { _, _, _ in count += 1 }
        }
        #expect(result.problem == nil)
        #expect(count == 2)
        #expect(result.headHash == second.withUnsafeBytes { RecordFormat.sha256($0) })
    }
}
