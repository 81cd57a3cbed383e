import Crypto
import ShelterDomain

/// The keys of a `PersonalKeyStore` in memory, compactly: 32 bytes each in one buffer, found by
/// client id (a city's 100,000 keys take ~3 MB, not a heap object each). A `SymmetricKey` is
/// made when one is needed.
struct KeyTable {
    private var slot: [ClientID: Int32] = [:]
    private var bytes: [UInt8] = []
    private var free: [Int32] = []

    init(capacity: Int = 0) {
        slot.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 32)
    }

    var count: Int { slot.count }
    var ids: Dictionary<ClientID, Int32>.Keys { slot.keys }

    func contains(_ id: ClientID) -> Bool { slot[id] != nil }

    /// Stores 32 raw key bytes for `id` (as the setter does, without making a `SymmetricKey`).
    mutating func set(_ id: ClientID, raw: UnsafeRawBufferPointer) {
        let s: Int32
        if let old = slot[id] { s = old } else if let f = free.popLast() { s = f } else {
            s = Int32(bytes.count / 32)
            bytes.append(contentsOf: repeatElement(0, count: 32))
        }
        slot[id] = s
        let o = Int(s) * 32
        for i in 0..<32 { bytes[o + i] = raw[i] }
    }

    subscript(id: ClientID) -> SymmetricKey? {
        get {
            guard let s = slot[id] else { return nil }
            let o = Int(s) * 32
            return SymmetricKey(data: bytes[o..<(o + 32)])
        }
        set {
            guard let key = newValue else {
                if let s = slot.removeValue(forKey: id) {
                    let o = Int(s) * 32
                    for i in o..<(o + 32) { bytes[i] = 0 }
                    free.append(s)
                }
                return
            }
            key.withUnsafeBytes { set(id, raw: $0) }
        }
    }
}
