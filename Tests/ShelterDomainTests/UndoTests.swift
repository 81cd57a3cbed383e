import Testing
@testable import ShelterDomain

/// Cancelling a reservation with a reason and undoing one's own last bed action ("entered in
/// error"): compensating events, decided by the domain, with typed refusals.
@Suite("Undo and cancel reservation")
struct UndoTests {
    static func bedNight(_ f: DomainFixture, _ bed: BedID) -> BedNight? { f.state.ledger.nights[f.tonight]?.byBed[bed] }

    @Test("A bed given in error is taken back: the bed is free again and the stay did not begin")
    func undoAssign() throws {
        var f = try DomainFixture.standard()
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3)
        #expect(f.state.files.clients[1]?.stayStart == f.tonight)
        let events = try f.run(.undoLastAction, as: 3)
        #expect(events == [.reservationCancelled(night: f.tonight, bed: 1, client: 1, reason: "", inError: true)])
        #expect(Self.bedNight(f, 1) == nil)
        #expect(f.state.bed(of: 1, on: f.tonight) == nil)
        #expect(f.state.files.clients[1]?.stayStart == nil)
        // Nothing left to undo now.
        #expect(throws: DomainError.nothingToUndo) { try f.run(.undoLastAction, as: 3) }
    }

    @Test("Undo check-in, no-show and check-out each restore the state before")
    func undoEach() throws {
        var f = try DomainFixture.standard()
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3)
        try f.run(.checkIn(night: f.tonight, client: 1), as: 3)
        try f.run(.undoLastAction, as: 3)
        #expect(Self.bedNight(f, 1) == BedNight(clientID: 1, status: .reserved))

        try f.run(.releaseReservation(night: f.tonight, client: 1, noShow: true), as: 3)
        #expect(f.state.ledger.noShows[f.tonight]?[1] == 1)
        try f.run(.undoLastAction, as: 3)
        #expect(Self.bedNight(f, 1) == BedNight(clientID: 1, status: .reserved))
        #expect(f.state.ledger.noShows[f.tonight]?[1] == nil)

        try f.run(.checkIn(night: f.tonight, client: 1), as: 3)
        try f.run(.checkOut(night: f.tonight, client: 1, duringNight: true), as: 3)
        try f.run(.undoLastAction, as: 3)
        #expect(Self.bedNight(f, 1) == BedNight(clientID: 1, status: .checkedIn))
    }

    @Test("Undo is refused after five minutes, for someone else's action, and when another desk changed the bed")
    func refusals() throws {
        var f = try DomainFixture.standard()
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3)
        // Another member of staff has nothing of their own to undo.
        #expect(throws: DomainError.nothingToUndo) { try f.run(.undoLastAction, as: 2) }
        // Someone else checked the person in: the reservation is no longer what was given.
        try f.run(.checkIn(night: f.tonight, client: 1), as: 2)
        #expect(throws: DomainError.undoOutdated) { try f.run(.undoLastAction, as: 3) }
        // The coordinator's check-in, six minutes later.
        f.now = Timestamp(milliseconds: f.now.milliseconds + 6 * 60_000)
        #expect(throws: DomainError.undoExpired(minutes: 5)) { try f.run(.undoLastAction, as: 2) }
        #expect(Self.bedNight(f, 1) == BedNight(clientID: 1, status: .checkedIn))
        #expect(DomainError.undoExpired(minutes: 5).code == "undo_expired")
        #expect(DomainError.undoOutdated.code == "undo_outdated")
        #expect(DomainError.nothingToUndo.code == "nothing_to_undo")
    }

    @Test("A reservation is cancelled only with a reason and only before check-in; it is not a no-show")
    func cancel() throws {
        var f = try DomainFixture.standard()
        try f.run(.assignBed(night: f.tonight, bed: 4, client: 3), as: 3)
        #expect(throws: DomainError.reasonRequired) { try f.run(.cancelReservation(night: f.tonight, client: 3, reason: "  "), as: 3) }
        #expect(throws: DomainError.noReservation(night: f.tonight)) { try f.run(.cancelReservation(night: f.tonight, client: 1, reason: "belde af"), as: 3) }
        try f.run(.cancelReservation(night: f.tonight, client: 3, reason: "belde af"), as: 3)
        #expect(Self.bedNight(f, 4) == nil)
        #expect(f.state.ledger.noShows[f.tonight] == nil)
        // The cancellation is the desk's last action: the bed given before it is not undone any more.
        #expect(throws: DomainError.nothingToUndo) { try f.run(.undoLastAction, as: 3) }
        try f.run(.assignBed(night: f.tonight, bed: 4, client: 3), as: 3)
        try f.run(.checkIn(night: f.tonight, client: 3), as: 3)
        #expect(throws: DomainError.alreadyCheckedIn(night: f.tonight)) { try f.run(.cancelReservation(night: f.tonight, client: 3, reason: "x"), as: 3) }
    }

    @Test("The new events survive the codec and the snapshot (the undo memory too)")
    func codecAndSnapshot() throws {
        var f = try DomainFixture.standard()
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3)
        let all: [Event] = [.reservationCancelled(night: f.tonight, bed: 1, client: 1, reason: "belde af", inError: false),
                            .checkInUndone(night: f.tonight, bed: 2, client: 2), .noShowUndone(night: f.tonight, bed: 3, client: 3),
                            .checkOutUndone(night: f.tonight, bed: 4, client: 1)]
        for (i, e) in all.enumerated() {
            let r = RecordedEvent(sequence: UInt64(100 + i), timestamp: f.now, actor: 3, schemaVersion: 1, event: e)
            #expect(try EventCodec.decode(EventCodec.encode(r)) == r)
            #expect((45...48).contains(e.tag))
        }
        let restored = try StateSnapshot.decode(StateSnapshot.encode(f.state))
        #expect(restored.ledger.lastBedAction == f.state.ledger.lastBedAction)
        #expect(restored.ledger.lastBedAction[3]?.kind == .assigned)
    }

    @Test("An action stamped after now (a clock set back, a generated journal) is not undone")
    func notFromTheFuture() throws {
        var f = try DomainFixture.standard()
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3)
        f.now = Timestamp(milliseconds: f.now.milliseconds - 60_000)
        #expect(throws: DomainError.undoExpired(minutes: 5)) { try f.run(.undoLastAction, as: 3) }
    }

    @Test("An exit entered in error is undone within five minutes: the stay is open again and its outflow no longer counts")
    func undoExit() throws {
        var f = try DomainFixture.standard()
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3)
        try f.run(.checkIn(night: f.tonight, client: 1), as: 3)
        let start = try #require(f.state.files.clients[1]?.stayStart)
        try f.run(.endStay(client: 1, night: f.tonight, outflow: .leftWithoutNotice), as: 3)
        #expect(f.state.files.clients[1]?.stayStart == nil)
        #expect(f.state.files.clients[1]?.lastOutflow == .leftWithoutNotice)
        // Someone else cannot undo it.
        #expect(throws: DomainError.nothingToUndo) { try f.run(.undoLastAction, as: 2) }
        let events = try f.run(.undoLastAction, as: 3)
        #expect(events == [.exitUndone(client: 1, night: f.tonight, stayStart: start)])
        #expect(events.first?.tag == 49)
        #expect(f.state.files.clients[1]?.stayStart == start)
        #expect(f.state.files.clients[1]?.lastOutflow == nil)
        let exits = (f.state.files.history[1] ?? []).filter { if case .stayEnded = $0.kind { true } else { false } }
        #expect(exits.isEmpty)
        // Undone once: nothing left; the codec and the snapshot keep the new event and the undo memory.
        #expect(throws: DomainError.nothingToUndo) { try f.run(.undoLastAction, as: 3) }
        let r = RecordedEvent(sequence: 200, timestamp: f.now, actor: 3, schemaVersion: 1, event: events[0])
        #expect(try EventCodec.decode(EventCodec.encode(r)) == r)
    }

    @Test("An exit is not undone after five minutes, nor once the stay was opened again by a new bed")
    func undoExitRefused() throws {
        var f = try DomainFixture.standard()
        try f.run(.assignBed(night: f.tonight, bed: 1, client: 1), as: 3)
        try f.run(.endStay(client: 1, night: f.tonight, outflow: .leftWithoutNotice), as: 3)
        let restored = try StateSnapshot.decode(StateSnapshot.encode(f.state))
        #expect(restored.ledger.lastBedAction[3]?.kind == .exited)
        #expect(restored.ledger.lastBedAction == f.state.ledger.lastBedAction)
        f.now = Timestamp(milliseconds: f.now.milliseconds + 6 * 60_000)
        #expect(throws: DomainError.undoExpired(minutes: 5)) { try f.run(.undoLastAction, as: 3) }
        #expect(f.state.files.clients[1]?.stayStart == nil)
    }
}
