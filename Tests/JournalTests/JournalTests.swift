import Foundation
import Testing
@testable import Journal
import ShelterDomain
#if canImport(Glibc)
import Glibc
#endif

@Suite("Journal: durability, recovery, corruption")
struct JournalTests {
    @Test("Append, reopen, replay: the state is the same")
    func roundTrip() throws {
        let dir = TempDir()
        let path = dir.file("j.onderdak")
        let s = try makeSmallJournal(path)
        try s.execute(.assignBed(night: Day.parseISO("2026-11-23")!, bed: 2, client: 3), actor: 2)
        let reopened = try EventStore.open(path: path, clock: fixedClock)
        #expect(reopened.state == s.state)
        #expect(reopened.state.files.clients[2]?.givenNames == "Иван")
        #expect(reopened.journal.headHash == s.journal.headHash)
        #expect(reopened.journal.recordCount == Int(s.state.lastSequence) + 1)
        let report = try JournalVerifier.verify(path: path, deep: true)
        #expect(report.exitCode == 0)
        #expect(report.headHash == s.journal.headHash)
        #expect(report.lastSequence == s.state.lastSequence)
    }

    @Test("A bed refused by a rule is journalled as bed_refused (nothing else written); other refusals are not")
    func refusalRecorded() throws {
        let dir = TempDir()
        let path = dir.file("j.onderdak")
        let s = try makeSmallJournal(path)
        let night = Day.parseISO("2026-11-23")!
        try s.execute(.assignBed(night: night, bed: 1, client: 1), actor: 2)
        let before = s.state.lastSequence
        #expect(throws: StoreError.refused(.bedTaken(bed: s.state.inventory.beds[1]!.label, night: night))) {
            try s.execute(.assignBed(night: night, bed: 1, client: 2), actor: 2)
        }
        #expect(s.state.lastSequence == before + 1)
        #expect(s.state.ledger.nights[night]?.byBed[1]?.clientID == 1, "the bed stays with its holder")
        #expect(s.state.ledger.refusals.map(\.reason) == ["bed_taken"])
        #expect(throws: StoreError.self) { try s.execute(.checkIn(night: night, client: 3), actor: 2) }
        #expect(s.state.lastSequence == before + 1, "a refused check-in is not a bed refusal")
        let reopened = try EventStore.open(path: path, clock: fixedClock)
        #expect(reopened.state == s.state)
    }

    @Test("Files are 0600 in a 0700 directory; a wider mode is reported and fixed")
    func modes() throws {
        let dir = TempDir()
        let path = dir.path + "/sub/dir/j.onderdak"
        _ = try makeSmallJournal(path)
        var st = stat()
        stat(path, &st); #expect(st.st_mode & 0o777 == 0o600)
        stat(dir.path + "/sub/dir", &st); #expect(st.st_mode & 0o777 == 0o700)
        chmod(path, 0o644)
        let s = try EventStore.open(path: path, clock: fixedClock)
        stat(path, &st); #expect(st.st_mode & 0o777 == 0o600)
        #expect(s.journal.notices.contains { $0.contains("0600") })
    }

    @Test("Creating never overwrites an existing file")
    func noOverwrite() throws {
        let dir = TempDir()
        dir.write("x", [1, 2, 3])
        #expect(throws: JournalError.alreadyExists(path: dir.file("x"))) {
            try JournalFile.create(path: dir.file("x"), header: JournalHeader(created: fixedClock(), installationID: [], isDemo: false, label: ""))
        }
        #expect(dir.bytes("x") == [1, 2, 3])
        #expect(dir.list() == ["x"])
    }

    @Test("Torn tail: truncating the last record at every byte is cut exactly, saved, and reported")
    func tornTail() throws {
        let dir = TempDir()
        let path = dir.file("j")
        let s = try makeSmallJournal(path)
        let full = dir.bytes("j")
        let offsets = recordOffsets(full)
        let lastStart = offsets.last!
        let expectedState = try {
            // State without the last record: replay the bytes before it (a copy of a journal
            // needs its key store: the personal fields are sealed with its keys).
            dir.write("prefix", Array(full[0..<lastStart]))
            dir.write("prefix.keys", dir.bytes("j.keys"))
            return try EventStore.open(path: dir.file("prefix"), writable: false, clock: fixedClock).state
        }()
        for cut in (lastStart + 1)..<full.count {
            let p = dir.file("t\(cut)")
            dir.write("t\(cut)", Array(full[0..<cut]))
            dir.write("t\(cut).keys", dir.bytes("j.keys"))
            chmod(p, 0o600); chmod(p + ".keys", 0o600)
            #expect(try JournalVerifier.verify(path: p, deep: false).exitCode == 3)
            let reopened = try EventStore.open(path: p, clock: fixedClock)
            #expect(reopened.state == expectedState)
            #expect(dir.bytes("t\(cut)") == Array(full[0..<lastStart]))
            #expect(reopened.journal.notices.contains { $0.contains("byte offset \(lastStart)") })
            let saved = dir.list().filter { $0.hasPrefix("t\(cut).torn-") }
            #expect(saved.count == 1)
            #expect(dir.bytes(saved[0]) == Array(full[lastStart..<cut]))
            #expect(try JournalVerifier.verify(path: p, deep: false).exitCode == 0)
            // The journal accepts appends again, chained to the earlier records.
            try reopened.execute(.assignBed(night: Day.parseISO("2026-11-23")!, bed: 1, client: 1), actor: 2)
            #expect(try JournalVerifier.verify(path: p, deep: true).exitCode == 0)
        }
        _ = s
    }

    @Test("A zero-filled tail (crash after the file grew) is a torn tail")
    func zeroTail() throws {
        let dir = TempDir()
        _ = try makeSmallJournal(dir.file("j"))
        let full = dir.bytes("j")
        dir.write("j", full + [UInt8](repeating: 0, count: 300))
        #expect(try JournalVerifier.verify(path: dir.file("j"), deep: false).exitCode == 3)
        _ = try EventStore.open(path: dir.file("j"), clock: fixedClock)
        #expect(dir.bytes("j") == full)
    }

    @Test("A command's batch is all or nothing: a torn second record cuts the first too")
    func batchAtomic() throws {
        let dir = TempDir()
        let path = dir.file("j")
        let s = try makeSmallJournal(path)
        let night = Day.parseISO("2026-11-23")!
        try s.execute(.assignBed(night: night, bed: 1, client: 1), actor: 2)
        try s.execute(.assignBed(night: night.adding(days: 1), bed: 1, client: 1), actor: 2)
        let before = dir.bytes("j")
        let events = try s.execute(.endStay(client: 1, night: night, outflow: .workAndHousingNL), actor: 2)
        #expect(events.count == 2)
        let after = dir.bytes("j")
        dir.write("j", Array(after[0..<(after.count - 3)]))
        let reopened = try EventStore.open(path: path, clock: fixedClock)
        #expect(dir.bytes("j") == before)
        #expect(reopened.state.files.clients[1]?.stayStart == night)
        #expect(reopened.state.ledger.nights[night.adding(days: 1)]?.byBed[1]?.clientID == 1)
    }

    @Test("Corruption: flipping any byte of a middle record is reported with that record; writing is refused")
    func corruption() throws {
        let dir = TempDir()
        let path = dir.file("j")
        _ = try makeSmallJournal(path)
        let full = dir.bytes("j")
        let offsets = recordOffsets(full)
        let victim = offsets.count / 2
        let start = offsets[victim], end = offsets[victim + 1]
        for i in start..<end {
            var damaged = full
            damaged[i] ^= 0x5A
            dir.write("c", damaged)
            let report = try JournalVerifier.verify(path: dir.file("c"), deep: false)
            #expect(report.exitCode == 1, "byte \(i)")
            if case let .corrupt(record, offset, _)? = report.problem {
                #expect(record == victim, "byte \(i)")
                #expect(offset == start, "byte \(i)")
            } else {
                Issue.record("byte \(i): \(String(describing: report.problem))")
            }
            do {
                _ = try EventStore.open(path: dir.file("c"), clock: fixedClock)
                Issue.record("opened a corrupt journal for writing (byte \(i))")
            } catch let e {
                if case let .corrupt(_, record, offset, _) = e { #expect(record == victim && offset == start) } else { Issue.record("\(e)") }
            }
            #expect(dir.bytes("c") == damaged, "nothing may be written to a corrupt journal")
        }
    }

    @Test("Tampering that recomputes the checksums is caught by the hash chain")
    func tampering() throws {
        let dir = TempDir()
        let path = dir.file("j")
        _ = try makeSmallJournal(path)
        var bytes = dir.bytes("j")
        let offsets = recordOffsets(bytes)
        // Rewrite a middle record's payload byte and fix both CRCs, as an attacker would.
        let o = offsets[5]
        let len = Int(bytes[o + 8]) | Int(bytes[o + 9]) << 8
        bytes[o + 48 + len - 1] ^= 1
        let crc = bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[o..<(o + 48 + len)])) }
        for k in 0..<4 { bytes[o + 48 + len + k] = UInt8((crc >> (8 * UInt32(k))) & 0xFF) }
        dir.write("j", bytes)
        let report = try JournalVerifier.verify(path: path, deep: false)
        #expect(report.exitCode == 1)
        if case let .corrupt(record, _, reason)? = report.problem {
            #expect(record == 6)
            #expect(reason.contains("hash chain"))
        } else { Issue.record("tampering not detected") }
    }

    @Test("Not a journal, empty file, newer format, missing directory: clear errors, nothing written")
    func wrongFiles() throws {
        let dir = TempDir()
        dir.write("text", Array("hello, this is not a journal at all\n".utf8))
        #expect(throws: JournalError.notAJournal(path: dir.file("text"))) { try EventStore.open(path: dir.file("text"), clock: fixedClock) }
        #expect(dir.bytes("text") == Array("hello, this is not a journal at all\n".utf8))
        dir.write("empty", [])
        #expect(throws: JournalError.emptyFile(path: dir.file("empty"))) { try EventStore.open(path: dir.file("empty"), clock: fixedClock) }
        _ = try makeSmallJournal(dir.file("j"))
        var newer = dir.bytes("j")
        newer[4] = 9
        dir.write("newer", newer)
        #expect(throws: JournalError.newerFormat(path: dir.file("newer"), version: 9)) { try EventStore.open(path: dir.file("newer"), clock: fixedClock) }
        #expect(throws: JournalError.missingDirectory(path: dir.path + "/nope/j")) { try EventStore.open(path: dir.path + "/nope/j", clock: fixedClock) }
        #expect(throws: JournalError.notFound(path: dir.file("absent"))) { try EventStore.open(path: dir.file("absent"), clock: fixedClock) }
        #expect(throws: JournalError.notAJournal(path: dir.path)) { try EventStore.open(path: dir.path, clock: fixedClock) }
        for e: JournalError in [.notAJournal(path: "p"), .emptyFile(path: "p"), .newerFormat(path: "p", version: 9), .corrupt(path: "p", record: 3, offset: 99, reason: "r")] {
            #expect(e.description.count > 30)
        }
    }

    @Test("Two stores on one file: the stale one re-decides under the lock and cannot double-book")
    func staleDeskRedecides() throws {
        let dir = TempDir()
        let path = dir.file("j")
        let a = try makeSmallJournal(path)
        let b = try EventStore.open(path: path, clock: fixedClock)
        let night = Day.parseISO("2026-11-23")!
        try a.execute(.assignBed(night: night, bed: 1, client: 1), actor: 2)
        #expect(b.state.ledger.nights[night] == nil, "b has not seen a's append yet")
        #expect(throws: StoreError.refused(.bedTaken(bed: "A1", night: night))) { try b.execute(.assignBed(night: night, bed: 1, client: 2), actor: 2) }
        #expect(b.state.ledger.nights[night]?.byBed[1]?.clientID == 1, "b folded in a's append while deciding")
        try b.execute(.assignBed(night: night, bed: 2, client: 2), actor: 2)
        #expect(a.journal.hasNewData)
        #expect(try a.refresh() == 2, "b's refusal (recorded as bed_refused) and b's assignment")
        #expect(a.state == b.state)
        #expect(try JournalVerifier.verify(path: path, deep: true).exitCode == 0)
    }
}

@Suite("Security in the journal")
struct JournalSecurityTests {
    @Test("A refused privileged attempt is audited as access_refused; the command itself is not written")
    func auditedRefusal() throws {
        let dir = TempDir()
        let s = try makeSmallJournal(dir.file("j.onderdak"))
        let before = s.state.lastSequence
        #expect(throws: StoreError.refused(.notPermitted(role: .desk, permission: .manageStaff))) {
            try s.execute(.addStaff(username: "x", displayName: "X", role: .supervisor, credential: nil), actor: 2)
        }
        let events = try EventStore.events(path: s.path)
        #expect(events.last?.event == .accessRefused(command: "addStaff", permission: "manageStaff") && events.last?.actor == 2)
        #expect(s.state.lastSequence == before + 1 && s.state.roster.staffByUsername["x"] == nil)
    }
}
