import Foundation
import ShelterDomain

/// The disposable snapshot cache beside a journal (`<journal>.snapshot`, 0600): the folded
/// state after the first `records` records, tagged with the byte offset, the head hash there, the
/// journal's header and the fold-code version, and authenticated with an HMAC-SHA-256 under the
/// installation's `SnapshotKey` (it holds personal data outside the hash chain: a snapshot that
/// does not check out is never decoded, let alone used). Used only when every tag matches the journal
/// (the next record must link to the stored head hash, or — at the end — the last record must
/// hash to it); otherwise it is ignored and rebuilt. Never a second source of truth.
public struct SnapshotFile {
    static let magic: [UInt8] = Array("ONDS".utf8)

    public var records: Int
    public var end: Int
    public var lastRecordOffset: Int
    public var headHash: [UInt8]
    public var headerPayload: [UInt8]
    public var state: ShelterState
    /// The id of the key store the state was read with (empty: none), and how many keys it had:
    /// a snapshot is never used with another or an older key store (see `EventStore.resume`).
    public var keyStoreID: [UInt8] = []
    public var keyCount = 0

    public static func path(forJournal journal: String) -> String { journal + ".snapshot" }

    /// Writes the snapshot (temporary file created 0600, fsync, rename), authenticated with the
    /// installation's snapshot key (made now if there is none). Returns why nothing was written,
    /// or nil; failures are otherwise ignored (it is a cache).
    @discardableResult
    public static func write(_ snap: SnapshotFile, journal: String) -> SnapshotKey.Problem? {
        let key: SnapshotKey
        switch SnapshotKey.loadOrCreate(journal: journal) {
        case .success(let k): key = k
        case .failure(let problem): return problem
        }
        var w = ByteWriter(capacity: 1 << 22)
        for b in magic { w.u8(b) }
        w.u8(StateSnapshot.foldVersion); w.u16(EventCodec.maxTag)
        w.varint(UInt64(snap.records)); w.varint(UInt64(snap.end)); w.varint(UInt64(snap.lastRecordOffset))
        w.raw(snap.headHash); w.raw(snap.headerPayload)
        w.raw(snap.keyStoreID); w.varint(UInt64(snap.keyCount))
        w.raw(StateSnapshot.encode(snap.state))
        var bytes = w.bytes
        bytes.append(contentsOf: bytes.withUnsafeBytes { key.mac($0) })
        let final = path(forJournal: journal), tmp = final + ".tmp-\(getpid())"
        unlink(tmp)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return nil }
        let ok = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count && fsync(fd) == 0
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
        read(journal: journal) { (r: inout ByteReader) throws(CodecError) in
            try StateSnapshot.decodeEmbedded(&r) { section in release(section) }
        }
    }

    /// Lets the pages behind decoded bytes of the mapped snapshot go (they are file pages: read
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

    /// Reads only what the bed board of `night` needs (see `StateSnapshot.decodeBoardView`):
    /// for showing that board, never for deciding.
    public static func readBoardView(journal: String, night: Day, also: Set<ClientID> = []) -> SnapshotFile? {
        try? read(journal: journal) { (r: inout ByteReader) throws(CodecError) in
            try StateSnapshot.decodeBoardView(try r.block(), night: night, also: also)
        }.get()
    }

    static func read(journal: String, state decode: (inout ByteReader) throws(CodecError) -> ShelterState) -> Result<SnapshotFile, Rejection> {
        // Mapped, not copied: after the MAC has touched every page they are let go, and the
        // decoder faults them back one section at a time (RSS matters at city scale).
        let file = path(forJournal: journal)
        // A regular file only: never follow a link, never wait on a FIFO or a device.
        let fd = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return .failure(.absent) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 8 + macSize else { return .failure(.absent) }
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
        let n = size - macSize
        let body = UnsafeRawBufferPointer(rebasing: all[0..<n])
        // Nothing is decoded, let alone trusted, before the MAC checks out.
        guard key.check(body, tag: UnsafeRawBufferPointer(rebasing: all[n..<size])) else { return .failure(.unauthenticated) }
        madvise(map, size, Int32(MADV_DONTNEED))
        let decoded = try? { () throws(CodecError) -> SnapshotFile? in
            var r = ByteReader(body)
            for b in magic { guard try r.u8() == b else { return nil } }
            guard try r.u8() == StateSnapshot.foldVersion, try r.u16() == EventCodec.maxTag else { return nil }
            let records = Int(try r.varint()), end = Int(try r.varint()), last = Int(try r.varint())
            let head = try r.raw(), header = try r.raw()
            let storeID = try r.raw(), keyCount = Int(try r.varint())
            let state = try decode(&r)
            return SnapshotFile(records: records, end: end, lastRecordOffset: last, headHash: head, headerPayload: header, state: state,
                                keyStoreID: storeID, keyCount: keyCount)
        }()
        return decoded.map { .success($0) } ?? .failure(.absent)
    }

    static let macSize = 32

    /// Removes the snapshot cache (an erasure: it may hold the person's data), durably.
    public static func remove(journal: String) {
        if unlink(path(forJournal: journal)) == 0 { JournalFile.syncDirectory(JournalFile.directory(of: journal)) }
    }
}
