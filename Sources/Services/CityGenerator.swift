import Journal
import ShelterDomain

/// `onderdak demo --scale city`: ten years of a 400-bed city in six locations — about 100,000
/// clients with realistic names (diacritics, Cyrillic, aliases, near-duplicates), nightly
/// assignments, check-ins and check-outs, no-shows, waiting lists and people turned away,
/// checklists, extension requests and decisions, return plans, exits, and a cold spell every
/// winter; well over a million events. Every command goes through `Decider.decide` on the
/// in-memory state (the rules hold), but records are appended in batches of one night with one
/// fsync each, so generation takes seconds, not hours. Deterministic for a seed and `today`.
public enum CityGenerator {
    static let given = ["Łukasz", "Paweł", "Krzysztof", "Tomasz", "Marek", "Piotr", "Agnieszka", "Małgorzata", "Ștefan", "Ionuț", "Mihai",
                        "Gheorghe", "Ioana", "Elena", "Vasile", "Florin", "Győző", "László", "Zoltán", "Erzsébet", "István", "Gábor",
                        "Иван", "Георги", "Стоян", "Мария", "Димитър", "Тодор", "Jonas", "Mindaugas", "Andris", "Jānis", "Tõnu",
                        "José", "João", "Miguel", "Rui", "Jan", "Kees", "Martin", "Ján", "Peter", "Dariusz", "Wojciech", "Rafał"]
    static let family = ["Wójcik", "Nowak", "Kowalski", "Wiśniewski", "Dąbrowski", "Lewandowski", "Kamiński", "Zieliński", "Szymański",
                         "Woźniak", "Kozłowski", "Jabłoński", "Popescu", "Ionescu", "Constantinescu", "Dumitrescu", "Stănescu", "Țurcanu",
                         "Munteanu", "Ciobanu", "Rusu", "Moldovan", "Kovács", "Szabó", "Horváth", "Tóth", "Nagy", "Varga", "Kiss", "Fekete",
                         "Петров", "Иванов", "Димитров", "Георгиев", "Николов", "Стоянов", "Костадинов", "Kazlauskas", "Petrauskas",
                         "Bērziņš", "Ozoliņš", "Kalniņš", "Tamm", "Kask", "García López", "Fernández", "Conceição", "Gonçalves",
                         "de Vries", "Jansen", "van den Berg", "Novák", "Horák", "Kováč"]
    static let nationalities = ["PL", "PL", "PL", "RO", "RO", "HU", "BG", "BG", "LT", "LV", "EE", "ES", "PT", "NL", "CZ", "SK"]

    /// Summary of what was written.
    public struct Summary: Sendable { public var events: Int; public var clients: Int; public var beds: Int; public var nights: Int }

    /// - Parameter rules: the equal-treatment checklist; with it, most people who consented get
    ///   an assessment at intake and some an IND decision (nil: none, for tests without rules).
    public static func write(path: String, seed: UInt64, today: Day, years: Int = 10, days: Int? = nil, rules: ChecklistRuleSet? = nil) throws -> Summary {
        var rng = SeededRandom(seed: seed)
        let start = today.adding(days: -(days ?? 365 * years))
        var now = AmsterdamTime.utc(local: start.adding(days: -1), seconds: 12 * 3600)
        let store = try EventStore.create(path: path, isDemo: true, label: "Onderdak city demo (seed \(seed))",
                                          installationID: (0..<16).map { UInt8(truncatingIfNeeded: seed &* 131 &+ UInt64($0)) }, clock: { now })
        var state = store.state
        var batch: [[UInt8]] = []
        var events = 0
        func run(_ c: Command, _ actor: StaffID) -> Bool {
            guard let es = try? Decider.decide(c, state: state, context: CommandContext(actor: actor, now: now)) else { return false }
            for e in es {
                let r = RecordedEvent(sequence: state.lastSequence + 1, timestamp: now, actor: actor, schemaVersion: EventCodec.currentVersion(of: e.tag), event: e)
                state.evolve(r)
                batch.append(store.encodeForAppend(r, state: state))
                events += 1
            }
            return true
        }
        func flush() throws {
            guard !batch.isEmpty else { return }
            _ = try store.journal.withExclusiveLock(visit: { _, _ in }) { try store.appendSealed(batch) }
            batch.removeAll(keepingCapacity: true)
        }
        func at(_ night: Day, _ hour: Int, _ minute: Int = 0) -> Timestamp { AmsterdamTime.utc(local: night, seconds: hour * 3600 + minute * 60) }

        _ = run(.configureShelter(name: "Opvang Stad (demo)", municipality: "Utrecht"), systemActor)
        _ = run(.addStaff(username: DemoGenerator.supervisorUser, displayName: "Ineke de Vries", role: .supervisor, credential: nil), systemActor)
        let sup: StaffID = 1
        _ = run(.addStaff(username: DemoGenerator.coordinatorUser, displayName: "Samira El Amrani", role: .coordinator, credential: nil), sup)
        _ = run(.addStaff(username: DemoGenerator.deskUser, displayName: "Joost Bakker", role: .desk, credential: nil), sup)
        let coord: StaffID = 2, desk: StaffID = 3
        // Six locations, 400 beds.
        let locations: [(String, Int, BedAttributes)] = [("Centrum", 100, []), ("Oost", 80, []), ("West", 70, []), ("Noord", 60, []),
                                                         ("Zuid (noodopvang)", 50, [.emergency]), ("Vrouwenhuis", 40, [.womenOnly])]
        for (name, beds, attrs) in locations {
            _ = run(.addLocation(name: name, municipality: "Utrecht", policy: StayPolicy(maxNights: name.hasPrefix("Zuid") ? nil : 28)), sup)
            let loc = state.nextLocationID - 1
            let rooms = beds / 10
            for r in 1...rooms {
                _ = run(.addRoom(location: loc, name: "Zaal \(r)"), sup)
                let room = state.nextRoomID - 1
                for b in 1...10 {
                    var a = attrs
                    if r == rooms, b > 6 { a.insert(.coldWeather) }
                    if r == 1, b <= 2 { a.insert(.accessible) }
                    _ = run(.addBed(room: room, label: "\(name.prefix(1))\(r)-\(b)", attributes: a), sup)
                }
            }
        }
        try flush()
        let bedIDs = state.inventory.bedOrder
        // Everyone present: client → (last night of the stint, attendance in 1/100).
        var present: [ClientID: (until: Day, attendance: UInt64)] = [:]
        var nights = 0
        var night = start
        while night <= today {
            nights += 1
            let c = night.components
            // Winter: a cold spell of ten nights in January.
            if c.month == 1, c.day == 10 {
                now = at(night, 14)
                _ = run(.startColdWeather(from: night, until: night.adding(days: 9), note: "vorst"), sup)
            }
            let cold = state.isColdWeather(night)
            // About 27 new people a night (≈ 100,000 in ten years); 4% a near-duplicate of someone earlier.
            let arrivals = 20 + Int(rng.next() % 15)
            for k in 0..<arrivals {
                now = at(night, 18, k % 60)
                var client: Client
                if rng.next() % 25 == 0, state.files.clients.count > 100, let earlier = state.files.clients[Int32(1 + Int(rng.next() % UInt64(state.files.clients.count)))] {
                    client = Client(id: 0, givenNames: NameNormalizer.fold(earlier.givenNames).capitalized, familyNames: NameNormalizer.fold(earlier.familyNames).capitalized,
                                    gender: earlier.gender, nationality: earlier.nationality)
                } else {
                    client = Client(id: 0, givenNames: given[Int(rng.next() % UInt64(given.count))], familyNames: family[Int(rng.next() % UInt64(family.count))],
                                    alias: rng.next() % 12 == 0 ? "Bolek" : "", gender: rng.next() % 9 == 0 ? .woman : .man,
                                    nationality: nationalities[Int(rng.next() % UInt64(nationalities.count))])
                }
                if rng.next() % 6 != 0 {
                    client.details.consent = Consent(status: .given, purposeExplained: true, language: "pl", date: night)
                    let y = 1955 + Int(rng.next() % 50)
                    client.birth = rng.next() % 4 == 0 ? .estimatedYear(y) : .exact(Day(year: y, month: 1 + Int(rng.next() % 12), day: 1 + Int(rng.next() % 28))!)
                    client.details.ethos = UInt8(1 + rng.next() % 6)
                    client.arrivedNL = night.adding(days: -(30 + Int(rng.next() % 2000)))
                }
                guard run(.registerClient(client), desk) else { continue }
                let id = state.nextClientID - 1
                // The checklist at intake for most who consented: working, a work history, a
                // jobseeker, or nothing that gives a right.
                if let rules, let arrived = client.arrivedNL, rng.next() % 5 < 3 {
                    var a = ChecklistAnswers(assessmentDate: night, nationality: client.nationality, arrivedNL: arrived)
                    switch rng.next() % 5 {
                    case 0:
                        a.workingNow = true; a.hoursPerWeek = Double(8 + rng.next() % 32); a.monthlyIncomeEUR = Double(600 + rng.next() % 1400)
                        if rng.next() % 3 != 0 { a.evidence = ["id", "payslips"] }
                    case 1:
                        a.workHistoryMonths = Int(3 + rng.next() % 30); a.lastWorkEnd = night.adding(days: -Int(rng.next() % 200))
                        a.unemploymentInvoluntary = rng.next() % 3 != 0; a.registeredJobseekerUWV = rng.next() % 2 == 0
                        if rng.next() % 2 == 0 { a.evidence = ["id", "dismissal", "uwv_registration", "contract"] }
                    case 2: a.registeredJobseekerUWV = true
                    default: break
                    }
                    _ = run(.recordAssessment(client: id, answers: a, result: ChecklistEngine.evaluate(a, rules: rules)), desk)
                    // Now and then the IND has decided that the right of residence ended.
                    if rng.next() % 150 == 0 {
                        let decided = night.adding(days: -Int(rng.next() % 20))
                        _ = run(.recordIndDecision(IndDecision(clientID: id, decisionDate: decided, notificationDate: min(night, decided.adding(days: Int(rng.next() % 3))),
                                                               deadline: rng.next() % 2 == 0 ? nil : decided.adding(days: 28))), coord)
                    }
                }
                present[id] = (night.adding(days: 3 + Int(rng.next() % 40)), 55 + rng.next() % 45)
            }
            // The evening: beds in order, the first fitting free bed.
            var free = bedIDs.filter { id in
                guard let b = state.inventory.beds[id] else { return false }
                return !b.attributes.contains(.coldWeather) || cold
            }
            var womenFree = free.filter { state.inventory.beds[$0]!.attributes.contains(.womenOnly) }
            free.removeAll { state.inventory.beds[$0]!.attributes.contains(.womenOnly) }
            var minute = 0
            for id in present.keys.sorted() {
                guard let p = present[id] else { continue }
                if night > p.until {
                    present[id] = nil
                    if state.files.clients[id]?.stayStart != nil {
                        now = at(night, 10)
                        let outflows: [Outflow] = [.workAndHousingNL, .returnToCountryOfOrigin, .regularWmoShelter, .otherFacility, .leftWithoutNotice, .leftWithoutNotice, .unknown]
                        _ = run(.endStay(client: id, night: night.adding(days: -1), outflow: outflows[Int(rng.next() % UInt64(outflows.count))]), coord)
                    }
                    continue
                }
                guard rng.next() % 100 < p.attendance else { continue }
                minute += 1
                now = at(night, 19, minute % 60)
                let woman = state.files.clients[id]?.gender == .woman
                guard let bed = (woman && !womenFree.isEmpty) ? womenFree.removeFirst() : (free.isEmpty ? nil : free.removeFirst()) else {
                    if run(.addToWaitlist(night: night, client: id, note: ""), desk) {
                        _ = run(.closeWaitlist(entry: state.nextWaitlistID - 1, outcome: .turnedAway), desk)
                    }
                    continue
                }
                if !run(.assignBed(night: night, bed: bed, client: id), desk) {
                    // The stay limit: a request, decided by the supervisor now and then.
                    if rng.next() % 4 == 0, let loc = state.inventory.beds[bed]?.locationID,
                       run(.requestExtension(client: id, location: loc, reason: .workStarting, note: "", until: night.adding(days: 14)), desk) {
                        _ = run(.decideExtension(request: state.nextRequestID - 1, approve: rng.next() % 3 != 0, until: nil, note: ""), sup)
                        if run(.assignBed(night: night, bed: bed, client: id), desk) { continue }
                    }
                    free.insert(bed, at: 0)
                    present[id] = (night, p.attendance)  // leaves after tonight
                    continue
                }
                if night < today, rng.next() % 14 != 0 { _ = run(.checkIn(night: night, client: id), desk) }
            }
            if night < today {
                now = at(night, 23, 5)
                _ = run(.releaseNoShows(night: night), desk)
            }
            // Now and then a return plan that ends in departure.
            if rng.next() % 3 == 0, let id = present.keys.min(), let c = state.files.clients[id], c.stayStart != nil, state.activeReturnPlan(of: id) == nil,
               c.nationality != "NL" {
                now = at(night, 11)
                var plan = ReturnPlan(id: 0, clientID: id, country: c.nationality.isEmpty ? "PL" : c.nationality)
                plan.consentDate = night; plan.hasValidID = true; plan.travelMode = .bus; plan.travelDate = night; plan.ticket = .paid
                plan.partner = "Stichting Barka"
                if run(.openReturnPlan(plan), coord), let pid = state.activeReturnPlan(of: id)?.id,
                   run(.moveReturnPlan(plan: pid, to: .booked, note: ""), coord), run(.moveReturnPlan(plan: pid, to: .departed, note: ""), coord) {
                    present[id] = nil
                }
            }
            try flush()
            night = night.adding(days: 1)
        }
        try flush()
        return Summary(events: events, clients: state.files.clients.count, beds: state.inventory.beds.count, nights: nights)
    }
}
