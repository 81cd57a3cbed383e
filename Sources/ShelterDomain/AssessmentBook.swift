/// Every client's checklist assessments with their answers (oldest first): those of the
/// snapshot the state was opened from, kept compact in an `AssessmentArchive` and decoded per
/// client when read, and those recorded or changed since, decoded. Reads as a dictionary
/// (`book[client]`), so a file, a report or an export sees one list whichever part holds it;
/// the decider reads `ShelterState.latestChecklist` instead.
public struct AssessmentBook: Hashable, Sendable {
    /// From the snapshot (empty after a full replay).
    var archive = AssessmentArchive.empty
    /// Lists recorded or changed since the archive (a client here is not read from the archive;
    /// an empty list: none any more, for instance merged into another record).
    var changed: [ClientID: [Assessment]] = [:]

    public init() {}

    init(archive: AssessmentArchive) { self.archive = archive }

    /// A client's assessments, oldest first; nil when there are none.
    public subscript(client: ClientID) -> [Assessment]? {
        get {
            if let list = changed[client] { return list.isEmpty ? nil : list }
            // The archive was checked when it was read; a record that no longer decodes is
            // damaged memory, and no list is better than a wrong one.
            guard let list = try? archive.assessments(of: client), !list.isEmpty else { return nil }
            return list
        }
        set { changed[client] = newValue ?? [] }
    }

    /// A client's assessments, or `fallback` when there are none (for appending).
    subscript(client: ClientID, default fallback: [Assessment]) -> [Assessment] {
        get { self[client] ?? fallback }
        set { self[client] = newValue }
    }

    /// Takes a client's list away (a merge moves it to the survivor).
    mutating func removeValue(forKey client: ClientID) -> [Assessment]? {
        let list = self[client]
        if list != nil { changed[client] = [] }
        return list
    }

    /// Zeroes what the archive holds of `client` (an erasure; the redacted list is in `changed`).
    mutating func scrubArchive(_ client: ClientID) { archive.scrub(client) }

    /// The clients with at least one assessment, ascending.
    public var clients: [ClientID] {
        var ids = Set(archive.clients.filter { changed[$0] == nil })
        for (id, list) in changed where !list.isEmpty { ids.insert(id) }
        return ids.sorted()
    }

    /// Every client's list, ascending by client (decodes the whole archive: snapshots, tests).
    public var all: [(ClientID, [Assessment])] { clients.compactMap { id in self[id].map { (id, $0) } } }

    /// The snapshot section (`AssessmentArchive`'s layout): the archive's own bytes when nothing
    /// changed since it was read.
    public var encoded: [UInt8] { changed.isEmpty ? archive.bytes : AssessmentArchive.encode(all) }

    /// True when no client has an assessment.
    public var isEmpty: Bool { clients.isEmpty }

    /// Equal when every client has the same assessments, wherever they are kept.
    public static func == (a: AssessmentBook, b: AssessmentBook) -> Bool {
        let ids = a.clients
        guard ids == b.clients else { return false }
        return ids.allSatisfy { a[$0] == b[$0] }
    }

    public func hash(into h: inout Hasher) { h.combine(clients) }
}
