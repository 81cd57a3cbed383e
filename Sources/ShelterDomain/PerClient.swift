/// A value per client number, kept in an array indexed by the number instead of a hash table:
/// client numbers are dense from 1, and the fold looks these up for nearly every event (each
/// bed-night adds to the client's list of nights). No hashing, one load; 8 bytes per client for
/// a list or a day. Numbers far outside the dense range (only a damaged or hand-made journal
/// has them) go to a small dictionary, so a stray number cannot make the array huge.
///
/// Reads like the dictionary it replaces: `m[id]`, `m[id, default: x]` (both changeable in
/// place), `count`, and iteration as `(key, value)` pairs in number order.
public struct PerClient<Value: Hashable & Sendable>: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// Index = client number (index 0 unused).
    private var dense: [Value?] = []
    private var sparse: [ClientID: Value] = [:]
    public private(set) var count = 0

    public init() {}

    public init(dictionaryLiteral elements: (ClientID, Value)...) {
        for (id, v) in elements { self[id] = v }
    }

    public var isEmpty: Bool { count == 0 }
    public var underestimatedCount: Int { count }

    /// How far past the dense part a number may be and still be kept in the array.
    static var reach: Int { 65_536 }

    @inline(__always)
    private func isDense(_ id: ClientID) -> Bool { id > 0 && Int(id) < Swift.max(dense.count, 1) + Self.reach }

    /// Makes the array long enough for `id` (growing by an eighth, not doubling).
    @inline(__always)
    private mutating func reach(_ id: ClientID) {
        let i = Int(id)
        guard i >= dense.count else { return }
        let wanted = Swift.max(i + 1, dense.count + dense.count / 8 + 16)
        if dense.capacity < wanted { dense.reserveCapacity(wanted) }
        dense.append(contentsOf: repeatElement(nil, count: wanted - dense.count))
        // Numbers kept aside because they were far out may now be within reach: move them in,
        // so that each number has one place only.
        if !sparse.isEmpty {
            for k in sparse.keys.sorted() where isDense(k) {
                guard let v = sparse.removeValue(forKey: k) else { continue }  // moved by the inner call
                reach(k)
                dense[Int(k)] = v
            }
        }
    }

    public subscript(id: ClientID) -> Value? {
        get {
            if isDense(id) { return Int(id) < dense.count ? dense[Int(id)] : nil }
            return sparse[id]
        }
        _modify {
            if isDense(id) {
                reach(id)
                let had = dense[Int(id)] != nil
                yield &dense[Int(id)]
                count += (dense[Int(id)] != nil ? 1 : 0) - (had ? 1 : 0)
            } else {
                let had = sparse[id] != nil
                yield &sparse[id]
                count += (sparse[id] != nil ? 1 : 0) - (had ? 1 : 0)
            }
        }
    }

    public subscript(id: ClientID, default value: @autoclosure () -> Value) -> Value {
        get { self[id] ?? value() }
        _modify {
            if isDense(id) {
                reach(id)
                if dense[Int(id)] == nil { dense[Int(id)] = value(); count += 1 }
                yield &dense[Int(id)]!
            } else {
                if sparse[id] == nil { count += 1 }
                yield &sparse[id, default: value()]
            }
        }
    }

    /// The client numbers that have a value, ascending.
    public var keys: [ClientID] { map(\.key) }
    /// The values in number order.
    public var values: [Value] { map(\.value) }

    public func makeIterator() -> Iterator {
        Iterator(dense: dense, sparse: sparse.sorted { $0.key < $1.key })
    }

    /// The `(key, value)` pairs in number order (numbers outside the dense part: after it, ascending).
    public struct Iterator: IteratorProtocol {
        let dense: [Value?]
        let sparse: [(key: ClientID, value: Value)]
        var at = 0, sparseAt = 0

        public mutating func next() -> (key: ClientID, value: Value)? {
            while at < dense.count {
                defer { at += 1 }
                if let v = dense[at] { return (ClientID(at), v) }
            }
            guard sparseAt < sparse.count else { return nil }
            defer { sparseAt += 1 }
            return sparse[sparseAt]
        }
    }

    /// Equal when the same numbers have the same values (however the arrays were grown).
    public static func == (a: PerClient, b: PerClient) -> Bool {
        a.count == b.count && a.elementsEqual(b) { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into h: inout Hasher) {
        h.combine(count)
        for (k, v) in self { h.combine(k); h.combine(v) }
    }
}
