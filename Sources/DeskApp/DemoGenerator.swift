import Journal
import ShelterDomain

/// Writes a deterministic demo journal (marked as demo in its header): staff for every role,
/// two locations with rooms and beds, clients from the countries the shelters serve (with
/// diacritics and Cyrillic), five weeks of nights with check-ins, no-shows, stay limits,
/// extension requests and checklist assessments. The same seed and `today` give the same journal.
public enum DemoGenerator {
    /// Demo staff usernames, one per role (no PIN: a demo journal opens on a role picker).
    public static let deskUser = "balie", coordinatorUser = "coordinator", supervisorUser = "teamleider"

    final class Clock: @unchecked Sendable { var now = Timestamp(milliseconds: 0) }

    /// Summary of what was written.
    public struct Summary: Sendable { public var events: Int; public var clients: Int; public var beds: Int }

    static let people: [(String, String, String, Gender, String)] = [
        // given, family, alias, gender, nationality
        ("Łukasz", "Wójcik", "", .man, "PL"), ("Ștefan", "Popescu", "", .man, "RO"), ("Győző", "Kovács", "", .man, "HU"),
        ("Иван", "Петров", "Vanya", .man, "BG"), ("Marek", "Nowak", "", .man, "PL"), ("Agnieszka", "Zielińska", "", .woman, "PL"),
        ("Krzysztof", "Wiśniewski", "Krzysiek", .man, "PL"), ("Paweł", "Dąbrowski", "", .man, "PL"), ("Tomasz", "Kamiński", "", .man, "PL"),
        ("Grzegorz", "Lewandowski", "Grzesiek", .man, "PL"), ("Andrzej", "Szymański", "", .man, "PL"), ("Piotr", "Woźniak", "", .man, "PL"),
        ("Mariusz", "Kozłowski", "", .man, "PL"), ("Zbigniew", "Mazur", "", .man, "PL"), ("Ionuț", "Constantinescu", "", .man, "RO"),
        ("Mihai", "Dumitrescu", "", .man, "RO"), ("Gheorghe", "Stănescu", "", .man, "RO"), ("Ioana", "Țurcanu", "", .woman, "RO"),
        ("Vasile", "Munteanu", "", .man, "RO"), ("Ştefan", "Ionescu", "", .man, "RO"), ("László", "Szabó", "Laci", .man, "HU"),
        ("Zoltán", "Horváth", "", .man, "HU"), ("Erzsébet", "Tóth", "", .woman, "HU"), ("Георги", "Димитров", "", .man, "BG"),
        ("Стоян", "Иванов", "", .man, "BG"), ("Мария", "Георгиева", "", .woman, "BG"), ("Jonas", "Kazlauskas", "", .man, "LT"),
        ("Andris", "Bērziņš", "", .man, "LV"), ("Jānis", "Ozoliņš", "", .man, "LV"), ("Tõnu", "Tamm", "", .man, "EE"),
        ("Ján", "Horváth", "", .man, "SK"), ("Peter", "Kováč", "", .man, "SK"), ("José", "García López", "", .man, "ES"),
        ("João", "Conceição", "", .man, "PT"), ("Jan", "de Vries", "", .man, "NL"), ("Kees", "van den Berg", "", .man, "NL"),
        ("Dariusz", "Wójcik", "", .man, "PL"), ("Lukasz", "Wojcik", "", .man, "PL"), ("Bogdan", "Rusu", "", .man, "RO"),
        ("Sándor", "Nagy", "", .man, "HU"), ("Wojciech", "Krawczyk", "", .man, "PL"), ("Ewa", "Jabłońska", "", .woman, "PL"),
        ("Nicolae", "Ciobanu", "", .man, "RO"), ("Ferenc", "Varga", "", .man, "HU"), ("Димитър", "Николов", "Mitko", .man, "BG"),
        ("Rafał", "Pawłowski", "", .man, "PL"), ("Cristian", "Dinu", "", .man, "RO"), ("Marius", "Lungu", "", .man, "RO"),
    ]

    /// People (by index in `people`) who refuse consent: only the minimum is stored.
    static let refusesConsent: Set<Int> = [29, 44]

    static func language(of nationality: String) -> String {
        ["PL": "pl", "RO": "ro", "HU": "hu", "BG": "bg", "LT": "lt", "LV": "lv", "EE": "et", "SK": "sk", "ES": "es", "PT": "pt", "NL": "nl"][nationality] ?? "en"
    }

    /// Plausible details with consent: languages, an ID document for most, insurance lost with
    /// the job for many, situation before tonight, disclosed problems and vulnerability flags.
    static func details(for i: Int, person p: (String, String, String, Gender, String), rng: inout SeededRandom, registered: Day) -> ClientDetails {
        var d = ClientDetails()
        let own = language(of: p.4)
        d.languages = own == "en" ? ["en"] : (rng.next() % 3 == 0 ? [own, "en"] : [own])
        d.consent = Consent(status: .given, purposeExplained: true, language: own, date: registered, written: rng.next() % 4 == 0)
        if rng.next() % 5 != 0 {
            let kind: IDDocument.Kind = rng.next() % 3 == 0 ? .passport : .idCard
            let letters = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
            let prefix = String([letters[Int(rng.next() % UInt64(letters.count))], letters[Int(rng.next() % UInt64(letters.count))]])
            d.idDocument = IDDocument(kind: kind, number: "\(prefix)\(100000 + rng.next() % 900000)", seen: rng.next() % 4 != 0)
        }
        d.ethos = [1, 1, 1, 2, 5, 6][Int(rng.next() % 6)]
        d.insurance = [.lostWithJob, .lostWithJob, .never, .unknown, .insured][Int(rng.next() % 5)]
        if rng.next() % 2 == 0 {
            d.lastEmployer = ["Uitzendbureau Flex", "Tuinbouw Westland BV", "Distributiecentrum Tilburg", "Vleesverwerking Oss"][Int(rng.next() % 4)]
            d.employmentEnded = registered.adding(days: -(10 + Int(rng.next() % 200)))
        }
        switch rng.next() % 6 {
        case 0: d.problems = [.alcohol]
        case 1: d.problems = [.alcohol, .physical]
        case 2: d.problems = [.noneDisclosed]
        case 3: d.problems = [.psychiatric]
        default: d.problems = []
        }
        if p.1 == "Nowak" { d.vulnerabilities = [.confused, .medical]; d.problems = [.memory, .alcohol] }
        if p.3 == .woman, rng.next() % 2 == 0 { d.vulnerabilities.insert(.womanAtRisk) }
        return d
    }

    public static func write(path: String, seed: UInt64, today: Day, rules: ChecklistRuleSet?) throws(StoreError) -> Summary {
        let clock = Clock()
        func at(_ night: Day, hour: Int, minute: Int = 0) -> Timestamp {
            // Local evening time of that date, converted to UTC with Amsterdam's offset.
            let local = Timestamp(utcDay: night, seconds: hour * 3600 + minute * 60)
            let offset = AmsterdamTime.utcOffsetSeconds(at: Timestamp(milliseconds: local.milliseconds - 3_600_000))
            return Timestamp(milliseconds: local.milliseconds - Int64(offset) * 1000)
        }
        let start = today.adding(days: -34)
        clock.now = at(start.adding(days: -3), hour: 14)
        let store: EventStore
        do {
            store = try EventStore.create(path: path, isDemo: true, label: "Onderdak demo (seed \(seed))",
                                          installationID: (0..<16).map { UInt8(truncatingIfNeeded: seed &* 31 &+ UInt64($0)) },
                                          clock: { clock.now })
        } catch { throw .journal(error) }
        var rng = SeededRandom(seed: seed)

        // Setup by the system: shelter, staff, inventory.
        try store.execute(.configureShelter(name: "Nachtopvang De Haven", municipality: "Utrecht"), actor: systemActor)
        try store.execute(.addStaff(username: supervisorUser, displayName: "Ineke de Vries", role: .supervisor, credential: nil), actor: systemActor)
        let sup = store.state.staffByUsername[supervisorUser]!
        try store.execute(.addStaff(username: coordinatorUser, displayName: "Samira El Amrani", role: .coordinator, credential: nil), actor: sup)
        try store.execute(.addStaff(username: deskUser, displayName: "Joost Bakker", role: .desk, credential: nil), actor: sup)
        let desk = store.state.staffByUsername[deskUser]!
        let coord = store.state.staffByUsername[coordinatorUser]!

        let layout: [(String, [(String, String, Int, BedAttributes)])] = [
            ("Centrum", [("Zaal A", "A", 10, []), ("Zaal B", "B", 8, []), ("Vrouwenkamer", "V", 4, [.womenOnly]),
                         ("Medisch", "M", 2, [.accessible, .medical, .twentyFourHour]), ("Kouderegeling", "K", 4, [.coldWeather])]),
            ("Oost", [("Slaapzaal", "S", 10, []), ("Kamer 2", "K", 6, [.accessible])]),
        ]
        for (name, rooms) in layout {
            try store.execute(.addLocation(name: name, municipality: "Utrecht", policy: StayPolicy(maxNights: 28, windowDays: 90)), actor: sup)
            let loc = store.state.nextLocationID - 1
            for (roomName, prefix, count, attrs) in rooms {
                try store.execute(.addRoom(location: loc, name: roomName), actor: sup)
                let room = store.state.nextRoomID - 1
                for i in 1...count { try store.execute(.addBed(room: room, label: "\(prefix)\(i)", attributes: attrs), actor: sup) }
            }
        }

        // Clients register over the first nights.
        var regulars: [ClientID] = []
        for (i, p) in people.enumerated() {
            clock.now = at(start.adding(days: i % 5), hour: 19, minute: i % 60)
            var c = Client(id: 0, givenNames: p.0, familyNames: p.1, alias: p.2, gender: p.3, nationality: p.4)
            let year = 1962 + Int(rng.next() % 42)
            let birth: BirthDate = rng.next() % 5 == 0 ? .estimatedYear(year) : .exact(Day(year: year, month: 1 + Int(rng.next() % 12), day: 1 + Int(rng.next() % 28))!)
            let arrived = today.adding(days: -(60 + Int(rng.next() % 900)))
            if refusesConsent.contains(i) {
                // Refused: only the minimum (names, nationality, gender) is kept.
                c.details.consent = Consent(status: .refused, purposeExplained: true, language: language(of: p.4), date: AmsterdamTime.local(clock.now).day)
            } else {
                c.birth = birth
                c.arrivedNL = arrived
                c.details = details(for: i, person: p, rng: &rng, registered: AmsterdamTime.local(clock.now).day)
            }
            try store.execute(.registerClient(c), actor: desk)
            regulars.append(store.state.nextClientID - 1)
        }

        // Nights: each client comes with their own probability; the desk gives the first fitting bed.
        let attendance = regulars.map { id in id == 5 ? 0.97 : 0.35 + Double(rng.next() % 60) / 100 }
        var requested = Set<ClientID>()
        for n in 0...34 {
            let night = start.adding(days: n)
            for (k, client) in regulars.enumerated() where Double(rng.next() % 1000) / 1000 < attendance[k] {
                clock.now = at(night, hour: 19, minute: k)
                let gender = store.state.clients[client]!.gender
                let free = store.state.bedOrder.first { b in
                    let bed = store.state.beds[b]!
                    if store.state.nights[night]?.byBed[b] != nil || bed.attributes.contains(.coldWeather) { return false }
                    return bed.attributes.contains(.womenOnly) ? gender == .woman : true
                }
                guard let bed = free else { continue }
                do {
                    try store.execute(.assignBed(night: night, bed: bed, client: client), actor: desk)
                } catch .refused(.stayLimitReached) {
                    guard !requested.contains(client) else { continue }
                    requested.insert(client)
                    let loc = store.state.beds[bed]!.locationID
                    try store.execute(.requestExtension(client: client, location: loc, reason: client == 5 ? .vulnerable : .workStarting,
                                                        note: client == 5 ? "verward, vindt zijn bed 's nachts niet" : "begint volgende week bij een uitzendbureau",
                                                        until: night.adding(days: 14)), actor: desk)
                    guard client % 2 == 1, client != 5 else { continue }  // Marek's request stays pending for the supervisor
                    clock.now = at(night, hour: 19, minute: 30)
                    try store.execute(.decideExtension(request: store.state.nextRequestID - 1, approve: true, until: nil, note: ""), actor: sup)
                    try store.execute(.assignBed(night: night, bed: bed, client: client), actor: desk)
                }
                if night < today {
                    clock.now = at(night, hour: 20, minute: k)
                    if rng.next() % 12 == 0 {
                        clock.now = at(night, hour: 23, minute: 5)
                        try store.execute(.releaseReservation(night: night, client: client, noShow: true), actor: desk)
                    } else {
                        try store.execute(.checkIn(night: night, client: client), actor: desk)
                    }
                }
            }
        }

        // Checklist assessments for a few clients.
        if let rules {
            let cases: [(ClientID, (inout ChecklistAnswers) -> Void)] = [
                (1, { $0.workHistoryMonths = 14; $0.lastWorkEnd = today.adding(days: -50); $0.unemploymentInvoluntary = true }),
                (2, { $0.workingNow = true; $0.hoursPerWeek = 24; $0.evidence = ["id", "payslips"] }),
                (3, { _ in }),
                (4, { $0.registeredJobseekerUWV = true }),
            ]
            for (client, fill) in cases {
                clock.now = at(today, hour: 18, minute: Int(client))
                guard let c = store.state.clients[client], let arrived = c.arrivedNL else { continue }
                var a = ChecklistAnswers(assessmentDate: today, nationality: c.nationality, arrivedNL: arrived)
                fill(&a)
                try store.execute(.recordAssessment(client: client, answers: a, result: ChecklistEngine.evaluate(a, rules: rules)), actor: client == 3 ? coord : desk)
            }
        }
        return Summary(events: Int(store.state.lastSequence), clients: store.state.clients.count, beds: store.state.beds.count)
    }
}
