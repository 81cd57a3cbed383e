extension ShelterState {
    /// Remembers the author's last bed action (what `undo` may take back), or forgets it once
    /// undone or cancelled as entered in error.
    mutating func noteBedAction(_ r: RecordedEvent) {
        let kind: UndoableAction.Kind, night: Day, bed: BedID, client: ClientID
        var stayStart: Day?
        var also: [UndoableAction.Placement] = []
        switch r.event {
        case let .bedAssigned(n, b, c):
            kind = .assigned; night = n; bed = b; client = c
            // Beds given to a household together (one command: the same moment, the same night,
            // members of one household) are taken back together.
            if let prev = ledger.lastBedAction[r.actor], prev.kind == .assigned, prev.at == r.timestamp, prev.night == n,
               let h = care.household(of: c), h.member(prev.client) != nil {
                also = prev.alsoAssigned + [UndoableAction.Placement(bed: prev.bed, client: prev.client)]
            }
        case let .checkedIn(n, b, c): kind = .checkedIn; night = n; bed = b; client = c
        case let .reservationReleased(n, b, c, true): kind = .noShow; night = n; bed = b; client = c
        case let .checkedOut(n, b, c, _): kind = .checkedOut; night = n; bed = b; client = c
        case let .stayEnded(c, n, _):
            // Noted before the fold closes the stay: where it began is what an undo reopens.
            guard let start = files.clients[c]?.stayStart else { return }
            kind = .exited; night = n; bed = 0; client = c; stayStart = start
        case .checkInUndone, .noShowUndone, .checkOutUndone, .exitUndone, .reservationCancelled:
            // An undo, or a cancellation with a reason, is the author's last action: nothing before it is undone.
            ledger.lastBedAction[r.actor] = nil
            return
        default: return
        }
        ledger.lastBedAction[r.actor] = UndoableAction(kind: kind, night: night, bed: bed, client: client, at: r.timestamp, stayStart: stayStart,
                                                alsoAssigned: also)
    }

    /// Applies a cancellation or an undo (tags 45–49).
    mutating func evolveUndo(_ r: RecordedEvent) {
        switch r.event {
        case let .reservationCancelled(night, bed, client, _, _):
            guard ledger.nights[night]?.byBed[bed]?.clientID == client else { break }
            ledger.nights[night]?.byBed[bed] = nil
            ledger.nights[night]?.bedOfClient[client] = nil
            ledger.removeNight(night, of: client)
            // A stay begun by this reservation alone did not begin.
            if (ledger.clientNights[client]?.last).map({ $0 < night }) ?? true {
                files.clients.update(client) { if $0.stayStart == night { $0.stayStart = nil } }
            }
        case let .checkInUndone(night, bed, client):
            if ledger.nights[night]?.byBed[bed]?.clientID == client { ledger.nights[night]?.byBed[bed]?.status = .reserved }
        case let .checkOutUndone(night, bed, client):
            if ledger.nights[night]?.byBed[bed]?.clientID == client { ledger.nights[night]?.byBed[bed]?.status = .checkedIn }
        case let .exitUndone(client, night, stayStart):
            // The stay is open again; its exit no longer counts (the journal keeps both events).
            files.clients.update(client) { $0.stayStart = stayStart }
            var items = files.history[client] ?? []
            if let i = items.lastIndex(where: { if case .stayEnded(night, _) = $0.kind { true } else { false } }) { items.remove(at: i) }
            files.history[client] = items
            files.clients[client]?.lastOutflow = items.last { if case .stayEnded = $0.kind { true } else { false } }
                .flatMap { if case let .stayEnded(_, o) = $0.kind { o } else { nil } }
        case let .noShowUndone(night, bed, client):
            if let loc = inventory.beds[bed]?.locationID, let n = ledger.noShows[night]?[loc], n > 0 {
                ledger.noShows[night]![loc] = n == 1 ? nil : n - 1
                if ledger.noShows[night]!.isEmpty { ledger.noShows[night] = nil }
            }
            let (displaced, _) = ledger.nights[night, default: NightBoard()].place(client: client, bed: bed, status: .reserved)
            if let other = displaced { ledger.removeNight(night, of: other) }
            ledger.insertNight(night, of: client)
        default:
            break
        }
    }
}
