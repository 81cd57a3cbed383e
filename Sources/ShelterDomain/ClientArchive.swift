/// Per-client lists of a snapshot (the checklist assessments, the history of each file), kept as
/// the snapshot's section — compact bytes: a client → offset table, then each client's records
/// in `Record`'s layout — and decoded one client at a time when a file, a report or an export
/// asks for them. The desk then does not hold a city's decoded history it rarely looks at.
///
/// A value: erasing a person zeroes their bytes in place (copied first only when shared).
public struct ClientArchive<Record: ArchivedRecord>: Sendable {
    /// The section: varint count, `count` pairs of fixed 32-bit (client id, offset) sorted by id,
    /// then the records (per client: varint n, then n records).
    private(set) var bytes: [UInt8]
    /// Where the table's pairs start and the records start, and how many pairs there are.
    private let tableStart: Int, recordsStart: Int
    public let count: Int

    /// The archive of `bytes` (a snapshot's section), checked: the table must be in
    /// ascending order with offsets inside the records.
    public init(bytes: [UInt8]) throws(CodecError) {
        var start = 0, n = 0, recordsStart = 0
        try StateSnapshot.with(bytes) { (p) throws(CodecError) in
            var r = ByteReader(p)
            n = try StateSnapshot.count(&r)
            start = r.offset
            var last: (key: Int32, offset: UInt32)?
            for _ in 0..<n {
                let key = Int32(bitPattern: try r.fixed32()), offset = try r.fixed32()
                if let last, key <= last.key || offset < last.offset { throw .malformed("a per-client table out of order") }
                last = (key, offset)
            }
            recordsStart = r.offset
            if let last, Int(last.offset) >= p.count - recordsStart { throw .malformed("a per-client table past the end") }
        }
        self.bytes = bytes; tableStart = start; self.recordsStart = recordsStart; count = n
    }

    /// An archive with no one in it.
    public static var empty: ClientArchive { try! ClientArchive(bytes: [0]) }

    /// The section for `lists` (each client's list oldest first), as `init(bytes:)` reads it.
    public static func encode(_ lists: [(ClientID, [Record])]) -> [UInt8] {
        let sorted = lists.filter { !$0.1.isEmpty }.sorted { $0.0 < $1.0 }
        var table = ByteWriter(capacity: 8 * sorted.count + 8), records = ByteWriter(capacity: 1 << 20)
        table.varint(UInt64(sorted.count))
        for (client, list) in sorted {
            table.fixed32(UInt32(bitPattern: client)); table.fixed32(UInt32(records.bytes.count))
            records.varint(UInt64(list.count))
            for x in list { Record.archive(x, into: &records) }
        }
        return table.bytes + records.bytes
    }

    /// The clients with records in the archive, ascending.
    public var clients: [ClientID] { (0..<count).map { key(at: $0) } }

    private func key(at i: Int) -> Int32 { Int32(bitPattern: fixed32(at: tableStart + 8 * i)) }
    private func fixed32(at o: Int) -> UInt32 {
        UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24
    }

    /// The table position of `client`, if it is in the archive (binary search).
    private func index(of client: ClientID) -> Int? {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2, k = key(at: mid)
            if k == client { return mid }
            if k < client { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// The byte range of a client's records.
    private func range(at i: Int) -> Range<Int> {
        let from = recordsStart + Int(fixed32(at: tableStart + 8 * i + 4))
        let to = i + 1 < count ? recordsStart + Int(fixed32(at: tableStart + 8 * (i + 1) + 4)) : bytes.count
        return from..<max(from, to)
    }

    /// True when `client` has records in the archive.
    public func contains(_ client: ClientID) -> Bool { index(of: client) != nil }

    /// A client's records, oldest first (nil: none in the archive). Decoded now; the snapshot
    /// was authenticated when it opened, so a failure here means damaged memory.
    public func records(of client: ClientID) throws(CodecError) -> [Record]? {
        guard let i = index(of: client) else { return nil }
        let range = range(at: i)
        var out: [Record] = []
        try StateSnapshot.with(bytes) { (p) throws(CodecError) in
            var r = ByteReader(UnsafeRawBufferPointer(rebasing: p[range]))
            let n = try StateSnapshot.count(&r)
            out.reserveCapacity(n)
            for _ in 0..<n { out.append(try Record.unarchive(client: client, from: &r)) }
        }
        return out
    }

    /// Zeroes a client's records (an erasure: nothing of them stays readable in memory). The
    /// client then reads as having an empty list.
    public mutating func scrub(_ client: ClientID) {
        guard let i = index(of: client) else { return }
        let range = range(at: i)
        for o in range { bytes[o] = 0 }  // a zero count: an empty list, then zeros
    }
}
