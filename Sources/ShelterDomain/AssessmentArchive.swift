/// The checklist assessments of a snapshot, kept as the snapshot's assessment section (compact
/// bytes: a client → offset table, then each client's assessments in the event codec's layout)
/// and decoded one client at a time when a file, a report or an export asks for them. The
/// decider never reads them (it decides on `ShelterState.latestChecklist`), so the desk does not
/// hold thousands of decoded answer sets it never looks at.
///
/// A value: erasing a person zeroes their bytes in place (copied first only when shared).
public struct AssessmentArchive: Sendable {
    /// The section: varint count, `count` pairs of fixed 32-bit (client id, offset) sorted by id,
    /// then the records (per client: varint n, then n assessments).
    private(set) var bytes: [UInt8]
    /// Where the table's pairs start and the records start, and how many pairs there are.
    private let tableStart: Int, recordsStart: Int
    public let count: Int

    /// The archive of `bytes` (a snapshot's assessment section), checked: the table must be in
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
                if let last, key <= last.key || offset < last.offset { throw .malformed("assessment table out of order") }
                last = (key, offset)
            }
            recordsStart = r.offset
            if let last, Int(last.offset) >= p.count - recordsStart { throw .malformed("assessment table past the end") }
        }
        self.bytes = bytes; tableStart = start; self.recordsStart = recordsStart; count = n
    }

    /// An archive with no one in it.
    public static let empty = try! AssessmentArchive(bytes: [0])

    /// The section for `assessments` (each client's list oldest first), as `init(bytes:)` reads it.
    public static func encode(_ assessments: [(ClientID, [Assessment])]) -> [UInt8] {
        let sorted = assessments.filter { !$0.1.isEmpty }.sorted { $0.0 < $1.0 }
        var table = ByteWriter(capacity: 8 * sorted.count + 8), records = ByteWriter(capacity: 1 << 20)
        table.varint(UInt64(sorted.count))
        for (client, list) in sorted {
            table.fixed32(UInt32(bitPattern: client)); table.fixed32(UInt32(records.bytes.count))
            records.varint(UInt64(list.count))
            for a in list {
                StateSnapshot.body(.assessmentRecorded(a), &records)
                StateSnapshot.optInt(a.recordedBy, &records); StateSnapshot.ts(a.recordedAt, &records)
            }
        }
        return table.bytes + records.bytes
    }

    /// The clients with assessments in the archive, ascending.
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

    /// True when `client` has assessments in the archive.
    public func contains(_ client: ClientID) -> Bool { index(of: client) != nil }

    /// A client's assessments, oldest first (nil: none in the archive). Decoded now; the bytes
    /// were checked when the snapshot opened, so a failure here means damaged memory.
    public func assessments(of client: ClientID) throws(CodecError) -> [Assessment]? {
        guard let i = index(of: client) else { return nil }
        let range = range(at: i)
        var out: [Assessment] = []
        try StateSnapshot.with(bytes) { (p) throws(CodecError) in
            var r = ByteReader(UnsafeRawBufferPointer(rebasing: p[range]))
            let n = try StateSnapshot.count(&r)
            out.reserveCapacity(n)
            for _ in 0..<n {
                var a = try StateSnapshot.expect(try StateSnapshot.read(15, &r)) { if case .assessmentRecorded(let x) = $0 { x } else { nil } }
                a.recordedBy = try StateSnapshot.optInt(&r); a.recordedAt = try StateSnapshot.ts(&r)
                guard a.clientID == client else { throw .malformed("an assessment filed under another client") }
                out.append(a)
            }
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
