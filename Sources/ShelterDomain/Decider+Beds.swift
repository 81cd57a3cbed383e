extension Decider {
    /// The bed commands beyond assigning: service periods, cold-weather mode, the waiting list,
    /// check-out and releasing no-shows after the cut-off.
    static func decideBeds(_ command: Command, state s: ShelterState, context ctx: CommandContext) throws(DomainError) -> [Event] {
        switch command {
        case let .setBedOutOfService(bed, from, until, reason):
            guard s.inventory.beds[bed] != nil else { throw .unknownBed(bed) }
            try checkFree(reason, .reason, required: true)
            if let until, until < from { throw .invalidDate(field: .until, problem: .before(until, other: from, what: .plain)) }
            return [.bedOutOfService(bed: bed, period: DateRange(from: from, until: until, note: reason))]

        case let .returnBedToService(bed, from):
            guard s.inventory.beds[bed] != nil else { throw .unknownBed(bed) }
            guard (s.inventory.outOfService[bed] ?? []).contains(where: { ($0.until ?? from) >= from }) else {
                throw .invalidText(field: .bed, problem: .notOutOfServiceAfter(from))
            }
            return [.bedBackInService(bed: bed, from: from)]

        case let .startColdWeather(from, until, note):
            if let until, until < from { throw .invalidDate(field: .until, problem: .before(until, other: from, what: .plain)) }
            try checkFree(note, .note, required: false)
            return [.coldWeatherStarted(DateRange(from: from, until: until, note: note))]

        case let .endColdWeather(lastNight):
            guard s.inventory.coldWeather.contains(where: { ($0.until ?? lastNight) >= lastNight && $0.from <= lastNight.adding(days: 1) }) else {
                throw .invalidText(field: .coldWeather, problem: .coldWeatherNotOnAfter(lastNight))
            }
            // Nobody may be left in a cold-weather bed on a night that is no longer cold.
            return [.coldWeatherEnded(lastNight: lastNight)]

        case let .addToWaitlist(night, client, note):
            guard s.files.clients[client] != nil else { throw .unknownClient(client) }
            if let bed = s.bed(of: client, on: night) { throw .clientHasBed(bed: s.inventory.beds[bed]?.label ?? "\(bed)", night: night) }
            if (s.ledger.waitlistByNight[night] ?? []).contains(where: { s.ledger.waitlist[$0]?.clientID == client && s.ledger.waitlist[$0]?.isWaiting == true }) { throw .alreadyWaiting }
            if let p = TextRules.freeTextProblem(note, max: 200) { throw .invalidText(field: .note, problem: p) }
            return [.waitlisted(WaitlistEntry(id: s.nextWaitlistID, night: night, clientID: client, note: note))]

        case let .closeWaitlist(id, outcome):
            if s.isClosedWaitlistEntry(id) { throw .alreadyClosed }
            guard s.ledger.waitlist[id] != nil else { throw .unknownWaitlistEntry(id) }
            return [.waitlistClosed(entry: id, outcome: outcome)]

        case let .checkOut(night, client, duringNight):
            guard s.files.clients[client] != nil else { throw .unknownClient(client) }
            guard let bed = s.bed(of: client, on: night) else { throw .noReservation(night: night) }
            guard s.ledger.nights[night]?.byBed[bed]?.status == .checkedIn else { throw .notCheckedIn(night: night) }
            return [.checkedOut(night: night, bed: bed, client: client, duringNight: duringNight)]

        case let .releaseNoShows(night):
            // The cut-off is per location; each location's reservations go once its cut-off passed.
            let (today, seconds) = AmsterdamTime.local(ctx.now)
            let minutesSinceNight = Int(today.ordinal - night.ordinal) * 24 * 60 + seconds / 60
            var events: [Event] = []
            var earliest: Int?
            guard let board = s.ledger.nights[night] else { return [] }
            for id in s.inventory.bedOrder {
                guard let bn = board.byBed[id], bn.status == .reserved, let bed = s.inventory.beds[id], let loc = s.inventory.locations[bed.locationID] else { continue }
                if minutesSinceNight >= loc.policy.checkInCutoffMinutes {
                    events.append(.reservationReleased(night: night, bed: id, client: bn.clientID, noShow: true))
                } else {
                    earliest = min(earliest ?? Int.max, loc.policy.checkInCutoffMinutes)
                }
            }
            if events.isEmpty, let e = earliest {
                let h = e / 60 % 24, m = e % 60
                throw .beforeCutoff(time: "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)")
            }
            return events

        default:
            return []
        }
    }
}
