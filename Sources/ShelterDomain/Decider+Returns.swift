extension Decider {
    /// Return plans and IND decisions.
    static func decideReturns(_ command: Command, state s: ShelterState, context ctx: CommandContext) throws(DomainError) -> [Event] {
        let today = AmsterdamTime.local(ctx.now).day
        switch command {
        case let .openReturnPlan(p):
            guard let c = s.files.clients[p.clientID] else { throw .unknownClient(p.clientID) }
            if let into = c.mergedInto { throw .mergedRecord(into: into) }
            if let active = s.activeReturnPlan(of: p.clientID) { throw .returnPlanActive(active.id) }
            try validatePlan(p, today: today)
            var plan = p
            plan.id = s.nextReturnPlanID
            plan.status = .exploring; plan.cancelReason = ""; plan.consentWithdrawn = nil
            return [.returnPlanOpened(plan)]

        case let .updateReturnPlan(p):
            guard let old = s.returns.returnPlans[p.id] else { throw .unknownReturnPlan(p.id) }
            guard old.isActive else { throw .alreadyClosed }
            try validatePlan(p, today: today)
            var plan = p
            plan.clientID = old.clientID
            guard plan != old else { throw .nothingChanged }
            return [.returnPlanUpdated(plan)]

        case let .moveReturnPlan(id, to, note):
            guard let p = s.returns.returnPlans[id] else { throw .unknownReturnPlan(id) }
            if let problem = TextRules.freeTextProblem(note, max: 500) { throw .invalidText(field: .note, problem: problem) }
            if to == .cancelled {
                guard p.isActive else { throw .returnStepNotAllowed(from: p.status, to: to) }
                try checkFree(note, .reason, required: true)
                return [.returnStatusChanged(plan: id, to: .cancelled, on: today, note: note)]
            }
            let allowed = p.isActive ? to > p.status && to != .arrivalConfirmed : (p.status == .departed && to == .arrivalConfirmed)
            guard allowed else { throw .returnStepNotAllowed(from: p.status, to: to) }
            let missing = p.missing(for: to, today: today)
            guard missing.isEmpty else { throw .returnStepMissing(to: to, missing: missing) }
            var events: [Event] = [.returnStatusChanged(plan: id, to: to, on: to == .departed ? (p.travelDate ?? today) : today, note: note)]
            if to == .departed, let client = s.files.clients[p.clientID], client.stayStart != nil {
                // Departure ends the stay: the last night is the one before travel (or a later one the
                // person did sleep here); reservations after it go back.
                let slept = (s.ledger.clientNights[p.clientID] ?? []).filter { n in
                    s.bed(of: p.clientID, on: n).flatMap { s.ledger.nights[n]?.byBed[$0]?.status }.map { $0 != .reserved } ?? false
                }
                let lastNight = max((p.travelDate ?? today).adding(days: -1), slept.last ?? Day(ordinal: .min))
                for later in s.ledger.clientNights[p.clientID] ?? [] where later > lastNight {
                    if let bed = s.bed(of: p.clientID, on: later), s.ledger.nights[later]?.byBed[bed]?.status == .reserved {
                        events.append(.reservationReleased(night: later, bed: bed, client: p.clientID, noShow: false))
                    }
                }
                events.append(.stayEnded(client: p.clientID, night: lastNight, outflow: .returnToCountryOfOrigin))
            }
            return events

        case let .withdrawReturnConsent(id, note):
            guard let p = s.returns.returnPlans[id] else { throw .unknownReturnPlan(id) }
            guard p.isActive else { throw .alreadyClosed }
            try checkFree(note, .note, required: false)
            return [.returnConsentWithdrawn(plan: id, on: today, note: note),
                    .returnStatusChanged(plan: id, to: .cancelled, on: today, note: note.isEmpty ? "consent withdrawn" : "consent withdrawn: \(note)")]

        case let .recordIndDecision(d):
            guard s.files.clients[d.clientID] != nil else { throw .unknownClient(d.clientID) }
            guard d.decisionDate <= today else { throw .invalidDate(field: .decisionDate, problem: .inFuture(d.decisionDate)) }
            guard d.notificationDate >= d.decisionDate else {
                throw .invalidDate(field: .notificationDate, problem: .before(d.notificationDate, other: d.decisionDate, what: .decision))
            }
            guard d.notificationDate <= today else { throw .invalidDate(field: .notificationDate, problem: .inFuture(d.notificationDate)) }
            if let dl = d.deadline, dl < d.notificationDate {
                throw .invalidDate(field: .deadline, problem: .before(dl, other: d.notificationDate, what: .notification))
            }
            return [.indDecisionRecorded(d)]

        default:
            return []
        }
    }

    static func validatePlan(_ p: ReturnPlan, today: Day) throws(DomainError) {
        guard p.country.utf8.count == 2, p.country == p.country.uppercased(), p.country.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw .invalidText(field: .destination, problem: .countryCode)
        }
        for (field, text): (InputField, String) in [(.city, p.city), (.partner, p.partner), (.contactPerson, p.contactPerson), (.departurePoint, p.departurePoint),
                              (.paidBy, p.paidBy), (.luggage, p.luggage), (.receivingOrganisation, p.receivingOrganisation),
                              (.receivingPerson, p.receivingPerson), (.receivingContact, p.receivingContact), (.receivingCare, p.receivingCare)] {
            if let problem = TextRules.freeTextProblem(text, max: 200) { throw .invalidText(field: field, problem: problem) }
        }
        if let d = p.consentDate, d > today { throw .invalidDate(field: .consentDate, problem: .inFuture(d)) }
        if !p.consentLanguage.isEmpty, !isLanguageCode(p.consentLanguage) {
            throw .invalidText(field: .consentLanguage, problem: .languageCode)
        }
        if let r = p.documentRequested, r > today { throw .invalidDate(field: .documentRequested, problem: .inFuture(r)) }
        if let r = p.documentRequested, let d = p.documentReady, d < r {
            throw .invalidDate(field: .documentReady, problem: .before(d, other: r, what: .request))
        }
    }
}
