extension Decider {
    /// How long after a bed action its author may take it back (five minutes).
    public static let undoWindowMs: Int64 = 5 * 60_000

    /// Cancelling a reservation with a reason, and undoing the actor's own last bed action as a
    /// compensating event marked "entered in error". Refused when there is nothing to undo, when
    /// the window has passed, or when the bed changed since (another desk acted on it).
    static func decideUndo(_ command: Command, state s: ShelterState, context ctx: CommandContext) throws(DomainError) -> [Event] {
        switch command {
        case let .cancelReservation(night, client, reason):
            guard s.files.clients[client] != nil else { throw .unknownClient(client) }
            guard let bed = s.bed(of: client, on: night) else { throw .noReservation(night: night) }
            if s.ledger.nights[night]?.byBed[bed]?.status != .reserved { throw .alreadyCheckedIn(night: night) }
            if reason.allSatisfy(\.isWhitespace) { throw .reasonRequired }
            if let p = TextRules.freeTextProblem(reason, max: 200) { throw .invalidText(field: .reason, problem: p) }
            return [.reservationCancelled(night: night, bed: bed, client: client, reason: reason, inError: false)]

        case .undoLastAction:
            guard let a = s.ledger.lastBedAction[ctx.actor] else { throw .nothingToUndo }
            // Only what was just done: not older than the window, and not stamped after now.
            let age = ctx.now.milliseconds - a.at.milliseconds
            guard age >= 0, age <= undoWindowMs else { throw .undoExpired(minutes: Int(undoWindowMs / 60_000)) }
            let held = s.ledger.nights[a.night]?.byBed[a.bed]
            switch a.kind {
            case .assigned:
                // A household's beds all together, or none: each still reserved as given.
                let placed = a.alsoAssigned + [UndoableAction.Placement(bed: a.bed, client: a.client)]
                for p in placed where s.ledger.nights[a.night]?.byBed[p.bed] != BedNight(clientID: p.client, status: .reserved) { throw .undoOutdated }
                return placed.reversed().map { .reservationCancelled(night: a.night, bed: $0.bed, client: $0.client, reason: "", inError: true) }
            case .checkedIn:
                guard held == BedNight(clientID: a.client, status: .checkedIn) else { throw .undoOutdated }
                return [.checkInUndone(night: a.night, bed: a.bed, client: a.client)]
            case .noShow:
                // The bed must still be free and the person still without a bed that night.
                guard held == nil, s.bed(of: a.client, on: a.night) == nil else { throw .undoOutdated }
                return [.noShowUndone(night: a.night, bed: a.bed, client: a.client)]
            case .checkedOut:
                guard let h = held, h.clientID == a.client, h.status == .checkedOut || h.status == .leftDuringNight else { throw .undoOutdated }
                return [.checkOutUndone(night: a.night, bed: a.bed, client: a.client)]
            case .exited:
                // Still closed, and that exit is still the person's last one.
                let last = (s.files.history[a.client] ?? []).last { if case .stayEnded = $0.kind { true } else { false } }
                guard let start = a.stayStart, s.files.clients[a.client]?.stayStart == nil,
                      case let .stayEnded(n, _)? = last?.kind, n == a.night else { throw .undoOutdated }
                return [.exitUndone(client: a.client, night: a.night, stayStart: start)]
            }

        default:
            return []
        }
    }
}
