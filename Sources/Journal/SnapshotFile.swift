import Foundation
import ShelterDomain

/// The disposable snapshot cache beside a journal (`<journal>.snapshot`, 0600): the folded
/// state after the first `records` records, tagged with the byte offset, the head hash there, the
/// journal's header and the fold-code version. Used only when every tag matches the journal
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

    public static func path(forJournal journal: String) -> String { journal + ".snapshot" }

    /// Writes the snapshot (temporary file, fsync, rename); failures are ignored (it is a cache).
    public static func write(_ snap: SnapshotFile, journal: String) {
        var w = ByteWriter(capacity: 1 << 22)
        for b in magic { w.u8(b) }
        w.u8(StateSnapshot.foldVersion); w.u16(EventCodec.maxTag)
        w.varint(UInt64(snap.records)); w.varint(UInt64(snap.end)); w.varint(UInt64(snap.lastRecordOffset))
        w.raw(snap.headHash); w.raw(snap.headerPayload)
        w.raw(StateSnapshot.encode(snap.state))
        var bytes = w.bytes
        let crc = bytes.withUnsafeBytes { CRC32C.checksum($0) }
        for i in 0..<4 { bytes.append(UInt8((crc >> (8 * UInt32(i))) & 0xFF)) }
        let final = path(forJournal: journal), tmp = final + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let ok = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count && fsync(fd) == 0
        close(fd)
        if ok { rename(tmp, final) } else { unlink(tmp) }
    }

    /// Reads a snapshot, or nil when missing, damaged or from another fold-code version.
    public static func read(journal: String) -> SnapshotFile? {
        read(journal: journal) { (r: inout ByteReader) throws(CodecError) in try StateSnapshot.decodeEmbedded(&r) }
    }

    /// Reads only what the bed board of `night` needs (see `StateSnapshot.decodeBoardView`):
    /// for showing that board, never for deciding.
    public static func readBoardView(journal: String, night: Day, also: Set<ClientID> = []) -> SnapshotFile? {
        read(journal: journal) { (r: inout ByteReader) throws(CodecError) in try StateSnapshot.decodeBoardView(try r.block(), night: night, also: also) }
    }

    static func read(journal: String, state decode: (inout ByteReader) throws(CodecError) -> ShelterState) -> SnapshotFile? {
        // One copy of the bytes, read in place (a city snapshot is tens of MB; RSS matters).
        guard let bytes = readAll(path(forJournal: journal)), bytes.count > 12 else { return nil }
        let n = bytes.count - 4
        let stored = (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[n + $1]) << (8 * UInt32($1)) }
        return bytes.withUnsafeBytes { (all: UnsafeRawBufferPointer) -> SnapshotFile? in
            let body = UnsafeRawBufferPointer(rebasing: all[0..<n])
            guard CRC32C.checksum(body) == stored else { return nil }
            return try? { () throws(CodecError) -> SnapshotFile? in
                var r = ByteReader(body)
                for b in magic { guard try r.u8() == b else { return nil } }
                guard try r.u8() == StateSnapshot.foldVersion, try r.u16() == EventCodec.maxTag else { return nil }
                let records = Int(try r.varint()), end = Int(try r.varint()), last = Int(try r.varint())
                let head = try r.raw(), header = try r.raw()
                let state = try decode(&r)
                return SnapshotFile(records: records, end: end, lastRecordOffset: last, headHash: head, headerPayload: header, state: state)
            }()
        }
    }

    /// The whole file, or nil when it cannot be read.
    static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var got = 0
        let ok = bytes.withUnsafeMutableBytes { p -> Bool in
            while got < size {
                let n = Glibc.read(fd, p.baseAddress! + got, size - got)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return false }
                got += n
            }
            return true
        }
        return ok ? bytes : nil
    }
}
