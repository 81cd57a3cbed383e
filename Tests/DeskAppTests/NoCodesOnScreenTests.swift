import ScreenTestSupport
import Foundation
import ShelterDomain
import Testing
import TerminalUI
@testable import DeskApp

/// No code on screen: every screen a supervisor can reach, in Dutch and English at 80×24, is
/// searched for snake_case identifiers (grounds, outcomes, event types, states). Proper names
/// in the demo contain none, so the allow-list is empty.
@Suite("No snake_case codes on any screen")
struct NoCodesOnScreenTests {
    static let code = try! NSRegularExpression(pattern: "\\b[a-z]+(_[a-z0-9]+)+\\b")
    static let allowed: Set<String> = []

    /// English words that are not Dutch words too (no "bed", "status", "type", "help"): one of
    /// them on a Dutch screen is an untranslated text. Proper names of the demo contain none.
    static let english: Set<String> = ["the", "and", "night", "nights", "free", "reserved", "checked", "assigned", "event", "events",
                                       "none", "likely", "unknown", "further", "inquiry", "shelter", "requested", "approve", "cancel",
                                       "undo", "back", "quit", "search", "beds", "room", "state", "left", "found", "yes", "with",
                                       "from", "this", "only", "days", "until", "client", "clients", "request", "ground", "register"]
    static let word = try! NSRegularExpression(pattern: "\\b[A-Za-z]+\\b")

    /// Dates in another format than the screen's language writes them: ISO days and weeks
    /// ("2026-11-13", "2026-W47") anywhere, "26/11/2026" on a Dutch screen, "26-11-2026" on an English one.
    static func foreignDates(_ text: String, lang: String) -> [String] {
        let other = lang == "nl" ? "\\b\\d{2}/\\d{2}/\\d{4}\\b" : "\\b\\d{2}-\\d{2}-\\d{4}\\b"
        let date = try! NSRegularExpression(pattern: "\\b\\d{4}-(\\d{2}-\\d{2}|W\\d{2})\\b|" + other)
        return date.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    static func englishWords(_ text: String) -> [String] {
        word.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
            .filter { english.contains($0.lowercased()) }
    }

    static func codes(_ text: String) -> [String] {
        code.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
            .filter { !allowed.contains($0) }
    }

    @Test("Every screen in both languages", arguments: ["nl", "en"])
    func walk(_ lang: String) throws {
        let (s, dir) = try Fixtures.demoSession("nocodes", lang: lang)
        var seen: [String: [String]] = [:], words: [String: [String]] = [:], dates: [String: [String]] = [:]
        func look(_ name: String) {
            for (w, h) in [(80, 24), (160, 45)] {
                let text = Fixtures.render(s, w, h, dir: dir).lines.joined(separator: "\n")
                let found = Self.codes(text)
                if !found.isEmpty { seen["\(name) \(w)x\(h)", default: []] += found }
                let foreign = Self.foreignDates(text, lang: lang)
                if !foreign.isEmpty { dates["\(name) \(w)x\(h)", default: []] += foreign }
                if lang == "nl" {
                    // The header's language switch ("l English") names the other language on purpose.
                    let english = Self.englishWords(text.replacingOccurrences(of: "l English", with: ""))
                    if !english.isEmpty { words["\(name) \(w)x\(h)", default: []] += english }
                }
            }
        }
        s.handle(.char("3"))  // supervisor: every screen
        // The issue's case: a checklist ending in further inquiry / register with UWV (client 43).
        let day = Day.parseISO("2026-11-23")!
        #expect(s.execute(.recordAssessment(client: 43, answers: ChecklistAnswers(assessmentDate: day, nationality: "RO", arrivedNL: Day.parseISO("2026-07-14")!),
                                            result: ChecklistResult(outcome: .furtherInquiry, ground: "register_with_uwv", validUntil: nil, missingEvidence: [],
                                                                    legalBasis: "Directive 2004/38/EC art. 7(3)(b)", ruleSet: "2025.1"))))
        look("home")
        s.handle(.function(1)); look("help"); s.handle(.escape)
        s.handle(.function(4)); look("board")
        s.handle(.function(1)); look("board help"); s.handle(.escape)
        s.handle(.char("f")); look("board free"); s.handle(.char("f"))
        s.handle(.function(5)); look("returns")
        s.handle(.function(6)); look("approvals")
        s.handle(.function(7)); look("occupancy")
        s.handle(.char("b")); look("occupancy by month"); s.handle(.char("b")); look("occupancy by night"); s.handle(.char("b"))
        s.handle(.char("v")); look("breakdowns")
        s.handle(.function(8)); look("audit")
        for _ in 0..<6 { s.handle(.char("t")); look("audit type filter") }
        s.handle(.escape)
        s.handle(.char("m")); look("staff"); s.handle(.escape)
        s.handle(.char("b")); look("inventory"); s.handle(.escape)
        s.handle(.char("n")); look("intake"); s.handle(.escape)
        // Files with checklists, bans, alerts, return plans and exits in their timelines.
        for id in s.store!.state.files.clients.keys.sorted() where s.store!.state.files.assessments[id] != nil || id <= 12 || id == 43 {
            s.handle(.char("/"))
            for c in String(id) { s.handle(.char(c)) }
            s.handle(.enter)
            guard case .search(let sc) = s.mode, sc.opened == id else { Issue.record("file #\(id) did not open: \(s.mode)"); s.handle(.escape); s.handle(.escape); continue }
            look("file #\(id)")
            if s.store!.state.files.assessments[id] != nil {
                #expect(Fixtures.render(s, 160, 45, dir: dir).lines.joined().contains(s.strings["card.assessments"]), "the timeline shows the checklist of #\(id)")
            }
            s.handle(.escape); s.handle(.escape)
        }
        #expect(words.isEmpty, "English on a Dutch screen: \(words.sorted { $0.key < $1.key }.map { "\($0.key): \(Set($0.value).sorted())" }.joined(separator: "; "))")
        #expect(dates.isEmpty, "dates in another format: \(dates.sorted { $0.key < $1.key }.map { "\($0.key): \(Set($0.value).sorted())" }.joined(separator: "; "))")
        #expect(seen.isEmpty, "codes on screen: \(seen.sorted { $0.key < $1.key }.map { "\($0.key): \(Set($0.value).sorted())" }.joined(separator: "; "))")
    }
}
