import ShelterDomain

/// Where a `PersonalKeyStore` keeps its keys when they are not in a `.keys` file: a table every
/// desk shares (PostgreSQL's `onderdak_keys`). Keys are added only under the journal's lock, and
/// deleted only by an erasure (crypto-shredding).
public protocol PersonalKeyRemote: AnyObject {
    /// Tells this store apart from others (snapshots and reports name it).
    var storeID: [UInt8] { get }
    /// Every key held now: client id and 32 key bytes.
    func loadKeys() throws(JournalError) -> [(ClientID, [UInt8])]
    /// The keys held now for the client numbers in `range`.
    func loadKeys(in range: ClosedRange<ClientID>) throws(JournalError) -> [(ClientID, [UInt8])]
    /// Adds keys durably (committed before the records they seal are appended).
    func insertKeys(_ entries: [(ClientID, [UInt8])]) throws(JournalError)
    /// Destroys the keys of these clients.
    func deleteKeys(_ clients: [ClientID]) throws(JournalError)
}

extension PersonalKeyRemote {
    public func loadKeys(in range: ClosedRange<ClientID>) throws(JournalError) -> [(ClientID, [UInt8])] {
        try loadKeys().filter { range.contains($0.0) }
    }
}
