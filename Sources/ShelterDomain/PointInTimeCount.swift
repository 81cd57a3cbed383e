/// The point-in-time count of one night (as street counts and the GGD monitor do it): everyone
/// holding a bed that night, and everyone turned away that night without a bed elsewhere in
/// this shelter. Each person once (merged records count as the survivor; a person both turned
/// away and later given a bed counts in a bed). Pure: keys and suppression are the caller's.
public struct PointInTimeCount: Equatable, Sendable {
    public var night: Day
    /// Persons in client-id order, in bed first.
    public var persons: [CountedPerson]

    /// Age bands of the count (the export's bands).
    public static func ageBand(_ age: Int) -> String {
        switch age {
        case ..<18: "<18"
        case 18..<23: "18-22"
        case 23..<30: "23-29"
        case 30..<40: "30-39"
        case 40..<50: "40-49"
        case 50..<65: "50-64"
        default: "65+"
        }
    }

    public init(_ s: ShelterState, night: Day) {
        self.night = night
        func survivor(_ id: ClientID) -> ClientID {
            var id = id
            while let next = s.files.clients[id]?.mergedInto { id = next }
            return id
        }
        func person(_ id: ClientID, _ status: CountedPerson.Status, _ location: String) -> CountedPerson? {
            guard let c = s.files.clients[id] else { return nil }
            return CountedPerson(client: id, status: status, location: location, ethos: c.details.ethos.map { Int($0) },
                                 nationalityGroup: NationalityGroup(c.nationality), gender: c.gender.code,
                                 ageBand: c.birth.map { Self.ageBand($0.age(on: night)) } ?? "?",
                                 hasChecklistOutcome: s.files.latestChecklist[id] != nil)
        }
        var seen = Set<ClientID>()
        var out: [CountedPerson] = []
        let board = s.ledger.nights[night]
        for (client, bed) in (board?.bedOfClient ?? [:]).sorted(by: { $0.key < $1.key }) {
            let id = survivor(client)
            guard seen.insert(id).inserted else { continue }
            let loc = s.inventory.beds[bed].flatMap { s.inventory.locations[$0.locationID]?.name } ?? ""
            if let p = person(id, .inBed, loc) { out.append(p) }
        }
        for client in (s.ledger.turnedAwayPersons[night] ?? []).map(survivor).sorted() where seen.insert(client).inserted {
            if let p = person(client, .turnedAway, "") { out.append(p) }
        }
        persons = out
    }

    /// Totals by one column: value → persons.
    public func totals(_ column: (CountedPerson) -> String) -> [(String, Int)] {
        var t: [String: Int] = [:]
        for p in persons { t[column(p), default: 0] += 1 }
        return t.sorted { $0.key < $1.key }
    }
}
