import ShelterDomain
import TerminalUI

extension BoardScreen: Screen {
    /// A key (an action's command is remembered, so its outcome can be named); or the outcome
    /// of that command: recorded closes the form it came from and says who, which bed and which
    /// night; refused keeps every form as typed (the session shows why, and offers the way on).
    public mutating func update(_ message: ScreenMessage, context c: ScreenContext) -> DeskEffect {
        switch message {
        case .key(let key):
            let effect = update(key, state: c.state, strings: c.strings, now: c.now)
            switch effect {
            case .execute(let command): asked = command
            case .undoLastAction: asked = .undoLastAction
            default: break
            }
            return effect
        case .tick: return .none
        case .refused:
            asked = nil
            return .none
        case .recorded(let events):
            request = nil; cancelFor = nil
            defer { asked = nil }
            guard let command = asked else { return .message(c.strings["board.released"]) }
            return outcome(of: command, events: events, context: c)
        }
    }

    public mutating func render(into buf: inout Buffer, context c: ScreenContext) {
        render(into: &buf, state: c.state, strings: c.strings)
    }

    public func keyHints(_ c: ScreenContext) -> [String] { hints(c.strings) }

    /// A date, a bed or name to go to, a request, a cancel reason or a yes/no question takes
    /// the keys as text or answer.
    public var capturesText: Bool {
        jump != nil || find != nil || request != nil || cancelFor != nil || confirmNoShow != nil || confirmCheckOut != nil || confirmHousehold != nil
    }

    /// What the desk is told after a bed action: who and what (the bed, its location, the person
    /// with number, the night); a freed bed prompts with the top of the waiting list; released
    /// no-shows of vulnerable people suggest raising an alert (the Marek case).
    func outcome(of command: Command, events: [RecordedEvent], context c: ScreenContext) -> DeskEffect {
        let st = c.state, t = c.strings
        func named(_ key: String, bed: BedID, client: ClientID, night n: Day) -> String {
            let label = st.inventory.beds[bed]?.label ?? "", loc = st.inventory.beds[bed].flatMap { st.inventory.locations[$0.locationID]?.name } ?? ""
            return t.fill(key, label, loc, st.files.clients[client]?.fullName ?? "", String(client), t.shortNight(n))
        }
        func bedsGiven(_ pairs: [(bed: BedID, client: ClientID)]) -> String {
            pairs.map { "\(st.inventory.beds[$0.bed]?.label ?? "") → \(st.files.clients[$0.client]?.fullName ?? "") (#\($0.client))" }.joined(separator: ", ")
        }
        switch command {
        case let .checkIn(n, who):
            return .message(st.bed(of: who, on: n).map { named("board.checkedInWho", bed: $0, client: who, night: n) } ?? t["board.checkedIn"])
        case let .assignBed(n, bed, who):
            return .message(named(n == night ? "board.assignedTo" : "board.reservedTomorrowWho", bed: bed, client: who, night: n))
        case let .assignHouseholdBeds(n, beds):
            return .message(t.fill("board.household.assigned", t.shortNight(n), bedsGiven(beds.map { ($0.bed, $0.client) })))
        case .cancelReservation, .undoLastAction:
            switch events.first?.event {
            case let .reservationCancelled(n, bed, who, _, inError)?:
                // A household's beds taken back together: every one named.
                if inError, events.count > 1 {
                    let taken = events.compactMap { r -> (bed: BedID, client: ClientID)? in
                        guard case let .reservationCancelled(_, b, w, _, _) = r.event else { return nil }
                        return (b, w)
                    }
                    return .message(t.fill("undo.household", t.shortNight(n), bedsGiven(taken)))
                }
                return .message(named(inError ? "undo.assigned" : "board.cancelled", bed: bed, client: who, night: n))
            case let .checkInUndone(n, bed, who)?: return .message(named("undo.checkedIn", bed: bed, client: who, night: n))
            case let .noShowUndone(n, bed, who)?: return .message(named("undo.noShow", bed: bed, client: who, night: n))
            case let .checkOutUndone(n, bed, who)?: return .message(named("undo.checkedOut", bed: bed, client: who, night: n))
            case let .exitUndone(who, n, _)?:
                return .message(t.fill("undo.exited", st.files.clients[who]?.fullName ?? "", String(who), n.shown(t)))
            default: return .none
            }
        case let .checkOut(n, who, duringNight):
            return .message(st.bed(of: who, on: n).map { named(duringNight ? "board.leftNightWho" : "board.leftWho", bed: $0, client: who, night: n) }
                ?? (duringNight ? t["board.leftNight"] : t["board.left"]))
        case .requestExtension: return .message(t["ext.requested"])
        case .addToWaitlist: return .message(t["wait.added"])
        case .closeWaitlist: return .message(t["wait.turnedAwayDone"])
        case .releaseReservation, .releaseNoShows:
            var said = t["board.released"]
            if case .releaseReservation = command, case let .reservationReleased(n, bed, who, _)? = events.first?.event {
                said = named("board.releasedWho", bed: bed, client: who, night: n)
            }
            if let w = st.waiting(on: night).first, let first = st.files.clients[w.clientID] {
                said = t["wait.prompt"].replacingOccurrences(of: "%s", with: first.fullName)
            }
            let released = events.compactMap { e -> ClientID? in
                if case let .reservationReleased(_, _, who, true) = e.event { return who }
                return nil
            }
            if case .releaseNoShows = command { said = t.count("board.releasedN", released.count) }
            // Released no-shows of vulnerable people: suggest an alert.
            let vulnerable = released.compactMap { st.files.clients[$0] }.filter { !$0.details.vulnerabilities.isEmpty }
            guard !vulnerable.isEmpty else { return .message(said) }
            return .messageWithInfo(said, info: t["noshow.vulnerable"] + "\n" + vulnerable.map { "• \($0.fullName) (#\($0.id))" }.joined(separator: "\n")
                                        + "\n\n" + t["noshow.alertHint"])
        default: return .message(t["board.released"])
        }
    }
}
