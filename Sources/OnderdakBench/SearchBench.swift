import Foundation
import ShelterDomain

/// Search as you type over `clients` clients: `names` realistic names typed letter by letter,
/// as a Dutch keyboard produces them. Returns the seconds of every keystroke, and the index build time.
func searchKeystrokes(clients searchClients: Int, names searchNames: Int) -> (keystrokes: [Double], indexSeconds: Double) {
    let searchGivenNames = ["Łukasz", "Ștefan", "Győző", "Иван", "Marek", "Paweł", "Ionuț", "László", "Георги", "Jan", "Krzysztof", "Tomasz",
                      "Mihai", "Zoltán", "Стоян", "Jonas", "Andris", "Ján", "José", "João", "Agnieszka", "Ioana", "Erzsébet", "Мария",
                      "Grzegorz", "Andrzej", "Piotr", "Mariusz", "Vasile", "Gheorghe", "Sándor", "Ferenc", "Димитър", "Nicolae", "Rafał",
                      "Wojciech", "Bogdan", "Cristian", "Marius", "Ewa", "Dariusz", "Zbigniew", "Petru", "Adrian", "Attila", "Tibor"]
    let searchFamilyNames = ["Wójcik", "Popescu", "Kovács", "Петров", "Nowak", "Dąbrowski", "Constantinescu", "Szabó", "Димитров", "de Vries",
                       "Wiśniewski", "Kamiński", "Lewandowski", "Szymański", "Woźniak", "Kozłowski", "Mazur", "Dumitrescu", "Stănescu",
                       "Țurcanu", "Munteanu", "Ionescu", "Horváth", "Tóth", "Иванов", "Георгиева", "Kazlauskas", "Bērziņš", "Ozoliņš",
                       "Tamm", "Kováč", "García López", "Conceição", "van den Berg", "Rusu", "Nagy", "Krawczyk", "Jabłońska", "Ciobanu",
                       "Varga", "Николов", "Pawłowski", "Dinu", "Lungu", "Zieliński", "Jankowski", "Mazurek", "Kaczmarek", "Grabowski",
                       "Pavlović", "Balogh", "Farkas", "Molnár", "Papp", "Takács", "Juhász", "Oláh", "Radu", "Stoica", "Moldovan"]
    var state = ShelterState()
    var nameRng = SeededRandom(seed: 11)
    for id in 1...searchClients {
        var c = Client(id: Int32(id), givenNames: searchGivenNames[Int(nameRng.next() % UInt64(searchGivenNames.count))],
                       familyNames: searchFamilyNames[Int(nameRng.next() % UInt64(searchFamilyNames.count))])
        if nameRng.next() % 10 == 0 { c.alias = searchGivenNames[Int(nameRng.next() % UInt64(searchGivenNames.count))] + "ek" }
        c.birth = .exact(Day(ordinal: Int32(-3000 + Int(nameRng.next() % 15000))))
        // Through the domain's own fold, as a replay would (the state is read-only outside it).
        state.evolve(RecordedEvent(sequence: UInt64(id), timestamp: Timestamp(milliseconds: 0), actor: 1, schemaVersion: 2, event: .clientRegistered(c)))
    }
    let indexStart = now()
    let index = ClientSearchIndex(state: state)
    let indexSeconds = now() - indexStart
    var keystroke: [Double] = []
    for k in 0..<searchNames {
        let c = state.files.clients[Int32(1 + (k * 97) % searchClients)]!
        var prefix = ""
        for ch in NameNormalizer.fold(c.fullName) {
            prefix.append(ch)
            let t = now()
            _ = index.search(prefix)
            keystroke.append(now() - t)
        }
    }
    return (keystroke, indexSeconds)
}
