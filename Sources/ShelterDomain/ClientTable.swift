/// The clients of a state by client number: one array of records in ascending number instead of
/// a hash table. Numbers are given out densely from 1, so client `n` is found at position `n - 1`
/// without searching (a binary search when the table is partial, as in a board view read from
/// the snapshot). Why not a `Dictionary`: a city's 95,000 clients took 34 MB there (131,072
/// buckets of 256 bytes) and 24 MB here; and a hash table doubles when it fills (at 98,304
/// clients it would jump to 68 MB at once), where this grows by an eighth.
///
/// Reads like the dictionary it replaces: `table[id]` (get, set, set to nil), `count`, `keys`
/// and `values` (both in number order), and iteration as `(key, value)` pairs in number order.
public struct ClientTable: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// Ascending by `id`, no number twice.
    private var storage: [Client] = []

    public init() {}

    public init(dictionaryLiteral elements: (ClientID, Client)...) {
        for (id, c) in elements { self[id] = c }
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }
    public var underestimatedCount: Int { storage.count }

    /// The clients in number order (the array itself: no copy is made).
    public var values: [Client] { storage }

    /// The client numbers, ascending.
    public var keys: LazyMapCollection<[Client], ClientID> { storage.lazy.map(\.id) }

    /// Whether a client with this number is in the table.
    public func contains(_ id: ClientID) -> Bool { position(of: id) != nil }

    /// Makes room for `n` clients in all, at exactly that size (a snapshot knows how many).
    public mutating func reserveCapacity(_ n: Int) { storage.reserveCapacity(n) }

    /// Where client `id` is: directly at `id - 1` when the numbers before it are all there.
    @inline(__always)
    func position(of id: ClientID) -> Int? {
        let direct = Int(id) - 1
        if direct >= 0, direct < storage.count, storage[direct].id == id { return direct }
        let (i, found) = insertionPoint(of: id)
        return found ? i : nil
    }

    private func insertionPoint(of id: ClientID) -> (Int, found: Bool) {
        var lo = 0, hi = storage.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if storage[mid].id < id { lo = mid + 1 } else { hi = mid }
        }
        return (lo, lo < storage.count && storage[lo].id == id)
    }

    public subscript(id: ClientID) -> Client? {
        get { position(of: id).map { storage[$0] } }
        set {
            if let newValue, storage.last.map({ $0.id < id }) ?? true { insert(newValue, as: id); return }
            if let i = position(of: id) {
                if let newValue { storage[i] = newValue } else { storage.remove(at: i) }
            } else if let newValue {
                insert(newValue, as: id)
            }
        }
        _modify {
            if let i = position(of: id) {
                var value: Client? = storage[i]
                yield &value
                if let value { storage[i] = value } else { storage.remove(at: i) }
            } else {
                var value: Client?
                yield &value
                if let value { insert(value, as: id) }
            }
        }
    }

    /// Changes the client with this number in place, without copying the record out and back
    /// (what `table[id]?.field = x` does); nil, and nothing done, when there is none. For the
    /// fold's hot paths (every reservation looks at the stay's start).
    @inline(__always) @discardableResult
    public mutating func update<R>(_ id: ClientID, _ change: (inout Client) -> R) -> R? {
        guard let i = position(of: id) else { return nil }
        return change(&storage[i])
    }

    /// A client not in the table yet: appended (the usual case, a new number), or put in its
    /// place. The record's own number is the key (a record filed under another number would
    /// not be found again).
    private mutating func insert(_ c: Client, as id: ClientID) {
        precondition(c.id == id, "client \(c.id) filed as \(id)")
        if storage.count == storage.capacity { storage.reserveCapacity(storage.count + Swift.max(16, storage.count / 8)) }
        if storage.last.map({ $0.id < id }) ?? true {
            storage.append(c)
        } else {
            storage.insert(c, at: insertionPoint(of: id).0)
        }
    }

    public func makeIterator() -> Iterator { Iterator(storage: storage) }

    /// The `(key, value)` pairs in number order.
    public struct Iterator: IteratorProtocol {
        let storage: [Client]
        var at = 0

        public mutating func next() -> (key: ClientID, value: Client)? {
            guard at < storage.count else { return nil }
            defer { at += 1 }
            return (storage[at].id, storage[at])
        }
    }
}
