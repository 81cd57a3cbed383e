extension Decider {
    /// Care and administrative status (issue #19): households and minors, referrals and their
    /// follow-up, administrative items, family policies, self-reliance assessments, interpreters.
    static func decideCare(_ command: Command, state s: ShelterState, context ctx: CommandContext) throws(DomainError) -> [Event] {
        let today = AmsterdamTime.local(ctx.now).day
        switch command {
        case let .registerClientWithAdult(c, adultID, relation):
            guard let adult = s.files.clients[adultID] else { throw .unknownClient(adultID) }
            if let into = adult.mergedInto { throw .mergedRecord(into: into) }
            if s.isMinor(adultID, on: today) { throw .responsibleAdultIsMinor(adultID) }
            try validateClient(c, today: today)
            var client = c
            client.id = s.nextClientID
            client.stayStart = nil; client.lastOutflow = nil; client.mergedInto = nil
            let member = HouseholdMember(clientID: client.id, relation: relation, responsibleAdult: adultID)
            if let h = s.care.householdOf[adultID] {
                return [.clientRegistered(client), .householdMemberAdded(household: h, member: member)]
            }
            let household = Household(id: s.care.nextHouseholdID,
                                      members: [HouseholdMember(clientID: adultID, relation: .adult), member], formedOn: today)
            return [.clientRegistered(client), .householdFormed(household)]

        case let .registerAtIntake(c, adult, relation, interpreter):
            if let need = interpreter, !isLanguageCode(need.language) {
                throw .invalidText(field: .interpreterLanguage, problem: .languageCode)
            }
            var events = try decide(adult.map { .registerClientWithAdult(c, responsibleAdult: $0, relation: relation) } ?? .registerClient(c),
                                    state: s, context: ctx)
            if let need = interpreter { events.append(.interpreterNeedSet(client: s.nextClientID, need: need)) }
            return events

        case let .formHousehold(members):
            guard members.count >= 2 else { throw .invalidText(field: .household, problem: .householdTooSmall) }
            guard Set(members.map(\.clientID)).count == members.count else { throw .invalidText(field: .household, problem: .listedTwice) }
            for m in members {
                try checkMember(m, state: s, today: today, household: members.map(\.clientID))
            }
            return [.householdFormed(Household(id: s.care.nextHouseholdID, members: members, formedOn: today))]

        case let .addHouseholdMember(id, m):
            guard let h = s.care.households[id] else { throw .unknownHousehold(id) }
            try checkMember(m, state: s, today: today, household: h.members.map(\.clientID) + [m.clientID])
            return [.householdMemberAdded(household: id, member: m)]

        case let .assignHouseholdBeds(night, beds):
            guard !beds.isEmpty else { throw .invalidText(field: .beds, problem: .noBeds) }
            // All or none: each placement is decided against the state the earlier ones leave.
            var state = s
            var events: [Event] = []
            for p in beds {
                let more = try decide(.assignBed(night: night, bed: p.bed, client: p.client), state: state, context: ctx)
                for e in more {
                    state.evolve(RecordedEvent(sequence: state.lastSequence + 1, timestamp: ctx.now, actor: ctx.actor, schemaVersion: 1, event: e))
                }
                events += more
            }
            return events

        case let .setFamilyPolicy(location, accepted):
            guard s.inventory.locations[location] != nil else { throw .unknownLocation(location) }
            guard s.care.acceptsFamilies(location) != accepted else { throw .nothingChanged }
            return [.familyPolicySet(location: location, accepted: accepted)]

        case let .makeReferral(client, kind, organisation, on, reason, cak):
            guard let c = s.files.clients[client] else { throw .unknownClient(client) }
            if let into = c.mergedInto { throw .mergedRecord(into: into) }
            try checkFree(organisation, .organisation, required: true)
            if on > today { throw .invalidDate(field: .referredOn, problem: .inFuture(on)) }
            return [.referralMade(Referral(id: s.care.nextReferralID, clientID: client, kind: kind, organisation: organisation,
                                           referredOn: on, reason: reason, cakScheme: cak))]

        case let .recordReferralAppointment(id, on):
            guard let x = s.care.referrals[id] else { throw .unknownReferral(id) }
            guard !x.status.isClosed else { throw .alreadyClosed }
            if on < x.referredOn { throw .invalidDate(field: .appointment, problem: .before(on, other: x.referredOn, what: .referral)) }
            if x.appointmentOn == on { throw .nothingChanged }
            return [.referralAppointmentMade(referral: id, on: on)]

        case let .recordReferralOutcome(id, outcome, note):
            guard let x = s.care.referrals[id] else { throw .unknownReferral(id) }
            guard !x.status.isClosed else { throw .alreadyClosed }
            try checkFree(note, .reason, required: outcome == .cancelled)
            switch outcome {
            case .attended, .notAttended:
                guard x.status == .appointmentMade, let a = x.appointmentOn else { throw .referralNoAppointment(id) }
                if a > today { throw .referralAppointmentAhead(on: a) }
            case .cancelled:
                break
            case .referred, .appointmentMade:
                throw .invalidText(field: .outcome, problem: .outcomeChoice)
            }
            return [.referralClosed(referral: id, outcome: outcome, on: today, note: note)]

        case let .setAdminStatus(client, item, entry):
            guard let c = s.files.clients[client] else { throw .unknownClient(client) }
            if let into = c.mergedInto { throw .mergedRecord(into: into) }
            guard item.values.contains(entry.value) else {
                throw .invalidText(field: InputField(rawValue: item.code) ?? .details, problem: .oneOf(item.values))
            }
            if item.needsDetail(entry.value) {
                try checkFree(entry.detail, item == .postalAddress ? .organisation : .municipality, required: true)
            } else if !entry.detail.isEmpty {
                try checkFree(entry.detail, .detail, required: false)
            }
            try checkFree(entry.source, .source, required: true)
            if entry.on > today { throw .invalidDate(field: .date, problem: .inFuture(entry.on)) }
            let old = s.care.admin[client]?[item]
            if let old, old.value == entry.value, old.detail == entry.detail { throw .nothingChanged }
            return [.adminStatusChanged(client: client, change: AdminStatusChange(item: item, old: old?.value ?? "", new: entry))]

        case let .recordSelfReliance(a):
            guard s.files.clients[a.clientID] != nil else { throw .unknownClient(a.clientID) }
            guard s.isLikelyEntitled(a.clientID, on: a.on) else { throw .selfRelianceNeedsLikely }
            try checkFree(a.organisation, .organisation, required: true)
            if a.on > today { throw .invalidDate(field: .date, problem: .inFuture(a.on)) }
            return [.selfRelianceAssessed(a)]

        case let .setInterpreterNeed(client, need):
            guard s.files.clients[client] != nil else { throw .unknownClient(client) }
            if let need, !isLanguageCode(need.language) {
                throw .invalidText(field: .interpreterLanguage, problem: .languageCode)
            }
            guard s.care.interpreter[client] != need else { throw .nothingChanged }
            return [.interpreterNeedSet(client: client, need: need)]

        default:
            return []
        }
    }

    /// A member joining a household: a known record not in another household; a minor needs an
    /// adult of the same household as responsible adult.
    static func checkMember(_ m: HouseholdMember, state s: ShelterState, today: Day, household: [ClientID]) throws(DomainError) {
        guard let c = s.files.clients[m.clientID] else { throw .unknownClient(m.clientID) }
        if let into = c.mergedInto { throw .mergedRecord(into: into) }
        if let h = s.care.householdOf[m.clientID] { throw .alreadyInHousehold(h) }
        if let a = m.responsibleAdult {
            guard s.files.clients[a] != nil else { throw .unknownClient(a) }
            guard household.contains(a), a != m.clientID else {
                throw .invalidText(field: .responsibleAdult, problem: .sameHousehold)
            }
            if s.isMinor(a, on: today) { throw .responsibleAdultIsMinor(a) }
        } else if s.isMinor(m.clientID, on: today) {
            throw .responsibleAdultRequired(age: c.birth?.age(on: today) ?? 0)
        }
    }
}
