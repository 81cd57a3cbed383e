import Foundation
import ScreenTestSupport
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

/// The README's key table against the keys the screens offer: every letter a screen's hint bar
/// (and so its help overlay) shows must be in the README row for that screen. The hints come
/// from each screen's own `keyHints` — the one list the bar and the help are cut from.
@Suite("README key table")
struct KeyTableTests {
    /// The key-binding table's rows (key, where, what), from README.md.
    static let rows: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        guard let start = text.range(of: "### Key bindings") else { return [] }
        return text[start.upperBound...].split(separator: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.map(String.init)
    }()

    /// The single keys in hints such as "w Waitlist p Place g Turn away", "k/K Cold on/off", "> Next step".
    static func keys(in hints: [String]) -> Set<String> {
        var found: Set<String> = []
        for hint in hints {
            for token in hint.split(separator: " ").map(String.init) {
                let parts = token.split(separator: "/").map(String.init)
                for p in parts where p.count == 1 && p != "·" && parts.allSatisfy({ $0.count == 1 }) { found.insert(p) }
            }
        }
        return found
    }

    static func check(_ screen: String, hints: [String], rows matching: (String) -> Bool) {
        let row = rows.filter(matching).joined(separator: "\n")
        #expect(!row.isEmpty, "no README row for \(screen)")
        #expect(!keys(in: hints).isEmpty, "no keys read from \(screen)'s hint bar")
        for k in keys(in: hints).sorted() where !row.contains("`\(k)`") {
            Issue.record("\(screen): `\(k)` is on the hint bar but not in README's key table row")
        }
    }

    static func hints(_ s: DeskSession) -> [String] {
        guard let screen = s.mode.screen, let c = s.screenContext else { return [] }
        return screen.keyHints(c)
    }

    static func cells(_ row: String) -> [String] { row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }

    @Test("Every letter on a screen's hint bar is in its README row: board, file, staff, inventory, audit, approvals, occupancy, return plan")
    func everyScreenKeyIsDocumented() throws {
        #expect(Self.rows.count > 20, "README's key table not found")
        let (s, _) = try Fixtures.demoSession(lang: "en")
        s.handle(.char("3"))
        s.handle(.function(4))
        Self.check("the board", hints: Self.hints(s)) { Self.cells($0).first?.contains("`F4`") == true }
        // A person with an active return plan: the plan's step keys are on its bar.
        let st = s.store!.state
        let plan = try #require(st.returns.returnPlans.values.sorted { $0.id < $1.id }.first { $0.isActive })
        s.handle(.escape); s.handle(.char("/"))
        for ch in String(plan.clientID) { s.handle(.char(ch)) }
        s.handle(.enter)
        Self.check("a client's file", hints: Self.hints(s)) { Self.cells($0).dropFirst().first?.hasPrefix("a client's file") == true }
        s.handle(.char("r"))
        guard case .returnPlan = s.mode else { Issue.record("no return plan: \(s.mode)"); return }
        Self.check("a return plan", hints: Self.hints(s)) { Self.cells($0).dropFirst().first == "a return plan" }
        s.handle(.escape)
        #expect(s.overlay == nil)
        s.handle(.function(8))
        guard case .audit = s.mode else { Issue.record("no audit log: \(s.mode)"); return }
        Self.check("the audit log", hints: Self.hints(s)) { Self.cells($0).first?.contains("`F8`") == true }
        s.handle(.function(6))
        guard case .approvals = s.mode else { Issue.record("no approvals: \(s.mode)"); return }
        Self.check("approvals", hints: Self.hints(s)) { Self.cells($0).first?.contains("`F6`") == true }
        s.handle(.function(7))
        guard case .occupancy = s.mode else { Issue.record("no occupancy: \(s.mode)"); return }
        Self.check("occupancy", hints: Self.hints(s)) { Self.cells($0).first?.contains("`F7`") == true }
        s.handle(.escape); s.handle(.char("m"))
        guard case .staff = s.mode else { Issue.record("no staff screen: \(s.mode)"); return }
        Self.check("staff", hints: Self.hints(s)) { Self.cells($0).first == "`m`" }
        s.handle(.escape); s.handle(.char("b"))
        guard case .inventory = s.mode else { Issue.record("no inventory: \(s.mode)"); return }
        Self.check("the bed inventory", hints: Self.hints(s)) { Self.cells($0).first == "`b`" }
    }

    @Test("The key extraction reads single keys, k/K pairs and skips words and separators")
    func extraction() {
        #expect(Self.keys(in: ["w Waitlist p Place g Turn away", "k/K Cold on/off", "> Next step", "Tab/↑↓ Field", "↑↓ Choose · Enter Same"])
                == ["w", "p", "g", "k", "K", ">"])
    }
}
