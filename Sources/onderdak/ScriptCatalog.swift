import ShelterDomain

/// Every command `onderdak do` understands: its name, its fields (required first; `?` marks an
/// optional one) and how a JSON object becomes a domain `Command`. The names and fields are a
/// stable interface for scripts and migrations (README lists them).
struct ScriptCatalog {
    struct Entry {
        let name: String
        let fields: [String]
        let build: (ScriptFields) throws(ScriptInputError) -> Command
        var keys: [String] { fields.map { $0.hasSuffix("?") ? String($0.dropLast()) : $0 } }
    }

    /// The rule set new assessments are evaluated with (supervisors' norms included).
    let rules: ChecklistRuleSet

    static func gender(_ s: String) -> Gender? {
        switch s.lowercased() {
        case "male", "man", "m": .man
        case "female", "woman", "v", "f": .woman
        case "other", "unknown", "x": .unknownOrOther
        default: nil
        }
    }

    static func outflow(_ s: String) -> Outflow? {
        if s == "work_and_housing" { return .workAndHousingNL }
        return Outflow.allCases.first { $0.code == s }
    }

    var entries: [Entry] {
        [
            Entry(name: "register_client",
                  fields: ["given_names", "family_name", "nationality", "gender", "birth_date?", "birth_year?", "arrived_nl?", "alias?", "consent?", "responsible_adult?", "relation?", "interpreter?"]) { f throws(ScriptInputError) in
                let g = try f.string("gender")
                guard let gender = Self.gender(g) else { throw f.err("gender", "must be male, female or other") }
                let nat = try f.string("nationality").uppercased()
                guard nat.count == 2, nat.allSatisfy({ $0.isASCII && $0.isLetter }) else { throw f.err("nationality", "must be an ISO 3166-1 alpha-2 code such as PL") }
                var c = Client(id: 0, givenNames: try f.string("given_names"), familyNames: try f.string("family_name"), alias: try f.string("alias", default: ""),
                               gender: gender, nationality: nat, arrivedNL: try f.optionalDay("arrived_nl"))
                if let b = try f.optionalDay("birth_date") {
                    c.birth = .exact(b)
                } else if f.has("birth_year") {
                    c.birth = .estimatedYear(Int(try f.int("birth_year")))
                }
                if let consent = f.object["consent"], consent != .null {
                    let cf = ScriptFields(object: consent, line: f.line, state: f.state, today: f.today)
                    let given = try cf.bool("given")
                    c.details.consent = Consent(status: given ? .given : .refused, purposeExplained: try cf.bool("purpose_explained", default: false),
                                                language: try cf.string("language", default: ""), date: f.today)
                }
                let relation = f.has("relation") ? try Self.pick(f, "relation", HouseholdRelation.allCases, code: \.code) : .child
                let adult: ClientID? = f.has("responsible_adult") ? try f.client("responsible_adult") : nil
                // "interpreter": {"language": "ro", "kind": "phone" | "in_person"}, recorded in the same write.
                if let i = f.object["interpreter"], i != .null {
                    let inf = ScriptFields(object: i, line: f.line, state: f.state, today: f.today)
                    let need = InterpreterNeed(language: try inf.string("language"), kind: try Self.pick(inf, "kind", InterpreterNeed.Kind.allCases, code: \.code))
                    return .registerAtIntake(c, responsibleAdult: adult, relation: relation, interpreter: need)
                }
                if let adult { return .registerClientWithAdult(c, responsibleAdult: adult, relation: relation) }
                return .registerClient(c)
            },
            Entry(name: "record_assessment", fields: ["client", "answers"]) { [rules] f throws(ScriptInputError) in
                let client = try f.client()
                guard let answers = f.object["answers"], case .object = answers else { throw f.err("answers", "must be an object with the checklist answers") }
                let parsed: ChecklistAnswers
                do { parsed = try ChecklistAnswers.parse(json: Array(answers.serialized.utf8)) } catch let e as ChecklistInputError {
                    throw f.err("answers" + (e.field.map { ".\($0)" } ?? ""), e.description)
                } catch {
                    throw f.err("answers", "\(error)")
                }
                let result = ChecklistEngine.evaluate(parsed, rules: rules.withNorms(f.state.assistanceNorms))
                return .recordAssessment(client: client, answers: parsed, result: result)
            },
            Entry(name: "assign_bed", fields: ["client", "bed", "location?", "night?"]) { f throws(ScriptInputError) in
                .assignBed(night: try f.night(), bed: try f.bed(), client: try f.client())
            },
            Entry(name: "check_in", fields: ["client", "night?"]) { f throws(ScriptInputError) in .checkIn(night: try f.night(), client: try f.client()) },
            Entry(name: "cancel_reservation", fields: ["client", "night?"]) { f throws(ScriptInputError) in
                .releaseReservation(night: try f.night(), client: try f.client(), noShow: false)
            },
            Entry(name: "record_no_show", fields: ["client", "night?"]) { f throws(ScriptInputError) in
                .releaseReservation(night: try f.night(), client: try f.client(), noShow: true)
            },
            Entry(name: "check_out", fields: ["client", "night?", "during_night?"]) { f throws(ScriptInputError) in
                .checkOut(night: try f.night(), client: try f.client(), duringNight: try f.bool("during_night", default: false))
            },
            Entry(name: "request_extension", fields: ["client", "location", "until", "reason", "note?"]) { f throws(ScriptInputError) in
                let r = try f.string("reason")
                guard let reason = ExtensionRequest.Reason.allCases.first(where: { $0.code == r }) else {
                    throw f.err("reason", "must be one of \(ExtensionRequest.Reason.allCases.map(\.code).joined(separator: ", "))")
                }
                return .requestExtension(client: try f.client(), location: try f.location(), reason: reason, note: try f.string("note", default: ""), until: try f.day("until"))
            },
            Entry(name: "decide_extension", fields: ["request", "approve", "until?", "note?"]) { f throws(ScriptInputError) in
                .decideExtension(request: try f.int("request"), approve: try f.bool("approve"), until: try f.optionalDay("until"), note: try f.string("note", default: ""))
            },
            Entry(name: "record_exit", fields: ["client", "date", "outflow"]) { f throws(ScriptInputError) in
                let o = try f.string("outflow")
                guard let outflow = Self.outflow(o) else { throw f.err("outflow", "must be one of \(Outflow.allCases.map(\.code).joined(separator: ", "))") }
                return .endStay(client: try f.client(), night: try f.day("date"), outflow: outflow)
            },
            Entry(name: "add_to_waitlist", fields: ["client", "night?", "note?"]) { f throws(ScriptInputError) in
                .addToWaitlist(night: try f.night(), client: try f.client(), note: try f.string("note", default: ""))
            },
            Entry(name: "add_note", fields: ["client", "category", "text"]) { f throws(ScriptInputError) in
                let k = try f.string("category")
                guard let cat = [Note.Category.contact, .medical, .incident, .other].first(where: { $0.code == k }) else {
                    throw f.err("category", "must be contact, medical, incident or other")
                }
                return .addNote(client: try f.client(), category: cat, text: try f.string("text"))
            },
            Entry(name: "raise_alert", fields: ["client", "reason", "contact?"]) { f throws(ScriptInputError) in
                .raiseAlert(client: try f.client(), reason: try f.string("reason"), contact: try f.string("contact", default: ""))
            },
            Entry(name: "impose_ban", fields: ["client", "from", "until?", "reason"]) { f throws(ScriptInputError) in
                .imposeBan(client: try f.client(), from: try f.day("from"), until: try f.optionalDay("until"), reason: try f.string("reason"))
            },
            Entry(name: "start_cold_weather", fields: ["from", "until?", "note?"]) { f throws(ScriptInputError) in
                .startColdWeather(from: try f.day("from"), until: try f.optionalDay("until"), note: try f.string("note", default: ""))
            },
            Entry(name: "end_cold_weather", fields: ["last_night"]) { f throws(ScriptInputError) in .endColdWeather(lastNight: try f.day("last_night")) },
            Entry(name: "set_bed_out_of_service", fields: ["bed", "location?", "from", "until?", "reason"]) { f throws(ScriptInputError) in
                .setBedOutOfService(bed: try f.bed(), from: try f.day("from"), until: try f.optionalDay("until"), reason: try f.string("reason"))
            },
            Entry(name: "release_no_shows", fields: ["night?"]) { f throws(ScriptInputError) in .releaseNoShows(night: try f.night()) },
        ] + careEntries
    }

    func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }
}
