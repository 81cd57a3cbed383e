import Journal
import ShelterDomain

extension DemoGenerator {
    /// Tonight's care records (issue #19), written after everything else so that the rest of
    /// the demo stays as it was: referrals in every status (one overdue), uninsured people with
    /// and without the CAK scheme, a briefadres requested and one granted, a registration, a
    /// mother with two children in the new family room at Oost (Zuid takes no families), a
    /// self-reliance assessment after a `likely` outcome, and interpreter needs.
    static func careRecords(_ store: EventStore, today: Day, desk: StaffID, coord: StaffID, sup: StaffID,
                            clock: Clock, at: (Day, Int, Int) -> Timestamp) throws(StoreError) {
        var minute = 0
        func tick() { clock.now = at(today, 20, minute); minute += 1 }
        func exec(_ c: Command, _ actor: StaffID) throws(StoreError) { tick(); try store.execute(c, actor: actor) }
        let d = { (n: Int) in today.adding(days: n) }

        // The family room at Oost, for households with children; the emergency shelter takes none.
        if let oost = store.state.inventory.locations.values.first(where: { $0.name == "Oost" })?.id {
            try exec(.addRoom(location: oost, name: "Gezinskamer"), sup)
            let room = store.state.nextRoomID - 1
            for i in 1...3 { try exec(.addBed(room: room, label: "G\(i)", attributes: [.family]), sup) }
        }
        if let zuid = store.state.inventory.locations.values.first(where: { $0.name.hasPrefix("Zuid") })?.id {
            try exec(.setFamilyPolicy(location: zuid, accepted: false), sup)
        }

        // A mother with two children arrives tonight.
        func person(_ given: String, _ gender: Gender, born: String) -> Client {
            var c = Client(id: 0, givenNames: given, familyNames: "Rusu", birth: .exact(Day.parseISO(born)!), gender: gender, nationality: "RO",
                           arrivedNL: d(-45))
            c.details.languages = ["ro"]
            c.details.consent = Consent(status: .given, purposeExplained: true, language: "ro", date: today)
            return c
        }
        try exec(.registerClient(person("Daniela", .woman, born: "1991-06-14")), desk)
        let mother = store.state.nextClientID - 1
        try exec(.registerClientWithAdult(person("Andrei", .man, born: "2015-02-03"), responsibleAdult: mother, relation: .child), desk)
        try exec(.registerClientWithAdult(person("Sofia", .woman, born: "2018-10-21"), responsibleAdult: mother, relation: .child), desk)
        let family = [mother, mother + 1, mother + 2]
        let familyBeds = store.state.inventory.bedOrder.filter { store.state.inventory.beds[$0]?.attributes.contains(.family) == true }
        if familyBeds.count == 3 {
            try exec(.assignHouseholdBeds(night: today, beds: zip(family, familyBeds).map { (client: $0, bed: $1) }), desk)
        }
        try exec(.setInterpreterNeed(client: mother, need: InterpreterNeed(language: "ro", kind: .phone)), desk)
        try exec(.setAdminStatus(client: mother, item: .insurance, entry: AdminEntry(value: "none", detail: "", on: today, source: "zegt de cliënt")), desk)
        try exec(.setAdminStatus(client: mother, item: .otherMunicipality,
                                 entry: AdminEntry(value: "yes", detail: "Rotterdam", on: d(-20), source: "zegt de cliënt")), desk)
        try exec(.makeReferral(client: mother + 1, kind: .gp, organisation: "Kruispost", on: today, reason: .physical, cakScheme: true), coord)
        try exec(.setInterpreterNeed(client: 3, need: InterpreterNeed(language: "hu", kind: .inPerson)), desk)

        // Referrals in every status (made earlier, recorded tonight from the paper list).
        try exec(.makeReferral(client: 5, kind: .gp, organisation: "Kruispost", on: d(-10), reason: .physical, cakScheme: false), coord)
        try exec(.recordReferralAppointment(referral: store.state.care.nextReferralID - 1, on: d(-7)), coord)
        try exec(.recordReferralOutcome(referral: store.state.care.nextReferralID - 1, outcome: .attended, note: ""), coord)
        try exec(.makeReferral(client: 16, kind: .mentalHealth, organisation: "GGZ Centraal", on: d(-9), reason: .mental, cakScheme: false), coord)
        try exec(.recordReferralAppointment(referral: store.state.care.nextReferralID - 1, on: d(-3)), coord)  // overdue: no outcome
        try exec(.makeReferral(client: 9, kind: .dentist, organisation: "Tandartspraktijk Oost", on: d(-2), reason: .dental, cakScheme: false), desk)
        try exec(.makeReferral(client: 12, kind: .hospital, organisation: "UMC Utrecht", on: d(-4), reason: .injury, cakScheme: true), coord)
        try exec(.recordReferralAppointment(referral: store.state.care.nextReferralID - 1, on: d(2)), coord)
        try exec(.makeReferral(client: 10, kind: .addiction, organisation: "Victas", on: d(-12), reason: .addiction, cakScheme: true), coord)
        try exec(.recordReferralAppointment(referral: store.state.care.nextReferralID - 1, on: d(-5)), coord)
        try exec(.recordReferralOutcome(referral: store.state.care.nextReferralID - 1, outcome: .notAttended, note: "sliep uit na nachtwerk"), coord)
        try exec(.makeReferral(client: 11, kind: .legalAid, organisation: "Juridisch Loket", on: d(-8), reason: .legal, cakScheme: false), desk)
        try exec(.recordReferralOutcome(referral: store.state.care.nextReferralID - 1, outcome: .cancelled, note: "werkgever betaalde het loon alsnog"), desk)
        try exec(.makeReferral(client: 13, kind: .exploitationSupport, organisation: "FairWork", on: d(-15), reason: .work, cakScheme: false), coord)
        try exec(.recordReferralAppointment(referral: store.state.care.nextReferralID - 1, on: d(-11)), coord)
        try exec(.recordReferralOutcome(referral: store.state.care.nextReferralID - 1, outcome: .attended, note: ""), coord)

        // Administrative status: uninsured with and without the CAK scheme, a briefadres requested
        // and one granted, a registration in the RNI.
        let status: [(ClientID, AdminItem, String, String, Int, String)] = [
            (12, .insurance, "none", "", -4, "geen polis, CAK-regeling via UMC"),
            (9, .insurance, "none", "", -2, "zegt de cliënt"),
            (10, .insurance, "none", "", -12, "zegt de cliënt"),
            (13, .insurance, "ehic", "", -15, "EHIC-kaart gezien"),
            (1, .insurance, "dutch", "", -30, "polisblad Zilveren Kruis"),
            (1, .postalAddress, "requested", "Leger des Heils Utrecht", -30, "aanvraagformulier"),
            (1, .postalAddress, "granted", "Leger des Heils Utrecht", -14, "brief van de gemeente"),
            (1, .registration, "rni", "", -60, "RNI-uittreksel"),
            (1, .bsnKnown, "yes", "", -60, "RNI-uittreksel"),
            (1, .bankAccount, "yes", "", -20, "bankpas gezien"),
            (10, .postalAddress, "requested", "Stichting Briefadres Utrecht", -3, "aanvraagformulier"),
        ]
        for (client, item, value, detail, days, source) in status {
            try exec(.setAdminStatus(client: client, item: item, entry: AdminEntry(value: value, detail: detail, on: d(days), source: source)), desk)
        }

        // A self-reliance assessment for someone with a `likely` outcome.
        if let c = store.state.files.latestChecklist.keys.sorted().first(where: { store.state.isLikelyEntitled($0, on: today) }) {
            try exec(.recordSelfReliance(SelfRelianceAssessment(clientID: c, on: today, organisation: "Wmo-loket gemeente Utrecht",
                                                                outcome: .notSelfReliant)), coord)
        }
    }
}
