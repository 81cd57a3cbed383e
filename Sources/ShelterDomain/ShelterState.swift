/// The whole shelter as it is after a sequence of events: `fold(events)` from `initial`.
/// A value type with no references, so it can be copied, compared and serialised (snapshots).
public struct ShelterState: Hashable, Sendable {
    /// Staff accounts and the login guard.
    public internal(set) var roster = StaffRoster()
    /// Locations, rooms, beds and the periods that change what they offer.
    public internal(set) var inventory = BedInventory()
    /// Beds per night, the waiting list and what happened at the door.
    public internal(set) var ledger = NightLedger()
    /// Client records and everything in their files.
    public internal(set) var files = ClientFiles()
    /// Stay-extension requests.
    public internal(set) var requests = StayRequests()
    /// Voluntary-return plans.
    public internal(set) var returns = ReturnPlanBook()
    public internal(set) var shelterName = ""
    public internal(set) var municipality = ""
    /// Social-assistance norms recorded by supervisors (they override the rule set's from their date).
    public internal(set) var assistanceNorms: [SocialAssistanceNorm] = []
    /// Attempts at actions a role does not allow (each audited as an event).
    public internal(set) var refusedAttempts = 0
    /// Exports made (each is an event with who and when).
    public internal(set) var exportCount = 0
    /// Referrals, administrative status, households, family policies, self-reliance, interpreters.
    public internal(set) var care = CareRecords()
    /// The retention policy in force (the default until a supervisor sets one).
    public internal(set) var retention = RetentionPolicy.standard
    /// Sequence number of the last event folded in (0 = none).
    public internal(set) var lastSequence: UInt64 = 0

    public init() {}

    /// Nights without a bed after which an open stay is closed, unless a location sets its own.
    public static let defaultAbsenceNights = 14

    /// The absence policy of a location (nights without a bed before an open stay is closed).
    public func absencePolicy(of location: LocationID) -> Int { inventory.absenceNights[location] ?? Self.defaultAbsenceNights }

    /// The state before any event.
    public static let initial = ShelterState()

    public var nextStaffID: StaffID { (roster.staff.keys.max() ?? 0) + 1 }
    public var nextLocationID: LocationID { (inventory.locations.keys.max() ?? 0) + 1 }
    public var nextRoomID: RoomID { (inventory.rooms.keys.max() ?? 0) + 1 }
    public var nextBedID: BedID { (inventory.bedOrder.last ?? 0) + 1 }
    public var nextClientID: ClientID { Int32(files.clients.count) + 1 }
    public var nextRequestID: RequestID { Int32(requests.extensions.count) + 1 }

    public var nextBanID: Int32 { Int32(files.bans.count) + 1 }
    public var nextAlertID: Int32 { Int32(files.alerts.count) + 1 }

    /// An order-independent key for a pair of clients.
    public static func pairKey(_ a: ClientID, _ b: ClientID) -> Int64 { Int64(min(a, b)) << 32 | Int64(max(a, b)) }

    /// The ban in force for a client on a night, if any (the one ending last).
    public func ban(of client: ClientID, on night: Day) -> Ban? {
        (files.banIDs[client] ?? []).compactMap { files.bans[$0] }.filter { $0.covers(night) }.max { ($0.until ?? Day(ordinal: .max)) < ($1.until ?? Day(ordinal: .max)) }
    }

    /// Open "looking for" alerts, oldest first.
    public var openAlerts: [ClientAlert] { files.alerts.values.filter(\.isOpen).sorted { $0.id < $1.id } }

    /// A client's notes that `role` may read (medical notes need `readMedicalNotes`), newest first.
    public func notes(of client: ClientID, visibleTo role: Role) -> [Note] {
        let all = files.notes[client] ?? []
        let medical = role.permissions.contains(.readMedicalNotes)
        return all.filter { medical || $0.category != .medical }.reversed()
    }

    /// True when a supervisor who can act exists (otherwise only setup by the system is allowed).
    public var hasActiveSupervisor: Bool { roster.staff.values.contains { $0.active && $0.role == .supervisor } }

    /// Nights a client held a bed in the window of `windowDays` nights ending with `night`
    /// (inclusive), not counting cold-weather nights (stay limits are suspended then).
    public func nightsUsed(by client: ClientID, windowDays: Int, endingWith night: Day) -> Int {
        guard let list = ledger.clientNights[client], !list.isEmpty else { return 0 }
        let first = night.adding(days: -(windowDays - 1))
        var n = lowerBound(list, night.adding(days: 1)) - lowerBound(list, first)
        for c in inventory.coldWeather {
            let a = max(c.from, first), b = min(c.until ?? night, night)
            if a <= b { n -= lowerBound(list, b.adding(days: 1)) - lowerBound(list, a) }
        }
        return max(0, n)
    }

    /// True when cold-weather mode is on for `night`.
    public func isColdWeather(_ night: Day) -> Bool { inventory.coldWeather.contains { $0.contains(night) } }

    /// The out-of-service period of a bed covering `night`, if any.
    public func outOfService(_ bed: BedID, on night: Day) -> DateRange? { inventory.outOfService[bed]?.first { $0.contains(night) } }

    public var nextWaitlistID: Int32 { ledger.waitlistCount + 1 }

    /// True when waiting-list entry `id` was handed out and closed since (so closing twice says
    /// "already closed"): ids are handed out in order and a closed entry leaves `waitlist`, so
    /// no set of the millions of closed ids of a city is kept.
    public func isClosedWaitlistEntry(_ id: Int32) -> Bool { id >= 1 && id <= ledger.waitlistCount && ledger.waitlist[id] == nil }
    public var nextReturnPlanID: ReturnPlanID { Int32(returns.returnPlans.count) + 1 }

    /// A client's plan that is still being worked on, if any.
    public func activeReturnPlan(of client: ClientID) -> ReturnPlan? {
        (returns.returnPlanIDs[client] ?? []).lazy.compactMap { self.returns.returnPlans[$0] }.first { $0.isActive }
    }

    /// A client's most recent plan (active or not).
    public func latestReturnPlan(of client: ClientID) -> ReturnPlan? {
        (returns.returnPlanIDs[client] ?? []).max().flatMap { returns.returnPlans[$0] }
    }

    /// Tonight's waiting list, highest priority first: vulnerable people, then by time of asking.
    public func waiting(on night: Day) -> [WaitlistEntry] {
        (ledger.waitlistByNight[night] ?? []).compactMap { ledger.waitlist[$0] }.filter(\.isWaiting).sorted { a, b in
            let va = !(files.clients[a.clientID]?.details.vulnerabilities.isEmpty ?? true), vb = !(files.clients[b.clientID]?.details.vulnerabilities.isEmpty ?? true)
            if va != vb { return va }
            return a.askedAt != b.askedAt ? a.askedAt < b.askedAt : a.id < b.id
        }
    }

    /// People turned away on a night (counted, never silently dropped).
    public func turnedAway(on night: Day) -> Int { ledger.turnedAwayCount[night] ?? 0 }

    /// The approved extension covering `night` for a client at a location, if any.
    public func approvedExtension(client: ClientID, location: LocationID, covering night: Day) -> ExtensionRequest? {
        (requests.extensionIDs[client] ?? []).lazy.compactMap { self.requests.extensions[$0] }.first { $0.locationID == location && $0.status == .approved
            && $0.reason != .twentyFourHourBed && ($0.approvedUntil ?? night) >= night }
    }

    /// An approved request to place a client in a 24-hour bed at a location, covering `night`.
    public func approvedTwentyFourHour(client: ClientID, location: LocationID, covering night: Day) -> Bool {
        (requests.extensionIDs[client] ?? []).contains { id in
            guard let x = requests.extensions[id] else { return false }
            return x.locationID == location && x.status == .approved && x.reason == .twentyFourHourBed && (x.approvedUntil ?? night) >= night
        }
    }

    /// The bed a client has on a night, if any.
    public func bed(of client: ClientID, on night: Day) -> BedID? { ledger.nights[night]?.bedOfClient[client] }

    func lowerBound(_ a: [Day], _ d: Day) -> Int {
        var lo = 0, hi = a.count
        while lo < hi { let mid = (lo + hi) / 2; if a[mid] < d { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}
