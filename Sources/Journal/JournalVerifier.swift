#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import ShelterDomain

/// Read-only check of a whole journal: framing, checksums, every link of the hash chain,
/// payload decoding and sequence numbers; with `deep`, a replay that checks the domain's
/// invariants. Never writes.
///
/// The chain is checked in parallel: a first pass checks the framing and CRCs and finds the
/// record boundaries; then each core hashes its share of the records and compares each hash
/// with the next record's stored previous-record hash.
public enum JournalVerifier {
    /// What one worker found in its share of the records.
    struct Part {
        var firstBrokenLink: Int?
        var payloadErrors: [String] = []
        var lastSequence: UInt64 = 0
        var lastHash: [UInt8] = []
        var crcMismatch = false
    }

    /// Read-only views shared by the workers: the mapped file and the record boundaries; each
    /// worker writes only its own slot of `parts`.
    struct Shared: @unchecked Sendable {
        let buf: UnsafeRawBufferPointer
        let starts: UnsafeBufferPointer<Int>
        let ends: UnsafeBufferPointer<Int>
        let parts: UnsafeMutableBufferPointer<Part>
    }

    /// `anchor`: a record number whose hash the report should also give (`anchorHash`), to check
    /// a head written down earlier against a journal that has grown since.
    public static func verify(path: String, deep: Bool, anchor: Int? = nil) throws(JournalError) -> VerifyReport {
        // Record CRCs are checked by the parallel pass; when one does not match, the serial scan
        // with CRCs runs again so that the report names the record exactly as replay would.
        let fast = try verify(path: path, deep: deep, serialCRC: false, anchor: anchor)
        return fast.crcMismatch ? try verify(path: path, deep: deep, serialCRC: true, anchor: anchor).report : fast.report
    }

    static func verify(path: String, deep: Bool, serialCRC: Bool, anchor: Int? = nil) throws(JournalError) -> (report: VerifyReport, crcMismatch: Bool) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: throw .notFound(path: path)
            case EACCES, EPERM: throw .permissionDenied(path: path, operation: "read")
            default: throw .io(path: path, operation: "open", reason: String(cString: strerror(errno)))
            }
        }
        defer { close(fd) }
        _ = flock(fd, LOCK_SH)
        defer { _ = flock(fd, LOCK_UN) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { throw .notAJournal(path: path) }
        let size = Int(st.st_size)
        guard size > 0 else { throw .emptyFile(path: path) }
        guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else {
            throw .io(path: path, operation: "map", reason: String(cString: strerror(errno)))
        }
        defer { munmap(map, size) }
        madvise(map, size, Int32(MADV_SEQUENTIAL))
        let buf = UnsafeRawBufferPointer(start: map, count: size)
        if size >= 4, !buf[0..<4].elementsEqual(RecordFormat.magic) { throw .notAJournal(path: path) }

        var report = VerifyReport()
        report.bytes = size
        // Pass 1: framing and CRCs; record boundaries.
        var starts: [Int] = []
        var ends: [Int] = []
        let result = JournalScanner.scan(buf, baseOffset: 0, firstIndex: 0, previousHash: RecordFormat.zeroHash, verifyChain: false,
                                             checkRecordCRC: serialCRC) { _, ref, _ in
            starts.append(ref.offset)
            ends.append(ref.end)
        }
        // Not even a whole header record (a 1-byte file…): not a journal, rather than a torn tail.
        if result.records == 0, case .tornTail? = result.problem { throw .notAJournal(path: path) }
        report.records = result.records
        report.problem = result.problem
        let n = starts.count
        if n > 0, let h = try? JournalHeader.decode(payload(buf, starts[0], ends[0])) { report.isDemo = h.isDemo } else if n > 0 {
            report.payloadErrors.append("record 0 (byte offset 0): the journal header cannot be read")
        }
        // Pass 2, in parallel: every link of the chain, and (unless deep) every payload.
        let workers = n < 20_000 ? 1 : max(1, min(8, ProcessInfo_activeProcessorCount()))
        let parts = UnsafeMutableBufferPointer<Part>.allocate(capacity: workers)
        parts.initialize(repeating: Part())
        defer { parts.deinitialize(); parts.deallocate() }
        starts.withUnsafeBufferPointer { startsP in
            ends.withUnsafeBufferPointer { endsP in
                let shared = Shared(buf: buf, starts: startsP, ends: endsP, parts: parts)
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    let buf = shared.buf, startsP = shared.starts, endsP = shared.ends
                    let lo = n * w / workers, hi = n * (w + 1) / workers
                    var part = Part()
                    for i in lo..<hi {
                        let record = UnsafeRawBufferPointer(rebasing: buf[startsP[i]..<endsP[i]])
                        if !serialCRC, !part.crcMismatch,
                           CRC32C.checksum(UnsafeRawBufferPointer(rebasing: record[0..<(record.count - 4)])) != RecordFormat.readLE32(record, record.count - 4) {
                            part.crcMismatch = true
                        }
                        if i + 1 < n {
                            if part.firstBrokenLink == nil {
                                let next = startsP[i + 1]
                                if !RecordFormat.sha256(record, equals: UnsafeRawBufferPointer(rebasing: buf[(next + 16)..<(next + 48)])) {
                                    part.firstBrokenLink = i + 1
                                }
                            }
                        }
                        if i == hi - 1 { part.lastHash = RecordFormat.sha256(record) }
                        if !deep, i > 0 {
                            let p = UnsafeRawBufferPointer(rebasing: buf[(startsP[i] + 48)..<(endsP[i] - 4)])
                            do {
                                let e = try SealedRecord.decodePublic(p)
                                if e.sequence != UInt64(i) {
                                    part.payloadErrors.append("record \(i) (byte offset \(startsP[i])): sequence number \(e.sequence), expected \(i)")
                                }
                                part.lastSequence = e.sequence
                            } catch {
                                part.payloadErrors.append("record \(i) (byte offset \(startsP[i])): \(error)")
                            }
                        }
                    }
                    shared.parts[w] = part
                }
            }
        }
        if parts.contains(where: \.crcMismatch) { return (report, true) }
        for p in parts { report.payloadErrors += p.payloadErrors; if p.lastSequence > 0 { report.lastSequence = p.lastSequence } }
        if let broken = parts.compactMap(\.firstBrokenLink).min() {
            report.problem = .corrupt(record: broken, offset: starts[broken],
                                      reason: "hash chain broken: the previous-record hash does not match record \(broken - 1)")
            report.headHash = RecordFormat.zeroHash
        } else if n > 0 {
            report.headHash = parts[workers - 1].lastHash.isEmpty ? RecordFormat.zeroHash : parts[workers - 1].lastHash
            // The chain is whole: record i's hash is the previous-record hash stored in record i + 1.
            if let a = anchor, a >= 0, a < n {
                report.anchorHash = a == n - 1 ? report.headHash : Array(buf[(starts[a + 1] + 16)..<(starts[a + 1] + 48)])
            }
        }
        if deep {
            var checker = InvariantChecker()
            // Sealed fields are opened when the key store is there (else the redacted events are checked).
            let keys = try? PersonalKeyStore.open(journal: path)
            var missingKeys = Set<Int32>()
            // The snapshot cache must equal the replay at its position (it is not protected by the chain).
            let checked = SnapshotFile.readChecked(journal: path)
            let snapshot = try? checked.get()
            if case .failure(.unauthenticated) = checked {
                report.violations.append("snapshot \(SnapshotFile.path(forJournal: path)) does not check out against its key (damaged or forged; it is never used): delete it (it is a cache and will be rebuilt)")
            }
            if let snap = snapshot, snap.records <= 1 { report.violations.append("snapshot: empty") }
            for i in 1..<max(1, n) {
                if let snap = snapshot, i == snap.records, checker.state != snap.state {
                    report.violations.append("snapshot \(SnapshotFile.path(forJournal: path)) differs from the journal at record \(i): delete it (it is a cache and will be rebuilt)")
                }
                do {
                    let (e, lacking) = try SealedRecord.decode(payload(buf, starts[i], ends[i]), key: { keys?.key($0) })
                    if let lacking { missingKeys.insert(lacking) }
                    if e.sequence != UInt64(i) {
                        report.payloadErrors.append("record \(i) (byte offset \(starts[i])): sequence number \(e.sequence), expected \(i)")
                    }
                    report.lastSequence = e.sequence
                    checker.apply(e)
                } catch {
                    report.payloadErrors.append("record \(i) (byte offset \(starts[i])): \(error)")
                }
            }
            if let snap = snapshot, snap.records == max(1, n), checker.state != snap.state {
                report.violations.append("snapshot \(SnapshotFile.path(forJournal: path)) differs from the journal at its end: delete it (it is a cache and will be rebuilt)")
            }
            if let snap = snapshot, snap.records > max(1, n) {
                report.violations.append("snapshot \(SnapshotFile.path(forJournal: path)) is ahead of the journal (\(snap.records) > \(n) records): delete it")
            }
            // Sealed data must have its key unless the person was erased; an erased person must have none.
            let state = checker.state
            for id in missingKeys.sorted() where !state.isErased(id) {
                report.violations.append("client #\(id): the key of their sealed data is not in the key store \(PersonalKeyStore.path(forJournal: path)) (restore it from the backup)")
            }
            if let keys {
                let present = Set(keys.clients)
                for id in state.files.erasures.keys.sorted() where state.erasureGroup(of: id).contains(where: { present.contains($0) }) {
                    report.violations.append("client #\(id) is erased but a key of theirs is still in the key store (an erasure was interrupted): open the journal for writing once to finish it")
                }
            }
            report.violations = checker.violations + report.violations
        }
        return (report, false)
    }

    static func payload(_ buf: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: buf[(start + 48)..<(end - 4)])
    }

    static func ProcessInfo_activeProcessorCount() -> Int {
        Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }
}
