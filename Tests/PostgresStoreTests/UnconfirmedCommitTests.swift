import Foundation
import Journal
@testable import PostgresStore
import ShelterDomain
import Testing

/// An append whose answer never came back (the connection dropped after the statement was
/// sent): settled by reading back under the lock — counted once, or not at all; never twice.
@Suite("The journal on PostgreSQL: an unconfirmed commit", .serialized, .enabled(if: TestDatabase.enabled))
struct UnconfirmedCommitTests {
    static let night = Day.parseISO("2026-11-23")!

    static func rows(_ db: TestDatabase) -> Int {
        Int(db.psql("SELECT count(*) FROM onderdak_events").1.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    static func journal(_ s: EventStore) throws -> PostgresJournal { try #require(s.journal as? PostgresJournal) }

    @Test("It ran on the server: found by its link, acknowledged once; a reopened store has it once")
    func ranOnTheServer() throws {
        let db = try TestDatabase()
        let s = try makeSmallJournal(db.url)
        let before = Self.rows(db)
        try Self.journal(s).faultForTests = (sent: true, reachable: true)
        let recorded = try s.execute(.assignBed(night: Self.night, bed: 1, client: 1), actor: 2)
        #expect(recorded.count == 1)
        #expect(Self.rows(db) == before + 1, "one row, not two")
        #expect(s.state.ledger.nights[Self.night]?.byBed[1]?.clientID == 1)
        let reopened = try EventStore.open(path: db.url, clock: fixedClock)
        #expect(reopened.state == s.state)
        #expect(reopened.journal.headHash == s.journal.headHash)
    }

    @Test("It never reached the server: refused as not recorded, and the same command then succeeds once")
    func neverReached() throws {
        let db = try TestDatabase()
        let s = try makeSmallJournal(db.url)
        let before = Self.rows(db)
        try Self.journal(s).faultForTests = (sent: false, reachable: true)
        #expect(throws: StoreError.self) { try s.execute(.assignBed(night: Self.night, bed: 1, client: 1), actor: 2) }
        #expect(Self.rows(db) == before)
        #expect(s.state.ledger.nights[Self.night]?.byBed[1] == nil, "nothing folded that was not recorded")
        try s.execute(.assignBed(night: Self.night, bed: 1, client: 1), actor: 2)
        #expect(Self.rows(db) == before + 1)
    }

    @Test("The server could not be asked: unconfirmed, nothing acknowledged; once it can, the rows that did arrive are folded once")
    func askedLater() throws {
        let db = try TestDatabase()
        let s = try makeSmallJournal(db.url)
        try Self.journal(s).faultForTests = (sent: true, reachable: false)
        do {
            try s.execute(.assignBed(night: Self.night, bed: 1, client: 1), actor: 2)
            Issue.record("an unconfirmed commit was acknowledged")
        } catch {
            guard case .journal(.unconfirmed) = error else { Issue.record("\(error)"); return }
        }
        #expect(s.state.ledger.nights[Self.night]?.byBed[1] == nil, "not acknowledged, not folded yet")
        #expect(try s.refresh() == 1, "the row that reached the server comes in once")
        #expect(try Self.journal(s).takeSettlement() == true)
        #expect(s.state.ledger.nights[Self.night]?.byBed[1]?.clientID == 1)
        // Deciding the same again is refused by the rules (she has the bed already), not recorded twice.
        #expect(throws: StoreError.self) { try s.execute(.assignBed(night: Self.night, bed: 1, client: 1), actor: 2) }
        try s.execute(.assignBed(night: Self.night, bed: 2, client: 2), actor: 2)
        #expect(try EventStore.open(path: db.url, clock: fixedClock).state == s.state)
    }

    @Test("The server could not be asked and the rows never arrived: the next command settles it as not recorded and goes on")
    func neverArrivedAskedLater() throws {
        let db = try TestDatabase()
        let s = try makeSmallJournal(db.url)
        let before = Self.rows(db)
        try Self.journal(s).faultForTests = (sent: false, reachable: false)
        #expect(throws: StoreError.self) { try s.execute(.assignBed(night: Self.night, bed: 1, client: 1), actor: 2) }
        try s.execute(.assignBed(night: Self.night, bed: 1, client: 1), actor: 2)
        #expect(try Self.journal(s).takeSettlement() == false)
        #expect(Self.rows(db) == before + 1)
        #expect(try EventStore.open(path: db.url, clock: fixedClock).state == s.state)
    }
}
