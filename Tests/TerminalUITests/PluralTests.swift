import OnderdakResources
import Testing
@testable import DeskApp

/// Translated texts with a count take the language's plural form: never "nacht(en)" or
/// "zostało 1 dni" (issue #17, finding 5).
@Suite("Plural forms in every language the desk writes")
struct PluralTests {
    @Test("Polish: został 1 dzień, zostały 2 dni, zostało 5 dni, zostały 22 dni, zostało 12 dni")
    func polish() {
        let (t, _) = ReturnSummary.table("pl")
        let say = { (n: Int) in PluralRule.text("rs.daysLeft", n, lang: "pl", lookup: t) }
        #expect(say(1) == "został 1 dzień")
        #expect(say(2) == "zostały 2 dni")
        #expect(say(5) == "zostało 5 dni")
        #expect(say(22) == "zostały 22 dni")
        #expect(say(12) == "zostało 12 dni")
        #expect(t("country.PL") == "Polska")
    }

    @Test("Romanian: 1 zi, 2 zile, 20 de zile")
    func romanian() {
        let (t, _) = ReturnSummary.table("ro")
        #expect(PluralRule.text("rs.daysLeft", 1, lang: "ro", lookup: t) == "mai este 1 zi")
        #expect(PluralRule.text("rs.daysLeft", 2, lang: "ro", lookup: t) == "mai sunt 2 zile")
        #expect(PluralRule.text("rs.daysLeft", 20, lang: "ro", lookup: t) == "mai sunt 20 de zile")
    }

    @Test("Dutch and English: 1 nacht / 2 nachten, 1 night / 2 nights; 1 dag / 3 dagen")
    func dutchEnglish() {
        let nl = Strings(lang: "nl"), en = Strings(lang: "en")
        #expect(PluralRule.text("tl.nights", 1, lang: "nl") { nl[$0] } == "1 nacht")
        #expect(PluralRule.text("tl.nights", 2, lang: "nl") { nl[$0] } == "2 nachten")
        #expect(PluralRule.text("tl.nights", 1, lang: "en") { en[$0] } == "1 night")
        #expect(PluralRule.text("tl.nights", 2, lang: "en") { en[$0] } == "2 nights")
        #expect(PluralRule.text("rs.daysLeft", 1, lang: "nl") { nl[$0] } == "nog 1 dag")
        #expect(PluralRule.text("rs.daysLeft", 3, lang: "nl") { nl[$0] } == "nog 3 dagen")
        #expect(!nl["tl.nights"].contains("(en)") && !en["tl.nights"].contains("(s)"))
    }

    /// Counts of one thing shown on screens: each has its "one" form in both languages.
    static let countKeys = ["audit.count", "appr.nights", "ret.countdown", "flag.checklistExpired", "flag.checklistAge", "intake.age",
                            "board.releasedN", "merge.detailsCount", "tl.nights", "cr.nights"]

    @Test("One of a thing: 1 gebeurtenis, 1 nacht, nog 1 dag, 1 veld; 1 event, 1 night, 1 day left, 1 year", arguments: Self.countKeys)
    func one(_ key: String) {
        for t in [Strings.nl, Strings.en] {
            let one = t.count(key, 1), many = t.count(key, 3)
            #expect(one.contains("1") && many.contains("3"), "\(t.lang) \(key)")
            if !(t.lang == "nl" && key == "intake.age") { #expect(one.replacingOccurrences(of: "1", with: "3") != many, "\(t.lang) \(key): \(one) / \(many)") }
        }
        #expect(Strings.nl.count("audit.count", 1) == "1 gebeurtenis")
        #expect(Strings.nl.count("audit.count", 2) == "2 gebeurtenissen")
        #expect(Strings.en.count("intake.age", 1) == "1 year")
    }

    @Test("The client report counts nights in the reader's language: 1 noc, 2 noce, 5 nocy")
    func reportNights() {
        let (pl, _) = ClientReport.table("pl")
        #expect(PluralRule.text("cr.nights", 1, lang: "pl", lookup: pl) == "1 noc")
        #expect(PluralRule.text("cr.nights", 2, lang: "pl", lookup: pl) == "2 noce")
        #expect(PluralRule.text("cr.nights", 5, lang: "pl", lookup: pl) == "5 nocy")
        let (ro, _) = ClientReport.table("ro")
        #expect(PluralRule.text("cr.nights", 1, lang: "ro", lookup: ro) == "1 noapte")
    }
}
