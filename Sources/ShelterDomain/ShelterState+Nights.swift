extension ShelterState {
    /// Beds per night, the waiting list and refused beds (area `.nights`).
    mutating func evolveNights(_ r: RecordedEvent) {
        switch r.event {
        case let .bedAssigned(night, bed, client):
            // Mutate in place (no copy of the night's dictionaries per event).
            let (displaced, _) = ledger.nights[night, default: NightBoard()].place(client: client, bed: bed, status: .reserved)
            if let other = displaced { ledger.removeNight(night, of: other) }
            ledger.insertNight(night, of: client)
            files.clients.update(client) { if $0.stayStart == nil { $0.stayStart = night } }
        case let .checkedIn(night, bed, client):
            let (displaced, _) = ledger.nights[night, default: NightBoard()].place(client: client, bed: bed, status: .checkedIn)
            if let other = displaced { ledger.removeNight(night, of: other) }
            ledger.insertNight(night, of: client)
        case let .reservationReleased(night, bed, client, noShow):
            if noShow, let loc = inventory.beds[bed]?.locationID { ledger.noShows[night, default: [:]][loc, default: 0] += 1 }
            ledger.release(night, bed: bed, client: client)
        case let .checkedOut(night, bed, client, duringNight):
            if ledger.nights[night]?.byBed[bed]?.clientID == client {
                ledger.nights[night]?.byBed[bed]?.status = duringNight ? .leftDuringNight : .checkedOut
            }
        case let .waitlisted(w):
            var w = w
            w.askedAt = r.timestamp
            ledger.waitlist[w.id] = w
            ledger.waitlistCount = max(ledger.waitlistCount, w.id)
            ledger.waitlistByNight[w.night, default: []].append(w.id)
        case let .waitlistClosed(id, outcome):
            if let w = ledger.waitlist.removeValue(forKey: id) {
                if outcome == .turnedAway {
                    ledger.turnedAwayCount[w.night, default: 0] += 1
                    ledger.turnedAwayPersons[w.night, default: []].append(w.clientID)
                }
                ledger.waitlistByNight[w.night]?.removeAll { $0 == id }
                if ledger.waitlistByNight[w.night]?.isEmpty == true { ledger.waitlistByNight[w.night] = nil }
            }
        case let .bedRefused(night, bed, client, reason, outcome):
            ledger.refusals.append(BedRefusal(night: night, client: client, location: inventory.beds[bed]?.locationID ?? 0, bed: bed, reason: reason,
                                              outcome: outcome, at: r.timestamp, by: r.actor))
        default:
            break
        }
    }
}
