/// The whole shelter as it is after a sequence of events: `fold(events)` from `initial`.
/// A value type with no references, so it can be copied, compared and serialised (snapshots).
public struct ShelterState: Hashable, Sendable {
    public internal(set) var shelterName = ""
    public internal(set) var municipality = ""
    public internal(set) var staff: [StaffID: Staff] = [:]
    public internal(set) var staffByUsername: [String: StaffID] = [:]
    public internal(set) var locations: [LocationID: Location] = [:]
    public internal(set) var rooms: [RoomID: Room] = [:]
    public internal(set) var beds: [BedID: Bed] = [:]
    /// Beds in the order they were added (board order).
    public internal(set) var bedOrder: [BedID] = []
    public internal(set) var clients = ClientTable()
    public internal(set) var nights: [Day: NightBoard] = [:]
    /// Nights each client holds a bed (reserved or checked in), ascending.
    public internal(set) var clientNights = PerClient<[Day]>()
    public internal(set) var extensions: [RequestID: ExtensionRequest] = [:]
    /// Every assessment with its answers, per client (read per client: files, reports, exports).
    public internal(set) var assessments = ClientBook<Assessment>()
    /// Each client's latest assessment, in brief (what entitlement decisions need).
    public internal(set) var latestChecklist: [ClientID: LatestChecklist] = [:]
    public internal(set) var assessmentCount: Int32 = 0
    /// Wrong PINs in a row since the last successful login or lock.
    public internal(set) var loginFailures: [StaffID: Int] = [:]
    /// Accounts locked after too many wrong PINs, until this time.
    public internal(set) var lockedUntil: [StaffID: Timestamp] = [:]
    /// Social-assistance norms recorded by supervisors (they override the rule set's from their date).
    public internal(set) var assistanceNorms: [SocialAssistanceNorm] = []
    /// Notes per client, oldest first (filter with `notes(of:visibleTo:)`).
    public internal(set) var notes: [ClientID: [Note]] = [:]
    public internal(set) var noteCount: Int32 = 0
    public internal(set) var bans: [Int32: Ban] = [:]
    public internal(set) var alerts: [Int32: ClientAlert] = [:]
    /// Per client: registration, edits, notes, bans, alerts, merges, exits (oldest first).
    /// (Read per client, like `assessments`: from the snapshot's bytes when opened from one.)
    public internal(set) var history = ClientBook<ClientHistoryItem>()
    /// Counts changes to client records (registrations, edits, merges): search indexes rebuild on change.
    public internal(set) var clientRevision = 0
    /// Pairs staff said are different people (`pairKey`).
    public internal(set) var notDuplicates: Set<Int64> = []
    /// Periods each bed is out of service.
    public internal(set) var outOfService: [BedID: [DateRange]] = [:]
    /// Cold-weather periods, in the order they were started.
    public internal(set) var coldWeather: [DateRange] = []
    /// Open waiting-list entries (closed ones are dropped: only their outcome counts are kept).
    public internal(set) var waitlist: [Int32: WaitlistEntry] = [:]
    /// The highest waiting-list id handed out.
    public internal(set) var waitlistCount: Int32 = 0
    /// People turned away per night (counted, never silently dropped).
    public internal(set) var turnedAwayCount: [Day: Int] = [:]
    /// Who was turned away per night (a person twice if turned away twice), for the
    /// point-in-time count.
    public internal(set) var turnedAwayPersons: [Day: [ClientID]] = [:]
    /// Attempts at actions a role does not allow (each audited as an event).
    public internal(set) var refusedAttempts = 0
    /// Beds refused by a bed rule, oldest first (`report refusals`).
    public internal(set) var refusals: [BedRefusal] = []
    /// Exports made (each is an event with who and when).
    public internal(set) var exportCount = 0
    /// Reservations released as no-shows, per night and location.
    public internal(set) var noShows: [Day: [LocationID: Int]] = [:]
    public internal(set) var returnPlans: [ReturnPlanID: ReturnPlan] = [:]
    // Indexes by client or night, so rule checks stay constant-time at city scale.
    public internal(set) var extensionIDs: [ClientID: [RequestID]] = [:]
    public internal(set) var banIDs: [ClientID: [Int32]] = [:]
    public internal(set) var waitlistByNight: [Day: [Int32]] = [:]
    public internal(set) var returnPlanIDs: [ClientID: [ReturnPlanID]] = [:]
    /// Each plan's steps, oldest first.
    public internal(set) var returnSteps: [ReturnPlanID: [ReturnStep]] = [:]
    /// The latest IND decision per client.
    public internal(set) var indDecisions: [ClientID: IndDecision] = [:]
    /// Nights without a bed after which a location closes an open stay (absence policy); a
    /// location not listed uses `ShelterState.defaultAbsenceNights`.
    public internal(set) var absenceNights: [LocationID: Int] = [:]
    /// Referrals, administrative status, households, family policies, self-reliance, interpreters.
    public internal(set) var care = CareRecords()
    /// Each member of staff's last bed action that `undo` may still take back.
    public internal(set) var lastBedAction: [StaffID: UndoableAction] = [:]
    /// Sequence number of the last event folded in (0 = none).
    /// Erased people (their key is destroyed; what is left of them is `Redaction`'s).
    public internal(set) var erasures: [ClientID: Erasure] = [:]
    /// Each person's last contact (the night of the latest event about them that they took part
    /// in: not staff reading their file, not automatic closures) — the retention policy's clock.
    public internal(set) var lastContactNight = PerClient<Day>()
    /// The retention policy in force (the default until a supervisor sets one).
    public internal(set) var retention = RetentionPolicy.standard
    public internal(set) var lastSequence: UInt64 = 0

    public init() {}

    /// Nights without a bed after which an open stay is closed, unless a location sets its own.
    public static let defaultAbsenceNights = 14

    /// The absence policy of a location (nights without a bed before an open stay is closed).
    public func absencePolicy(of location: LocationID) -> Int { absenceNights[location] ?? Self.defaultAbsenceNights }

    /// The state before any event.
    public static let initial = ShelterState()

    public var nextStaffID: StaffID { (staff.keys.max() ?? 0) + 1 }
    public var nextLocationID: LocationID { (locations.keys.max() ?? 0) + 1 }
    public var nextRoomID: RoomID { (rooms.keys.max() ?? 0) + 1 }
    public var nextBedID: BedID { (bedOrder.last ?? 0) + 1 }
    public var nextClientID: ClientID { Int32(clients.count) + 1 }
    public var nextRequestID: RequestID { Int32(extensions.count) + 1 }

    public var nextBanID: Int32 { Int32(bans.count) + 1 }
    public var nextAlertID: Int32 { Int32(alerts.count) + 1 }

    /// An order-independent key for a pair of clients.
    public static func pairKey(_ a: ClientID, _ b: ClientID) -> Int64 { Int64(min(a, b)) << 32 | Int64(max(a, b)) }

    /// The ban in force for a client on a night, if any (the one ending last).
    public func ban(of client: ClientID, on night: Day) -> Ban? {
        (banIDs[client] ?? []).compactMap { bans[$0] }.filter { $0.covers(night) }.max { ($0.until ?? Day(ordinal: .max)) < ($1.until ?? Day(ordinal: .max)) }
    }

    /// Open "looking for" alerts, oldest first.
    public var openAlerts: [ClientAlert] { alerts.values.filter(\.isOpen).sorted { $0.id < $1.id } }

    /// A client's notes that `role` may read (medical notes need `readMedicalNotes`), newest first.
    public func notes(of client: ClientID, visibleTo role: Role) -> [Note] {
        let all = notes[client] ?? []
        let medical = role.permissions.contains(.readMedicalNotes)
        return all.filter { medical || $0.category != .medical }.reversed()
    }

    /// True when a supervisor who can act exists (otherwise only setup by the system is allowed).
    public var hasActiveSupervisor: Bool { staff.values.contains { $0.active && $0.role == .supervisor } }

    /// Nights a client held a bed in the window of `windowDays` nights ending with `night`
    /// (inclusive), not counting cold-weather nights (stay limits are suspended then).
    public func nightsUsed(by client: ClientID, windowDays: Int, endingWith night: Day) -> Int {
        guard let list = clientNights[client], !list.isEmpty else { return 0 }
        let first = night.adding(days: -(windowDays - 1))
        var n = lowerBound(list, night.adding(days: 1)) - lowerBound(list, first)
        for c in coldWeather {
            let a = max(c.from, first), b = min(c.until ?? night, night)
            if a <= b { n -= lowerBound(list, b.adding(days: 1)) - lowerBound(list, a) }
        }
        return max(0, n)
    }

    /// True when cold-weather mode is on for `night`.
    public func isColdWeather(_ night: Day) -> Bool { coldWeather.contains { $0.contains(night) } }

    /// The out-of-service period of a bed covering `night`, if any.
    public func outOfService(_ bed: BedID, on night: Day) -> DateRange? { outOfService[bed]?.first { $0.contains(night) } }

    public var nextWaitlistID: Int32 { waitlistCount + 1 }

    /// True when waiting-list entry `id` was handed out and closed since (so closing twice says
    /// "already closed"): ids are handed out in order and a closed entry leaves `waitlist`, so
    /// no set of the millions of closed ids of a city is kept.
    public func isClosedWaitlistEntry(_ id: Int32) -> Bool { id >= 1 && id <= waitlistCount && waitlist[id] == nil }
    public var nextReturnPlanID: ReturnPlanID { Int32(returnPlans.count) + 1 }

    /// A client's plan that is still being worked on, if any.
    public func activeReturnPlan(of client: ClientID) -> ReturnPlan? {
        (returnPlanIDs[client] ?? []).lazy.compactMap { self.returnPlans[$0] }.first { $0.isActive }
    }

    /// A client's most recent plan (active or not).
    public func latestReturnPlan(of client: ClientID) -> ReturnPlan? {
        (returnPlanIDs[client] ?? []).max().flatMap { returnPlans[$0] }
    }

    /// Tonight's waiting list, highest priority first: vulnerable people, then by time of asking.
    public func waiting(on night: Day) -> [WaitlistEntry] {
        (waitlistByNight[night] ?? []).compactMap { waitlist[$0] }.filter(\.isWaiting).sorted { a, b in
            let va = !(clients[a.clientID]?.details.vulnerabilities.isEmpty ?? true), vb = !(clients[b.clientID]?.details.vulnerabilities.isEmpty ?? true)
            if va != vb { return va }
            return a.askedAt != b.askedAt ? a.askedAt < b.askedAt : a.id < b.id
        }
    }

    /// People turned away on a night (counted, never silently dropped).
    public func turnedAway(on night: Day) -> Int { turnedAwayCount[night] ?? 0 }

    /// The approved extension covering `night` for a client at a location, if any.
    public func approvedExtension(client: ClientID, location: LocationID, covering night: Day) -> ExtensionRequest? {
        (extensionIDs[client] ?? []).lazy.compactMap { self.extensions[$0] }.first { $0.locationID == location && $0.status == .approved
            && $0.reason != .twentyFourHourBed && ($0.approvedUntil ?? night) >= night }
    }

    /// An approved request to place a client in a 24-hour bed at a location, covering `night`.
    public func approvedTwentyFourHour(client: ClientID, location: LocationID, covering night: Day) -> Bool {
        (extensionIDs[client] ?? []).contains { id in
            guard let x = extensions[id] else { return false }
            return x.locationID == location && x.status == .approved && x.reason == .twentyFourHourBed && (x.approvedUntil ?? night) >= night
        }
    }

    /// The bed a client has on a night, if any.
    public func bed(of client: ClientID, on night: Day) -> BedID? { nights[night]?.bedOfClient[client] }

    func lowerBound(_ a: [Day], _ d: Day) -> Int {
        var lo = 0, hi = a.count
        while lo < hi { let mid = (lo + hi) / 2; if a[mid] < d { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}
