extension Decider {
    /// Exits: ending a stay (with the `likely` guard from the outflow catalogue), a supervisor's
    /// override, the absence policy and its automatic closures, and corrections of an outflow.
    static func decideOutflow(_ command: Command, state s: ShelterState, context ctx: CommandContext) throws(DomainError) -> [Event] {
        switch command {
        case let .endStay(clientID, night, outflow):
            guard let client = s.files.clients[clientID] else { throw .unknownClient(clientID) }
            guard client.stayStart != nil else { throw .noOpenStay }
            if ctx.outflows.requiresLikely(outflow), !OutflowEligibility.hasValidLikely(clientID, on: night, in: s) {
                throw .outflowNeedsLikely(outflow: outflow.code)
            }
            return releaseLater(clientID, after: night, s) + [.stayEnded(client: clientID, night: night, outflow: outflow)]

        case let .endStayWithOverride(clientID, night, outflow, reason):
            guard let client = s.files.clients[clientID] else { throw .unknownClient(clientID) }
            guard client.stayStart != nil else { throw .noOpenStay }
            try checkFree(reason, .reason, required: true)
            guard ctx.outflows.requiresLikely(outflow), !OutflowEligibility.hasValidLikely(clientID, on: night, in: s) else {
                throw .invalidText(field: .override, problem: .overrideNotNeeded)
            }
            return releaseLater(clientID, after: night, s)
                + [.outflowOverridden(client: clientID, night: night, outflow: outflow, reason: reason),
                   .stayEnded(client: clientID, night: night, outflow: outflow)]

        case let .setAbsencePolicy(location, nights):
            guard s.inventory.locations[location] != nil else { throw .unknownLocation(location) }
            guard (3...365).contains(nights) else { throw .invalidText(field: .absenceNights, problem: .absenceRange) }
            return [.absencePolicySet(location: location, nights: nights)]

        case let .closeAbsentStays(asOf):
            // In client order, without sorting the clients themselves (a city's sorted copy was
            // 37 MB at every desk login): only the few stays found are put in order.
            var events: [(ClientID, Event)] = []
            for (id, c) in s.files.clients where c.mergedInto == nil {
                guard let start = c.stayStart else { continue }
                let nights = s.ledger.clientNights[id] ?? []
                if let latest = nights.last, latest >= asOf { continue }  // a bed tonight or later: not absent
                let last = nights.last.map { max($0, start) } ?? start
                let held = nights.last.flatMap { n in n >= start ? s.bed(of: id, on: n) : nil }
                let policy = held.flatMap { s.inventory.beds[$0]?.locationID }.map(s.absencePolicy(of:)) ?? ShelterState.defaultAbsenceNights
                let absent = Int(asOf.ordinal - last.ordinal) - 1
                if absent >= policy {
                    events.append((id, .stayClosedForAbsence(client: id, lastNight: last, closedOn: asOf, absentNights: absent)))
                }
            }
            return events.sorted { $0.0 < $1.0 }.map(\.1)

        case let .correctOutflow(clientID, night, outflow, note):
            guard s.files.clients[clientID] != nil else { throw .unknownClient(clientID) }
            try checkFree(note, .note, required: true)
            let exit = (s.files.history[clientID] ?? []).last { if case .stayEnded(night, _) = $0.kind { true } else { false } }
            guard case let .stayEnded(_, current)? = exit?.kind else { throw .noExit(night: night) }
            guard current != outflow else { throw .nothingChanged }
            if ctx.outflows.requiresLikely(outflow), !OutflowEligibility.hasValidLikely(clientID, on: night, in: s) {
                throw .outflowNeedsLikely(outflow: outflow.code)
            }
            return [.outflowCorrected(client: clientID, night: night, outflow: outflow, note: note)]

        default:
            return []
        }
    }

    /// Reservations after `night` given back when a stay ends.
    static func releaseLater(_ clientID: ClientID, after night: Day, _ s: ShelterState) -> [Event] {
        var events: [Event] = []
        for later in s.ledger.clientNights[clientID] ?? [] where later > night {
            if let bed = s.bed(of: clientID, on: later), s.ledger.nights[later]?.byBed[bed]?.status == .reserved {
                events.append(.reservationReleased(night: later, bed: bed, client: clientID, noShow: false))
            }
        }
        return events
    }
}
