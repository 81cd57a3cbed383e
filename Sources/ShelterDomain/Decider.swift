/// The decision half of the decider pattern: `decide(command, state, context)` checks the
/// actor's role and every rule against the current state and returns the events to record,
/// or refuses with a `DomainError`. Pure: no I/O, no clock (the time comes in the context).
public enum Decider {
    public static func decide(_ command: Command, state s: ShelterState, context ctx: CommandContext) throws(DomainError) -> [Event] {
        try authorize(command, state: s, actor: ctx.actor)
        switch command {
        case let .configureShelter(name, muni):
            try checkFree(name, .name, required: true)
            try checkFree(muni, .municipality, required: true)
            return [.shelterConfigured(name: name, municipality: muni)]

        case let .addStaff(username, displayName, role, credential):
            if let p = TextRules.usernameProblem(username) { throw .invalidText(field: .username, problem: p) }
            if let p = TextRules.nameProblem(displayName, required: true) { throw .invalidText(field: .name, problem: p) }
            guard s.roster.staffByUsername[username] == nil else { throw .usernameTaken(username) }
            return [.staffAdded(Staff(id: s.nextStaffID, username: username, displayName: displayName, role: role, credential: credential))]

        case let .changeRole(id, role):
            guard let st = s.roster.staff[id] else { throw .unknownStaff(id) }
            if st.role == .supervisor, role != .supervisor, st.active, activeSupervisors(s) == 1 { throw .lastSupervisor }
            return [.staffRoleChanged(staff: id, role: role)]

        case let .deactivateStaff(id):
            guard let st = s.roster.staff[id] else { throw .unknownStaff(id) }
            if st.role == .supervisor, st.active, activeSupervisors(s) == 1 { throw .lastSupervisor }
            return [.staffDeactivated(staff: id)]

        case let .addLocation(name, muni, policy):
            try checkFree(name, .name, required: true)
            try checkFree(muni, .municipality, required: true)
            guard policy.windowDays >= 1, (policy.maxNights ?? 1) >= 1, (0..<(36 * 60)).contains(policy.checkInCutoffMinutes) else {
                throw .invalidText(field: .policy, problem: .policyRange)
            }
            return [.locationAdded(Location(id: s.nextLocationID, name: name, municipality: muni, policy: policy))]

        case let .addRoom(loc, name):
            guard s.inventory.locations[loc] != nil else { throw .unknownLocation(loc) }
            try checkFree(name, .room, required: true)
            return [.roomAdded(Room(id: s.nextRoomID, locationID: loc, name: name))]

        case let .addBed(roomID, label, attrs):
            guard let room = s.inventory.rooms[roomID] else { throw .unknownRoom(roomID) }
            try checkFree(label, .bed, required: true)
            return [.bedAdded(Bed(id: s.nextBedID, roomID: roomID, locationID: room.locationID, label: label, attributes: attrs))]

        case let .registerClient(c):
            let today = AmsterdamTime.local(ctx.now).day
            try validateClient(c, today: today)
            if let b = c.birth, b.age(on: today) < 18 { throw .responsibleAdultRequired(age: b.age(on: today)) }
            var client = c
            client.id = s.nextClientID
            client.stayStart = nil
            client.lastOutflow = nil
            client.mergedInto = nil
            return [.clientRegistered(client)]

        case .registerClientWithAdult, .registerAtIntake, .formHousehold, .addHouseholdMember, .assignHouseholdBeds, .setFamilyPolicy, .makeReferral,
             .recordReferralAppointment, .recordReferralOutcome, .setAdminStatus, .recordSelfReliance, .setInterpreterNeed:
            return try decideCare(command, state: s, context: ctx)

        case .setBedOutOfService, .returnBedToService, .startColdWeather, .endColdWeather, .addToWaitlist, .closeWaitlist, .checkOut, .releaseNoShows:
            return try decideBeds(command, state: s, context: ctx)

        case .cancelReservation, .undoLastAction:
            return try decideUndo(command, state: s, context: ctx)

        case let .recordExport(format, identifiable):
            guard ["csv", "json", "sqlite"].contains(format) else { throw .invalidText(field: .format, problem: .exportFormat) }
            return [.exportMade(format: format, identifiable: identifiable)]

        case let .recordMedicalView(client):
            guard s.files.clients[client] != nil else { throw .unknownClient(client) }
            return [.medicalNotesViewed(client: client)]

        case .openReturnPlan, .updateReturnPlan, .moveReturnPlan, .withdrawReturnConsent, .recordIndDecision:
            return try decideReturns(command, state: s, context: ctx)

        case .updateClient, .addNote, .imposeBan, .liftBan, .raiseAlert, .closeAlert, .mergeClients, .dismissDuplicate:
            return try decideClientFile(command, state: s, context: ctx)

        case let .assignBed(night, bedID, clientID):
            guard let bed = s.inventory.beds[bedID] else { throw .unknownBed(bedID) }
            guard let client = s.files.clients[clientID] else { throw .unknownClient(clientID) }
            if let into = client.mergedInto { throw .mergedRecord(into: into) }
            if let ban = s.ban(of: clientID, on: night) { throw .banned(until: ban.until) }
            if let holder = s.ledger.nights[night]?.byBed[bedID] {
                if holder.clientID == clientID { throw .clientHasBed(bed: bed.label, night: night) }
                throw .bedTaken(bed: bed.label, night: night)
            }
            if let other = s.bed(of: clientID, on: night) { throw .clientHasBed(bed: s.inventory.beds[other]?.label ?? "\(other)", night: night) }
            if bed.attributes.contains(.womenOnly), client.gender != .woman { throw .womenOnlyBed(bed: bed.label) }
            if s.isMinor(clientID, on: night) {
                if !s.care.acceptsFamilies(bed.locationID) { throw .familiesNotAccepted(location: s.inventory.locations[bed.locationID]?.name ?? "\(bed.locationID)") }
                if !bed.attributes.contains(.family) { throw .minorNotInFamilyRoom(bed: bed.label) }
            }
            let cold = s.isColdWeather(night)
            if bed.attributes.contains(.coldWeather), !cold { throw .coldWeatherBedClosed(bed: bed.label) }
            if let off = s.outOfService(bedID, on: night) { throw .bedOutOfService(bed: bed.label, until: off.until, reason: off.note) }
            if let loc = s.inventory.locations[bed.locationID] {
                if bed.attributes.contains(.twentyFourHour), loc.policy.twentyFourHourNeedsApproval,
                   !s.approvedTwentyFourHour(client: clientID, location: loc.id, covering: night) {
                    throw .needsApproval(bed: bed.label)
                }
                if let limit = s.bindingStayLimit(for: clientID, at: loc.id, on: night), limit.used + 1 > limit.max,
                   s.approvedExtension(client: clientID, location: loc.id, covering: night) == nil {
                    throw .stayLimitReached(used: limit.used, max: limit.max)
                }
            }
            // Someone placed from the waiting list leaves it.
            if let w = (s.ledger.waitlistByNight[night] ?? []).compactMap({ s.ledger.waitlist[$0] }).first(where: { $0.clientID == clientID && $0.isWaiting }) {
                return [.bedAssigned(night: night, bed: bedID, client: clientID), .waitlistClosed(entry: w.id, outcome: .placed)]
            }
            return [.bedAssigned(night: night, bed: bedID, client: clientID)]

        case let .checkIn(night, clientID):
            guard s.files.clients[clientID] != nil else { throw .unknownClient(clientID) }
            guard let bed = s.bed(of: clientID, on: night) else { throw .noReservation(night: night) }
            if s.ledger.nights[night]?.byBed[bed]?.status != .reserved { throw .alreadyCheckedIn(night: night) }
            return [.checkedIn(night: night, bed: bed, client: clientID)]

        case let .releaseReservation(night, clientID, noShow):
            guard s.files.clients[clientID] != nil else { throw .unknownClient(clientID) }
            guard let bed = s.bed(of: clientID, on: night) else { throw .noReservation(night: night) }
            if s.ledger.nights[night]?.byBed[bed]?.status != .reserved { throw .alreadyCheckedIn(night: night) }
            return [.reservationReleased(night: night, bed: bed, client: clientID, noShow: noShow)]

        case let .requestExtension(clientID, loc, reason, note, until):
            guard s.files.clients[clientID] != nil else { throw .unknownClient(clientID) }
            guard s.inventory.locations[loc] != nil else { throw .unknownLocation(loc) }
            if let p = TextRules.freeTextProblem(note) { throw .invalidText(field: .note, problem: p) }
            let today = AmsterdamTime.night(of: ctx.now)
            guard until >= today else { throw .invalidDate(field: .until, problem: .inPast(until)) }
            return [.extensionRequested(ExtensionRequest(id: s.nextRequestID, clientID: clientID, locationID: loc, reason: reason,
                                                         note: note, requestedUntil: until, requestedBy: ctx.actor))]

        case let .decideExtension(id, approve, until, note):
            guard let req = s.requests.extensions[id] else { throw .unknownRequest(id) }
            guard req.status == .pending else { throw .requestAlreadyDecided(id) }
            if let p = TextRules.freeTextProblem(note) { throw .invalidText(field: .note, problem: p) }
            if approve {
                let last = until ?? req.requestedUntil
                guard last <= req.requestedUntil else {
                    throw .invalidDate(field: .until, problem: .laterThanRequested(req.requestedUntil))
                }
                return [.extensionDecided(request: id, approved: true, until: last, note: note)]
            }
            return [.extensionDecided(request: id, approved: false, until: nil, note: note)]

        case .endStay, .endStayWithOverride, .setAbsencePolicy, .closeAbsentStays, .correctOutflow:
            return try decideOutflow(command, state: s, context: ctx)

        case .eraseClient, .applyRetention, .setRetention:
            return try decidePrivacy(command, state: s, context: ctx)

        case let .recordLogin(id, success):
            if let until = s.roster.lockedUntil[id], until > ctx.now { throw .accountLocked(until: until) }
            if success { return [.loginSucceeded(staff: id)] }
            if (s.roster.loginFailures[id] ?? 0) + 1 >= Decider.maxFailedLogins {
                return [.loginFailed(staff: id), .accountLocked(staff: id, until: Timestamp(milliseconds: ctx.now.milliseconds + Decider.lockMinutes * 60_000))]
            }
            return [.loginFailed(staff: id)]

        case let .setAssistanceNorm(from, cents, source):
            guard (10_000...1_000_000).contains(cents) else {
                throw .invalidText(field: .norm, problem: .normRange)
            }
            try checkFree(source, .source, required: true)
            return [.assistanceNormSet(from: from, monthlyCents: cents, source: source)]

        case let .setLanguage(id, language):
            guard Decider.languages.contains(language) else {
                throw .invalidText(field: .language, problem: .oneOf(Decider.languages))
            }
            return [.staffLanguageSet(staff: id, language: language)]

        case let .recordAssessment(clientID, answers, result):
            guard s.files.clients[clientID] != nil else { throw .unknownClient(clientID) }
            return [.assessmentRecorded(Assessment(id: s.files.assessmentCount + 1, clientID: clientID, answers: answers, result: result))]
        }
    }

    /// Screen languages with translation tables.
    public static let languages = ["nl", "en"]

    /// Wrong PINs in a row that lock an account, and for how long.
    public static let maxFailedLogins = 5
    public static let lockMinutes: Int64 = 5

    static func activeSupervisors(_ s: ShelterState) -> Int { s.roster.staff.values.filter { $0.active && $0.role == .supervisor }.count }

    static func checkFree(_ text: String, _ field: InputField, required: Bool) throws(DomainError) {
        if required, text.trimmingWhitespace.isEmpty { throw .invalidText(field: field, problem: .required) }
        if let p = TextRules.freeTextProblem(text, max: 200) { throw .invalidText(field: field, problem: p) }
    }

    /// Role check inside the domain. The system actor may only set up a journal that has no
    /// supervisor yet (first-run wizard, demo generator).
    static func authorize(_ command: Command, state s: ShelterState, actor: StaffID) throws(DomainError) {
        if actor == systemActor {
            guard !s.hasActiveSupervisor else { throw .unknownActor }
            switch command {
            case .configureShelter, .addStaff, .addLocation, .addRoom, .addBed: return
            default: throw .unknownActor
            }
        }
        guard let st = s.roster.staff[actor] else { throw .unknownActor }
        guard st.active else { throw .actorDeactivated(st.username) }
        guard let permission = command.permission else {
            // A login is recorded by the person logging in, about themselves only.
            if case let .recordLogin(staff, _) = command, staff != actor { throw .unknownActor }
            if case let .setLanguage(staff, _) = command, staff != actor { throw .unknownActor }
            return
        }
        guard st.role.permissions.contains(permission) else { throw .notPermitted(role: st.role, permission: permission) }
    }
}
