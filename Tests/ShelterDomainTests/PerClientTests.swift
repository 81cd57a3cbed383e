import ShelterDomain
import Testing

/// The per-client column behaves as the dictionary it replaced, also for numbers far outside
/// the dense range (a damaged journal), which must neither be lost nor make the array huge.
@Suite("Per-client values: a dictionary's behaviour in an array by client number")
struct PerClientTests {
    @Test("Random sets, removals, defaults and in-place appends match a Dictionary, with far-out and negative numbers")
    func matchesDictionary() {
        var m = PerClient<[Int32]>()
        var d: [ClientID: [Int32]] = [:]
        var g = SystemRandomNumberGenerator()
        let far: [ClientID] = [-5, 0, 200_000, 90_000, 2_000_000_000, 70_000]
        for step in 0..<6_000 {
            let id = Int.random(in: 0..<10, using: &g) == 0 ? far.randomElement(using: &g)! : ClientID.random(in: 1...500, using: &g)
            switch Int.random(in: 0..<4, using: &g) {
            case 0: m[id] = nil; d[id] = nil
            case 1: m[id, default: []].append(Int32(step)); d[id, default: []].append(Int32(step))
            case 2: m[id]?.append(-1); d[id]?.append(-1)
            default: m[id] = [Int32(step)]; d[id] = [Int32(step)]
            }
        }
        #expect(m.count == d.count)
        #expect(Set(m.keys) == Set(d.keys) && m.keys.count == d.count)
        #expect((far + (0...501).map(ClientID.init)).allSatisfy { m[$0] == d[$0] })
        #expect(Dictionary(uniqueKeysWithValues: m.map { ($0.key, $0.value) }) == d)
    }

    @Test("A number first kept aside moves into the array once the numbers before it arrive, and is found there")
    func farThenNear() {
        var m = PerClient<Int32>()
        m[95_000] = 1  // far past an empty array: kept aside
        for id in ClientID(1)...94_999 { m[id] = 0 }
        #expect(m[95_000] == 1 && m.count == 95_000)
        m[95_000]? += 1
        #expect(m[95_000] == 2 && m.count == 95_000 && m.keys.last == 95_000)
    }

    @Test("Equal however filled; different values are not equal")
    func equality() {
        var a = PerClient<Int32>(), b = PerClient<Int32>()
        a[3] = 1; a[70_000] = 2
        b[70_000] = 2; b[3] = 1
        #expect(a == b && a.hashValue == b.hashValue)
        b[3] = 9
        #expect(a != b)
    }
}
