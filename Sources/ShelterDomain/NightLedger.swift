/// The nights part of the shelter state: who holds which bed on each night, each client's
/// nights, the waiting list, people turned away, no-shows, refused beds, each desk's last
/// undoable bed action and each person's last contact. Folded from the bed and waiting-list events.
public struct NightLedger: Hashable, Sendable {
    public internal(set) var nights: [Day: NightBoard] = [:]
    /// Nights each client holds a bed (reserved or checked in), ascending.
    public internal(set) var clientNights = PerClient<[Day]>()
    /// Open waiting-list entries (closed ones are dropped: only their outcome counts are kept).
    public internal(set) var waitlist: [Int32: WaitlistEntry] = [:]
    /// The highest waiting-list id handed out.
    public internal(set) var waitlistCount: Int32 = 0
    /// People turned away per night (counted, never silently dropped).
    public internal(set) var turnedAwayCount: [Day: Int] = [:]
    /// Who was turned away per night (a person twice if turned away twice), for the
    /// point-in-time count.
    public internal(set) var turnedAwayPersons: [Day: [ClientID]] = [:]
    /// Beds refused by a bed rule, oldest first (`report refusals`).
    public internal(set) var refusals: [BedRefusal] = []
    /// Reservations released as no-shows, per night and location.
    public internal(set) var noShows: [Day: [LocationID: Int]] = [:]
    public internal(set) var waitlistByNight: [Day: [Int32]] = [:]
    /// Each member of staff's last bed action that `undo` may still take back.
    public internal(set) var lastBedAction: [StaffID: UndoableAction] = [:]
    /// Each person's last contact (the night of the latest event about them that they took part
    /// in: not staff reading their file, not automatic closures) — the retention policy's clock.
    public internal(set) var lastContactNight = PerClient<Day>()

    /// Adds `night` to the client's nights (kept ascending; one hash lookup, in place).
    mutating func insertNight(_ night: Day, of client: ClientID) {
        Self.insertSorted(night, into: &clientNights[client, default: []])
    }

    static func insertSorted(_ night: Day, into list: inout [Day]) {
        guard let last = list.last, last >= night else { list.append(night); return }
        if last == night { return }  // a check-in on the night of its reservation
        var lo = 0, hi = list.count
        while lo < hi { let mid = (lo + hi) / 2; if list[mid] < night { lo = mid + 1 } else { hi = mid } }
        if lo < list.count, list[lo] == night { return }
        list.insert(night, at: lo)
    }

    /// Removes `night` from the client's nights.
    mutating func removeNight(_ night: Day, of client: ClientID) {
        guard let list = clientNights[client] else { return }
        var lo = 0, hi = list.count
        while lo < hi { let mid = (lo + hi) / 2; if list[mid] < night { lo = mid + 1 } else { hi = mid } }
        if lo < list.count, list[lo] == night { clientNights[client]!.remove(at: lo) }
        if clientNights[client]?.isEmpty == true { clientNights[client] = nil }
    }

    /// Empties `night`'s bed if `client` holds it, and forgets the night for them.
    mutating func release(_ night: Day, bed: BedID, client: ClientID) {
        guard nights[night]?.byBed[bed]?.clientID == client else { return }
        nights[night]?.byBed[bed] = nil
        nights[night]?.bedOfClient[client] = nil
        removeNight(night, of: client)
    }
}
