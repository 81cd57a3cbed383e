/// The client-file part of the shelter state: the records, their assessments, notes, bans,
/// alerts, IND decisions, erasures and each file's history. Folded from the client events.
public struct ClientFiles: Hashable, Sendable {
    public internal(set) var clients = ClientTable()
    /// Every assessment with its answers, per client (read per client: files, reports, exports).
    public internal(set) var assessments = ClientBook<Assessment>()
    /// Each client's latest assessment, in brief (what entitlement decisions need).
    public internal(set) var latestChecklist: [ClientID: LatestChecklist] = [:]
    public internal(set) var assessmentCount: Int32 = 0
    /// Notes per client, oldest first (filter with `notes(of:visibleTo:)`).
    public internal(set) var notes: [ClientID: [Note]] = [:]
    public internal(set) var noteCount: Int32 = 0
    public internal(set) var bans: [Int32: Ban] = [:]
    public internal(set) var alerts: [Int32: ClientAlert] = [:]
    /// Per client: registration, edits, notes, bans, alerts, merges, exits (oldest first).
    /// (Read per client, like `assessments`: from the snapshot's bytes when opened from one.)
    public internal(set) var history = ClientBook<ClientHistoryItem>()
    /// Counts changes to client records (registrations, edits, merges): search indexes rebuild on change.
    public internal(set) var clientRevision = 0
    /// Pairs staff said are different people (`pairKey`).
    public internal(set) var notDuplicates: Set<Int64> = []
    public internal(set) var banIDs: [ClientID: [Int32]] = [:]
    /// The latest IND decision per client.
    public internal(set) var indDecisions: [ClientID: IndDecision] = [:]
    /// Erased people (their key is destroyed; what is left of them is `Redaction`'s).
    public internal(set) var erasures: [ClientID: Erasure] = [:]

    /// Adds an item to a client's history, by whom and when the record says.
    mutating func note(_ client: ClientID, _ r: RecordedEvent, _ kind: ClientHistoryItem.Kind) {
        history[client, default: []].append(ClientHistoryItem(at: r.timestamp, by: r.actor, kind: kind))
    }
}
