#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks the records in a byte buffer (usually the memory-mapped journal), checking framing,
/// checksums and, when asked, the SHA-256 hash chain. Records are handed to `visit` a whole
/// command batch at a time; a batch cut off at the end of the buffer is reported as a torn tail.
public struct JournalScanner {
    /// Outcome of a scan.
    public struct Result: Sendable {
        /// Number of records visited (complete batches only).
        public var records = 0
        /// File offset just after the last complete batch.
        public var validEnd = 0
        /// SHA-256 of the last record of the last complete batch.
        public var headHash: [UInt8]
        public var problem: ScanProblem?
    }

    /// - Parameters:
    ///   - buffer: bytes of the file from `baseOffset` to its end.
    ///   - firstIndex: record number of the first record in `buffer` (0 = the file header).
    ///   - previousHash: hash of the record before `buffer` (zeros at the start of the file).
    ///   - verifyChain: hash every record and check each link (opens and verify); otherwise only
    ///     the first link and the head are hashed.
    ///   - checkRecordCRC: false only for a caller that checks every record's CRC itself
    ///     (the parallel verifier, which rescans with CRCs when it finds a mismatch).
    public static func scan(_ buffer: UnsafeRawBufferPointer, baseOffset: Int, firstIndex: Int, previousHash: [UInt8],
                            verifyChain: Bool, checkRecordCRC: Bool = true,
                            visit: (_ index: Int, _ ref: RecordRef, _ payload: UnsafeRawBufferPointer) throws -> Void) rethrows -> Result {
        var result = Result(validEnd: baseOffset, headHash: previousHash)
        var o = 0
        let n = buffer.count
        var index = firstIndex
        let expectedPrev = previousHash
        var pending: [(Int, RecordRef)] = []
        var batchStart = 0
        var lastRecordStart = -1

        func torn(_ at: Int, _ reason: String) -> ScanProblem {
            .tornTail(offset: baseOffset + at, bytes: n - at, reason: reason)
        }
        func allZero(from: Int) -> Bool {
            var i = from
            while i < n { if buffer[i] != 0 { return false }; i += 1 }
            return true
        }

        scanning: while o < n {
            let remaining = n - o
            if pending.isEmpty { batchStart = o }
            if remaining < RecordFormat.headerSize {
                result.problem = torn(batchStart, "a record header is incomplete (\(remaining) of \(RecordFormat.headerSize) bytes)")
                break
            }
            let magicOK = buffer[o] == 0x4F && buffer[o + 1] == 0x4E && buffer[o + 2] == 0x44 && buffer[o + 3] == 0x52
            let headerCRC = RecordFormat.readLE32(buffer, o + 12)
            let headerOK = magicOK && CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[o..<o + 12])) == headerCRC
            if !headerOK {
                if allZero(from: o) {
                    result.problem = torn(batchStart, "the end of the file is zero-filled")
                } else {
                    result.problem = .corrupt(record: index, offset: baseOffset + o, reason: magicOK ? "record header checksum mismatch" : "no record starts here (bad magic)")
                }
                break
            }
            let version = buffer[o + 4]
            if version > RecordFormat.formatVersion {
                result.problem = .newerFormat(version: version, offset: baseOffset + o)
                break
            }
            let kind = buffer[o + 5]
            let flags = UInt16(buffer[o + 6]) | UInt16(buffer[o + 7]) << 8
            let length = Int(RecordFormat.readLE32(buffer, o + 8))
            if version == 0 || length > RecordFormat.maxPayload || flags > 1 || kind > 1 {
                result.problem = .corrupt(record: index, offset: baseOffset + o, reason: "impossible record header")
                break
            }
            let total = RecordFormat.overhead + length
            if total > remaining {
                // A torn tail is only ever a short, unfinished last record. A length that runs past
                // the end while whole records follow its header is a damaged (or forged) length.
                if let next = nextValidRecord(buffer, from: o + RecordFormat.headerSize) {
                    result.problem = .corrupt(record: index, offset: baseOffset + o,
                                              reason: "the record's length (\(length) bytes) runs past the end of the file, but a valid record follows at byte offset \(baseOffset + next)")
                } else {
                    result.problem = torn(batchStart, "the last record is incomplete (\(remaining) of \(total) bytes)")
                }
                break
            }
            let crc = RecordFormat.readLE32(buffer, o + 48 + length)
            if checkRecordCRC, CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[o..<o + 48 + length])) != crc {
                if o + total == n {
                    result.problem = torn(batchStart, "the last record's checksum does not match")
                } else {
                    result.problem = .corrupt(record: index, offset: baseOffset + o, reason: "record checksum mismatch")
                }
                break
            }
            if (index == 0) != (kind == RecordFormat.kindHeader) {
                result.problem = .corrupt(record: index, offset: baseOffset + o,
                                          reason: index == 0 ? "the file does not start with a journal header" : "a second file header")
                break
            }
            // Hash chain: always check the first link; every link when verifying.
            let prev = UnsafeRawBufferPointer(rebasing: buffer[o + 16..<o + 48])
            let linked: Bool
            if index == firstIndex {
                linked = prev.elementsEqual(expectedPrev)
            } else if verifyChain {
                // The previous record's hash, compared in place (no allocation per record).
                linked = RecordFormat.sha256(UnsafeRawBufferPointer(rebasing: buffer[lastRecordStart..<o]), equals: prev)
            } else {
                linked = true
            }
            if !linked {
                result.problem = .corrupt(record: index, offset: baseOffset + o,
                                          reason: "hash chain broken: the previous-record hash does not match record \(index - 1)")
                break
            }
            let ref = RecordRef(offset: baseOffset + o, kind: kind, flags: flags, payloadOffset: baseOffset + o + 48, payloadLength: length)
            pending.append((index, ref))
            lastRecordStart = o
            o += total
            index += 1
            if flags & RecordFormat.flagContinued == 0 {
                for (i, r) in pending {
                    let p = r.payloadOffset - baseOffset
                    try visit(i, r, UnsafeRawBufferPointer(rebasing: buffer[p..<p + r.payloadLength]))
                }
                result.records += pending.count
                pending.removeAll(keepingCapacity: true)
                result.validEnd = baseOffset + o
                continue scanning
            }
        }
        if result.problem == nil, !pending.isEmpty {
            result.problem = torn(batchStart, "the last command's records are incomplete (\(pending.count) of a batch)")
        }
        // Head hash: the last record of the last complete batch.
        if result.validEnd > baseOffset {
            result.headHash = headOfValidRegion(buffer, baseOffset: baseOffset, validEnd: result.validEnd)
        }
        return result
    }

    /// Offset of the first complete, valid record frame (magic, header CRC, record CRC) at or after
    /// `from`, or nil. Used to tell a torn tail (nothing whole after it) from a damaged length.
    static func nextValidRecord(_ buffer: UnsafeRawBufferPointer, from: Int) -> Int? {
        let n = buffer.count
        guard let base = buffer.baseAddress else { return nil }
        var i = from
        while i + RecordFormat.overhead <= n {
            guard let hit = memchr(base + i, 0x4F, n - i) else { return nil }
            let o = base.distance(to: UnsafeRawPointer(hit))
            guard o + RecordFormat.overhead <= n else { return nil }
            guard buffer[o + 1] == 0x4E, buffer[o + 2] == 0x44, buffer[o + 3] == 0x52 else { i = o + 1; continue }
            let headerCRC = RecordFormat.readLE32(buffer, o + 12)
            if CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[o..<o + 12])) == headerCRC {
                let length = Int(RecordFormat.readLE32(buffer, o + 8))
                if length <= RecordFormat.maxPayload, o + RecordFormat.overhead + length <= n,
                   CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[o..<o + 48 + length])) == RecordFormat.readLE32(buffer, o + 48 + length) {
                    return o
                }
            }
            i = o + 1
        }
        return nil
    }

    /// Finds the last record ending at `validEnd` and hashes it (walks the frames from the start).
    static func headOfValidRegion(_ buffer: UnsafeRawBufferPointer, baseOffset: Int, validEnd: Int) -> [UInt8] {
        var o = 0
        var last = 0
        let end = validEnd - baseOffset
        while o < end {
            last = o
            o += RecordFormat.overhead + Int(RecordFormat.readLE32(buffer, o + 8))
        }
        return RecordFormat.sha256(UnsafeRawBufferPointer(rebasing: buffer[last..<end]))
    }
}
