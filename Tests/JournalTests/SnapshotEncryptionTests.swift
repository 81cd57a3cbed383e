import Foundation
import Journal
import ShelterDomain
import Testing

/// Issue #21, encryption at rest of the snapshot cache: no personal field readable in the file in
/// any encoding, every section authenticated on its own, and a damaged or altered file never used.
@Suite("Snapshot cache: encrypted and authenticated per section")
struct SnapshotEncryptionTests {
    /// `text` as UTF-8, UTF-16 (both byte orders) and JSON-escaped UTF-16 code units.
    static func encodings(_ text: String) -> [[UInt8]] {
        let u16 = Array(text.utf16)
        let escaped = u16.map { $0 < 0x80 ? String(UnicodeScalar(UInt8($0))) : String(format: "\\u%04x", $0) }.joined()
        return [Array(text.utf8), u16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] }, u16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }, Array(escaped.utf8)]
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0] == needle[0] && Array(bytes[$0..<($0 + needle.count)]) == needle }
    }

    @Test("No name, birth date, BSN, phone or note is in the snapshot file in any encoding; it reads back to the same state")
    func nothingReadable() throws {
        let dir = TempDir()
        let s = try CryptoShreddingTests.journal(dir)
        s.snapshotIfWorthItForTests()
        let file = dir.bytes("j.snapshot")
        #expect(file.count > 100)
        for c in s.state.files.clients.values {
            for text in [c.familyNames, c.givenNames, c.details.bsn, c.details.phone] where text.count >= 4 {
                for e in Self.encodings(text) { #expect(!Self.contains(file, e), "\(text) readable in the snapshot") }
            }
        }
        for text in ["1984-02-29", "29-02-1984", "insuline 's avonds", "111222333"] {
            for e in Self.encodings(text) { #expect(!Self.contains(file, e), "\(text) readable in the snapshot") }
        }
        #expect(try #require(SnapshotFile.read(journal: dir.file("j"))).state == s.state)
        #expect(try EventStore.open(path: dir.file("j"), writable: false, clock: fixedClock).state == s.state)
    }

    @Test("A byte changed anywhere — preamble, first or last section — rejects the file: unauthenticated, replayed instead")
    func tampered() throws {
        let dir = TempDir()
        let s = try CryptoShreddingTests.journal(dir)
        s.snapshotIfWorthItForTests()
        let path = dir.file("j"), snap = SnapshotFile.path(forJournal: path)
        let good = dir.bytes("j.snapshot")
        // Offsets: in the preamble (the record count), early in the sealed core, the very last byte (a tag).
        for offset in [6, good.count / 3, good.count - 1] {
            var bad = good
            bad[offset] ^= 0x40
            try Data(bad).write(to: URL(fileURLWithPath: snap))
            guard case .failure(let why) = SnapshotFile.readChecked(journal: path) else { Issue.record("altered byte \(offset) accepted"); continue }
            #expect(why == .unauthenticated || (offset == 6 && why == .absent), "byte \(offset): \(why)")
            let opened = try EventStore.open(path: path, writable: false, clock: fixedClock)
            #expect(opened.state == s.state, "the replay, not the altered file")
        }
        // A file cut short is rejected too.
        try Data(good.dropLast(10)).write(to: URL(fileURLWithPath: snap))
        guard case .failure(.unauthenticated) = SnapshotFile.readChecked(journal: path) else { Issue.record("a cut file was accepted"); return }
    }

    @Test("The bed board read from the snapshot (its sections only) shows what the full state shows")
    func boardFromSections() throws {
        let dir = TempDir()
        let s = try CryptoShreddingTests.journal(dir)
        let night = Day.parseISO("2026-11-20")!
        s.snapshotIfWorthItForTests()
        let view = try EventStore.boardView(path: dir.file("j"), night: night)
        #expect(view.ledger.nights[night] == s.state.ledger.nights[night])
        #expect(view.ledger.nights[night]?.byBed.values.allSatisfy { view.files.clients[$0.clientID] == s.state.files.clients[$0.clientID] } == true)
        #expect(view.inventory.beds == s.state.inventory.beds)
    }
}
