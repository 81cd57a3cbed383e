/// A small map kept as two sorted arrays (keys, values): what a night's board uses instead of a
/// `Dictionary`, because a city keeps thousands of nights of up to a few hundred beds each, and a
/// hash table per night costs about three times the memory (and a SipHash per look-up). Look-up
/// is a binary search; an insertion moves at most a few hundred entries. Iterates in key order.
public struct SortedMap<Key: Comparable & Hashable & Sendable, Value: Hashable & Sendable>: Hashable, Sendable, ExpressibleByDictionaryLiteral, Sequence {
    public private(set) var keys: [Key] = []
    public private(set) var values: [Value] = []

    public init() {}

    public init(dictionaryLiteral elements: (Key, Value)...) {
        for (k, v) in elements { self[k] = v }
    }

    /// A map of `pairs`, sorted once instead of inserted one by one (of a repeated key, the
    /// last pair wins, as with assignments; the count then tells the caller).
    public init(uniqueKeysWithValues pairs: [(Key, Value)]) {
        let sorted = pairs.enumerated().sorted { $0.element.0 < $1.element.0 || ($0.element.0 == $1.element.0 && $0.offset < $1.offset) }
        keys.reserveCapacity(sorted.count); values.reserveCapacity(sorted.count)
        for (_, (k, v)) in sorted {
            if keys.last == k { values[values.count - 1] = v } else { keys.append(k); values.append(v) }
        }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The index of `key`, or where it would be inserted.
    func index(of key: Key) -> (Int, found: Bool) {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return (lo, lo < keys.count && keys[lo] == key)
    }

    public subscript(key: Key) -> Value? {
        get {
            let (i, found) = index(of: key)
            return found ? values[i] : nil
        }
        set {
            // Entries mostly arrive in key order (a snapshot, a board filled bed by bed): append.
            if let v = newValue, keys.last.map({ $0 < key }) ?? true {
                keys.append(key); values.append(v)
                return
            }
            let (i, found) = index(of: key)
            switch (found, newValue) {
            case (true, let v?): values[i] = v
            case (true, nil): keys.remove(at: i); values.remove(at: i)
            case (false, let v?): keys.insert(key, at: i); values.insert(v, at: i)
            case (false, nil): break
            }
        }
    }

    /// Changes the value at `key` in place when there is one and `condition` holds for it;
    /// returns whether it did (one search, no copy of the value).
    @inline(__always)
    mutating func updateValue(forKey key: Key, where condition: (Value) -> Bool, _ change: (inout Value) -> Void) -> Bool {
        let (i, found) = index(of: key)
        guard found, condition(values[i]) else { return false }
        change(&values[i])
        return true
    }

    @discardableResult
    public mutating func removeValue(forKey key: Key) -> Value? {
        let old = self[key]
        self[key] = nil
        return old
    }

    public func makeIterator() -> AnyIterator<(key: Key, value: Value)> {
        var i = 0
        return AnyIterator { [keys, values] in
            guard i < keys.count else { return nil }
            defer { i += 1 }
            return (keys[i], values[i])
        }
    }

    public var underestimatedCount: Int { keys.count }
}
