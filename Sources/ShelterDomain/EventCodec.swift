/// Encodes events into the journal's compact binary payload and decodes them back, upcasting
/// old schema versions to the current shape. Layout: type tag (u16), schema version (u8),
/// sequence (varint), timestamp ms (zig-zag), actor (zig-zag), then the event's fields.
///
/// Schema history (a shipped version never changes):
/// - `staff_added` v1: id, username, display name, role. v2 adds the PIN credential (optional).
/// - `client_registered` v1: names, birth, gender, nationality, arrival. v2 adds the details
///   (languages, ID document, BSN, phone, ETHOS, work, insurance, problems, vulnerabilities, consent);
///   v1 upcasts to "no details, consent not recorded".
/// - `assessment_recorded` v1: the answers as the checklist's JSON text. v2 stores them as
///   binary fields (decoding JSON was most of a city replay); v1 still decodes to the same shape.
///   v3 adds which questions were answered (the others are unknown, shown as "not asked");
///   v1 and v2 decode with that unknown (every answer shown).
/// - `retention_policy_set` v1: months. v2 adds the care term (medical notes, referral reasons);
///   v1 upcasts to the default care term (or `months`, if shorter).
/// - every other type: v1.
///
/// Which types exist, their tags, names and current versions: `EventType`, the catalogue (the
/// tags kept free, and 64 the sealed frame, are listed there). The fields of each family are
/// encoded in its own file: the client file (`EventCodec+ClientFile.swift`), returns and
/// audit (`+Returns`), undo (`+Undo`), outflow (`+Outflow`), care (`+Care`), privacy (`+Privacy`).
public enum EventCodec {
    /// The highest event tag this build knows (`EventType.maxTag`).
    public static let maxTag: UInt16 = EventType.maxTag

    /// The version each event type is written with today (`EventType.currentVersion`; 1 for a
    /// tag this build does not know).
    public static func currentVersion(of tag: UInt16) -> UInt8 {
        EventType(tag: tag)?.currentVersion ?? 1
    }

    public static func encode(_ r: RecordedEvent) -> [UInt8] {
        var w = ByteWriter(capacity: 48)
        let type = r.event.type
        w.u16(type.rawValue)
        w.u8(type.currentVersion)
        w.varint(r.sequence)
        w.int(r.timestamp.milliseconds)
        w.int(r.actor)
        encodeBody(r.event, into: &w)
        return w.bytes
    }

    /// Encodes a staff_added event in its old v1 shape (for upcasting tests and fixtures).
    public static func encodeStaffAddedV1(_ s: Staff, sequence: UInt64, timestamp: Timestamp, actor: StaffID) -> [UInt8] {
        var w = ByteWriter()
        w.u16(EventType.staffAdded.tag); w.u8(1); w.varint(sequence); w.int(timestamp.milliseconds); w.int(actor)
        w.int(s.id); w.string(s.username); w.string(s.displayName); w.u8(s.role.rawValue)
        return w.bytes
    }

    /// `assessment_recorded` as schema v1 wrote it (answers as JSON text), for the upcast test.
    public static func encodeAssessmentV1(_ a: Assessment, sequence: UInt64, timestamp: Timestamp, actor: StaffID) -> [UInt8] {
        var w = ByteWriter()
        w.u16(EventType.assessmentRecorded.tag); w.u8(1); w.varint(sequence); w.int(timestamp.milliseconds); w.int(actor)
        w.int(a.id); w.int(a.clientID)
        w.string(a.answers.json.serialized)
        w.string(a.result.outcome.rawValue); w.string(a.result.ground); w.optionalDay(a.result.validUntil)
        w.varint(UInt64(a.result.missingEvidence.count)); for m in a.result.missingEvidence { w.string(m) }
        w.string(a.result.legalBasis); w.string(a.result.ruleSet)
        return w.bytes
    }

    static func encodeAnswers(_ a: ChecklistAnswers, into w: inout ByteWriter) {
        w.day(a.assessmentDate); w.string(a.nationality); w.day(a.arrivedNL); w.optionalDay(a.continuousResidenceSince)
        let flags = [a.absentOverTwoYears, a.workingNow, a.selfEmployedNow, a.unemploymentInvoluntary, a.registeredJobseekerUWV,
                     a.unableToWorkIllness, a.vocationalTraining, a.familyOfEntitled, a.sufficientResourcesAndInsurance]
        w.u16(flags.enumerated().reduce(0) { $0 | ($1.element ? UInt16(1) << UInt16($1.offset) : 0) })
        w.double(a.hoursPerWeek); w.double(a.monthlyIncomeEUR); w.int(a.workHistoryMonths); w.optionalDay(a.lastWorkEnd)
        w.varint(UInt64(a.evidence.count)); for e in a.evidence { w.string(e) }
    }

    static func decodeAnswers(_ r: inout ByteReader) throws(CodecError) -> ChecklistAnswers {
        let date = try r.day(), nationality = try r.string(), arrived = try r.day()
        var a = ChecklistAnswers(assessmentDate: date, nationality: nationality, arrivedNL: arrived)
        a.continuousResidenceSince = try r.optionalDay()
        let f = try r.u16()
        guard f < 1 << 9 else { throw .malformed("unknown checklist answer flags") }
        func bit(_ i: UInt16) -> Bool { f & (1 << i) != 0 }
        a.absentOverTwoYears = bit(0); a.workingNow = bit(1); a.selfEmployedNow = bit(2); a.unemploymentInvoluntary = bit(3)
        a.registeredJobseekerUWV = bit(4); a.unableToWorkIllness = bit(5); a.vocationalTraining = bit(6); a.familyOfEntitled = bit(7)
        a.sufficientResourcesAndInsurance = bit(8)
        a.hoursPerWeek = try r.double(); a.monthlyIncomeEUR = try r.double(); a.workHistoryMonths = try r.int(); a.lastWorkEnd = try r.optionalDay()
        let n = try r.varint()
        guard n <= 32 else { throw .malformed("too many documents in the checklist answers") }
        for _ in 0..<n { a.evidence.append(try r.string()) }
        return a
    }

    static func encodeBody(_ e: Event, into w: inout ByteWriter) {
        switch e {
        case let .shelterConfigured(name, municipality):
            w.string(name); w.string(municipality)
        case let .staffAdded(s):
            w.int(s.id); w.string(s.username); w.string(s.displayName); w.u8(s.role.rawValue)
            if let c = s.credential {
                w.bool(true); w.string(c.algorithm); w.varint(UInt64(c.rounds)); w.raw(c.salt); w.raw(c.hash)
            } else { w.bool(false) }
        case let .staffRoleChanged(staff, role):
            w.int(staff); w.u8(role.rawValue)
        case let .staffDeactivated(staff):
            w.int(staff)
        case let .locationAdded(l):
            w.int(l.id); w.string(l.name); w.string(l.municipality)
            w.int(l.policy.maxNights ?? -1); w.int(l.policy.windowDays); w.int(l.policy.checkInCutoffMinutes)
            w.bool(l.policy.twentyFourHourNeedsApproval)
        case let .roomAdded(r):
            w.int(r.id); w.int(r.locationID); w.string(r.name)
        case let .bedAdded(b):
            w.int(b.id); w.int(b.roomID); w.int(b.locationID); w.string(b.label); w.varint(UInt64(b.attributes.rawValue))
        case let .clientRegistered(c):
            encodeClient(c, into: &w)
        case .clientUpdated, .noteAdded, .banImposed, .banLifted, .alertRaised, .alertClosed, .clientsMerged, .duplicateDismissed,
             .bedOutOfService, .bedBackInService, .coldWeatherStarted, .coldWeatherEnded, .waitlisted, .waitlistClosed, .checkedOut:
            encodeClientFile(e, into: &w)
        case .returnPlanOpened, .returnPlanUpdated, .returnStatusChanged, .returnConsentWithdrawn, .indDecisionRecorded, .exportMade,
             .medicalNotesViewed, .accessRefused, .bedRefused:
            encodeReturns(e, into: &w)
        case .outflowOverridden, .absencePolicySet, .stayClosedForAbsence, .outflowCorrected:
            encodeOutflow(e, into: &w)
        case .referralMade, .referralAppointmentMade, .referralClosed, .adminStatusChanged, .householdFormed, .householdMemberAdded,
             .familyPolicySet, .selfRelianceAssessed, .interpreterNeedSet:
            encodeCare(e, into: &w)
        case .reservationCancelled, .checkInUndone, .noShowUndone, .checkOutUndone, .exitUndone:
            encodeUndo(e, into: &w)
        case .clientErased, .retentionPolicySet, .careDataErased:
            encodePrivacy(e, into: &w)
        case let .bedAssigned(night, bed, client), let .checkedIn(night, bed, client):
            w.day(night); w.int(bed); w.int(client)
        case let .reservationReleased(night, bed, client, noShow):
            w.day(night); w.int(bed); w.int(client); w.bool(noShow)
        case let .extensionRequested(x):
            w.int(x.id); w.int(x.clientID); w.int(x.locationID); w.u8(x.reason.rawValue); w.string(x.note)
            w.day(x.requestedUntil); w.int(x.requestedBy)
        case let .extensionDecided(request, approved, until, note):
            w.int(request); w.bool(approved); w.optionalDay(until); w.string(note)
        case let .stayEnded(client, night, outflow):
            w.int(client); w.day(night); w.u8(outflow.rawValue)
        case let .assessmentRecorded(a):
            w.int(a.id); w.int(a.clientID)
            encodeAnswers(a.answers, into: &w)
            w.string(a.result.outcome.rawValue); w.string(a.result.ground); w.optionalDay(a.result.validUntil)
            w.varint(UInt64(a.result.missingEvidence.count)); for m in a.result.missingEvidence { w.string(m) }
            w.string(a.result.legalBasis); w.string(a.result.ruleSet)
            // v3: which questions were answered (the rest are unknown).
            if let asked = a.answers.asked {
                w.bool(true)
                w.varint(UInt64(ChecklistAnswers.keys.enumerated().reduce(0) { asked.contains($1.element) ? $0 | (1 << $1.offset) : $0 }))
            } else { w.bool(false) }
        case let .loginSucceeded(staff), let .loginFailed(staff):
            w.int(staff)
        case let .accountLocked(staff, until):
            w.int(staff); w.int(until.milliseconds)
        case let .staffLanguageSet(staff, language):
            w.int(staff); w.string(language)
        case let .assistanceNormSet(from, cents, source):
            w.day(from); w.int(cents); w.string(source)
        }
    }

    public static func decode(_ bytes: [UInt8]) throws(CodecError) -> RecordedEvent {
        do {
            return try bytes.withUnsafeBytes { (p: UnsafeRawBufferPointer) throws(CodecError) -> RecordedEvent in
                try decode(p)
            }
        } catch let e as CodecError { throw e } catch { throw .malformed("\(error)") }
    }

    public static func decode(_ p: UnsafeRawBufferPointer) throws(CodecError) -> RecordedEvent {
        var r = ByteReader(p)
        let tag = try r.u16()
        let version = try r.u8()
        let seq = try r.varint()
        let ts = Timestamp(milliseconds: try r.int64())
        let actor = try r.int32()
        guard let type = EventType(tag: tag) else { throw .unknownEventType(tag) }
        guard version >= 1, version <= type.currentVersion else { throw .unsupportedVersion(type: tag, version: version) }
        let event = try decodeBody(type: type, version: version, &r)
        guard r.isAtEnd else { throw .malformed("extra bytes after the event") }
        return RecordedEvent(sequence: seq, timestamp: ts, actor: actor, schemaVersion: version, event: event)
    }

    static func role(_ r: inout ByteReader) throws(CodecError) -> Role {
        guard let role = Role(rawValue: try r.u8()) else { throw .malformed("unknown role") }
        return role
    }

    static func decodeBody(type: EventType, version: UInt8, _ r: inout ByteReader) throws(CodecError) -> Event {
        switch type {
        case .shelterConfigured:
            return .shelterConfigured(name: try r.string(), municipality: try r.string())
        case .staffAdded:
            var s = Staff(id: try r.int32(), username: try r.string(), displayName: try r.string(), role: try role(&r))
            if version >= 2, try r.bool() {  // v1 had no credential: upcast to "no PIN set"
                let alg = try r.string()
                let rounds = try r.varint()
                guard rounds <= UInt64(UInt32.max) else { throw .malformed("rounds out of range") }
                s.credential = PinCredential(algorithm: alg, rounds: UInt32(rounds), salt: try r.raw(), hash: try r.raw())
            }
            return .staffAdded(s)
        case .staffRoleChanged:
            return .staffRoleChanged(staff: try r.int32(), role: try role(&r))
        case .staffDeactivated:
            return .staffDeactivated(staff: try r.int32())
        case .locationAdded:
            let id = try r.int32(), name = try r.string(), muni = try r.string()
            let maxN = try r.int(), window = try r.int(), cutoff = try r.int(), needs = try r.bool()
            return .locationAdded(Location(id: id, name: name, municipality: muni,
                                           policy: StayPolicy(maxNights: maxN < 0 ? nil : maxN, windowDays: window,
                                                              checkInCutoffMinutes: cutoff, twentyFourHourNeedsApproval: needs)))
        case .roomAdded:
            return .roomAdded(Room(id: try r.int32(), locationID: try r.int32(), name: try r.string()))
        case .bedAdded:
            let id = try r.int32(), room = try r.int32(), loc = try r.int32(), label = try r.string()
            let attrs = try r.varint()
            guard attrs <= UInt64(UInt16.max) else { throw .malformed("bed attributes out of range") }
            return .bedAdded(Bed(id: id, roomID: room, locationID: loc, label: label, attributes: BedAttributes(rawValue: UInt16(attrs))))
        case .clientRegistered:
            return .clientRegistered(try decodeClient(version: version, &r))
        case .clientUpdated, .noteAdded, .banImposed, .banLifted, .alertRaised, .alertClosed, .clientsMerged, .duplicateDismissed,
             .bedOutOfService, .bedBackInService, .coldWeatherStarted, .coldWeatherEnded, .waitlisted, .waitlistClosed, .checkedOut:
            return try decodeClientFile(type: type, &r)
        case .returnPlanOpened, .returnPlanUpdated, .returnStatusChanged, .returnConsentWithdrawn, .indDecisionRecorded, .exportMade,
             .medicalNotesViewed, .accessRefused, .bedRefused:
            return try decodeReturns(type: type, &r)
        case .outflowOverridden, .absencePolicySet, .stayClosedForAbsence, .outflowCorrected:
            return try decodeOutflow(type: type, &r)
        case .referralMade, .referralAppointmentMade, .referralClosed, .adminStatusChanged, .householdFormed, .householdMemberAdded,
             .familyPolicySet, .selfRelianceAssessed, .interpreterNeedSet:
            return try decodeCare(type: type, &r)
        case .reservationCancelled, .checkInUndone, .noShowUndone, .checkOutUndone, .exitUndone:
            return try decodeUndo(type: type, &r)
        case .clientErased, .retentionPolicySet, .careDataErased:
            return try decodePrivacy(type: type, version: version, &r)
        case .bedAssigned:
            return .bedAssigned(night: try r.day(), bed: try r.int32(), client: try r.int32())
        case .checkedIn:
            return .checkedIn(night: try r.day(), bed: try r.int32(), client: try r.int32())
        case .reservationReleased:
            return .reservationReleased(night: try r.day(), bed: try r.int32(), client: try r.int32(), noShow: try r.bool())
        case .extensionRequested:
            let id = try r.int32(), client = try r.int32(), loc = try r.int32()
            guard let reason = ExtensionRequest.Reason(rawValue: try r.u8()) else { throw .malformed("unknown reason") }
            let note = try r.string(), until = try r.day(), by = try r.int32()
            return .extensionRequested(ExtensionRequest(id: id, clientID: client, locationID: loc, reason: reason, note: note,
                                                        requestedUntil: until, requestedBy: by))
        case .extensionDecided:
            return .extensionDecided(request: try r.int32(), approved: try r.bool(), until: try r.optionalDay(), note: try r.string())
        case .stayEnded:
            let client = try r.int32(), night = try r.day()
            guard let o = Outflow(rawValue: try r.u8()) else { throw .malformed("unknown outflow") }
            return .stayEnded(client: client, night: night, outflow: o)
        case .assessmentRecorded:
            let id = try r.int32(), client = try r.int32()
            var answers: ChecklistAnswers
            if version >= 2 {
                answers = try decodeAnswers(&r)
            } else {
                let answersText = try r.string()
                do { answers = try ChecklistAnswers.parse(json: Array(answersText.utf8)) } catch {
                    throw .malformed("stored checklist answers: \(error)")
                }
            }
            guard let outcome = ChecklistOutcome(rawValue: try r.string()) else { throw .malformed("unknown checklist outcome") }
            let ground = try r.string(), validUntil = try r.optionalDay()
            let n = try r.varint()
            guard n < 64 else { throw .malformed("too many missing documents") }
            var missing: [String] = []
            for _ in 0..<n { missing.append(try r.string()) }
            let basis = try r.string(), set = try r.string()
            answers.asked = nil
            if version >= 3, try r.bool() {
                let mask = try r.varint()
                guard mask < 1 << ChecklistAnswers.keys.count else { throw .malformed("unknown checklist answer keys") }
                answers.asked = Set(ChecklistAnswers.keys.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))
            }
            return .assessmentRecorded(Assessment(id: id, clientID: client, answers: answers,
                                                  result: ChecklistResult(outcome: outcome, ground: ground, validUntil: validUntil,
                                                                          missingEvidence: missing, legalBasis: basis, ruleSet: set)))
        case .loginSucceeded:
            return .loginSucceeded(staff: try r.int32())
        case .loginFailed:
            return .loginFailed(staff: try r.int32())
        case .accountLocked:
            return .accountLocked(staff: try r.int32(), until: Timestamp(milliseconds: try r.int64()))
        case .assistanceNormSet:
            return .assistanceNormSet(from: try r.day(), monthlyCents: try r.int(), source: try r.string())
        case .staffLanguageSet:
            return .staffLanguageSet(staff: try r.int32(), language: try r.string())
        }
    }
}
