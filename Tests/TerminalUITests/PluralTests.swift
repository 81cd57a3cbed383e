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
}
