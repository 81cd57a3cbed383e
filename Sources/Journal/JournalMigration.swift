#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShelterDomain

/// Upgrades a journal with personal data in clear (written before sealed records existed) to one
/// where every personal field is sealed: a new journal is written beside it with the same header,
/// the same events, sequence numbers and times, checked (hash chain, and a full replay that must
/// give exactly the old state), and only then put in place. The old journal (and its key store,
/// if any) is kept as `<journal>.plain-<UTC time>` until the operator removes it.
public enum JournalMigration {
    /// What a migration did.
    public struct Summary: Sendable {
        public var events: Int
        public var sealed: Int
        /// Records that held personal data in clear before.
        public var plainBefore: Int
        /// Where the old journal is kept (nil: nothing was to migrate).
        public var keptAt: String?
    }

    /// Records of `path` whose personal fields are in clear.
    public static func plainRecords(path: String) throws(JournalError) -> Int {
        let keys = try PersonalKeyStore.open(journal: path)
        var plain = 0
        _ = try JournalFile.open(path: path, writable: false) { _, payload in
            if SealedRecord.client(of: payload) == nil, SealedRecord.needsSealing(try EventCodec.decode(payload).event) { plain += 1 }
        }
        _ = keys
        return plain
    }

    public static func migrate(path: String) throws(JournalError) -> Summary {
        let plain = try plainRecords(path: path)
        let old = try EventStore.open(path: path, writable: false, clock: SystemClock.now, useSnapshot: false)
        guard plain > 0 else { return Summary(events: Int(old.state.lastSequence), sealed: 0, plainBefore: 0, keptAt: nil) }
        let events = try EventStore.events(path: path)
        let staging = path + ".migrating"
        unlink(staging); unlink(staging + ".keys")
        try JournalFile.create(path: staging, header: old.header)
        let new = try EventStore.open(path: staging, clock: SystemClock.now, useSnapshot: false)
        var state = ShelterState.initial
        var batch: [[UInt8]] = []
        var sealed = 0
        func flush() throws(JournalError) {
            guard !batch.isEmpty else { return }
            do { _ = try new.journal.withExclusiveLock(visit: { _, _ in }) { try new.appendSealed(batch) } } catch let e as JournalError { throw e } catch {
                throw .io(path: staging, operation: "write", reason: "\(error)")
            }
            batch.removeAll(keepingCapacity: true)
        }
        for e in events {
            let payload = new.encodeForAppend(e, state: state)
            if SealedRecord.client(of: payload.withUnsafeBytes { UnsafeRawBufferPointer($0) }) != nil { sealed += 1 }
            batch.append(payload)
            state.evolve(e)
            if batch.count >= 4096 { try flush() }
        }
        try flush()
        // Checked before anything is moved: the chain, and the same state from a full replay.
        let report = try JournalVerifier.verify(path: staging, deep: false)
        let replayed = try EventStore.open(path: staging, writable: false, clock: SystemClock.now, useSnapshot: false).state
        guard report.exitCode == 0, replayed == old.state else {
            unlink(staging); unlink(staging + ".keys")
            throw .io(path: staging, operation: "check the migrated copy of", reason: "it does not replay to the same state; nothing was changed and the journal is as it was")
        }
        let stamp = SystemClock.realNow().isoUTC.filter { $0 != "-" && $0 != ":" }
        let kept = "\(path).plain-\(stamp)"
        // The old files stay (hard links first), then the new key store, then the new journal
        // replaces the old one in one rename.
        guard link(path, kept) == 0 else { throw .io(path: kept, operation: "keep the old journal as", reason: JournalFile.errnoText()) }
        if PersonalKeyStore.fileSize(path + ".keys") != nil, link(path + ".keys", kept + ".keys") != 0 {
            throw .io(path: kept + ".keys", operation: "keep the old key store as", reason: JournalFile.errnoText())
        }
        guard rename(staging + ".keys", path + ".keys") == 0, rename(staging, path) == 0 else {
            throw .io(path: path, operation: "put the migrated journal in place at", reason: "\(JournalFile.errnoText()); the old journal is kept at \(kept)")
        }
        SnapshotFile.remove(journal: path)
        JournalFile.syncDirectory(JournalFile.directory(of: path))
        return Summary(events: events.count, sealed: sealed, plainBefore: plain, keptAt: kept)
    }
}
