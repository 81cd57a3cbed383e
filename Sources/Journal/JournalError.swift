/// Why the journal could not be opened, read or written, with what to do about it.
public enum JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case alreadyExists(path: String)
    case permissionDenied(path: String, operation: String)
    case missingDirectory(path: String)
    case notAJournal(path: String)
    case emptyFile(path: String)
    case newerFormat(path: String, version: UInt8)
    case corrupt(path: String, record: Int, offset: Int, reason: String)
    case writeFailed(path: String, reason: String)
    case syncFailed(path: String, reason: String)
    case io(path: String, operation: String, reason: String)
    case undecodable(path: String, record: Int, offset: Int, reason: String)
    /// `ONDERDAK_NOW` is set and the journal is a real one (not marked demo).
    case clockOverride(path: String)
    /// The path is a symbolic link: journals are opened by their real path only.
    case symbolicLink(path: String)
    /// The key store beside the journal cannot be read or written.
    case keyStore(path: String, reason: String)
    /// The journal has sealed personal data but its key store is gone.
    case keyStoreMissing(path: String)
    /// The key store lacks the keys of people who were never erased (an old or wrong copy).
    case keysMissing(path: String, clients: [Int32])
    /// The journal is on a server and the connection is down: nothing was sent, nothing saved.
    case offline(path: String, reason: String)
    /// The connection dropped during a commit and the server could not be asked whether it
    /// took it: not acknowledged; it is settled by reading back once the connection is back.
    case unconfirmed(path: String, reason: String)
    /// Another desk recorded first while this one appended without the server's lock (a server
    /// store's fast path): nothing of this command was recorded; it is decided again on the new state.
    case behind(path: String)

    public var description: String {
        switch self {
        case .notFound(let p):
            return "no journal at \(p). Start `onderdak --journal \(p)` to create one, or `onderdak demo --journal \(p)` for a demo."
        case .alreadyExists(let p):
            return "a file already exists at \(p); choose another path (nothing was overwritten)."
        case let .permissionDenied(p, op):
            return "permission denied to \(op) \(p). The journal must belong to the account running Onderdak (mode 0600)."
        case .missingDirectory(let p):
            return "the directory of \(p) does not exist and could not be created."
        case .notAJournal(let p):
            return "\(p) is not an Onderdak journal (it does not start with an Onderdak header). Check the path."
        case .emptyFile(let p):
            return "\(p) is an empty file, not a journal. Remove it or choose another path."
        case let .newerFormat(p, v):
            return "\(p) was written by a newer Onderdak (journal format \(v)); upgrade Onderdak to open it. Nothing was changed."
        case let .corrupt(p, record, offset, reason):
            return "the journal \(p) is damaged at record \(record) (byte offset \(offset)): \(reason). Nothing will be written to it. Run `onderdak verify --journal \(p)` and restore from a backup."
        case let .writeFailed(p, reason):
            return "could not write to the journal \(p): \(reason). Nothing was saved and the journal is unchanged; free disk space or fix permissions, then try again."
        case let .syncFailed(p, reason):
            return "the disk did not confirm the write to \(p): \(reason). Nothing was saved and the journal is unchanged; try again."
        case let .io(p, op, reason):
            return "could not \(op) \(p): \(reason)."
        case let .undecodable(p, record, offset, reason):
            return "record \(record) of \(p) (byte offset \(offset)) cannot be read: \(reason)."
        case .symbolicLink(let p):
            return "\(p) is a symbolic link; Onderdak opens a journal only by its real path (so it never changes a file it does not own). Use the path the link points to. Nothing was changed."
        case let .keyStore(p, reason):
            return "the key store \(p) cannot be used: \(reason). Nothing was written. Restore it from the backup made with the journal (see README, Privacy); without it the personal data in the journal cannot be read."
        case .keyStoreMissing(let p):
            return "the key store \(p) is missing, but the journal holds personal data sealed with its keys. Nothing was read or written: restore \(p) from the backup made with the journal (see README, Privacy). Without it every name, birth date and note in this journal is lost for good."
        case let .keysMissing(p, clients):
            let list = clients.prefix(5).map { "#\($0)" }.joined(separator: ", ") + (clients.count > 5 ? " and \(clients.count - 5) more" : "")
            return "the key store \(p) lacks the keys of \(clients.count) people who were never erased (\(list)): it is an old or wrong copy. Nothing was written: restore the latest backup of \(p) (see README, Privacy)."
        case let .offline(p, reason):
            return "the connection to \(p) is down (\(reason)); nothing was saved. Onderdak reconnects by itself: try again once the connection is back."
        case let .unconfirmed(p, reason):
            return "the connection to \(p) dropped during a commit and the server could not be asked whether it took it (\(reason)). It is not acknowledged; once the connection is back it is looked up (counted once or not at all): check before entering it again."
        case .behind(let p):
            return "another desk recorded in \(p) at the same moment; nothing of this command was recorded. Try again: it is decided on what the other desk recorded."
        case .clockOverride(let p):
            return "ONDERDAK_NOW is set, but \(p) is a real journal, not a demo: a pretend time is only for demo journals and tests. Unset ONDERDAK_NOW to open it. Nothing was read or changed."
        }
    }
}
