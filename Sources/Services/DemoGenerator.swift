import Journal
import ShelterDomain

/// Writes a deterministic demo journal (marked as demo in its header): staff for every role,
/// two locations with rooms and beds, clients from the countries the shelters serve (with
/// diacritics and Cyrillic), five weeks of nights with check-ins, no-shows, stay limits,
/// extension requests and checklist assessments, exits in every outflow category (the absence
/// policy closing stays automatically each evening, one closure corrected, one supervisor's
/// override). The same seed and `today` give the same journal.
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
        // Later arrivals.
        ("Adrian", "Moldovan", "", .man, "RO"), ("Florin", "Șerban", "", .man, "RO"), ("Elena", "Popa", "", .woman, "RO"),
        ("Sebastian", "Król", "Seba", .man, "PL"), ("Jakub", "Wróbel", "", .man, "PL"), ("Małgorzata", "Kaczmarek", "Gosia", .woman, "PL"),
        ("Тодор", "Костадинов", "", .man, "BG"), ("Ивайло", "Стоянов", "", .man, "BG"), ("Gábor", "Fekete", "", .man, "HU"),
        ("István", "Kiss", "Pista", .man, "HU"), ("Mindaugas", "Petrauskas", "", .man, "LT"), ("Raimonds", "Kalniņš", "", .man, "LV"),
        ("Aivar", "Kask", "", .man, "EE"), ("Miguel", "Fernández", "", .man, "ES"), ("Rui", "Gonçalves", "", .man, "PT"),
        ("Martin", "Novák", "", .man, "CZ"), ("Marek", "Horák", "", .man, "SK"), ("Henk", "Jansen", "", .man, "NL"),
        ("Ștefan", "Popescu", "Fane", .man, "RO"), ("Dorin", "Ungureanu", "", .man, "RO"), ("Zbigniew", "Mazur", "Zbyszek", .man, "PL"),
        ("Violeta", "Marinova", "", .woman, "BG"), ("Tamás", "Balogh", "", .man, "HU"), ("Paulo", "Ferreira", "", .man, "PT"),
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

    /// Return plans in every status for clients 30–36, and IND decisions (one deadline close).
    static func returnSteps(_ store: EventStore, night: Day, today: Day, coord: StaffID, left: inout Set<ClientID>, cohort: inout [ClientID],
                            clock: Clock, at: (Day, Int, Int) -> Timestamp) throws(StoreError) {
        let offset = Int(night.ordinal - today.ordinal)
        if offset == -25 {
            // Seven people from abroad with an open stay: one plan in each status.
            cohort = store.state.files.clients.values.filter { c in
                c.id >= 8 && c.id != 22 && !c.nationality.isEmpty && c.nationality != "NL" && hadStay(store.state, c.id) && !left.contains(c.id)
                    && c.details.consent.status == .given
            }.map(\.id).sorted().prefix(7).map { $0 }
        }
        guard cohort.count == 7 else { return }
        let (c30, c33, c34, c35, c36) = (cohort[0], cohort[3], cohort[4], cohort[5], cohort[6])
        func plan(_ c: ClientID) -> ReturnPlanID? { store.state.activeReturnPlan(of: c)?.id ?? store.state.latestReturnPlan(of: c)?.id }
        func move(_ c: ClientID, _ to: ReturnStatus, note: String = "") throws(StoreError) {
            guard let id = plan(c) else { return }
            try store.execute(.moveReturnPlan(plan: id, to: to, note: note), actor: coord)
        }
        func update(_ c: ClientID, _ change: (inout ReturnPlan) -> Void) throws(StoreError) {
            guard let id = plan(c), var p = store.state.returns.returnPlans[id] else { return }
            change(&p)
            try store.execute(.updateReturnPlan(p), actor: coord)
        }
        clock.now = at(night, 11, 0)
        switch offset {
        case -25:
            for c in cohort {
                guard let client = store.state.files.clients[c], hadStay(store.state, c) else { continue }
                var p = ReturnPlan(id: 0, clientID: c, country: client.nationality.isEmpty ? "PL" : client.nationality)
                p.city = ["PL": "Gdańsk", "RO": "Iași", "HU": "Miskolc", "BG": "Sliven", "LT": "Kaunas", "LV": "Rēzekne", "EE": "Narva",
                          "SK": "Košice", "ES": "Sevilla", "PT": "Porto", "NL": "Utrecht"][p.country] ?? ""
                p.partner = c % 2 == 0 ? "Stichting Barka" : "IOM Nederland"
                p.contactPerson = "Samira El Amrani"
                p.consentDate = night; p.consentLanguage = language(of: p.country); p.interpreter = c % 3 == 0
                try store.execute(.openReturnPlan(p), actor: coord)
            }
            try store.execute(.recordIndDecision(IndDecision(clientID: c33, decisionDate: night.adding(days: -4), notificationDate: night.adding(days: -2),
                                                             deadline: nil)), actor: coord)
        case -20:
            for c in cohort.dropFirst() { try move(c, .planned) }
            try store.execute(.recordIndDecision(IndDecision(clientID: c30, decisionDate: night, notificationDate: night, deadline: today.adding(days: 20))), actor: coord)
        case -15:
            for c in cohort.dropFirst(2) { try update(c) { $0.hasValidID = true } ; try move(c, .documentsReady) }
        case -12:
            try move(c36, .cancelled, note: "wil toch blijven: werk gevonden bij een uitzendbureau")
        case -10:
            for (c, days) in [(c33, 4), (c34, -5), (c35, -8)] {
                try update(c) {
                    $0.travelMode = c == c35 ? .carWithPartner : .bus; $0.travelDate = today.adding(days: days); $0.ticket = .paid; $0.paidBy = "gemeente Utrecht"
                    $0.departurePoint = "Utrecht Centraal (Jaarbeurszijde)"
                    if c != c33 {
                        $0.receivingOrganisation = "Barka"; $0.receivingPerson = "Anna Kowalska"; $0.receivingContact = "+48 58 000 00 00"
                        $0.arranged = [.housing, .addictionCare]
                    }
                    if c == c35 { $0.medicalEscort = true; $0.receivingCare = "Szpital Wojewódzki" }
                }
                try move(c, .booked)
            }
        case -8:
            try move(c35, .departed); left.insert(c35)
        case -6:
            try move(c35, .arrivalConfirmed, note: "Barka belde: goed aangekomen")
        case -5:
            try move(c34, .departed); left.insert(c34)
        default: break
        }
    }

    public static func write(path: String, seed: UInt64, today: Day, rules: ChecklistRuleSet?) throws(StoreError) -> Summary {
        try write(seed: seed, today: today, rules: rules) { (header, clock) throws(StoreError) -> EventStore in
            do throws(JournalError) {
                return try EventStore.create(path: path, isDemo: header.isDemo, label: header.label, installationID: header.installationID, clock: clock)
            } catch { throw .journal(error) }
        }
    }

    /// Writes the demo into the store `create` makes from the journal's header and the
    /// generator's clock: a journal file (`write(path:…)`), or records kept in memory (the
    /// desk's screen tests).
    public static func write(seed: UInt64, today: Day, rules: ChecklistRuleSet?,
                             into create: (JournalHeader, @escaping () -> Timestamp) throws(StoreError) -> EventStore) throws(StoreError) -> Summary {
        let clock = Clock()
        func at(_ night: Day, hour: Int, minute: Int = 0) -> Timestamp {
            // Local evening time of that date, converted to UTC with Amsterdam's offset.
            let local = Timestamp(utcDay: night, seconds: hour * 3600 + minute * 60)
            let offset = AmsterdamTime.utcOffsetSeconds(at: Timestamp(milliseconds: local.milliseconds - 3_600_000))
            return Timestamp(milliseconds: local.milliseconds - Int64(offset) * 1000)
        }
        let nightsBack = 119
        let start = today.adding(days: -nightsBack)
        clock.now = at(start.adding(days: -3), hour: 14)
        let store = try create(JournalHeader(created: clock.now, installationID: (0..<16).map { UInt8(truncatingIfNeeded: seed &* 31 &+ UInt64($0)) },
                                             isDemo: true, label: "Onderdak demo (seed \(seed))"), { clock.now })
        func populate() throws(StoreError) -> Summary {
            var rng = SeededRandom(seed: seed)

            // Setup by the system: shelter, staff, inventory.
            try store.execute(.configureShelter(name: "Nachtopvang De Haven", municipality: "Utrecht"), actor: systemActor)
            try store.execute(.addStaff(username: supervisorUser, displayName: "Ineke de Vries", role: .supervisor, credential: nil), actor: systemActor)
            let sup = store.state.roster.staffByUsername[supervisorUser]!
            try store.execute(.addStaff(username: coordinatorUser, displayName: "Samira El Amrani", role: .coordinator, credential: nil), actor: sup)
            try store.execute(.addStaff(username: deskUser, displayName: "Joost Bakker", role: .desk, credential: nil), actor: sup)
            let desk = store.state.roster.staffByUsername[deskUser]!
            let coord = store.state.roster.staffByUsername[coordinatorUser]!

            let layout: [(String, StayPolicy, [(String, String, Int, BedAttributes)])] = [
                ("Centrum", StayPolicy(maxNights: 28, windowDays: 90),
                 [("Zaal A", "A", 10, []), ("Zaal B", "B", 8, []), ("Vrouwenkamer", "V", 4, [.womenOnly]),
                  ("Medisch", "M", 2, [.accessible, .medical, .twentyFourHour]), ("Kouderegeling", "K", 4, [.coldWeather])]),
                ("Oost", StayPolicy(maxNights: 28, windowDays: 90, checkInCutoffMinutes: 22 * 60 + 30),
                 [("Slaapzaal", "S", 10, []), ("Kamer 2", "O", 6, [.accessible])]),
                ("Zuid (noodopvang)", StayPolicy(maxNights: nil, windowDays: 90),
                 [("Zaal Z", "Z", 10, [.emergency]), ("Noodbedden", "N", 6, [.emergency, .coldWeather])]),
            ]
            for (name, policy, rooms) in layout {
                try store.execute(.addLocation(name: name, municipality: "Utrecht", policy: policy), actor: sup)
                let loc = store.state.nextLocationID - 1
                for (roomName, prefix, count, attrs) in rooms {
                    try store.execute(.addRoom(location: loc, name: roomName), actor: sup)
                    let room = store.state.nextRoomID - 1
                    for i in 1...count { try store.execute(.addBed(room: room, label: "\(prefix)\(i)", attributes: attrs), actor: sup) }
                }
            }
            let zuid = store.state.inventory.locations.values.first { $0.name.hasPrefix("Zuid") }!.id

            // People arrive over the months: the first 48 in the first weeks, the rest later.
            var arrival: [ClientID: Day] = [:]
            var ids: [ClientID] = []
            for i in people.indices {
                let first = i < 48 ? start.adding(days: i / 3) : start.adding(days: 40 + (i - 48) * 3)
                arrival[Int32(i + 1)] = first
                ids.append(Int32(i + 1))
            }
            var registered = Set<ClientID>()
            func register(_ i: Int, on night: Day) throws(StoreError) {
                let p = people[i]
                clock.now = at(night, hour: 19, minute: i % 50)
                var c = Client(id: 0, givenNames: p.0, familyNames: p.1, alias: p.2, gender: p.3, nationality: p.4)
                let year = 1962 + Int(rng.next() % 42)
                let birth: BirthDate = rng.next() % 5 == 0 ? .estimatedYear(year) : .exact(Day(year: year, month: 1 + Int(rng.next() % 12), day: 1 + Int(rng.next() % 28))!)
                let arrived = today.adding(days: -(130 + Int(rng.next() % 900)))
                if refusesConsent.contains(i) {
                    c.details.consent = Consent(status: .refused, purposeExplained: true, language: language(of: p.4), date: AmsterdamTime.local(clock.now).day)
                } else {
                    c.birth = birth
                    c.arrivedNL = arrived
                    c.details = details(for: i, person: p, rng: &rng, registered: AmsterdamTime.local(clock.now).day)
                }
                try store.execute(.registerClient(c), actor: desk)
                registered.insert(Int32(i + 1))
            }

            // Who comes how often, and who leaves for good after a while (with where to).
            let marek: ClientID = 5
            let attendance: [ClientID: Double] = Dictionary(uniqueKeysWithValues: ids.map { id in
                (id, id == marek ? 0.97 : 0.35 + Double(rng.next() % 60) / 100)
            })
            var leaves: [ClientID: (Day, Outflow)] = [:]
            for id in ids where id > 8 && rng.next() % 4 == 0 {
                leaves[id] = (arrival[id]!.adding(days: 20 + Int(rng.next() % 60)), .unknown)
                _ = rng.next()  // drawn as before, so the rest of the demo stays the same
            }
            // Every category shows up: people who leave for good take them in turn (those "left
            // without notice" just stop coming and are closed by the absence policy); the rest go
            // to people who end a stay and come back later (hospital, detention, another shelter…).
            let leavers = leaves.filter { $0.value.0 < today }.sorted { ($0.value.0, $0.key) < ($1.value.0, $1.key) }.map(\.key)
            for (k, id) in leavers.enumerated() { leaves[id]!.1 = demoExits[k % demoExits.count] }
            var roundTrips = Array(demoExits.dropFirst(leavers.count)) + [.hospitalOrClinic, .unknown, .detention, .streetLimitReached]
            var left = Set<ClientID>()
            var cohort: [ClientID] = []
            var requested = Set<ClientID>()
            let coldFrom = today.adding(days: -12), coldUntil = today.adding(days: -8)
            let medical: Set<ClientID> = [5, 16]

            for n in 0...nightsBack {
                let night = start.adding(days: n)
                if night == coldFrom {
                    clock.now = at(night, hour: 15)
                    try store.execute(.startColdWeather(from: coldFrom, until: coldUntil, note: "KNMI: -7°C, kouderegeling gemeente Utrecht"), actor: sup)
                }
                // Newcomers register on their first evening.
                for (k, id) in ids.enumerated() where arrival[id] == night && !registered.contains(id) { try register(k, on: night) }
                try returnSteps(store, night: night, today: today, coord: coord, left: &left, cohort: &cohort, clock: clock, at: at)
                // The desk's first login of the evening closes stays of people absent too long.
                clock.now = at(night, hour: 18, minute: 55)
                try closeAbsent(store, night: night, desk: desk)
                if n >= 30, n % 4 == 0, !roundTrips.isEmpty,
                   try roundTrip(store, outflow: roundTrips[0], night: night, sup: sup, coord: coord, excluded: [marek], clock: clock, at: at) {
                    roundTrips.removeFirst()
                }
                let cold = store.state.isColdWeather(night)
                var turnedAway = 0
                for id in ids where registered.contains(id) && !left.contains(id) {
                    if let (day, outflow) = leaves[id], night >= day {
                        clock.now = at(night, hour: 10)
                        if store.state.files.clients[id]?.stayStart != nil, outflow != .leftWithoutNotice {
                            try endStay(store, id, night: night.adding(days: -1), outflow: outflow, coord: coord, rules: rules, clock: clock)
                        }
                        left.insert(id)
                        continue
                    }
                    // The cold brings everyone in.
                    // Tonight it is only 20:00: a good part has not come yet.
                    let likely = cold ? 0.98 : attendance[id]! * (night == today ? 0.7 : 1)
                    guard Double(rng.next() % 1000) / 1000 < likely else { continue }
                    clock.now = at(night, hour: 19, minute: Int(id) % 60)
                    let c = store.state.files.clients[id]!
                    if store.state.bed(of: id, on: night) != nil { continue }
                    // The medical room for people flagged medical (with an approved 24-hour placement), else the first fitting bed.
                    let free = store.state.inventory.bedOrder.first { b in
                        let bed = store.state.inventory.beds[b]!
                        if store.state.ledger.nights[night]?.byBed[b] != nil || store.state.outOfService(b, on: night) != nil { return false }
                        if bed.attributes.contains(.coldWeather), !cold { return false }
                        if bed.attributes.contains(.twentyFourHour) { return medical.contains(id) && store.state.approvedTwentyFourHour(client: id, location: bed.locationID, covering: night) }
                        if bed.attributes.contains(.emergency), !cold, bed.locationID == zuid, rng.next() % 3 != 0 { return false }
                        return bed.attributes.contains(.womenOnly) ? c.gender == .woman : true
                    }
                    guard let bed = free else {
                        // No bed: on the waiting list; after the cut-off turned away (and counted).
                        try store.execute(.addToWaitlist(night: night, client: id, note: ""), actor: desk)
                        if night < today, let w = store.state.waiting(on: night).last(where: { $0.clientID == id }) {
                            clock.now = at(night, hour: 23, minute: 10)
                            try store.execute(.closeWaitlist(entry: w.id, outcome: .turnedAway), actor: desk)
                            turnedAway += 1
                        }
                        continue
                    }
                    do {
                        try store.execute(.assignBed(night: night, bed: bed, client: id), actor: desk)
                    } catch .refused(.stayLimitReached) {
                        guard !requested.contains(id) else { continue }
                        requested.insert(id)
                        let loc = store.state.inventory.beds[bed]!.locationID
                        try store.execute(.requestExtension(client: id, location: loc, reason: id == marek ? .vulnerable : .workStarting,
                                                            note: id == marek ? "verward, vindt zijn bed 's nachts niet" : "begint volgende week bij een uitzendbureau",
                                                            until: night.adding(days: 14)), actor: desk)
                        // Marek's request and the most recent ones stay pending for the supervisor.
                        guard id != marek, night < today.adding(days: -5) else { continue }
                        clock.now = at(night, hour: 19, minute: 30)
                        let approve = id % 3 != 0
                        try store.execute(.decideExtension(request: store.state.nextRequestID - 1, approve: approve, until: approve ? night.adding(days: 10) : nil,
                                                           note: approve ? "akkoord, werk is bevestigd" : "geen zicht op werk; terugkeer bespreken"), actor: sup)
                        if approve { try store.execute(.assignBed(night: night, bed: bed, client: id), actor: desk) }
                    }
                }
                _ = turnedAway
                guard night < today else {
                    // Tonight is under way: about half have arrived.
                    for (b, bn) in (store.state.ledger.nights[night]?.byBed ?? [:]).sorted(by: { $0.key < $1.key }) where bn.status == .reserved && b % 2 == 0 {
                        clock.now = at(night, hour: 19, minute: 30 + Int(b) % 25)
                        try store.execute(.checkIn(night: night, client: bn.clientID), actor: desk)
                    }
                    continue
                }
                // The evening: most arrive; after the cut-off the rest are released as no-shows.
                for (b, bn) in (store.state.ledger.nights[night]?.byBed ?? [:]).sorted(by: { $0.key < $1.key }) where bn.status == .reserved {
                    let marekStaysAway = bn.clientID == marek && night == today.adding(days: -1)
                    if rng.next() % 12 != 0, !marekStaysAway {
                        clock.now = at(night, hour: 20, minute: Int(b) % 60)
                        try store.execute(.checkIn(night: night, client: bn.clientID), actor: desk)
                    }
                }
                clock.now = at(night, hour: 23, minute: 5)
                if store.state.ledger.nights[night]?.byBed.values.contains(where: { $0.status == .reserved }) == true {
                    try store.execute(.releaseNoShows(night: night), actor: desk)
                }
                // The morning: everyone leaves by 9; now and then someone left during the night.
                for (_, bn) in (store.state.ledger.nights[night]?.byBed ?? [:]).sorted(by: { $0.key < $1.key }) where bn.status == .checkedIn {
                    clock.now = at(night.adding(days: 1), hour: 8, minute: Int(bn.clientID) % 50)
                    try store.execute(.checkOut(night: night, client: bn.clientID, duringNight: rng.next() % 40 == 0), actor: desk)
                }
                // Two medical people get a 24-hour placement approved once they are known.
                for id in medical where registered.contains(id) && !store.state.requests.extensions.values.contains(where: { $0.clientID == id && $0.reason == .twentyFourHourBed }) {
                    clock.now = at(night.adding(days: 1), hour: 10)
                    try store.execute(.requestExtension(client: id, location: 1, reason: .twentyFourHourBed, note: "na ziekenhuisopname, rust nodig",
                                                        until: today.adding(days: 7)), actor: coord)
                    try store.execute(.decideExtension(request: store.state.nextRequestID - 1, approve: true, until: nil, note: ""), actor: sup)
                }
            }

            // Tonight's loose ends: a bed out of service, a ban, Marek's alert, a few notes.
            clock.now = at(today, hour: 19, minute: 58)
            if let z10 = store.state.inventory.bedOrder.first(where: { store.state.inventory.beds[$0]?.label == "Z10" }), store.state.ledger.nights[today]?.byBed[z10] == nil {
                try store.execute(.setBedOutOfService(bed: z10, from: today, until: today.adding(days: 4), reason: "kapot frame, wacht op reparatie"), actor: sup)
            }
            if let banned = ids.first(where: { $0 > 20 && registered.contains($0) && !left.contains($0) && store.state.bed(of: $0, on: today) == nil }) {
                try store.execute(.imposeBan(client: banned, from: today, until: today.adding(days: 6), reason: "agressie tegen medewerker (incident gisteravond)"), actor: sup)
            }
            try store.execute(.raiseAlert(client: marek, reason: "gisteren niet gekomen; verward, diabetes", contact: "Samira (coördinator) 06-12345678"), actor: coord)
            try store.execute(.addNote(client: marek, category: .medical, text: "Diabetes type 2; insuline in de koelkast van het kantoor"), actor: coord)
            try store.execute(.addNote(client: 1, category: .contact, text: "Zus in Gdańsk, belt op zondag"), actor: desk)
            try store.execute(.addNote(client: 7, category: .incident, text: "Ruzie in Zaal A, gesprek gehad, afspraken gemaakt"), actor: desk)

            // The first automatic closure turns out to have a known destination.
            clock.now = at(today, hour: 19, minute: 59)
            if let (client, night) = store.state.files.history.all.lazy.compactMap({ c, items -> (ClientID, Day)? in
                for h in items { if case let .absenceClosure(n, _) = h.kind { return (c, n) } }
                return nil
            }).first {
                try store.execute(.correctOutflow(client: client, night: night, outflow: .transferOtherMunicipality,
                                                  note: "belde vanuit Amsterdam: slaapt daar in de nachtopvang"), actor: coord)
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
                    guard let c = store.state.files.clients[client], let arrived = c.arrivedNL else { continue }
                    var a = ChecklistAnswers(assessmentDate: today, nationality: c.nationality, arrivedNL: arrived)
                    fill(&a)
                    try store.execute(.recordAssessment(client: client, answers: a, result: ChecklistEngine.evaluate(a, rules: rules)), actor: client == 3 ? coord : desk)
                }
            }
            try careRecords(store, today: today, desk: desk, coord: coord, sup: sup, clock: clock, at: { at($0, hour: $1, minute: $2) })
            return Summary(events: Int(store.state.lastSequence), clients: store.state.files.clients.count, beds: store.state.inventory.beds.count)
        }
        // One transaction on PostgreSQL (one round trip per command took ~45 s); a file appends as usual.
        return try store.batch { () throws(StoreError) -> Summary in try populate() }
    }
}
