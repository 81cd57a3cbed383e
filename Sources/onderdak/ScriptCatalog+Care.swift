import ShelterDomain

/// The care commands of `onderdak do` (issue #19): referrals, administrative status,
/// households, family policy, self-reliance assessments and interpreter needs.
extension ScriptCatalog {
    static func pick<T>(_ f: ScriptFields, _ key: String, _ all: [T], code: (T) -> String) throws(ScriptInputError) -> T {
        let v = try f.string(key)
        guard let x = all.first(where: { code($0) == v }) else { throw f.err(key, "must be one of \(all.map(code).joined(separator: ", "))") }
        return x
    }

    static func member(_ f: ScriptFields) throws(ScriptInputError) -> HouseholdMember {
        HouseholdMember(clientID: try f.client(), relation: try pick(f, "relation", HouseholdRelation.allCases, code: \.code),
                        responsibleAdult: f.has("responsible_adult") ? try f.client("responsible_adult") : nil)
    }

    static func list(_ f: ScriptFields, _ key: String) throws(ScriptInputError) -> [ScriptFields] {
        guard case .array(let items)? = f.object[key], !items.isEmpty else { throw f.err(key, "must be a non-empty list of objects") }
        var out: [ScriptFields] = []
        for (i, item) in items.enumerated() {
            guard case .object = item else { throw f.err("\(key)[\(i)]", "must be an object") }
            out.append(ScriptFields(object: item, line: f.line, state: f.state, today: f.today))
        }
        return out
    }

    var careEntries: [Entry] {
        [
            Entry(name: "make_referral", fields: ["client", "kind", "organisation", "date?", "reason?", "cak_scheme?"]) { f throws(ScriptInputError) in
                .makeReferral(client: try f.client(), kind: try Self.pick(f, "kind", ReferralKind.allCases, code: \.code),
                              organisation: try f.string("organisation"), on: try f.optionalDay("date") ?? f.today,
                              reason: f.has("reason") ? try Self.pick(f, "reason", ReferralReason.allCases, code: \.code) : nil,
                              cakScheme: try f.bool("cak_scheme", default: false))
            },
            Entry(name: "record_referral_appointment", fields: ["referral", "date"]) { f throws(ScriptInputError) in
                .recordReferralAppointment(referral: try f.int("referral"), on: try f.day("date"))
            },
            Entry(name: "record_referral_outcome", fields: ["referral", "outcome", "reason?"]) { f throws(ScriptInputError) in
                .recordReferralOutcome(referral: try f.int("referral"),
                                       outcome: try Self.pick(f, "outcome", [ReferralStatus.attended, .notAttended, .cancelled], code: \.code),
                                       note: try f.string("reason", default: ""))
            },
            Entry(name: "set_admin_status", fields: ["client", "item", "value", "source", "detail?", "date?"]) { f throws(ScriptInputError) in
                .setAdminStatus(client: try f.client(), item: try Self.pick(f, "item", AdminItem.allCases, code: \.code),
                                entry: AdminEntry(value: try f.string("value"), detail: try f.string("detail", default: ""),
                                                  on: try f.optionalDay("date") ?? f.today, source: try f.string("source")))
            },
            Entry(name: "form_household", fields: ["members"]) { f throws(ScriptInputError) in
                var members: [HouseholdMember] = []
                for m in try Self.list(f, "members") {
                    try m.only(["client", "relation", "responsible_adult"])
                    members.append(try Self.member(m))
                }
                return .formHousehold(members: members)
            },
            Entry(name: "add_household_member", fields: ["household", "client", "relation", "responsible_adult?"]) { f throws(ScriptInputError) in
                .addHouseholdMember(household: try f.int("household"), member: try Self.member(f))
            },
            Entry(name: "assign_household_beds", fields: ["beds", "night?"]) { f throws(ScriptInputError) in
                var beds: [(client: ClientID, bed: BedID)] = []
                for b in try Self.list(f, "beds") {
                    try b.only(["client", "bed", "location"])
                    beds.append((client: try b.client(), bed: try b.bed()))
                }
                return .assignHouseholdBeds(night: try f.night(), beds: beds)
            },
            Entry(name: "set_family_policy", fields: ["location", "accepted"]) { f throws(ScriptInputError) in
                .setFamilyPolicy(location: try f.location(), accepted: try f.bool("accepted"))
            },
            Entry(name: "record_self_reliance", fields: ["client", "organisation", "outcome", "date?"]) { f throws(ScriptInputError) in
                .recordSelfReliance(SelfRelianceAssessment(clientID: try f.client(), on: try f.optionalDay("date") ?? f.today,
                                                           organisation: try f.string("organisation"),
                                                           outcome: try Self.pick(f, "outcome", SelfRelianceOutcome.allCases, code: \.code)))
            },
            Entry(name: "set_interpreter_need", fields: ["client", "language?", "kind?"]) { f throws(ScriptInputError) in
                guard f.has("language") else { return .setInterpreterNeed(client: try f.client(), need: nil) }
                return .setInterpreterNeed(client: try f.client(),
                                           need: InterpreterNeed(language: try f.string("language"),
                                                                 kind: try Self.pick(f, "kind", InterpreterNeed.Kind.allCases, code: \.code)))
            },
        ]
    }
}
