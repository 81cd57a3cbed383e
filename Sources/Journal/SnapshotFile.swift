import Foundation
import ShelterDomain

/// The disposable snapshot cache beside a journal (`<journal>.snapshot`, 0600): the folded
/// state after the first `records` records, tagged with the byte offset, the head hash there, the
/// journal's header and the fold-code version. It holds personal data outside the hash chain, so
/// it is **encrypted and authenticated** (AES-256-GCM under the installation's `SnapshotKey`):
/// each of the state's sections is sealed in chunks of `chunkSize` bytes, every chunk bound to the
/// file's preamble (its SHA-256), its section and its place, so that a reader opens only the
/// sections it needs (the bed board never decrypts the client files' rest) and a chunk that does
/// not open — damaged, forged, moved from another snapshot — rejects the file before anything in
/// it is decoded. Used only when every tag matches the journal (the next record must link to the
/// stored head hash, or — at the end — the last record must hash to it); otherwise it is ignored
/// and rebuilt. Never a second source of truth.
public struct SnapshotFile {
    /// "ONDX": the sealed layout (the HMAC-only "ONDS" files before it are ignored and rebuilt).
    static let magic: [UInt8] = Array("ONDX".utf8)
    /// Plain bytes per sealed chunk (each chunk adds a 12-byte nonce and a 16-byte tag).
    static let chunkSize = 1 << 20
    static let sealOverhead = 28

    public var records: Int
    public var end: Int
    public var lastRecordOffset: Int
    public var headHash: [UInt8]
    public var headerPayload: [UInt8]
    public var state: ShelterState

    /// Moves the state out, leaving an empty one: the caller then holds the only copy, so
    /// folding newer records into it changes it in place instead of copying its collections.
    public mutating func takeState() -> ShelterState {
        var taken = ShelterState.initial
        swap(&taken, &state)
        return taken
    }
    /// The id of the key store the state was read with (empty: none), and how many keys it had:
    /// a snapshot is never used with another or an older key store (see `EventStore.resume`).
    public var keyStoreID: [UInt8] = []
    public var keyCount = 0

    public static func path(forJournal journal: String) -> String { journal + ".snapshot" }

    /// The additional data a chunk is sealed with: the preamble's digest, the section, the chunk.
    static func aad(_ digest: [UInt8], section: Int, chunk: Int) -> [UInt8] {
        digest + [UInt8(section), UInt8(chunk >> 24 & 0xff), UInt8(chunk >> 16 & 0xff), UInt8(chunk >> 8 & 0xff), UInt8(chunk & 0xff)]
    }

    /// Writes the snapshot (temporary file created 0600, fsync, rename), sealed under the
    /// installation's snapshot key (made now if there is none). Returns why nothing was written,
    /// or nil; failures are otherwise ignored (it is a cache).
    @discardableResult
    public static func write(_ snap: SnapshotFile, journal: String) -> SnapshotKey.Problem? {
        let key: SnapshotKey
        switch SnapshotKey.loadOrCreate(journal: journal) {
        case .success(let k): key = k
        case .failure(let problem): return problem
        }
        let sections = StateSnapshot.encodeSections(snap.state)
        var w = ByteWriter(capacity: 4096)
        for b in magic { w.u8(b) }
        w.u8(StateSnapshot.foldVersion); w.u16(EventCodec.maxTag)
        w.varint(UInt64(snap.records)); w.varint(UInt64(snap.end)); w.varint(UInt64(snap.lastRecordOffset))
        w.raw(snap.headHash); w.raw(snap.headerPayload)
        w.raw(snap.keyStoreID); w.varint(UInt64(snap.keyCount))
        w.varint(UInt64(sections.count)); for s in sections { w.varint(UInt64(s.count)) }
        let preamble = w.bytes
        let digest = SnapshotKey.digest(preamble)
        let final = path(forJournal: journal), tmp = final + ".tmp-\(getpid())"
        unlink(tmp)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return nil }
        func put(_ b: [UInt8]) -> Bool { b.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == b.count }
        var ok = put(preamble)
        for (i, section) in sections.enumerated() where ok {
            var chunk = 0
            for start in stride(from: 0, to: section.count, by: chunkSize) where ok {
                let sealed = section.withUnsafeBytes {
                    key.seal(UnsafeRawBufferPointer(rebasing: $0[start..<min(start + chunkSize, section.count)]), aad: aad(digest, section: i, chunk: chunk))
                }
                ok = put(sealed)
                chunk += 1
            }
        }
        ok = ok && fsync(fd) == 0
        close(fd)
        if ok { rename(tmp, final) } else { unlink(tmp) }
        return nil
    }

    /// Why a snapshot file beside a journal was not used.
    public enum Rejection: Error, Equatable, Sendable {
        /// No snapshot, or one from another fold-code version or layout: ignored silently.
        case absent
        /// It does not check out against the installation's key: damaged or forged.
        case unauthenticated
        /// The key is missing or unusable, so nothing can be trusted.
        case key(SnapshotKey.Problem)
    }

    /// Reads a snapshot, or nil when missing, unauthenticated, damaged or from another fold-code version.
    public static func read(journal: String) -> SnapshotFile? {
        try? readChecked(journal: journal).get()
    }

    /// Reads a snapshot and says why it was not used.
    public static func readChecked(journal: String) -> Result<SnapshotFile, Rejection> {
        read(journal: journal) { (section) throws(CodecError) in try StateSnapshot.decode(section: section) }
    }

    /// Reads only what the bed board of `night` needs (see `StateSnapshot.decodeBoardView`):
    /// for showing that board, never for deciding. The rest of the client files is not decrypted.
    public static func readBoardView(journal: String, night: Day, also: Set<ClientID> = []) -> SnapshotFile? {
        try? read(journal: journal) { (section) throws(CodecError) in
            try StateSnapshot.decodeBoardView(section: section, night: night, also: also)
        }.get()
    }

    /// A chunk that did not open (wrong key, damaged, forged or moved): the file is rejected.
    struct SealBroken: Error {}

    static func read(journal: String, state decode: ((Int) throws(CodecError) -> [UInt8]) throws(CodecError) -> ShelterState) -> Result<SnapshotFile, Rejection> {
        // Mapped, not copied: each section is decrypted from the mapping when the decoder asks
        // for it, and its pages let go afterwards (RSS matters at city scale).
        let file = path(forJournal: journal)
        // A regular file only: never follow a link, never wait on a FIFO or a device.
        let fd = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return .failure(.absent) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 8 else { return .failure(.absent) }
        let size = Int(st.st_size)
        guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else { return .failure(.absent) }
        defer { munmap(map, size) }
        let all = UnsafeRawBufferPointer(start: map, count: size)
        // Another layout or fold-code version: not ours to judge, ignored (and rebuilt).
        guard all[0..<4].elementsEqual(magic), all[4] == StateSnapshot.foldVersion else { return .failure(.absent) }
        let key: SnapshotKey
        switch SnapshotKey.load(journal: journal) {
        case .success(let k): key = k
        case .failure(let problem): return .failure(.key(problem))
        }
        // The preamble is parsed (bounds-checked) but trusted only once a chunk bound to it opens.
        var r = ByteReader(all)
        guard let pre = try? { () throws(CodecError) -> (records: Int, end: Int, last: Int, head: [UInt8], header: [UInt8], storeID: [UInt8], keyCount: Int, lengths: [Int]) in
            for b in magic { guard try r.u8() == b else { throw .malformed("magic") } }
            guard try r.u8() == StateSnapshot.foldVersion, try r.u16() == EventCodec.maxTag else { throw .malformed("version") }
            let records = Int(try r.varint()), end = Int(try r.varint()), last = Int(try r.varint())
            let head = try r.raw(), header = try r.raw()
            let storeID = try r.raw(), keyCount = Int(try r.varint())
            let n = Int(try r.varint())
            guard n == StateSnapshot.sectionCount else { throw .malformed("sections") }
            var lengths: [Int] = []
            for _ in 0..<n { let l = try r.varint(); guard l < UInt64(size) * 2 else { throw .malformed("length") }; lengths.append(Int(l)) }
            return (records, end, last, head, header, storeID, keyCount, lengths)
        }() else { return .failure(.unauthenticated) }
        let preambleEnd = r.offset
        let digest = SnapshotKey.digest(UnsafeRawBufferPointer(rebasing: all[0..<preambleEnd]))
        // Where each section's sealed chunks start; the file must end exactly after the last.
        var starts: [Int] = [], at = preambleEnd
        for l in pre.lengths {
            starts.append(at)
            let chunks = (l + chunkSize - 1) / chunkSize
            at += l + chunks * sealOverhead
        }
        guard at == size else { return .failure(.unauthenticated) }
        var broken = false
        let section = { (i: Int) throws(CodecError) -> [UInt8] in
            let length = pre.lengths[i]
            var plain = [UInt8](repeating: 0, count: length)
            var from = starts[i], chunk = 0
            for start in stride(from: 0, to: length, by: chunkSize) {
                let n = min(chunkSize, length - start)
                let sealed = UnsafeRawBufferPointer(rebasing: all[from..<(from + n + sealOverhead)])
                guard key.unseal(sealed, aad: aad(digest, section: i, chunk: chunk), into: &plain, at: start) else {
                    broken = true
                    throw .malformed("sealed")
                }
                SnapshotFile.release(sealed)
                from += n + sealOverhead; chunk += 1
            }
            return plain
        }
        // Nothing is decoded before the core's chunks open under the key (binding the preamble).
        guard (try? section(0)) != nil else { return .failure(.unauthenticated) }
        do {
            let state = try decode(section)
            return .success(SnapshotFile(records: pre.records, end: pre.end, lastRecordOffset: pre.last, headHash: pre.head, headerPayload: pre.header,
                                         state: state, keyStoreID: pre.storeID, keyCount: pre.keyCount))
        } catch {
            return .failure(broken ? .unauthenticated : .absent)
        }
    }

    /// Lets the pages behind read bytes of the mapped snapshot go (they are file pages: read
    /// again from the page cache if touched), so the peak memory of a load is the state plus one
    /// section, not the state plus the whole file.
    static func release(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + bytes.count) / page * page
        guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
        madvise(p, end - start, Int32(MADV_DONTNEED))
    }

    /// Removes the snapshot cache (an erasure: it may hold the person's data), durably.
    public static func remove(journal: String) {
        if unlink(path(forJournal: journal)) == 0 { JournalFile.syncDirectory(JournalFile.directory(of: journal)) }
    }
}
