import Foundation
import Journal
import PostgresStore
import ShelterDomain
import Testing

@Suite("The journal on PostgreSQL", .serialized, .enabled(if: TestDatabase.enabled))
struct PostgresStoreTests {
    @Test("Append, reopen and refresh: the same state, the same head hash")
    func roundTrip() throws {
        let db = try TestDatabase()
        let s = try makeSmallJournal(db.url)
        let reopened = try EventStore.open(path: db.url, clock: fixedClock)
        #expect(reopened.state == s.state)
        #expect(reopened.journal.headHash == s.journal.headHash)
        #expect(reopened.journal.recordCount == Int(s.state.lastSequence) + 1)
        #expect(reopened.state.files.clients[1]?.givenNames == "Łukasz", "sealed fields open with the shared key table")
        let night = Day.parseISO("2026-11-23")!
        try s.execute(.assignBed(night: night, bed: 1, client: 1), actor: 2)
        #expect(try reopened.refresh() == 1)
        #expect(reopened.state == s.state)
        #expect(db.psql("SELECT count(*) FROM onderdak_keys").1.trimmingCharacters(in: .whitespacesAndNewlines) != "0")
    }

    @Test("Two desks on one database deciding the same bed: one gets it, the other bed_taken")
    func twoDesksOneBed() throws {
        let db = try TestDatabase()
        let a = try makeSmallJournal(db.url)
        let b = try EventStore.open(path: db.url, clock: fixedClock)
        let night = Day.parseISO("2026-11-23")!
        try a.execute(.assignBed(night: night, bed: 1, client: 1), actor: 2)
        #expect(b.state.ledger.nights[night] == nil, "b has not seen a's append yet")
        #expect(throws: StoreError.refused(.bedTaken(bed: "A1", night: night))) { try b.execute(.assignBed(night: night, bed: 1, client: 2), actor: 2) }
        #expect(b.state.ledger.nights[night]?.byBed[1]?.clientID == 1, "b folded in a's append while deciding")
        #expect(b.state.ledger.refusals.map(\.reason) == ["bed_taken"])
        try b.execute(.assignBed(night: night, bed: 2, client: 2), actor: 2)
        #expect(a.journal.hasNewData, "a NOTIFY or a newer row tells a")
        #expect(try a.refresh() == 2)
        #expect(a.state == b.state)
    }

    /// Server-side refusals of an append, each active while the table test_refuse exists: at the
    /// commit (a deferred constraint trigger: a statement that commits by itself is answered
    /// before its commit, and appends were once acknowledged that way), and at the INSERT itself
    /// (the transaction is aborted; the desk's session must not stay in it).
    @Test("A desk that has not seen another's records appends on the fast path, finds the row number taken, and decides again under the lock: each registration once, every name readable")
    func staleDeskDecidesAgain() throws {
        let db = try TestDatabase()
        let a = try makeSmallJournal(db.url)
        let b = try EventStore.open(path: db.url, clock: fixedClock)
        let before = a.state.nextClientID
        try a.execute(.registerClient(Client(id: 0, givenNames: "Ștefan", familyNames: "Popescu", gender: .man, nationality: "RO")), actor: 2)
        #expect(!a.journal.hasNewData, "a desk's own NOTIFY is not news to it")
        try b.execute(.registerClient(Client(id: 0, givenNames: "Győző", familyNames: "Kovács", gender: .man, nationality: "HU")), actor: 2)
        #expect(b.state.files.clients[before]?.givenNames == "Ștefan", "b folded in a's registration while deciding again")
        #expect(b.state.files.clients[before + 1]?.givenNames == "Győző")
        try a.execute(.addNote(client: before, category: .contact, text: "Broer in Constanța"), actor: 2)
        let fresh = try EventStore.open(path: db.url, clock: fixedClock, useSnapshot: false)
        #expect(fresh.state.files.clients[before]?.givenNames == "Ștefan" && fresh.state.files.clients[before + 1]?.givenNames == "Győző")
        #expect(fresh.state.files.notes[before]?.map(\.text) == ["Broer in Constanța"])
        #expect(fresh.journal.recordCount == Int(fresh.state.lastSequence) + 1)
        #expect(try a.refresh() == 0, "a was behind b when it added the note: it read b's registration then")
        #expect(a.state == fresh.state)
    }

    static let refusals: [(name: String, sql: String)] = [
        ("at commit", """
            CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM pg_class WHERE relname = 'test_refuse') THEN RAISE EXCEPTION 'refused at commit (test)'; END IF;
              RETURN NULL;
            END $$;
            CREATE CONSTRAINT TRIGGER test_refuse AFTER INSERT ON onderdak_events
              DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse();
            """),
        ("at insert", """
            CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM pg_class WHERE relname = 'test_refuse') THEN RAISE EXCEPTION 'refused at insert (test)'; END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER test_refuse BEFORE INSERT ON onderdak_events FOR EACH ROW EXECUTE FUNCTION test_refuse();
            """),
    ]

    @Test("An append is acknowledged only after its commit: one the server refuses (at commit, or at the INSERT) is never acknowledged, and the next commands are recorded once each",
          arguments: [0, 1])
    func acknowledgedMeansCommitted(_ refusal: Int) throws {
        let db = try TestDatabase()
        let a = try makeSmallJournal(db.url)
        let b = try EventStore.open(path: db.url, clock: fixedClock)
        #expect(db.psql(Self.refusals[refusal].sql + "CREATE TABLE test_refuse ();").0 == 0, "\(Self.refusals[refusal].name)")
        let person = Command.registerClient(Client(id: 0, givenNames: "Ștefan", familyNames: "Popescu", gender: .man, nationality: "RO"))
        let before = a.state.lastSequence
        #expect(throws: StoreError.self) { try a.execute(person, actor: 2) }
        #expect(a.state.lastSequence == before, "nothing folded")
        #expect(try b.refresh() == 0, "nothing on the server")
        #expect(db.psql("DROP TABLE test_refuse").0 == 0)
        try a.execute(person, actor: 2)
        try a.execute(person, actor: 2)
        #expect(try b.refresh() == 2, "the next commands are recorded once each (no transaction left open)")
        #expect(b.state == a.state)
    }

    @Test("UPDATE, DELETE and TRUNCATE of events are refused, even for the owner; the desk role may only read and insert")
    func appendOnly() throws {
        let db = try TestDatabase()
        _ = try makeSmallJournal(db.url)
        let upd = db.psql("UPDATE onderdak_events SET record = record WHERE seq = 1")
        #expect(upd.0 != 0 && upd.1.contains("append-only"), "\(upd.1)")
        let del = db.psql("DELETE FROM onderdak_events WHERE seq = 1")
        #expect(del.0 != 0 && del.1.contains("append-only"), "\(del.1)")
        let trunc = db.psql("TRUNCATE onderdak_events")
        #expect(trunc.0 != 0 && trunc.1.contains("append-only"), "\(trunc.1)")
        let hdr = db.psql("DELETE FROM onderdak_header")
        #expect(hdr.0 != 0, "\(hdr.1)")
        let grants = db.psql("SELECT string_agg(privilege_type, ',' ORDER BY privilege_type) FROM information_schema.role_table_grants WHERE grantee = 'onderdak_desk' AND table_name = 'onderdak_events'")
        #expect(grants.1.trimmingCharacters(in: .whitespacesAndNewlines) == "INSERT,SELECT")
        let keyGrants = db.psql("SELECT string_agg(privilege_type, ',' ORDER BY privilege_type) FROM information_schema.role_table_grants WHERE grantee = 'onderdak_desk' AND table_name = 'onderdak_keys'")
        #expect(keyGrants.1.trimmingCharacters(in: .whitespacesAndNewlines) == "DELETE,INSERT,SELECT")
        // A desk login in the role: refused by the grants before the trigger.
        let desk = "desk_" + db.name.suffix(8)
        #expect(db.psql("CREATE ROLE \(desk) LOGIN IN ROLE onderdak_desk").0 == 0)
        defer { _ = db.psql("DROP OWNED BY \(desk); DROP ROLE \(desk)") }
        let asDesk = db.psql("DELETE FROM onderdak_events WHERE seq = 1", user: desk)
        #expect(asDesk.0 != 0 && asDesk.1.contains("permission denied"), "\(asDesk.1)")
        #expect(db.psql("SELECT count(*) FROM onderdak_events", user: desk).0 == 0)
        #expect(try EventStore.open(path: db.url, clock: fixedClock).journal.recordCount > 10, "nothing was changed")
    }

    /// The record number a store's open reports as damaged, or nil when it opens.
    static func damagedRecord(_ url: String) -> Int? {
        do { _ = try EventStore.open(path: url, writable: false, clock: fixedClock, useSnapshot: false); return nil } catch let e as JournalError {
            if case let .corrupt(_, record, _, _) = e { return record }
            return -1
        } catch { return -2 }
    }

    @Test("A row changed on the server behind Onderdak's back (triggers off, as a superuser can) is found at the next open, by its record number: a flipped byte, a cut record, two rows swapped")
    func tamperedRowsAreFound() throws {
        let db = try TestDatabase()
        let s = try makeSmallJournal(db.url)
        try #require(s.journal.recordCount > 6)
        #expect(Self.damagedRecord(db.url) == nil)
        #expect(db.psql("ALTER TABLE onderdak_events DISABLE TRIGGER USER").0 == 0)
        let original = db.psql("SELECT encode(record, 'hex') FROM onderdak_events WHERE seq = 3").1.trimmingCharacters(in: .whitespacesAndNewlines)
        let restore = "UPDATE onderdak_events SET record = decode('\(original)', 'hex') WHERE seq = 3"
        // One byte of record 3's payload flipped: its CRC says so.
        #expect(db.psql("UPDATE onderdak_events SET record = overlay(record placing '\\xff'::bytea from 60 for 1) WHERE seq = 3").0 == 0)
        #expect(Self.damagedRecord(db.url) == 3)
        #expect(db.psql(restore).0 == 0)
        #expect(Self.damagedRecord(db.url) == nil, "put back, it opens again")
        // Record 3 cut short by a byte: its own length no longer fits the page.
        #expect(db.psql("UPDATE onderdak_events SET record = substring(record from 1 for length(record) - 1) WHERE seq = 3").0 == 0)
        #expect(Self.damagedRecord(db.url) != nil)
        #expect(db.psql(restore).0 == 0)
        // Records 4 and 5 swapped: each is whole, but the chain says which comes first.
        #expect(db.psql("UPDATE onderdak_events SET seq = -seq WHERE seq IN (4, 5)").0 == 0)
        #expect(db.psql("UPDATE onderdak_events SET seq = CASE seq WHEN -4 THEN 5 ELSE 4 END WHERE seq IN (-4, -5)").0 == 0)
        #expect(Self.damagedRecord(db.url) == 4)
    }

    @Test("A second create on the same database is refused")
    func noSecondCreate() throws {
        let db = try TestDatabase()
        _ = try makeSmallJournal(db.url)
        #expect(throws: JournalError.self) { try EventStore.create(path: db.url, isDemo: false, label: "x", installationID: [9], clock: fixedClock) }
    }

    @Test("store copy file → PostgreSQL → file: identical head hashes, the same state, and never over a non-empty target")
    func copyBothWays() throws {
        let db = try TestDatabase()
        let dir = NSTemporaryDirectory() + "onderdak-pg-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = try makeSmallJournal(dir + "/a")
        try f.execute(.assignBed(night: Day.parseISO("2026-11-23")!, bed: 3, client: 2), actor: 2)
        let up = try StoreCopy.copy(from: dir + "/a", to: db.url)
        #expect(up.identical && up.sourceHead == f.journal.headHash)
        #expect(up.keys > 0)
        #expect(try EventStore.open(path: db.url, clock: fixedClock).state == f.state)
        let down = try StoreCopy.copy(from: db.url, to: dir + "/b")
        #expect(down.identical && down.targetHead == f.journal.headHash)
        #expect(try EventStore.open(path: dir + "/b", clock: fixedClock).state == f.state)
        #expect(throws: JournalError.self) { try StoreCopy.copy(from: dir + "/a", to: db.url) }
        #expect(throws: JournalError.self) { try StoreCopy.copy(from: db.url, to: dir + "/b") }
    }
}
