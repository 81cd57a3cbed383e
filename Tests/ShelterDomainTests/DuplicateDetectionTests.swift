import Testing
@testable import ShelterDomain

/// A labelled set of record pairs built from realistic variants of real-looking people:
/// positives are the same person written differently at another intake (missing diacritics,
/// swapped name order, Latin transcription of Cyrillic, a typo, sound-alike spelling, day and
/// month swapped, an estimated year, an ID number with spaces); negatives are different people
/// who look alike (siblings, common names, same given name, other birth years or nationalities).
@Suite("Duplicate detection on a labelled set")
struct DuplicateDetectionTests {
    struct Pair { var a: Client; var b: Client; var same: Bool; var kind: String }

    static let base: [(String, String, String, String, Gender)] = [
        ("Łukasz", "Wójcik", "PL", "1987-03-12", .man), ("Ștefan", "Popescu", "RO", "1979-11-02", .man),
        ("Győző", "Kovács", "HU", "1975-06-30", .man), ("Иван", "Петров", "BG", "1969-01-17", .man),
        ("Marek", "Nowak", "PL", "1958-08-08", .man), ("Agnieszka", "Zielińska", "PL", "1991-04-22", .woman),
        ("Krzysztof", "Wiśniewski", "PL", "1983-12-05", .man), ("Paweł", "Dąbrowski", "PL", "1977-02-14", .man),
        ("Ionuț", "Constantinescu", "RO", "1988-07-09", .man), ("Gheorghe", "Stănescu", "RO", "1966-10-21", .man),
        ("Ioana", "Țurcanu", "RO", "1994-03-03", .woman), ("László", "Szabó", "HU", "1972-05-19", .man),
        ("Erzsébet", "Tóth", "HU", "1968-09-25", .woman), ("Георги", "Димитров", "BG", "1981-06-11", .man),
        ("Стоян", "Иванов", "BG", "1976-04-04", .man), ("Мария", "Георгиева", "BG", "1985-12-24", .woman),
        ("Jonas", "Kazlauskas", "LT", "1990-01-29", .man), ("Andris", "Bērziņš", "LV", "1973-08-15", .man),
        ("Jānis", "Ozoliņš", "LV", "1980-02-28", .man), ("Tõnu", "Tamm", "EE", "1964-07-07", .man),
        ("José", "García López", "ES", "1986-05-31", .man), ("João", "Conceição", "PT", "1979-09-09", .man),
        ("Jan", "de Vries", "NL", "1962-03-18", .man), ("Grzegorz", "Lewandowski", "PL", "1984-10-10", .man),
        ("Mihai", "Dumitrescu", "RO", "1971-11-30", .man), ("Zoltán", "Horváth", "HU", "1982-04-16", .man),
        ("Wojciech", "Krawczyk", "PL", "1989-06-06", .man), ("Ewa", "Jabłońska", "PL", "1993-07-21", .woman),
        ("Nicolae", "Ciobanu", "RO", "1967-01-02", .man), ("Димитър", "Николов", "BG", "1978-08-27", .man),
        ("Rafał", "Pawłowski", "PL", "1992-12-12", .man), ("Sándor", "Nagy", "HU", "1960-05-05", .man),
        ("Piotr", "Woźniak", "PL", "1974-03-09", .man), ("Vasile", "Munteanu", "RO", "1987-10-13", .man),
        ("Tomasz", "Kamiński", "PL", "1985-01-20", .man), ("Bogdan", "Rusu", "RO", "1990-11-11", .man),
        ("Ferenc", "Varga", "HU", "1970-12-01", .man), ("Peter", "Kováč", "SK", "1983-05-23", .man),
        ("Kees", "van den Berg", "NL", "1959-09-19", .man), ("Cristian", "Dinu", "RO", "1995-02-08", .man),
    ]

    /// Hand-written sound-alike spellings (as an interpreter or a colleague might type them).
    static let soundAlike: [String: String] = [
        "Wójcik": "Woitsik", "Kovács": "Kovach", "Nowak": "Novak", "Wiśniewski": "Wisnievski", "Szabó": "Sabo",
        "Krawczyk": "Kravchik", "Kazlauskas": "Kaslauskas", "Horváth": "Horvat", "Lewandowski": "Levandovski",
        "Pawłowski": "Pavlovski", "Woźniak": "Vozniak", "Kamiński": "Kaminski", "Constantinescu": "Konstantinesku",
    ]

    static func client(_ id: Int32, _ given: String, _ family: String, _ nat: String, _ birth: BirthDate?, _ g: Gender, doc: String = "") -> Client {
        var c = Client(id: id, givenNames: given, familyNames: family, birth: birth, gender: g, nationality: nat)
        if !doc.isEmpty { c.details.idDocument = IDDocument(kind: .idCard, number: doc, seen: true) }
        return c
    }

    static func plain(_ s: String) -> String {
        // What a Dutch keyboard gives when diacritics are skipped (but Cyrillic stays Cyrillic).
        s.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) } ? s : NameNormalizer.fold(s).split(separator: " ")
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// Two neighbouring letters swapped in the longest word (the commonest typing slip).
    static func typo(_ s: String) -> String {
        var words = s.split(separator: " ").map(String.init)
        guard let i = words.indices.max(by: { words[$0].count < words[$1].count }), words[i].count >= 6 else { return s }
        var a = Array(words[i])
        a.swapAt(2, 3)
        words[i] = String(a)
        return words.joined(separator: " ")
    }

    static func pairs() -> [Pair] {
        var out: [Pair] = []
        var id: Int32 = 0
        func next() -> Int32 { id += 1; return id }
        for (i, p) in base.enumerated() {
            let d = Day.parseISO(p.3)!
            let c = d.components
            let a = client(next(), p.0, p.1, p.2, .exact(d), p.4, doc: "AB\(100000 + i)")
            func same(_ b: Client, _ kind: String) { var b = b; b.id = next(); out.append(Pair(a: a, b: b, same: true, kind: kind)) }
            func other(_ b: Client, _ kind: String) { var b = b; b.id = next(); out.append(Pair(a: a, b: b, same: false, kind: kind)) }
            // Positives.
            same(client(0, plain(p.0), plain(p.1), p.2, .exact(d), p.4), "no diacritics")
            same(client(0, p.1, p.0, p.2, .exact(d), p.4), "swapped order")
            if let swapped = Day(year: c.year, month: c.day, day: c.month), c.day <= 12, c.day != c.month {
                same(client(0, p.0, p.1, p.2, .exact(swapped), p.4), "day/month swapped")
            } else {
                same(client(0, p.0, p.1, p.2, .exact(d.adding(days: 1)), p.4), "one day off")
            }
            same(client(0, p.0, typo(p.1), p.2, .estimatedYear(c.year), p.4), "typo + estimated year")
            if let s = soundAlike[p.1] { same(client(0, plain(p.0), s, p.2, nil, p.4), "sound-alike, birth unknown") }
            if p.0.unicodeScalars.contains(where: { (0x400...0x4FF).contains($0.value) }) {
                same(client(0, NameNormalizer.fold(p.0).capitalized, NameNormalizer.fold(p.1).capitalized, p.2, .exact(d), p.4), "transliterated")
            }
            same(client(0, "", "", "", nil, p.4, doc: "ab \(100000 + i)"), "same ID document, nothing else")
            // Negatives: look-alikes who are other people.
            let sibling = base[(i + 1) % base.count].0
            other(client(0, sibling, p.1, p.2, .exact(d.adding(days: 800 + 37 * i)), p.4), "sibling: same family name")
            other(client(0, p.0, base[(i + 7) % base.count].1, p.2, .exact(d.adding(days: -400)), p.4), "same given name")
            other(client(0, p.0, p.1, p.2, .exact(Day(year: c.year - 9, month: c.month, day: c.day)!), p.4), "namesake, 9 years apart")
            if i % 4 == 1 {
                // Twins: same family name and birth date, another given name.
                other(client(0, base[(i + 3) % base.count].0, p.1, p.2, .exact(d), p.4), "twin")
            }
            if i % 3 == 0 {
                // A namesake registered without a birth date: the detector cannot tell (staff must).
                other(client(0, p.0, p.1, p.2, nil, p.4), "namesake, birth unknown")
            }
            if i % 2 == 0 {
                other(client(0, p.0, p.1, p.2 == "PL" ? "RO" : "PL", .exact(d.adding(days: 3000)), p.4), "namesake, other country and age")
            }
        }
        return out
    }

    @Test("Precision ≥ 0.85 and recall ≥ 0.95 on at least 200 labelled pairs")
    func precisionRecall() {
        let ps = Self.pairs()
        #expect(ps.count >= 200)
        var tp = 0, fp = 0, fn = 0
        var misses: [String] = []
        for p in ps {
            let said = DuplicateDetector.match(p.b, p.a) != nil
            switch (said, p.same) {
            case (true, true): tp += 1
            case (true, false): fp += 1; misses.append("false alarm (\(p.kind)): \(p.a.fullName) / \(p.b.fullName)")
            case (false, true): fn += 1; misses.append("missed (\(p.kind)): \(p.a.fullName) / \(p.b.fullName)")
            default: break
            }
        }
        let precision = Double(tp) / Double(max(1, tp + fp)), recall = Double(tp) / Double(max(1, tp + fn))
        print("duplicate detection: \(ps.count) pairs, \(ps.filter(\.same).count) same; precision \(precision), recall \(recall); tp \(tp) fp \(fp) fn \(fn)")
        for m in misses { print("  " + m) }
        #expect(precision >= 0.85)
        #expect(recall >= 0.95)
    }

    @Test("Phonetic keys agree for sound-alike spellings", arguments: [
        ("wojcik", "woitsik"), ("kovacs", "kovach"), ("nowak", "novak"), ("szabo", "sabo"), ("krawczyk", "kravchik"),
        ("lewandowski", "levandovski"), ("constantinescu", "konstantinesku"), ("gyorgy", "djordj"),
    ])
    func phonetic(_ a: String, _ b: String) { #expect(PhoneticKey.of(a) == PhoneticKey.of(b)) }

    @Test("Birth dates: swaps and one-day slips are close; years apart are different")
    func births() {
        let d = Day.parseISO("1987-03-12")!
        #expect(DuplicateDetector.compareBirth(.exact(d), .exact(Day.parseISO("1987-12-03")!)) == .close)
        #expect(DuplicateDetector.compareBirth(.exact(d), .exact(Day.parseISO("1987-03-13")!)) == .close)
        #expect(DuplicateDetector.compareBirth(.exact(d), .estimatedYear(1988)) == .close)
        #expect(DuplicateDetector.compareBirth(.exact(d), .exact(Day.parseISO("1990-03-12")!)) == .different)
        #expect(DuplicateDetector.compareBirth(nil, .exact(d)) == .unknown)
    }
}
