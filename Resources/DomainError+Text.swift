import ShelterDomain

/// A refusal in words: the domain's typed reason, said by the translation tables
/// (`error.<code>`, `input.<code>`, `textProblem.*`, `dateProblem.*`) in the user's language. Matching a refusal is
/// done on its case or its `code`, never on this text.
extension DomainError: CustomStringConvertible {
    /// In English: for logs, scripts' stderr and `"\(error)"`.
    public var description: String { text(Strings.en) }

    /// The message in Dutch ("nl", the default) or English ("en").
    public func text(_ lang: String) -> String { text(Strings.forLanguage(lang)) }

    /// The message from the given tables.
    public func text(_ t: Strings) -> String {
        let key = "error.\(code)"
        switch self {
        case .unknownActor, .lastSupervisor, .noOpenStay, .alreadyClosed, .nothingChanged, .alreadyWaiting:
            return t[key]
        case .actorDeactivated(let name), .usernameTaken(let name):
            return t.fill(key, name)
        case let .notPermitted(role, permission):
            return t.fill(key, t["role.\(role)"], t["permission.\(permission.rawValue)"])
        case let .invalidText(field, problem):
            return t.fill(key, t["input.\(field.rawValue)"], Self.fill(t, problem.key, problem.arguments))
        case let .invalidDate(field, problem):
            return t.fill(key, t["input.\(field.rawValue)"], Self.fill(t, problem.key, problem.arguments))
        case .consentRequired(let field):
            return t.fill(key, t["input.\(field.rawValue)"])
        case .unknownStaff(let id), .unknownLocation(let id), .unknownRoom(let id), .unknownBed(let id), .unknownClient(let id),
             .unknownRequest(let id), .unknownBan(let id), .unknownAlert(let id), .unknownWaitlistEntry(let id),
             .unknownReturnPlan(let id), .returnPlanActive(let id), .requestAlreadyDecided(let id), .mergedRecord(let id):
            return t.fill(key, String(id))
        case let .bedTaken(bed, night), let .clientHasBed(bed, night):
            return t.fill(key, bed, night.shown(t))
        case .womenOnlyBed(let bed), .coldWeatherBedClosed(let bed), .needsApproval(let bed):
            return t.fill(key, bed)
        case let .stayLimitReached(used, max):
            return t.fill(key, String(used), String(max))
        case .noReservation(let night), .alreadyCheckedIn(let night), .mergeConflict(let night), .notCheckedIn(let night), .noExit(let night):
            return t.fill(key, night.shown(t))
        case .accountLocked(let until):
            return t.fill(key, String(t.timestamp(until).suffix(5)))
        case .banned(let until):
            guard let until else { return t["error.banned_open"] }
            return t.fill(key, until.shown(t))
        case let .bedOutOfService(bed, until, reason):
            guard let until else { return t.fill("error.out_of_service_open", bed, reason) }
            return t.fill(key, bed, until.shown(t), reason)
        case .beforeCutoff(let time):
            return t.fill(key, time)
        case let .returnStepMissing(to, missing):
            return t.fill(key, t["rstatus.\(to.code)"], missing.map { t["return.missing.\($0)"] }.joined(separator: ", "))
        case let .returnStepNotAllowed(from, to):
            return t.fill(key, t["rstatus.\(from.code)"], t["rstatus.\(to.code)"])
        case .outflowNeedsLikely(let code):
            return t.fill(key, t["outflow.\(code)"])
        case .responsibleAdultRequired(let age):
            return t.fill(key, String(age))
        case .responsibleAdultIsMinor(let id), .unknownReferral(let id), .referralNoAppointment(let id), .unknownHousehold(let id), .alreadyInHousehold(let id):
            return t.fill(key, String(id))
        case .minorNotInFamilyRoom(let bed):
            return t.fill(key, bed)
        case .familiesNotAccepted(let location):
            return t.fill(key, location)
        case .referralAppointmentAhead(let on):
            return t.fill(key, on.shown(t))
        case .selfRelianceNeedsLikely:
            return t[key]
        case .reasonRequired, .nothingToUndo, .undoOutdated:
            return t[key]
        case .undoExpired(let minutes):
            return t.fill(key, String(minutes))
        case .alreadyErased(let id):
            return t.fill(key, String(id))
        case .erasureWhileStaying(let night):
            return t.fill(key, night.shown(t))
        case .reasonNamesPerson:
            return t[key]
        case .retentionOutOfRange(let months):
            return t.fill(key, String(months))
        case let .careRetentionOutOfRange(months, term):
            return t.fill(key, String(months), String(term))
        }
    }

    /// A problem's text (`TextProblem.key`, `DateProblem.key`) with its values filled in.
    public static func fill(_ t: Strings, _ key: String, _ args: [String]) -> String {
        var out = ""
        var rest = args[...]
        var text = Substring(t[key])
        while let r = text.range(of: "%s") {
            out += text[..<r.lowerBound]
            out += rest.popFirst() ?? ""
            text = text[r.upperBound...]
        }
        return out + text
    }
}

extension TextProblem {
    /// What is wrong, in the language of the tables ("is required", "contains control characters" …).
    public func text(_ t: Strings) -> String { DomainError.fill(t, key, arguments) }
}

extension DateProblem {
    /// What is wrong with the date, in the language of the tables.
    public func text(_ t: Strings) -> String { DomainError.fill(t, key, arguments) }
}
