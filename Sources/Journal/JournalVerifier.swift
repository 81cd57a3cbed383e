#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShelterDomain

/// Read-only check of a whole journal: framing, checksums, every link of the hash chain,
/// payload decoding and sequence numbers; with `deep`, a replay that checks the domain's
/// invariants. Never writes.
public enum JournalVerifier {
    public static func verify(path: String, deep: Bool) throws(JournalError) -> VerifyReport {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
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
        var checker = InvariantChecker()
        let result = JournalScanner.scan(buf, baseOffset: 0, firstIndex: 0, previousHash: RecordFormat.zeroHash, verifyChain: true) { index, ref, payload in
            if index == 0 {
                if let h = try? JournalHeader.decode(payload) { report.isDemo = h.isDemo } else {
                    report.payloadErrors.append("record 0 (byte offset 0): the journal header cannot be read")
                }
                return
            }
            do {
                let e = try EventCodec.decode(payload)
                if e.sequence != UInt64(index) {
                    report.payloadErrors.append("record \(index) (byte offset \(ref.offset)): sequence number \(e.sequence), expected \(index)")
                }
                report.lastSequence = e.sequence
                if deep { checker.apply(e) }
            } catch {
                report.payloadErrors.append("record \(index) (byte offset \(ref.offset)): \(error)")
            }
        }
        report.records = result.records
        report.headHash = result.headHash
        report.problem = result.problem
        report.violations = checker.violations
        return report
    }
}
