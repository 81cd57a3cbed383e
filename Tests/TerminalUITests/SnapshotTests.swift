import Foundation
import Journal
import ShelterDomain
import Testing
@testable import DeskApp

@Suite("Snapshot cache")
struct SnapshotTests {
    static func full(_ path: String) throws -> ShelterState {
        try EventStore.open(path: path, writable: false, clock: { TestClock().now }, useSnapshot: false).state
    }

    @Test("A snapshot gives exactly the replayed state; later appends are replayed on top; damaged or foreign snapshots are ignored")
    func roundTrip() throws {
        let (s, dir) = try HomeScreenTests.demoSession("snapshot", lang: "en")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = s.path
        let store = s.store!
        let expected = try Self.full(path)
        #expect(try StateSnapshot.decode(StateSnapshot.encode(expected)) == expected, "encode/decode round trip")
        store.snapshotIfWorthItForTests()
        let snapPath = SnapshotFile.path(forJournal: path)
        #expect((try FileManager.default.attributesOfItem(atPath: snapPath)[.posixPermissions] as? Int) == 0o600)
        // At the end of the journal.
        #expect(try EventStore.open(path: path, writable: false, clock: { TestClock().now }).state == expected)
        // Later appends (a merge, a note, a bed) replayed on top of the snapshot.
        try store.execute(.addNote(client: 1, category: .contact, text: "na de snapshot"), actor: 3)
        try store.execute(.registerClient(Client(id: 0, givenNames: "Lukasz", familyNames: "Wojcik", gender: .man, nationality: "PL")), actor: 3)
        try store.execute(.mergeClients(survivor: 1, absorbed: store.state.nextClientID - 1, values: store.state.clients[1]!), actor: 1)
        let later = try Self.full(path)
        #expect(later != expected)
        #expect(try EventStore.open(path: path, writable: false, clock: { TestClock().now }).state == later)
        // verify --deep checks the cache against the replay: a consistent snapshot passes, a forged one is reported.
        #expect(try JournalVerifier.verify(path: path, deep: true).violations.isEmpty)
        var forged = try #require(SnapshotFile.read(journal: path))
        let banned = try #require(forged.state.bans.keys.first)
        forged.state.bans[banned]?.liftedOn = Day.parseISO("2026-11-01")  // someone "lifts" a ban in the cache only
        SnapshotFile.write(forged, journal: path)
        let report = try JournalVerifier.verify(path: path, deep: true)
        #expect(report.violations.contains { $0.contains("differs from the journal") } && report.exitCode == 1)
        // A damaged snapshot is ignored.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: snapPath)))
        bytes[bytes.count / 2] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: snapPath))
        #expect(try EventStore.open(path: path, writable: false, clock: { TestClock().now }).state == later)
        // A snapshot of another journal at the same path is ignored.
        let other = dir + "/other.onderdak"
        _ = try DemoGenerator.write(path: other, seed: 2, today: Day.parseISO("2026-11-23")!, rules: nil)
        let otherStore = try EventStore.open(path: other, clock: { TestClock().now }, useSnapshot: false)
        otherStore.snapshotIfWorthItForTests()
        try FileManager.default.removeItem(atPath: snapPath)
        try FileManager.default.copyItem(atPath: SnapshotFile.path(forJournal: other), toPath: snapPath)
        #expect(try EventStore.open(path: path, writable: false, clock: { TestClock().now }).state == later)
    }
}
