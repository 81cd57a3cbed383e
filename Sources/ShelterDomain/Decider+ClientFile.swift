extension Decider {
    /// Checks a client record as typed: names, dates, codes, and that without consent nothing
    /// beyond the minimum (names, nationality, gender for bed safety) is kept.
    static func validateClient(_ c: Client, today: Day) throws(DomainError) {
        if let p = TextRules.nameProblem(c.givenNames, required: false) { throw .invalidText(field: .givenNames, problem: p) }
        if let p = TextRules.nameProblem(c.familyNames, required: false) { throw .invalidText(field: .familyNames, problem: p) }
        if let p = TextRules.nameProblem(c.alias, required: false) { throw .invalidText(field: .alias, problem: p) }
        if c.givenNames.isEmpty, c.familyNames.isEmpty, c.alias.isEmpty {
            throw .invalidText(field: .name, problem: .nameOrAlias)
        }
        switch c.birth {
        case .exact(let d)? where d > today: throw .invalidDate(field: .dateOfBirth, problem: .inFuture(d))
        case .exact(let d)? where d.year < today.year - 120: throw .invalidDate(field: .dateOfBirth, problem: .implausible(d))
        case .estimatedYear(let y)? where y > today.year || y < today.year - 120:
            throw .invalidDate(field: .birthYear, problem: .implausibleBirthYear(y))
        default: break
        }
        if let a = c.arrivedNL, a > today { throw .invalidDate(field: .arrivedNL, problem: .inFuture(a)) }
        guard c.nationality.isEmpty || (c.nationality.utf8.count == 2 && c.nationality == c.nationality.uppercased()
                                        && c.nationality.allSatisfy { $0.isASCII && $0.isLetter }) else {
            throw .invalidText(field: .nationality, problem: .countryCode)
        }
        let d = c.details
        switch d.consent.status {
        case .given:
            guard let date = d.consent.date else { throw .invalidDate(field: .consentDate, problem: .requiredWithConsent) }
            if date > today { throw .invalidDate(field: .consentDate, problem: .inFuture(date)) }
            guard d.consent.purposeExplained else { throw .invalidText(field: .consent, problem: .explainPurpose) }
        case .refused, .notRecorded:
            if c.birth != nil { throw .consentRequired(field: .dateOfBirth) }
            if c.arrivedNL != nil { throw .consentRequired(field: .arrivedNL) }
            if !d.isMinimal { throw .consentRequired(field: .details) }
        }
        if !d.consent.language.isEmpty, !isLanguageCode(d.consent.language) {
            throw .invalidText(field: .consentLanguage, problem: .languageCode)
        }
        for l in d.languages where !isLanguageCode(l) {
            throw .invalidText(field: .languages, problem: .notALanguageCode(l))
        }
        if let doc = d.idDocument, let p = IDDocument.numberProblem(doc.number) { throw .invalidText(field: .idNumber, problem: p) }
        if !d.bsn.isEmpty, !BSN.isValid(d.bsn) { throw .invalidText(field: .bsn, problem: .bsnCheck(d.bsn)) }
        if !d.phone.isEmpty {
            let digits = d.phone.filter(\.isNumber).count
            guard d.phone.allSatisfy({ $0.isASCII && ($0.isNumber || " +-()".contains($0)) }), (6...15).contains(digits) else {
                throw .invalidText(field: .phone, problem: .phone)
            }
        }
        if let e = d.ethos, !(1...6).contains(e) { throw .invalidText(field: .ethos, problem: .ethosRange) }
        if let p = TextRules.freeTextProblem(d.lastEmployer, max: 200) { throw .invalidText(field: .lastEmployer, problem: p) }
        if let e = d.employmentEnded, e > today { throw .invalidDate(field: .employmentEnded, problem: .inFuture(e)) }
        if d.problems.contains(.noneDisclosed), d.problems != .noneDisclosed {
            throw .invalidText(field: .problemAreas, problem: .noneWithProblem)
        }
        if d.vulnerabilities.contains(.youngAdult), let b = c.birth, b.age(on: today) >= 23 {
            throw .invalidText(field: .youngAdult, problem: .youngAdultAge)
        }
    }

    public static func isLanguageCode(_ s: String) -> Bool { s.utf8.count == 2 && s.allSatisfy { $0.isASCII && $0.isLowercase } }

    /// The client file's commands: edits, notes, bans, alerts, merges, dismissed duplicates.
    static func decideClientFile(_ command: Command, state s: ShelterState, context ctx: CommandContext) throws(DomainError) -> [Event] {
        let today = AmsterdamTime.local(ctx.now).day
        switch command {
        case let .updateClient(c):
            guard let old = s.files.clients[c.id] else { throw .unknownClient(c.id) }
            if let into = old.mergedInto { throw .mergedRecord(into: into) }
            try validateClient(c, today: today)
            let changes = ClientFields.changes(from: old, to: c)
            guard !changes.isEmpty else { throw .nothingChanged }
            var new = c
            new.stayStart = old.stayStart; new.lastOutflow = old.lastOutflow; new.registeredAt = old.registeredAt
            return [.clientUpdated(new, changes: changes)]

        case let .addNote(client, category, text):
            guard s.files.clients[client] != nil else { throw .unknownClient(client) }
            try checkFree(text, .note, required: true)
            if let p = TextRules.freeTextProblem(text, max: 2000) { throw .invalidText(field: .note, problem: p) }
            return [.noteAdded(Note(id: s.files.noteCount + 1, clientID: client, category: category, text: text))]

        case let .imposeBan(client, from, until, reason):
            guard s.files.clients[client] != nil else { throw .unknownClient(client) }
            try checkFree(reason, .reason, required: true)
            if let until, until < from { throw .invalidDate(field: .until, problem: .before(until, other: from, what: .start)) }
            return [.banImposed(Ban(id: s.nextBanID, clientID: client, from: from, until: until, reason: reason))]

        case let .liftBan(id, note):
            guard let ban = s.files.bans[id] else { throw .unknownBan(id) }
            guard ban.liftedOn == nil else { throw .alreadyClosed }
            try checkFree(note, .note, required: false)
            return [.banLifted(ban: id, on: AmsterdamTime.night(of: ctx.now), note: note)]

        case let .raiseAlert(client, reason, contact):
            guard s.files.clients[client] != nil else { throw .unknownClient(client) }
            try checkFree(reason, .reason, required: true)
            try checkFree(contact, .contact, required: true)
            return [.alertRaised(ClientAlert(id: s.nextAlertID, clientID: client, reason: reason, contact: contact))]

        case let .closeAlert(id, note):
            guard let a = s.files.alerts[id] else { throw .unknownAlert(id) }
            guard a.isOpen else { throw .alreadyClosed }
            try checkFree(note, .note, required: true)
            return [.alertClosed(alert: id, note: note)]

        case let .mergeClients(survivor, absorbed, values):
            guard let a = s.files.clients[survivor] else { throw .unknownClient(survivor) }
            guard let b = s.files.clients[absorbed] else { throw .unknownClient(absorbed) }
            guard survivor != absorbed else { throw .invalidText(field: .merge, problem: .sameRecord) }
            if let into = a.mergedInto ?? b.mergedInto { throw .mergedRecord(into: into) }
            let nightsA = Set(s.ledger.clientNights[survivor] ?? [])
            if let clash = (s.ledger.clientNights[absorbed] ?? []).first(where: nightsA.contains) { throw .mergeConflict(night: clash) }
            try validateClient(values, today: today)
            var merged = values
            merged.id = survivor
            return [.clientsMerged(survivor: survivor, absorbed: absorbed, merged: merged)]

        case let .dismissDuplicate(a, b):
            guard s.files.clients[a] != nil else { throw .unknownClient(a) }
            guard s.files.clients[b] != nil else { throw .unknownClient(b) }
            guard a != b else { throw .invalidText(field: .duplicate, problem: .sameRecord) }
            guard !s.files.notDuplicates.contains(ShelterState.pairKey(a, b)) else { return [] }
            return [.duplicateDismissed(a, b)]

        default:
            return []
        }
    }
}
