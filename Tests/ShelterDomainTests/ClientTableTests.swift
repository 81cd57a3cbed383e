import ShelterDomain
import Testing

/// The clients' table behaves as the dictionary it replaced, dense (a whole journal) or partial
/// (a board view reads only some clients from the snapshot).
@Suite("Client table: a dictionary's behaviour in one array by client number")
struct ClientTableTests {
    static func client(_ id: ClientID, _ name: String = "Jan") -> Client {
        Client(id: id, givenNames: name, familyNames: "Nowak \(id)")
    }

    @Test("Random sets, replacements, removals and in-place edits match a Dictionary, in number order")
    func matchesDictionary() {
        var t = ClientTable()
        var d: [ClientID: Client] = [:]
        var g = SystemRandomNumberGenerator()
        for step in 0..<3_000 {
            let id = ClientID.random(in: 1...400, using: &g)
            switch Int.random(in: 0..<4, using: &g) {
            case 0: t[id] = nil; d[id] = nil
            case 1: t[id]?.alias = "a\(step)"; d[id]?.alias = "a\(step)"
            default: t[id] = Self.client(id, "n\(step)"); d[id] = Self.client(id, "n\(step)")
            }
        }
        #expect(t.count == d.count)
        #expect(Array(t.keys) == d.keys.sorted())
        #expect(t.values == d.keys.sorted().map { d[$0]! })
        #expect(t.map(\.key) == d.keys.sorted() && t.map(\.value.id) == d.keys.sorted())
        #expect((0...401).allSatisfy { t[ClientID($0)] == d[ClientID($0)] && t.contains(ClientID($0)) == (d[ClientID($0)] != nil) })
    }

    @Test("Dense numbers are found at their place; a gap (a partial board view) falls back to searching")
    func denseAndPartial() {
        var dense = ClientTable()
        for id in ClientID(1)...1_000 { dense[id] = Self.client(id) }
        #expect(dense.count == 1_000 && dense[1]?.id == 1 && dense[1_000]?.id == 1_000 && dense[1_001] == nil && dense[0] == nil && dense[-3] == nil)
        var partial: ClientTable = [7: Self.client(7), 3: Self.client(3), 12: Self.client(12)]
        #expect(Array(partial.keys) == [3, 7, 12] && partial[7]?.id == 7 && partial[1] == nil && partial[5] == nil)
        partial[1] = Self.client(1)
        #expect(Array(partial.keys) == [1, 3, 7, 12] && partial[3]?.id == 3)
    }

    @Test("Two tables with the same clients are equal however they were filled")
    func equality() {
        let a: ClientTable = [1: Self.client(1), 2: Self.client(2)]
        var b = ClientTable()
        b[2] = Self.client(2); b[1] = Self.client(1)
        #expect(a == b && a.hashValue == b.hashValue)
        b[2]?.alias = "x"
        #expect(a != b)
    }
}
