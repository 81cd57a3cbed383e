import Foundation
import Testing
@testable import Journal
import ShelterDomain
#if canImport(Glibc)
import Glibc
#endif

/// I/O that fails the way disks do: no space, a short write, an fsync error.
struct FailingIO: JournalIO {
    enum Mode: Sendable { case noSpace, shortThenNoSpace, fsyncFails }
    let mode: Mode
    func pwrite(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, _ offset: Int64) -> Int {
        switch mode {
        case .noSpace:
            errno = ENOSPC; return -1
        case .shortThenNoSpace:
            if bytes.count > 10 { return SystemIO().pwrite(fd, UnsafeRawBufferPointer(rebasing: bytes[0..<10]), offset) }
            errno = ENOSPC; return -1
        case .fsyncFails:
            return SystemIO().pwrite(fd, bytes, offset)
        }
    }
    func fsync(_ fd: Int32) -> Int32 {
        if mode == .fsyncFails { errno = EIO; return -1 }
        return SystemIO().fsync(fd)
    }
}

@Suite("Journal: failed writes leave the file byte-identical")
struct FaultInjectionTests {
    @Test("A failed write or fsync throws a clear error and changes nothing",
          arguments: [FailingIO.Mode.noSpace, .shortThenNoSpace, .fsyncFails])
    func failedAppend(_ mode: FailingIO.Mode) throws {
        let dir = TempDir()
        let path = dir.file("j")
        _ = try makeSmallJournal(path)
        let before = dir.bytes("j")
        let store = try EventStore.open(path: path, io: FailingIO(mode: mode), clock: fixedClock)
        let stateBefore = store.state
        do {
            try store.execute(.assignBed(night: Day.parseISO("2026-11-23")!, bed: 1, client: 1), actor: 2)
            Issue.record("the append should have failed")
        } catch let e {
            switch (mode, e) {
            case (.fsyncFails, .journal(.syncFailed)): break
            case (.noSpace, .journal(.writeFailed(_, let why))), (.shortThenNoSpace, .journal(.writeFailed(_, let why))):
                #expect(why.contains("space"))
            default: Issue.record("unexpected error \(e)")
            }
            #expect(e.description.contains("unchanged"))
        }
        #expect(dir.bytes("j") == before)
        #expect(store.state == stateBefore)
        // After the fault clears, a fresh store appends normally.
        let healthy = try EventStore.open(path: path, clock: fixedClock)
        try healthy.execute(.assignBed(night: Day.parseISO("2026-11-23")!, bed: 1, client: 1), actor: 2)
        #expect(try JournalVerifier.verify(path: path, deep: true).exitCode == 0)
    }
}
