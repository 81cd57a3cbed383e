import Foundation
import Journal
import ScreenTestSupport
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Search index follows other desks")
struct LiveIndexTests {
    @Test("A client registered at another desk is found at once, also while picking for a bed")
    func otherDesk() throws {
        let (s, dir) = try Fixtures.journalDemoSession("live-index", lang: "en")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.handle(.char("1")); s.handle(.char("/")); s.handle(.char("7"))
        let other = try EventStore.open(path: s.path, clock: { TestClock().now })
        try other.execute(.registerClient(Client(id: 0, givenNames: "Zsófia", familyNames: "Bíró", gender: .woman, nationality: "HU")), actor: 3)
        s.tick()
        s.handle(.char("6"))
        guard case .search(let sc) = s.mode else { Issue.record("not searching"); return }
        #expect(sc.hits.map(\.clientID) == [76])
        s.handle(.ctrl("u")); for c in "zsofia" { s.handle(.char(c)) }
        guard case .search(let sc2) = s.mode else { return }
        #expect(sc2.hits.map(\.clientID).first == 76, "the new Zsófia first (the demo's Sofia Rusu is a weaker match)")
        // The list on screen follows another desk's registration without a key press.
        try other.execute(.registerClient(Client(id: 0, givenNames: "Zsófia", familyNames: "Kertész", gender: .woman, nationality: "HU")), actor: 3)
        s.tick()
        guard case .search(let sc3) = s.mode else { return }
        #expect(Set(sc3.hits.map(\.clientID)).isSuperset(of: [76, 77]))
    }
}

@Suite("Search index built in the background")
struct PrebuiltIndexTests {
    @Test("After login the index is built off the main loop and the first search uses it")
    func prebuilt() throws {
        let (s, dir) = try Fixtures.journalDemoSession("prebuilt", lang: "en")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.handle(.char("1"))
        s.tick()
        #expect(s.prebuilt.started)
        for _ in 0..<200 where s.indexedRevision < 0 {
            usleep(10_000)
            _ = s.clientIndex()
        }
        #expect(s.indexedRevision == s.store!.state.files.clientRevision, "the background index was taken over")
        s.handle(.char("/")); for c in "ivan" { s.handle(.char(c)) }
        guard case .search(let sc) = s.mode else { return }
        #expect(sc.hits.contains { $0.clientID == 4 })
    }
}
