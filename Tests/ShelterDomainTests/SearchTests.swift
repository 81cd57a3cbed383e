import Testing
@testable import ShelterDomain

@Suite("Name folding and client search")
struct SearchTests {
    @Test("Folding table", arguments: [
        ("Łukasz Wójcik", "lukasz wojcik"), ("ŁUKASZ", "lukasz"), ("Ștefan", "stefan"), ("Ştefan", "stefan"),
        ("Țurcanu", "turcanu"), ("Ţurcanu", "turcanu"), ("Győző Kovács", "gyozo kovacs"), ("Иван Петров", "ivan petrov"),
        ("Георги Димитров", "georgi dimitrov"), ("Щерев", "shterev"), ("Ъгълът", "agalat"), ("Юлия", "yuliya"),
        ("Яна", "yana"), ("Жечо", "zhecho"), ("Цветан", "tsvetan"), ("Чавдар", "chavdar"), ("Шишков", "shishkov"),
        ("Йордан", "yordan"), ("Хубен", "huben"), ("Straße", "strasse"), ("Søren Ørsted", "soren orsted"),
        ("Ærø", "aero"), ("Œuvre", "oeuvre"), ("Đorđe", "dorde"), ("O'Brien", "obrien"), ("O’Brien", "obrien"),
        ("Anne-Marie", "anne marie"), ("García López", "garcia lopez"), ("João Conceição", "joao conceicao"),
        ("Bērziņš", "berzins"), ("Ozoliņš", "ozolins"), ("Tõnu", "tonu"), ("Kazlauskas", "kazlauskas"),
        ("Dąbrowski", "dabrowski"), ("Zielińska", "zielinska"), ("Woźniak", "wozniak"), ("Żak", "zak"),
        ("Šimek", "simek"), ("Čapek", "capek"), ("Dvořák", "dvorak"), ("Ľubomír", "lubomir"), ("Ĺ", "l"),
        ("Müller", "muller"), ("Zoë", "zoe"), ("Ağaoğlu", "agaoglu"), ("İsmail", "ismail"), ("ı", "i"),
        ("e\u{301}lise", "elise"), ("  Jan   de  Vries ", "jan de vries"), ("VAN DEN BERG", "van den berg"),
        ("Nguyễn", "nguyen"), ("Ørjan", "orjan"), ("Ŀlívia", "llivia"),
    ])
    func fold(_ input: String, _ expected: String) {
        #expect(NameNormalizer.fold(input) == expected)
    }

    static func index() -> (ClientSearchIndex, ShelterState) {
        var s = ShelterState()
        let people: [(String, String, String, BirthDate?)] = [
            ("Łukasz", "Wójcik", "", .exact(Day.parseISO("1987-03-12")!)),
            ("Ștefan", "Popescu", "", nil), ("Ştefan", "Ionescu", "", nil),
            ("Győző", "Kovács", "", .estimatedYear(1975)),
            ("Иван", "Петров", "Vanya", nil),
            ("Marek", "Nowak", "", nil), ("Lukas", "Nowak", "", nil),
            ("Krzysztof", "Wiśniewski", "Krzysiek", nil),
            ("Jan", "de Vries", "", nil), ("Janusz", "Kowalski", "", nil),
        ]
        for (i, p) in people.enumerated() {
            s.files.clients[Int32(i + 1)] = Client(id: Int32(i + 1), givenNames: p.0, familyNames: p.1, alias: p.2, birth: p.3)
        }
        return (ClientSearchIndex(state: s), s)
    }

    func names(_ hits: [SearchHit], _ s: ShelterState) -> [String] { hits.map { s.files.clients[$0.clientID]!.fullName } }

    @Test("Dutch keyboards find every script and spelling")
    func finds() {
        let (ix, s) = Self.index()
        #expect(names(ix.search("lukasz wojcik"), s) == ["Łukasz Wójcik"])
        #expect(Set(names(ix.search("stefan"), s)) == ["Ștefan Popescu", "Ştefan Ionescu"])
        #expect(names(ix.search("ivan petrov"), s) == ["Иван Петров"])
        #expect(names(ix.search("ivan"), s) == ["Иван Петров"])
        #expect(names(ix.search("vanya"), s) == ["Иван Петров"], "aliases are searched")
        #expect(names(ix.search("gyozo"), s) == ["Győző Kovács"])
        #expect(names(ix.search("1975"), s) == ["Győző Kovács"], "estimated birth year")
        #expect(names(ix.search("12-03-1987"), s) == ["Łukasz Wójcik"], "date of birth as typed")
        #expect(names(ix.search("1987"), s) == ["Łukasz Wójcik"])
        #expect(names(ix.search("Wójcik Łukasz"), s) == ["Łukasz Wójcik"], "any word order")
        #expect(ix.search("").isEmpty)
        #expect(ix.search("zzzz").isEmpty)
    }

    @Test("Prefixes while typing, and the best match first")
    func ranking() {
        let (ix, s) = Self.index()
        #expect(names(ix.search("now"), s).count == 2)
        // "jan": the exact word ranks above the prefix of "janusz".
        #expect(names(ix.search("jan"), s).first == "Jan de Vries")
        #expect(names(ix.search("jan"), s).contains("Janusz Kowalski"))
        #expect(names(ix.search("l"), s).contains("Łukasz Wójcik"))
        #expect(names(ix.search("6"), s) == ["Marek Nowak"], "client number")
    }

    @Test("One typo is tolerated in words of 5+ letters, not in shorter ones")
    func typos() {
        let (ix, s) = Self.index()
        #expect(names(ix.search("lukasx"), s).contains("Łukasz Wójcik"))  // substitution
        #expect(names(ix.search("wojick"), s) == ["Łukasz Wójcik"])        // swap
        #expect(names(ix.search("krzystof"), s) == ["Krzysztof Wiśniewski"]) // deletion
        #expect(names(ix.search("popesscu"), s) == ["Ștefan Popescu"])     // insertion
        #expect(ix.search("ivon").isEmpty, "four letters: no typo tolerance")
        #expect(ix.search("wxjxck").isEmpty, "two typos are too many")
    }
}
