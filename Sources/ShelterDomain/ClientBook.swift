/// A list of records per client (assessments with their answers, the history of each file),
/// oldest first: those of the snapshot the state was opened from, kept compact in a
/// `ClientArchive` and decoded per client when read, and those recorded or changed since,
/// decoded. Reads as a dictionary (`book[client]`), so a file, a report or an export sees one
/// list whichever part holds it.
public struct ClientBook<Record: ArchivedRecord>: Hashable, Sendable {
    /// From the snapshot (empty after a full replay).
    var archive = ClientArchive<Record>.empty
    /// Lists recorded or changed since the archive (a client here is not read from the archive;
    /// an empty list: none any more, for instance merged into another record).
    var changed: [ClientID: [Record]] = [:]

    public init() {}

    init(archive: ClientArchive<Record>) { self.archive = archive }

    /// A client's records, oldest first; nil when there are none.
    public subscript(client: ClientID) -> [Record]? {
        get {
            if let list = changed[client] { return list.isEmpty ? nil : list }
            // The archive was checked when it was read; a record that no longer decodes is
            // damaged memory, and no list is better than a wrong one.
            guard let list = try? archive.records(of: client), !list.isEmpty else { return nil }
            return list
        }
        set { changed[client] = newValue ?? [] }
    }

    /// A client's records, or `fallback` when there are none (for appending).
    subscript(client: ClientID, default fallback: [Record]) -> [Record] {
        get { self[client] ?? fallback }
        _modify {
            // Taken out of the archive once; then changed in place (no copy per append).
            if changed[client] == nil { changed[client] = (try? archive.records(of: client)) ?? fallback }
            yield &changed[client, default: fallback]
        }
    }

    /// Takes a client's list away (a merge moves it to the survivor).
    mutating func removeValue(forKey client: ClientID) -> [Record]? {
        let list = self[client]
        if list != nil { changed[client] = [] }
        return list
    }

    /// Zeroes what the archive holds of `client` (an erasure; the redacted list is in `changed`).
    mutating func scrubArchive(_ client: ClientID) { archive.scrub(client) }

    /// The clients with at least one record, ascending.
    public var clients: [ClientID] {
        var ids = Set(archive.clients.filter { changed[$0] == nil })
        for (id, list) in changed where !list.isEmpty { ids.insert(id) }
        return ids.sorted()
    }

    /// Every client's list, ascending by client (decodes the whole archive: snapshots, tests).
    public var all: [(ClientID, [Record])] { clients.compactMap { id in self[id].map { (id, $0) } } }

    /// The snapshot section (`ClientArchive`'s layout): the archive's own bytes when nothing
    /// changed since it was read.
    public var encoded: [UInt8] { changed.isEmpty ? archive.bytes : ClientArchive<Record>.encode(all) }

    /// The clients with at least one record, ascending (as a dictionary's keys would be).
    public var keys: [ClientID] { clients }

    /// True when no client has a record.
    public var isEmpty: Bool { clients.isEmpty }

    /// Equal when every client has the same records, wherever they are kept.
    public static func == (a: ClientBook, b: ClientBook) -> Bool {
        let ids = a.clients
        guard ids == b.clients else { return false }
        return ids.allSatisfy { a[$0] == b[$0] }
    }

    public func hash(into h: inout Hasher) { h.combine(clients) }
}
