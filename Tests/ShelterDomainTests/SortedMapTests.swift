import ShelterDomain
import Testing

/// The compact map a night's board is kept in behaves as a dictionary would.
@Suite("Sorted map: a dictionary's behaviour in sorted arrays")
struct SortedMapTests {
    @Test("Set, replace, remove and iterate in key order match a Dictionary on the same operations")
    func matchesDictionary() {
        var m: SortedMap<Int32, Int32> = [:]
        var d: [Int32: Int32] = [:]
        var g = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let k = Int32.random(in: 0..<300, using: &g), v = Int32.random(in: 0..<5, using: &g)
            if v == 0 { m[k] = nil; d[k] = nil } else { m[k] = v; d[k] = v }
        }
        #expect(m.count == d.count)
        #expect(m.keys == d.keys.sorted())
        #expect(m.map(\.key) == d.keys.sorted() && m.map(\.value) == d.keys.sorted().map { d[$0]! })
        #expect((0..<300).allSatisfy { m[Int32($0)] == d[Int32($0)] })
    }

    @Test("Built from pairs: sorted, and of a repeated key the last wins (the count shows it)")
    func fromPairs() {
        let m = SortedMap<Int32, String>(uniqueKeysWithValues: [(5, "a"), (1, "b"), (5, "c"), (3, "d")])
        #expect(m.keys == [1, 3, 5] && m[5] == "c" && m.count == 3)
    }
}
