#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShelterDomain

/// One append-only journal file: framing, checksums, hash chain, fsync before acknowledging,
/// an inter-process `flock`, and recovery of a torn tail. Knows nothing of events beyond bytes.
///
/// Visitors receive each record's payload; errors they throw stop the scan and are reported as
/// `JournalError.undecodable` with the record number and offset.
public final class JournalFile {
    public let path: String
    let fd: Int32
    public let writable: Bool
    let io: JournalIO
    public private(set) var header: JournalHeader
    /// File offset just after the last record read.
    public private(set) var end: Int
    /// Records read so far, the header included.
    public private(set) var recordCount: Int
    /// Byte offset where the last complete record starts (for snapshots).
    public private(set) var lastRecordOffset = 0
    /// SHA-256 of the last record read: the head of the hash chain.
    public private(set) var headHash: [UInt8]
    /// Things the user should be told: a torn tail cut, a file mode fixed.
    public private(set) var notices: [String] = []
    /// Set by a read-only open that found a torn tail it could not cut.
    public private(set) var pendingTornTail: ScanProblem?
    var lockDepth = 0

    /// Adds a sentence for the user (from the store: a snapshot that was ignored…).
    public func addNotice(_ text: String) { notices.append(text) }

    public typealias Visitor = (_ index: Int, _ payload: UnsafeRawBufferPointer) throws -> Void

    init(path: String, fd: Int32, writable: Bool, io: JournalIO, header: JournalHeader) {
        self.path = path; self.fd = fd; self.writable = writable; self.io = io; self.header = header
        self.end = 0; self.recordCount = 0; self.headHash = RecordFormat.zeroHash
    }

    deinit { close(fd) }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    // MARK: creating

    /// Creates a new journal holding only its header: written to a temporary file, fsynced,
    /// linked into place (never over an existing file), and the directory fsynced.
    public static func create(path: String, header: JournalHeader) throws(JournalError) {
        if SystemClock.isOverridden, !header.isDemo { throw .clockOverride(path: path) }
        let dir = directory(of: path)
        try makeDirectories(dir, path: path)
        var st = stat()
        if stat(path, &st) == 0 { throw .alreadyExists(path: path) }
        let tmp = "\(dir)/.\(basename(of: path)).tmp-\(getpid())"
        unlink(tmp)
        let fd = Glibc.open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw errno == EACCES ? .permissionDenied(path: dir, operation: "create a file in") : .io(path: tmp, operation: "create", reason: errnoText())
        }
        fchmod(fd, 0o600)
        let record = RecordFormat.build(kind: RecordFormat.kindHeader, flags: 0, payload: header.encoded(), previousHash: RecordFormat.zeroHash)
        let written = record.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if written != record.count || fsync(fd) != 0 {
            let why = errnoText()
            close(fd); unlink(tmp)
            throw .writeFailed(path: path, reason: why)
        }
        close(fd)
        if link(tmp, path) != 0 {
            let e = errno
            unlink(tmp)
            if e == EEXIST { throw .alreadyExists(path: path) }
            throw .io(path: path, operation: "create", reason: String(cString: strerror(e)))
        }
        unlink(tmp)
        syncDirectory(dir)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let d = String(path[..<slash])
        return d.isEmpty ? "/" : d
    }

    static func basename(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func makeDirectories(_ dir: String, path: String) throws(JournalError) {
        var st = stat()
        if stat(dir, &st) == 0 { return }
        let parent = directory(of: dir)
        if parent != dir { try makeDirectories(parent, path: path) }
        if mkdir(dir, 0o700) != 0, errno != EEXIST {
            if errno == EACCES { throw .permissionDenied(path: dir, operation: "create the directory") }
            throw .missingDirectory(path: path)
        }
    }

    static func syncDirectory(_ dir: String) {
        let dfd = Glibc.open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    // MARK: opening

    /// Opens a journal and reads every record, handing event payloads (not the header) to `visit`.
    /// Writable opens cut a torn tail (saving the bytes beside the journal) and refuse a corrupt file.
    public static func open(path: String, writable: Bool, io: JournalIO = SystemIO(), resume: SnapshotFile? = nil, visit: Visitor) throws(JournalError) -> JournalFile {
        // Never follow a symbolic link, never block on a FIFO or device: only a regular file
        // that is an Onderdak journal is read, and only then is anything changed about it.
        let fd = Glibc.open(path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            switch errno {
            case ELOOP: throw .symbolicLink(path: path)
            case ENOENT:
                var st = stat()
                if stat(directory(of: path), &st) != 0 { throw .missingDirectory(path: path) }
                throw .notFound(path: path)
            case EACCES, EPERM: throw .permissionDenied(path: path, operation: writable ? "open for writing" : "read")
            case EISDIR: throw .notAJournal(path: path)
            default: throw .io(path: path, operation: "open", reason: errnoText())
            }
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else { close(fd); throw .io(path: path, operation: "inspect", reason: errnoText()) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { close(fd); throw .notAJournal(path: path) }
        guard st.st_size > 0 else { close(fd); throw .emptyFile(path: path) }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        let journal = JournalFile(path: path, fd: fd, writable: writable, io: io,
                                  header: JournalHeader(created: Timestamp(milliseconds: 0), installationID: [], isDemo: false, label: ""))
        try journal.readHeaderCheck()
        defer {
            // The mode is repaired only once the file has been read as an Onderdak journal.
            if writable, st.st_mode & 0o077 != 0, journal.recordCount > 0, fchmod(fd, 0o600) == 0 {
                journal.notices.append("The journal was readable by others (mode \(String(st.st_mode & 0o777, radix: 8))); it is now 0600.")
            }
        }
        if let resume {
            // Start after the snapshot: only if this file is the one it was taken from.
            guard Int(st.st_size) >= resume.end, resume.end > 0 else { close(fd); throw .notAJournal(path: path) }
            let firstLen = journal.readLE32(at: 8)
            guard let headerBytes = journal.readBytes(at: RecordFormat.headerSize + 32, count: Int(firstLen)), headerBytes == resume.headerPayload,
                  let header = try? headerBytes.withUnsafeBytes({ (p: UnsafeRawBufferPointer) throws(CodecError) in try JournalHeader.decode(p) }) else {
                close(fd); throw .notAJournal(path: path)
            }
            if Int(st.st_size) > resume.end {
                guard journal.readBytes(at: resume.end + RecordFormat.headerSize, count: 32) == resume.headHash else { close(fd); throw .notAJournal(path: path) }
            } else {
                guard let last = journal.readBytes(at: resume.lastRecordOffset, count: resume.end - resume.lastRecordOffset),
                      last.withUnsafeBytes({ RecordFormat.sha256($0) }) == resume.headHash else { close(fd); throw .notAJournal(path: path) }
            }
            if SystemClock.isOverridden, !header.isDemo { close(fd); throw .clockOverride(path: path) }
            journal.header = header
            journal.recordCount = resume.records
            journal.end = resume.end
            journal.headHash = resume.headHash
            journal.lastRecordOffset = resume.lastRecordOffset
        }
        if writable {
            try journal.lock(LOCK_EX)
            defer { journal.unlock() }
            try journal.readNew(cutTornTail: true, visit: visit)
        } else {
            try journal.lock(LOCK_SH)
            defer { journal.unlock() }
            try journal.readNew(cutTornTail: false, visit: visit)
        }
        return journal
    }

    func readLE32(at offset: Int) -> UInt32 {
        guard let b = readBytes(at: offset, count: 4) else { return 0 }
        return UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
    }

    func readBytes(at offset: Int, count: Int) -> [UInt8]? {
        guard count >= 0, count < 1 << 28 else { return nil }
        var out = [UInt8](repeating: 0, count: count)
        let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
        return n == count ? out : nil
    }

    /// Checks the first bytes look like a journal, so a wrong file gets a plain message.
    func readHeaderCheck() throws(JournalError) {
        var first = [UInt8](repeating: 0, count: 6)
        let n = first.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 6, 0) }
        if n >= 4, Array(first[0..<4]) != RecordFormat.magic { throw .notAJournal(path: path) }
        if n >= 5, first[4] > RecordFormat.formatVersion { throw .newerFormat(path: path, version: first[4]) }
        if n >= 0, n < 4, Array(first[0..<n]) != Array(RecordFormat.magic[0..<n]) { throw .notAJournal(path: path) }
    }

    // MARK: locking

    func lock(_ op: Int32) throws(JournalError) {
        if lockDepth == 0 {
            while flock(fd, op) != 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "lock", reason: JournalFile.errnoText())
            }
        }
        lockDepth += 1
    }

    func unlock() {
        lockDepth -= 1
        if lockDepth == 0 { flock(fd, LOCK_UN) }
    }

    /// Runs `body` holding the exclusive lock, after reading (and visiting) any records other
    /// processes appended. Use it to re-decide a command against fresh state and then `append`.
    public func withExclusiveLock<T>(visit: Visitor, _ body: () throws -> T) throws -> T {
        precondition(writable, "the journal was opened read-only")
        try lock(LOCK_EX)
        defer { unlock() }
        try readNew(cutTornTail: true, visit: visit)
        return try body()
    }

    // MARK: reading

    /// Current size of the file; compare with `end` to notice appends by other processes.
    public func fileSize() -> Int {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : end
    }

    public var hasNewData: Bool { fileSize() > end }

    /// Reads records appended since the last read (by this or another process), under a shared lock.
    public func refresh(visit: Visitor) throws(JournalError) {
        try lock(LOCK_SH)
        defer { unlock() }
        try readNew(cutTornTail: false, visit: visit)
    }

    func readNew(cutTornTail: Bool, visit: Visitor) throws(JournalError) {
        let size = fileSize()
        if size < end {
            throw .corrupt(path: path, record: recordCount, offset: size, reason: "the file became shorter than records already read (was it truncated or replaced?)")
        }
        guard size > end else { return }
        let count = size - end
        var lastSeen = -1
        let result = try withMappedRange(offset: end, count: count) { (buf) throws(JournalError) -> JournalScanner.Result in
            do {
                return try JournalScanner.scan(buf, baseOffset: end, firstIndex: recordCount, previousHash: headHash, verifyChain: true) { index, ref, payload in
                    lastSeen = ref.offset
                    if index == 0 {
                        do { header = try JournalHeader.decode(payload) } catch {
                            throw JournalError.notAJournal(path: path)
                        }
                        if SystemClock.isOverridden, !header.isDemo { throw JournalError.clockOverride(path: path) }
                        return
                    }
                    do { try visit(index, payload) } catch {
                        throw JournalError.undecodable(path: path, record: index, offset: ref.offset, reason: "\(error)")
                    }
                }
            } catch let e as JournalError { throw e } catch { throw .io(path: path, operation: "read", reason: "\(error)") }
        }
        if recordCount == 0, result.records == 0 {
            // Not even a complete header record (a journal's header is written whole, then linked).
            if case .tornTail = result.problem { throw .notAJournal(path: path) }
        }
        if result.records > 0 {
            recordCount += result.records
            end = result.validEnd
            headHash = result.headHash
            if lastSeen >= 0 { lastRecordOffset = lastSeen }
        }
        switch result.problem {
        case nil: break
        case let .corrupt(record, offset, reason)?:
            throw .corrupt(path: path, record: record, offset: offset, reason: reason)
        case let .newerFormat(version, _)?:
            throw .newerFormat(path: path, version: version)
        case let .tornTail(offset, bytes, reason)?:
            if cutTornTail {
                try cut(offset: offset, bytes: bytes, reason: reason)
                pendingTornTail = nil
            } else {
                pendingTornTail = result.problem
            }
        }
    }

    /// Maps (or reads) `count` bytes at `offset` and hands them to `body`.
    func withMappedRange<T>(offset: Int, count: Int, _ body: (UnsafeRawBufferPointer) throws(JournalError) -> T) throws(JournalError) -> T {
        if offset == 0, count >= 1 << 20 {
            if let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED {
                defer { munmap(p, count) }
                madvise(p, count, Int32(MADV_SEQUENTIAL))
                return try body(UnsafeRawBufferPointer(start: p, count: count))
            }
        }
        var buf = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, count - got, off_t(offset + got)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            got += n
        }
        if got < count { buf.removeLast(count - got) }
        do {
            return try buf.withUnsafeBytes { (p) throws(JournalError) -> T in try body(p) }
        } catch let e as JournalError { throw e } catch { throw .io(path: path, operation: "read", reason: "\(error)") }
    }

    /// Cuts a torn tail: copies the bytes to `<journal>.torn-<UTC time>`, truncates, fsyncs.
    func cut(offset: Int, bytes: Int, reason: String) throws(JournalError) {
        var tail = [UInt8](repeating: 0, count: bytes)
        let n = tail.withUnsafeMutableBytes { pread(fd, $0.baseAddress, bytes, off_t(offset)) }
        guard n == bytes else { throw .io(path: path, operation: "read the torn tail of", reason: JournalFile.errnoText()) }
        let stamp = SystemClock.realNow().isoUTC.filter { $0 != "-" && $0 != ":" }
        var savePath = "\(path).torn-\(stamp)"
        var k = 2
        while access(savePath, F_OK) == 0 { savePath = "\(path).torn-\(stamp)-\(k)"; k += 1 }
        let sfd = Glibc.open(savePath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard sfd >= 0 else { throw .io(path: savePath, operation: "save the torn tail to", reason: JournalFile.errnoText()) }
        let w = tail.withUnsafeBytes { io.pwrite(sfd, $0, 0) }
        let synced = w == bytes ? io.fsync(sfd) : 0
        close(sfd)
        guard w == bytes, synced == 0 else {
            // A full disk: leave no empty or partial copy behind (the journal itself is untouched).
            let why = w < 0 || synced != 0 ? JournalFile.errnoText() : "the disk accepted only \(max(0, w)) of \(bytes) bytes"
            unlink(savePath)
            throw .writeFailed(path: savePath, reason: why)
        }
        JournalFile.syncDirectory(JournalFile.directory(of: path))
        guard ftruncate(fd, off_t(offset)) == 0, fsync(fd) == 0 else {
            throw .io(path: path, operation: "cut the torn tail of", reason: JournalFile.errnoText())
        }
        notices.append("A record left incomplete by an interrupted write (\(bytes) bytes at byte offset \(offset): \(reason)) was cut off; the bytes were saved to \(savePath). All earlier records are intact.")
    }

    // MARK: appending

    /// Appends payloads as one command batch. Call inside `withExclusiveLock`. Returns only after
    /// fsync succeeded; on any failure the file is truncated back to exactly what it was.
    @discardableResult
    public func append(_ payloads: [[UInt8]]) throws(JournalError) -> Int {
        precondition(writable && lockDepth > 0, "append outside withExclusiveLock")
        guard !payloads.isEmpty else { return recordCount }
        var bytes: [UInt8] = []
        var head = headHash
        var lastStart = 0
        for (i, payload) in payloads.enumerated() {
            lastStart = bytes.count
            let flags = i < payloads.count - 1 ? RecordFormat.flagContinued : 0
            let record = RecordFormat.build(kind: RecordFormat.kindEvent, flags: flags, payload: payload, previousHash: head)
            head = record.withUnsafeBytes { RecordFormat.sha256($0) }
            bytes.append(contentsOf: record)
        }
        let start = end
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { io.pwrite(fd, UnsafeRawBufferPointer(rebasing: $0[written...]), Int64(start + written)) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 {
                let why = n < 0 ? JournalFile.errnoText() : "the disk accepted no more bytes"
                rollback(to: start)
                throw .writeFailed(path: path, reason: why)
            }
            written += n
        }
        if io.fsync(fd) != 0 {
            let why = JournalFile.errnoText()
            rollback(to: start)
            throw .syncFailed(path: path, reason: why)
        }
        end = start + bytes.count
        recordCount += payloads.count
        headHash = head
        lastRecordOffset = start + lastStart
        return recordCount
    }

    func rollback(to size: Int) {
        _ = ftruncate(fd, off_t(size))
        _ = fsync(fd)
    }
}
