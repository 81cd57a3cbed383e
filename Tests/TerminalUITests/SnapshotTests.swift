import Foundation
import Journal
import ScreenTestSupport
import Services
@testable import ShelterDomain
import Testing
@testable import DeskApp

@Suite("Snapshot cache")
struct SnapshotTests {
    static func full(_ path: String) throws -> ShelterState {
        try EventStore.open(path: path, writable: false, clock: { TestClock().now }, useSnapshot: false).state
    }

    @Test("A snapshot gives exactly the replayed state; later appends are replayed on top; damaged or foreign snapshots are ignored")
    func roundTrip() throws {
        let (s, dir) = try Fixtures.journalDemoSession("snapshot", lang: "en")
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
        try store.execute(.mergeClients(survivor: 1, absorbed: store.state.nextClientID - 1, values: store.state.files.clients[1]!), actor: 1)
        let later = try Self.full(path)
        #expect(later != expected)
        #expect(try EventStore.open(path: path, writable: false, clock: { TestClock().now }).state == later)
        // verify --deep checks the cache against the replay: a consistent snapshot passes, a forged one is reported.
        #expect(try JournalVerifier.verify(path: path, deep: true).violations.isEmpty)
        var forged = try #require(SnapshotFile.read(journal: path))
        let banned = try #require(forged.state.files.bans.keys.first)
        forged.state.files.bans[banned]?.liftedOn = Day.parseISO("2026-11-01")  // someone "lifts" a ban in the cache only
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

    /// What `onderdak board` shows for a night, from a state.
    static func boardText(_ s: ShelterState, _ night: Day) -> [String] {
        ["\(s.shelterName) cold=\(s.isColdWeather(night))"] + BoardRow.board(s, night: night).map { r in
            "\(r.location) \(r.room) \(r.bed.label) \(r.state.rawValue) \(r.clientID.map(String.init) ?? "-") \(r.clientID.flatMap { s.files.clients[$0]?.fullName } ?? "")"
                + " \(r.nightsUsed.map(String.init) ?? "-")/\(r.nightsAllowed.map(String.init) ?? "-")\(r.extended ? "+" : "") \(r.departure?.rawValue ?? "-")"
        }
    }

    @Test("The board read from the snapshot's board part equals the full state's board on every night, also with records after the snapshot")
    func boardView() throws {
        let (s, dir) = try Fixtures.journalDemoSession("snapshot-board", lang: "en")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = s.path
        let store = s.store!
        store.snapshotIfWorthItForTests()
        let full = try Self.full(path)
        let nights = full.ledger.nights.keys.sorted()
        #expect(nights.count > 100)
        let partial = try EventStore.boardView(path: path, night: nights.last!)
        #expect(partial.files.clients.count < full.files.clients.count / 2, "only the holders of that night are read")
        #expect(partial.ledger.nights.count < nights.count, "only the stay-limit window is read")
        for night in nights + [nights.last!.adding(days: 1)] {
            let view = try EventStore.boardView(path: path, night: night)
            #expect(Self.boardText(view, night) == Self.boardText(full, night), "night \(night)")
        }
        // Records after the snapshot: a new client in a bed tonight, a merge, a release, cold-weather mode.
        let tonight = nights.last!
        try store.execute(.registerClient(Client(id: 0, givenNames: "Ștefan", familyNames: "Popescu", gender: .man, nationality: "RO")), actor: 3)
        let newID = store.state.nextClientID - 1
        if let free = BoardRow.board(store.state, night: tonight).first(where: { $0.state == .free && $0.bed.attributes.isEmpty }) {
            try store.execute(.assignBed(night: tonight, bed: free.bed.id, client: newID), actor: 3)
        }
        if let holder = store.state.ledger.nights[tonight]?.byBed.values.first(where: { $0.clientID != newID && $0.status == .reserved })?.clientID {
            try store.execute(.releaseReservation(night: tonight, client: holder, noShow: true), actor: 3)
        }
        // Someone with a bed tonight and someone with nights in the window that do not overlap
        // theirs: the merge moves the second one's nights to the first.
        let st = store.state
        let candidates = st.files.clients.keys.sorted().filter { st.files.clients[$0]?.mergedInto == nil && (st.ledger.clientNights[$0] ?? []).contains { $0 > tonight.adding(days: -60) } }
        let pair = (st.ledger.nights[tonight]?.bedOfClient.keys.sorted() ?? []).lazy.compactMap { a -> (ClientID, ClientID)? in
            let aNights = Set(st.ledger.clientNights[a] ?? [])
            return candidates.first { $0 != a && aNights.isDisjoint(with: st.ledger.clientNights[$0] ?? []) }.map { (a, $0) }
        }.first
        let (a, b) = try #require(pair)
        try store.execute(.mergeClients(survivor: a, absorbed: b, values: store.state.files.clients[a]!), actor: 1)
        try store.execute(.startColdWeather(from: tonight, until: nil, note: "vorst"), actor: 1)
        let later = try Self.full(path)
        for night in nights.suffix(40) + [tonight.adding(days: 1)] {
            #expect(Self.boardText(try EventStore.boardView(path: path, night: night), night) == Self.boardText(later, night), "night \(night) after appends")
        }
        #expect(Self.boardText(later, tonight).first?.hasSuffix("cold=true") == true)
    }
}

