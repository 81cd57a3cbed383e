import Foundation
import Journal
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

@Suite("Search index follows other desks")
struct LiveIndexTests {
    @Test("A client registered at another desk is found at once, also while picking for a bed")
    func otherDesk() throws {
        let (s, dir) = try HomeScreenTests.demoSession("live-index", lang: "en")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.handle(.char("1")); s.handle(.char("/")); s.handle(.char("7"))
        let other = try EventStore.open(path: s.path, clock: { TestClock().now })
        try other.execute(.registerClient(Client(id: 0, givenNames: "Zsófia", familyNames: "Bíró", gender: .woman, nationality: "HU")), actor: 3)
        s.tick()
        s.handle(.char("3"))
        guard case .search(let sc) = s.mode else { Issue.record("not searching"); return }
        #expect(sc.hits.map(\.clientID) == [73])
        s.handle(.ctrl("u")); for c in "zsofia" { s.handle(.char(c)) }
        guard case .search(let sc2) = s.mode else { return }
        #expect(sc2.hits.map(\.clientID) == [73])
        // The list on screen follows another desk's registration without a key press.
        try other.execute(.registerClient(Client(id: 0, givenNames: "Zsófia", familyNames: "Kertész", gender: .woman, nationality: "HU")), actor: 3)
        s.tick()
        guard case .search(let sc3) = s.mode else { return }
        #expect(Set(sc3.hits.map(\.clientID)) == [73, 74])
    }
}
