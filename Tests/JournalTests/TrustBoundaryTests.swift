import Foundation
import Testing
@testable import Journal
@testable import ShelterDomain
#if canImport(Glibc)
import Glibc
#endif

/// Issue #18: the journal trusts no bytes it did not verify (crafted lengths, broken chains,
/// forged snapshots, foreign files).
@Suite("Journal: trust boundaries")
struct TrustBoundaryTests {
    static let night = Day.parseISO("2026-11-23")!

    /// Sets a record's length field and fixes its header CRC, as an attacker (or a bad disk) would.
    static func setLength(_ bytes: inout [UInt8], record o: Int, to length: Int) {
        for k in 0..<4 { bytes[o + 8 + k] = UInt8((length >> (8 * k)) & 0xFF) }
        let crc = bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[o..<(o + 12)])) }
        for k in 0..<4 { bytes[o + 12 + k] = UInt8((crc >> (8 * UInt32(k))) & 0xFF) }
    }

    /// Changes the last payload byte of the record at `o` and recomputes its record CRC.
    static func tamper(_ bytes: inout [UInt8], record o: Int) {
        let len = Int(bytes[o + 8]) | Int(bytes[o + 9]) << 8 | Int(bytes[o + 10]) << 16
        bytes[o + 48 + len - 1] ^= 1
        let crc = bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[o..<(o + 48 + len)])) }
        for k in 0..<4 { bytes[o + 48 + len + k] = UInt8((crc >> (8 * UInt32(k))) & 0xFF) }
    }

    @Test("A crafted length that runs past the end with valid records after it is corruption: named, nothing cut")
    func craftedLength() throws {
        let dir = TempDir()
        let path = dir.file("j")
        _ = try makeSmallJournal(path)
        let original = dir.bytes("j")
        var bytes = original
        let offsets = recordOffsets(bytes)
        Self.setLength(&bytes, record: offsets[5], to: 8 << 20)
        dir.write("j", bytes)
        let report = try JournalVerifier.verify(path: path, deep: false)
        #expect(report.exitCode == 1, "not 3 (torn tail only)")
        guard case let .corrupt(record, offset, reason)? = report.problem else { Issue.record("\(String(describing: report.problem))"); return }
        #expect(record == 5 && offset == offsets[5])
        #expect(reason.contains("runs past the end"))
        for writable in [true, false] {
            #expect(throws: JournalError.self) { try EventStore.open(path: path, writable: writable, clock: fixedClock) }
            do { _ = try EventStore.open(path: path, writable: writable, clock: fixedClock) } catch {
                guard case let .corrupt(_, r, _, _) = error else { Issue.record("\(error)"); continue }
                #expect(r == 5)
            }
        }
        #expect(dir.bytes("j") == bytes, "nothing was cut")
        #expect(!dir.list().contains { $0.contains(".torn-") })
        // A genuinely unfinished last record with the same crafted length is still a torn tail.
        var torn = Array(original[0..<(offsets.last! + 30)])
        Self.setLength(&torn, record: offsets.last!, to: 8 << 20)
        dir.write("t", torn)
        #expect(try JournalVerifier.verify(path: dir.file("t"), deep: false).exitCode == 3)
    }

    @Test("A middle record altered with both CRCs recomputed: every open refuses it, nothing is appended")
    func chainCheckedOnOpen() throws {
        let dir = TempDir()
        let path = dir.file("j")
        _ = try makeSmallJournal(path)
        var bytes = dir.bytes("j")
        Self.tamper(&bytes, record: recordOffsets(bytes)[6])
        dir.write("j", bytes)
        for writable in [true, false] {
            do {
                _ = try EventStore.open(path: path, writable: writable, clock: fixedClock)
                Issue.record("a broken chain was opened (writable: \(writable))")
            } catch {
                guard case let .corrupt(_, record, _, reason) = error else { Issue.record("\(error)"); continue }
                #expect(record == 7 && reason.contains("hash chain"))
            }
        }
        #expect(dir.bytes("j") == bytes)
    }

    @Test("From an authenticated snapshot only the records after it are chain-checked, and a break there refuses the open")
    func chainAfterSnapshot() throws {
        let dir = TempDir()
        let path = dir.file("j")
        let s = try makeSmallJournal(path)
        s.snapshotIfWorthItForTests()
        try s.execute(.assignBed(night: Self.night, bed: 1, client: 1), actor: 2)
        try s.execute(.assignBed(night: Self.night, bed: 2, client: 2), actor: 2)
        try s.execute(.assignBed(night: Self.night, bed: 3, client: 3), actor: 2)
        #expect(try EventStore.open(path: path, clock: fixedClock).state == s.state)
        var bytes = dir.bytes("j")
        let offsets = recordOffsets(bytes)
        Self.tamper(&bytes, record: offsets[offsets.count - 2])
        dir.write("j", bytes)
        #expect(throws: JournalError.self) { try EventStore.open(path: path, clock: fixedClock) }
        #expect(dir.bytes("j") == bytes)
    }

    @Test("A forged snapshot (valid layout, no key) is detected, ignored and never decided on")
    func forgedSnapshot() throws {
        let dir = TempDir()
        let path = dir.file("j")
        let s = try makeSmallJournal(path)
        try s.execute(.assignBed(night: Self.night, bed: 1, client: 1), actor: 2)
        s.snapshotIfWorthItForTests()
        let snapPath = SnapshotFile.path(forJournal: path)
        let keyPath = SnapshotKey.path(forJournal: path)
        var st = stat()
        #expect(stat(keyPath, &st) == 0 && st.st_mode & 0o777 == 0o600)
        // The forger moves client 1's bed-night to client 2, in a snapshot made with another key.
        var forged = try #require(SnapshotFile.read(journal: path))
        forged.state.ledger.nights[Self.night]?.byBed[1] = BedNight(clientID: 2, status: .reserved)
        forged.state.ledger.nights[Self.night]?.bedOfClient = [2: 1]
        SnapshotFile.write(forged, journal: dir.file("forger"))
        try FileManager.default.removeItem(atPath: snapPath)
        try FileManager.default.copyItem(atPath: dir.file("forger.snapshot"), toPath: snapPath)
        guard case .failure(.unauthenticated) = SnapshotFile.readChecked(journal: path) else { Issue.record("the forgery was accepted"); return }
        let opened = try EventStore.open(path: path, clock: fixedClock)
        #expect(opened.state == s.state, "the replay, not the forgery")
        #expect(opened.journal.notices.contains { $0.contains("does not check out") })
        #expect(try EventStore.boardView(path: path, night: Self.night).ledger.nights[Self.night]?.byBed[1]?.clientID == 1)
        let report = try JournalVerifier.verify(path: path, deep: true)
        #expect(report.violations.contains { $0.contains("does not check out") })
    }

    @Test("An unusable snapshot key is never replaced: no snapshot is written or used, and a notice says why")
    func keyNeverReplaced() throws {
        let dir = TempDir()
        let path = dir.file("j")
        let s = try makeSmallJournal(path)
        let keyPath = SnapshotKey.path(forJournal: path)
        dir.write("j.snapshot-key", [1, 2, 3, 4, 5])
        chmod(keyPath, 0o600)
        s.snapshotIfWorthItForTests()
        #expect(!FileManager.default.fileExists(atPath: SnapshotFile.path(forJournal: path)))
        #expect(dir.bytes("j.snapshot-key") == [1, 2, 3, 4, 5])
        #expect(s.journal.notices.contains { $0.contains("cannot be used") && $0.contains("5 bytes") })
        // A key readable by others is not used either, and left as it is.
        try FileManager.default.removeItem(atPath: keyPath)
        s.snapshotIfWorthItForTests()
        #expect(SnapshotFile.read(journal: path) != nil)
        let key = dir.bytes("j.snapshot-key")
        chmod(keyPath, 0o644)
        #expect(SnapshotFile.read(journal: path) == nil)
        #expect(try EventStore.open(path: path, clock: fixedClock).journal.notices.contains { $0.contains("readable by others") })
        #expect(dir.bytes("j.snapshot-key") == key)
    }

    @Test("A 1-byte file is not an Onderdak journal (not a torn tail)")
    func oneByte() throws {
        let dir = TempDir()
        for b: UInt8 in [0x4F, 0x00, 0x41] {
            dir.write("one", [b])
            #expect(throws: JournalError.notAJournal(path: dir.file("one"))) { try EventStore.open(path: dir.file("one"), clock: fixedClock) }
            #expect(throws: JournalError.notAJournal(path: dir.file("one"))) { try JournalVerifier.verify(path: dir.file("one"), deep: false) }
            #expect(dir.bytes("one") == [b])
        }
    }

    @Test("A torn tail that cannot be saved (disk full) leaves no empty .torn file and the journal as it was")
    func tornCopyCleanedUp() throws {
        let dir = TempDir()
        let path = dir.file("j")
        _ = try makeSmallJournal(path)
        let full = dir.bytes("j")
        dir.write("j", Array(full.dropLast(7)))
        for _ in 0..<3 {
            #expect(throws: JournalError.self) { try EventStore.open(path: path, io: FailingIO(mode: .noSpace), clock: fixedClock) }
        }
        #expect(!dir.list().contains { $0.contains(".torn-") }, "\(dir.list())")
        #expect(dir.bytes("j") == Array(full.dropLast(7)))
    }
}
