import Foundation
import Journal
import ShelterDomain
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue #21 at the store: personal fields sealed under a key per person, erasure by destroying
/// the key, the key store's failure modes, and erasures finished after a crash.
@Suite("Crypto-shredding: sealed fields, key store, erasure")
struct CryptoShreddingTests {
    static func journal(_ dir: TempDir) throws -> EventStore {
        let s = try makeSmallJournal(dir.file("j"))
        var c = s.state.files.clients[1]!
        c.details.consent = Consent(status: .given, purposeExplained: true, language: "pl", date: Day.parseISO("2026-11-20")!)
        c.details.bsn = "111222333"; c.details.phone = "+31 6 1357 2468"; c.birth = .exact(Day.parseISO("1984-02-29")!)
        try s.execute(.updateClient(c), actor: 1)
        try s.execute(.addNote(client: 1, category: .medical, text: "insuline 's avonds"), actor: 1)
        try s.execute(.assignBed(night: Day.parseISO("2026-11-20")!, bed: 1, client: 1), actor: 2)
        try s.execute(.endStay(client: 1, night: Day.parseISO("2026-11-20")!, outflow: .returnToCountryOfOrigin), actor: 1)
        return s
    }

    /// The first client number whose key is made in a second batch.
    static let next = Int(PersonalKeyStore.batch) + 1

    /// A family name for person `i` (letters only).
    static func name(_ i: Int) -> String {
        let l = Array("abcdefghijklmnopqrstuvwxyz")
        return "Pop" + String(l[i / 26 % 26]) + String(l[i % 26])
    }

    static func has(_ bytes: [UInt8], _ text: String) -> Bool {
        let n = Array(text.utf8)
        guard bytes.count >= n.count else { return false }
        return (0...(bytes.count - n.count)).contains { Array(bytes[$0..<($0 + n.count)]) == n }
    }

    @Test("Names, BSN, phone and notes are never in the journal in clear; they read back with the key")
    func sealed() throws {
        let dir = TempDir()
        let s = try Self.journal(dir)
        let bytes = dir.bytes("j")
        for secret in ["Wójcik", "Łukasz", "111222333", "+31 6 1357 2468", "insuline"] { #expect(!Self.has(bytes, secret), "\(secret) in clear") }
        let again = try EventStore.open(path: dir.file("j"), writable: false, clock: fixedClock)
        #expect(again.state == s.state)
        #expect(again.state.files.clients[1]?.details.bsn == "111222333")
        let st = try FileManager.default.attributesOfItem(atPath: dir.file("j.keys"))
        #expect((st[.posixPermissions] as? Int) == 0o600)
    }

    @Test("After an erasure a replay without the key gives exactly the state the erasure left; verify passes; nights and outflow stay")
    func erase() throws {
        let dir = TempDir()
        let s = try Self.journal(dir)
        let before = s.state
        #expect(try JournalVerifier.verify(path: dir.file("j"), deep: true).exitCode == 0)
        let journalBefore = dir.bytes("j")
        try s.execute(.eraseClient(client: 1, reason: "AVG art. 17"), actor: 1)
        let erased = s.state
        // Append-only: the old bytes are untouched, one record was added.
        #expect(Array(dir.bytes("j").prefix(journalBefore.count)) == journalBefore)
        #expect(erased.files.clients[1]?.fullName == "erased (#1)")
        #expect(erased.files.clients[1]?.details.bsn == "" && erased.files.notes[1]?.first?.text == "")
        #expect(erased.files.clients[1]?.birth == .estimatedYear(1984))
        #expect(erased.ledger.clientNights[1] == before.ledger.clientNights[1] && erased.files.clients[1]?.lastOutflow == .returnToCountryOfOrigin)
        #expect(erased.files.clients[2] == before.files.clients[2])
        let replay = try EventStore.open(path: dir.file("j"), writable: false, clock: fixedClock, useSnapshot: false)
        #expect(replay.state == erased)
        #expect(try JournalVerifier.verify(path: dir.file("j"), deep: true).exitCode == 0)
        let keys = try PersonalKeyStore.open(journal: dir.file("j"))
        #expect(!keys.clients.contains(1) && keys.clients.contains(2))
        // Nothing new is kept about them, and they are not erased twice.
        #expect(throws: StoreError.refused(.alreadyErased(1))) { try s.execute(.addNote(client: 1, category: .other, text: "x"), actor: 1) }
        #expect(throws: StoreError.refused(.alreadyErased(1))) { try s.execute(.eraseClient(client: 1, reason: "again"), actor: 1) }
        // A snapshot written now holds nothing of them, and reads back to the same state.
        s.snapshotIfWorthItForTests()
        #expect(!Self.has(dir.bytes("j.snapshot"), "Wójcik") && !Self.has(dir.bytes("j.snapshot"), "111222333"))
        // Encrypted at rest: nobody's name is readable in the file, yet the others are in its state.
        #expect(!Self.has(dir.bytes("j.snapshot"), "Kovács"), "the snapshot is encrypted")
        #expect(try #require(SnapshotFile.read(journal: dir.file("j"))).state.files.clients.values.contains { $0.familyNames.contains("Kovács") }, "the others are still in it")
        #expect(try EventStore.open(path: dir.file("j"), writable: false, clock: fixedClock).state == erased)
    }

    @Test("The reason must not name the person; only supervisors erase; not while they hold a bed")
    func rules() throws {
        let dir = TempDir()
        let s = try Self.journal(dir)
        #expect(throws: StoreError.refused(.reasonNamesPerson)) { try s.execute(.eraseClient(client: 1, reason: "verzoek van L. Wójcik"), actor: 1) }
        #expect(throws: StoreError.refused(.notPermitted(role: .desk, permission: .eraseClients))) {
            try s.execute(.eraseClient(client: 1, reason: "AVG art. 17"), actor: 2)
        }
        try s.execute(.assignBed(night: Day.parseISO("2026-11-23")!, bed: 2, client: 2), actor: 2)
        #expect(throws: StoreError.refused(.erasureWhileStaying(night: Day.parseISO("2026-11-23")!))) {
            try s.execute(.eraseClient(client: 2, reason: "AVG art. 17"), actor: 1)
        }
    }

    @Test("A missing key store, or an old copy of it, is a loud error that names the file; restored, the journal opens")
    func lostKeys() throws {
        let dir = TempDir()
        let s = try Self.journal(dir)
        let saved = dir.bytes("j.keys")
        unlink(dir.file("j.keys"))
        #expect(throws: JournalError.keyStoreMissing(path: dir.file("j.keys"))) { try EventStore.open(path: dir.file("j"), clock: fixedClock) }
        #expect(throws: JournalError.keyStoreMissing(path: dir.file("j.keys"))) { try EventStore.open(path: dir.file("j"), writable: false, clock: fixedClock) }
        #expect(!FileManager.default.fileExists(atPath: dir.file("j.keys")), "nothing was written")
        // An old copy: from before people 4…batch+1 were registered (keys are made `batch`
        // numbers at a time, so the last one needed a new batch after the copy).
        dir.write("j.keys", saved); chmod(dir.file("j.keys"), 0o600)
        let store = try EventStore.open(path: dir.file("j"), clock: fixedClock)
        for i in 4...Self.next { try store.execute(.registerClient(Client(id: 0, givenNames: "Ana", familyNames: Self.name(i), gender: .woman, nationality: "RO")), actor: 2) }
        #expect(dir.bytes("j.keys").count > saved.count)
        dir.write("j.keys", saved); chmod(dir.file("j.keys"), 0o600)
        #expect(throws: JournalError.keysMissing(path: dir.file("j.keys"), clients: [Int32(Self.next)])) { try EventStore.open(path: dir.file("j"), clock: fixedClock) }
        #expect(JournalError.keysMissing(path: "k", clients: [4]).description.contains("#4"))
        _ = s
    }

    @Test("A snapshot does not hide a lost key store: the open still refuses")
    func snapshotWithoutKeys() throws {
        let dir = TempDir()
        let s = try Self.journal(dir)
        s.snapshotIfWorthItForTests()
        #expect(FileManager.default.fileExists(atPath: dir.file("j.snapshot")))
        unlink(dir.file("j.keys"))
        #expect(throws: JournalError.keyStoreMissing(path: dir.file("j.keys"))) { try EventStore.open(path: dir.file("j"), writable: false, clock: fixedClock) }
    }

    @Test("An erasure cut short after its event (kill -9 before the key went) is finished at the next open")
    func interruptedErasure() throws {
        let dir = TempDir()
        let s = try Self.journal(dir)
        s.snapshotIfWorthItForTests()
        let keysBefore = dir.bytes("j.keys"), snapshotBefore = dir.bytes("j.snapshot")
        try s.execute(.eraseClient(client: 1, reason: "AVG art. 17"), actor: 1)
        // Put back the files as they were when the event was durable but the key not yet destroyed.
        dir.write("j.keys", keysBefore); chmod(dir.file("j.keys"), 0o600)
        dir.write("j.snapshot", snapshotBefore); chmod(dir.file("j.snapshot"), 0o600)
        let reopened = try EventStore.open(path: dir.file("j"), clock: fixedClock)
        #expect(reopened.state.files.clients[1]?.fullName == "erased (#1)")
        #expect(!(try PersonalKeyStore.open(journal: dir.file("j"))).clients.contains(1))
        #expect(!Self.has(dir.bytes("j.keys"), "Wójcik") && dir.bytes("j.keys").count < keysBefore.count)
        #expect(!FileManager.default.fileExists(atPath: dir.file("j.snapshot")) || !Self.has(dir.bytes("j.snapshot"), "111222333"))
    }

    @Test("A key-store entry torn by a crash (its record never written) is dropped; damage elsewhere is refused")
    func tornKeyEntry() throws {
        let dir = TempDir()
        _ = try Self.journal(dir)
        let keys = dir.bytes("j.keys")
        dir.write("j.keys", keys + Array(repeating: 7, count: 17)); chmod(dir.file("j.keys"), 0o600)
        let s = try EventStore.open(path: dir.file("j"), clock: fixedClock)
        // Up to the first number of the next batch: its keys are appended after the torn entry is cut.
        for i in 4...Self.next { try s.execute(.registerClient(Client(id: 0, givenNames: "Ana", familyNames: Self.name(i), gender: .woman, nationality: "RO")), actor: 2) }
        #expect((dir.bytes("j.keys").count - 48) % 40 == 0)
        #expect(try EventStore.open(path: dir.file("j"), writable: false, clock: fixedClock).state.files.clients[Int32(Self.next)]?.familyNames == Self.name(Self.next))
        var damaged = dir.bytes("j.keys")
        damaged[48 + 10] ^= 0xFF
        dir.write("j.keys", damaged); chmod(dir.file("j.keys"), 0o600)
        #expect(throws: JournalError.self) { try EventStore.open(path: dir.file("j"), writable: false, clock: fixedClock) }
    }
    @Test("A key-store rewrite cut short by kill -9 leaves a copy that still holds client 1's key: the next open or erasure removes it, so nobody stays half-erased")
    func staleRewriteCopy() throws {
        let dir = TempDir()
        _ = try Self.journal(dir)
        let keysBefore = dir.bytes("j.keys")
        // As a rewrite killed between writing its temporary file and the rename leaves it.
        dir.write("j.keys.tmp-999999", keysBefore); chmod(dir.file("j.keys.tmp-999999"), 0o600)
        let s = try EventStore.open(path: dir.file("j"), clock: fixedClock)
        #expect(!FileManager.default.fileExists(atPath: dir.file("j.keys.tmp-999999")), "a writable open removes the stale copy")
        dir.write("j.keys.tmp-999998", keysBefore); chmod(dir.file("j.keys.tmp-999998"), 0o600)
        try s.execute(.eraseClient(client: 1, reason: "AVG art. 17"), actor: 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(left.isEmpty, "no copy of the key store is left beside it after an erasure: \(left)")
        #expect(!(try PersonalKeyStore.open(journal: dir.file("j"))).clients.contains(1))
        #expect(try EventStore.open(path: dir.file("j"), writable: false, clock: fixedClock).state.files.clients[1]?.fullName == "erased (#1)")
    }
}
