import Crypto
import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShelterDomain

/// The per-person keys that seal personal fields (`SealedRecord`), in `<journal>.keys` beside the
/// journal, mode 0600. Layout (little-endian):
///
/// ```
/// header 48 bytes: "ONDK", version u8 (1), 3 zero bytes, SHA-256 of the journal's header (32),
///                  random store id (8)
/// entry  40 bytes: client id i32, AES-256 key (32), CRC-32C u32 over the 36 bytes before it
/// ```
/// New keys are appended (`batch` client numbers at a time) and fsynced *before* the journal record it seals is appended, so an
/// acknowledged record never lacks its key (a crash in between leaves an unused key). An erasure
/// rewrites the file without the person's keys (temporary file, fsync, rename, directory fsync):
/// the old file is replaced atomically, so a crash leaves the old store or the new one, never a
/// mix; the erasure event, appended first, makes `EventStore.open` finish an erasure a crash
/// interrupted. A torn last entry (a crash during an append, before its record was written) is
/// dropped; any other damage is refused loudly. Only ever changed under the journal's lock.
public final class PersonalKeyStore {
    public let path: String
    let journalHeaderHash: [UInt8]
    public private(set) var storeID: [UInt8]
    /// True once the file exists on disk.
    public private(set) var exists: Bool
    var keys = KeyTable()
    var pending: [(ClientID, SymmetricKey)] = []
    var sizeRead = 0
    /// Set for a store kept in a shared table (PostgreSQL) instead of the file.
    var remote: (any PersonalKeyRemote)?
    /// A remote store read a batch at a time, when asked (`open(remote:name:lazily:)`).
    var lazy = false
    /// Clients looked up in the remote table since a key was last made (not asked again).
    var remoteMissed = Set<ClientID>()

    static let magic: [UInt8] = Array("ONDK".utf8)
    static let headerSize = 48
    static let entrySize = 40

    public static func path(forJournal journal: String) -> String { journal + ".keys" }

    init(path: String, journalHeaderHash: [UInt8], storeID: [UInt8], exists: Bool) {
        self.path = path; self.journalHeaderHash = journalHeaderHash; self.storeID = storeID; self.exists = exists
    }

    /// The people with a key (sorted).
    public var clients: [ClientID] { keys.ids.sorted() }

    /// True when the store holds a key for `client` (without reading the file again).
    public func holds(_ client: ClientID) -> Bool { keys.contains(client) }
    public var count: Int { keys.count }

    /// The key sealing `client`'s fields, if it exists (re-reading the file once when another
    /// process may have added it).
    public func key(_ client: ClientID) -> SymmetricKey? {
        if let k = keys[client] { return k }
        if let remote {
            if remoteMissed.insert(client).inserted {
                if lazy {
                    let last = client > ClientID.max - Self.batch ? ClientID.max : client + Self.batch - 1
                    for (id, bytes) in (try? remote.loadKeys(in: client...last)) ?? [] where !keys.contains(id) { keys[id] = SymmetricKey(data: bytes) }
                } else {
                    try? reload()
                }
            }
            return keys[client]
        }
        if let size = Self.fileSize(path), !exists || size != sizeRead { try? reload() }
        return keys[client]
    }

    /// Keys are made for this many client numbers at a time (one fsync per 256 registrations keeps
    /// the durable append's p99 within its target) (numbers are handed out in order), so
    /// that registering someone seldom costs a second fsync: their key is usually on disk already.
    public static let batch: Int32 = 256

    /// The key for `client`, made now (with those of the next numbers, written at the next
    /// `flush`) when there is none. Called under the journal's lock: the file is read again first,
    /// so a key another process made is used, never replaced.
    public func keyCreating(_ client: ClientID) -> SymmetricKey {
        if let k = keys[client] { return k }
        if remote != nil { try? reload() } else if let size = Self.fileSize(path), !exists || size != sizeRead { try? reload() }
        if let k = keys[client] { return k }
        remoteMissed.removeAll()
        for id in client..<(client &+ Self.batch) where !keys.contains(id) {
            let k = SymmetricKey(size: .bits256)
            keys[id] = k
            pending.append((id, k))
        }
        return keys[client]!
    }

    /// Loads the store beside `journal` (an absent file is an empty store, created at the first
    /// flush). It is bound to the journal by the hash of the journal's header record payload.
    public static func open(journal: String) throws(JournalError) -> PersonalKeyStore {
        let headerHash = (headerPayload(journal: journal) ?? []).withUnsafeBytes { RecordFormat.sha256($0) }
        let store = PersonalKeyStore(path: path(forJournal: journal), journalHeaderHash: headerHash, storeID: [], exists: false)
        try store.reload()
        return store
    }

    /// The id of the key store beside `journal` from its header alone (nil: no store, or not one):
    /// enough to tell whether a snapshot was made with this store, without loading every key.
    public static func peekStoreID(journal: String) -> [UInt8]? {
        let fd = Glibc.open(path(forJournal: journal), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: headerSize)
        guard head.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, headerSize, 0) }) == headerSize,
              Array(head[0..<4]) == magic, head[4] == 1 else { return nil }
        return Array(head[40..<48])
    }

    /// A store kept in a shared table: `name` is what messages call it.
    /// `lazily`: nothing is read now; a key asked for is read with those of its batch of numbers
    /// (`key(_:)`). For read-only views only: a lazy store does not know which keys it lacks.
    public static func open(remote: any PersonalKeyRemote, name: String, lazily: Bool = false) throws(JournalError) -> PersonalKeyStore {
        let store = PersonalKeyStore(path: name, journalHeaderHash: [], storeID: remote.storeID, exists: true)
        store.remote = remote
        store.lazy = lazily
        if !lazily { try store.reload() }
        return store
    }

    /// Every key as bytes (`store copy` carries them to another store).
    public func exportedKeys() throws(JournalError) -> [(ClientID, [UInt8])] {
        try reload()
        return clients.map { c in (c, keys[c]!.withUnsafeBytes { Array($0) }) }
    }

    /// Writes a new key store beside the journal file at `journal` (written first) holding `entries`.
    public static func write(journal: String, entries: [(ClientID, [UInt8])]) throws(JournalError) {
        guard !entries.isEmpty else { return }
        let store = try open(journal: journal)
        guard !store.exists else { throw .keyStore(path: store.path, reason: "it exists already") }
        var table = KeyTable()
        for (c, k) in entries { table[c] = SymmetricKey(data: k) }
        try store.rewrite(keeping: table)
    }

    /// The payload of the journal's first record (its header), read without opening the journal.
    static func headerPayload(journal: String) -> [UInt8]? {
        let fd = Glibc.open(journal, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: RecordFormat.headerSize)
        guard head.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, RecordFormat.headerSize, 0) }) == RecordFormat.headerSize else { return nil }
        let len = Int(UInt32(head[8]) | UInt32(head[9]) << 8 | UInt32(head[10]) << 16 | UInt32(head[11]) << 24)
        guard len < 1 << 16 else { return nil }
        var payload = [UInt8](repeating: 0, count: len)
        guard payload.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, len, off_t(RecordFormat.headerSize + 32)) }) == len else { return nil }
        return payload
    }

    static func fileSize(_ path: String) -> Int? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return Int(st.st_size)
    }

    /// Reads the whole file again (keys appended by another process become known).
    func reload() throws(JournalError) {
        if let remote {
            var found = KeyTable()
            for (id, bytes) in try remote.loadKeys() { found[id] = SymmetricKey(data: bytes) }
            // Keys made here and not yet flushed stay.
            for (id, k) in pending { found[id] = k }
            keys = found
            return
        }
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            if errno == ENOENT { exists = false; return }
            throw .keyStore(path: path, reason: errno == ELOOP ? "it is a symbolic link" : JournalFile.errnoText())
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { throw .keyStore(path: path, reason: "not a regular file") }
        if st.st_mode & 0o077 != 0 { fchmod(fd, 0o600) }
        let size = Int(st.st_size)
        if exists, size == sizeRead { return }
        var bytes = [UInt8](repeating: 0, count: size)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, size, 0) }
        guard n == size else { throw .keyStore(path: path, reason: "could not be read") }
        guard size >= Self.headerSize, Array(bytes[0..<4]) == Self.magic, bytes[4] == 1 else {
            throw .keyStore(path: path, reason: "not an Onderdak key store")
        }
        guard Array(bytes[8..<40]) == journalHeaderHash else {
            throw .keyStore(path: path, reason: "it belongs to another journal")
        }
        storeID = Array(bytes[40..<48])
        var found = KeyTable(capacity: (size - Self.headerSize) / Self.entrySize)
        let damaged: Int? = bytes.withUnsafeBytes { (all: UnsafeRawBufferPointer) -> Int? in
            var o = Self.headerSize
            while o + Self.entrySize <= size {
                let crc = UInt32(all[o + 36]) | UInt32(all[o + 37]) << 8 | UInt32(all[o + 38]) << 16 | UInt32(all[o + 39]) << 24
                guard CRC32C.checksum(UnsafeRawBufferPointer(rebasing: all[o..<(o + 36)])) == crc else {
                    // Only the last entry can be torn by a crash (written before its record, never acknowledged).
                    if o + Self.entrySize == size { break }
                    return o
                }
                let id = Int32(bitPattern: UInt32(all[o]) | UInt32(all[o + 1]) << 8 | UInt32(all[o + 2]) << 16 | UInt32(all[o + 3]) << 24)
                found.set(id, raw: UnsafeRawBufferPointer(rebasing: all[(o + 4)..<(o + 36)]))
                o += Self.entrySize
            }
            return nil
        }
        if let o = damaged { throw .keyStore(path: path, reason: "entry at byte \(o) is damaged") }
        for (id, k) in pending { found[id] = k }
        keys = found
        exists = true
        sizeRead = size
    }

    static func entry(_ id: ClientID, _ key: SymmetricKey) -> [UInt8] {
        var e: [UInt8] = []
        e.reserveCapacity(entrySize)
        let u = UInt32(bitPattern: id)
        for i in 0..<4 { e.append(UInt8((u >> (8 * UInt32(i))) & 0xFF)) }
        key.withUnsafeBytes { e.append(contentsOf: $0) }
        let crc = CRC32C.checksum(e)
        for i in 0..<4 { e.append(UInt8((crc >> (8 * UInt32(i))) & 0xFF)) }
        return e
    }

    func headerBytes() -> [UInt8] {
        if storeID.isEmpty { storeID = (0..<8).map { _ in UInt8.random(in: 0...255) } }
        return Self.magic + [1, 0, 0, 0] + journalHeaderHash + storeID
    }

    /// Makes the new keys durable (one write, one fsync) — before the records they seal are appended.
    public func flush() throws(JournalError) {
        guard !pending.isEmpty else { return }
        if let remote {
            do { try remote.insertKeys(pending.map { ($0.0, $0.1.withUnsafeBytes { Array($0) }) }) } catch {
                // Keys the table did not take are never used: the command is decided again (under
                // the lock), and a key another desk stored meanwhile for these numbers is read then.
                for (id, _) in pending { keys[id] = nil }
                pending.removeAll()
                remoteMissed.removeAll()
                throw error
            }
            pending.removeAll()
            return
        }
        if !exists {
            // The first key: the file is made whole (header and keys) and linked into place.
            try rewrite(keeping: keys)
            pending.removeAll()
            return
        }
        var bytes: [UInt8] = []
        for (id, k) in pending { bytes += Self.entry(id, k) }
        let fd = Glibc.open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            throw .keyStore(path: path, reason: "could not be opened to add a key (\(JournalFile.errnoText())); nothing was recorded")
        }
        defer { close(fd) }
        // A torn entry left by an earlier crash is cut first, so the new ones line up.
        var st = stat()
        if fstat(fd, &st) == 0, (Int(st.st_size) - Self.headerSize) % Self.entrySize != 0 {
            _ = ftruncate(fd, off_t(Self.headerSize + (Int(st.st_size) - Self.headerSize) / Self.entrySize * Self.entrySize))
        }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            throw .keyStore(path: path, reason: "a new key could not be written (\(JournalFile.errnoText())); nothing was recorded")
        }
        pending.removeAll()
        if fstat(fd, &st) == 0 { sizeRead = Int(st.st_size) }
    }

    /// Destroys the keys of `clients` (an erasure): the file is rewritten without them.
    public func destroy(_ clients: [ClientID]) throws(JournalError) {
        try reload()
        if let remote {
            try remote.deleteKeys(clients)
            for c in clients { keys[c] = nil }
            return
        }
        guard clients.contains(where: { keys.contains($0) }) else { return }
        var left = keys
        for c in clients { left[c] = nil }
        try rewrite(keeping: left)
    }

    /// Copies left by rewrites a crash cut short (`<keys>.tmp-<pid>`): each may hold keys of people
    /// erased since, so they must go. Only under the journal's exclusive lock (no rewrite runs then).
    public func staleRewrites() -> [String] {
        let dir = JournalFile.directory(of: path)
        let prefix = (path as NSString).lastPathComponent + ".tmp-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasPrefix(prefix) }.sorted().map { (dir as NSString).appendingPathComponent($0) }
    }

    /// Removes `staleRewrites()` (under the journal's exclusive lock).
    public func removeStaleRewrites() {
        let stale = staleRewrites()
        guard !stale.isEmpty else { return }
        for f in stale { unlink(f) }
        JournalFile.syncDirectory(JournalFile.directory(of: path))
    }

    func rewrite(keeping left: KeyTable) throws(JournalError) {
        removeStaleRewrites()
        var bytes = headerBytes()
        bytes.reserveCapacity(Self.headerSize + left.count * Self.entrySize)
        for id in left.ids.sorted() { bytes += Self.entry(id, left[id]!) }
        let tmp = path + ".tmp-\(getpid())"
        unlink(tmp)
        let fd = Glibc.open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .keyStore(path: path, reason: "could not be rewritten (\(JournalFile.errnoText()))") }
        fchmod(fd, 0o600)
        let ok = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count && fsync(fd) == 0
        close(fd)
        guard ok, rename(tmp, path) == 0 else {
            let why = JournalFile.errnoText()
            unlink(tmp)
            throw .keyStore(path: path, reason: "could not be rewritten (\(why))")
        }
        JournalFile.syncDirectory(JournalFile.directory(of: path))
        keys = left
        exists = true
        sizeRead = bytes.count
    }
}
