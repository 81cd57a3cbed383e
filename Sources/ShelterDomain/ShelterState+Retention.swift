extension ShelterState {
    /// The first night on or after `from` on which the person (or a record merged into them) holds a bed.
    public func bedHeld(by client: ClientID, from: Day) -> Day? {
        erasureGroup(of: client).compactMap { id in (ledger.clientNights[id] ?? []).first { $0 >= from } }.min()
    }

    /// The night of the person's last contact (`lastContactNight`; records merged into them count too).
    public func lastContact(of client: ClientID) -> Day? {
        erasureGroup(of: client).compactMap { ledger.lastContactNight[$0] }.max()
    }

    /// The night from which the retention policy erases the person (nil: erased or merged already).
    public func retentionDay(of client: ClientID) -> Day? {
        guard let c = files.clients[client], c.mergedInto == nil, !isErased(client), let last = lastContact(of: client) else { return nil }
        return retention.erasureDay(lastContact: last)
    }

    /// Everyone the retention policy erases on `asOf` (past the term, no bed from then on), by id.
    public func retentionDue(asOf: Day) -> [ClientID] {
        files.clients.keys.sorted().filter { id in
            guard let day = retentionDay(of: id), day <= asOf else { return false }
            return bedHeld(by: id, from: asOf) == nil
        }
    }

    /// The supervisor's review list: who will be erased within `RetentionPolicy.reviewDays` after
    /// `asOf` (not yet due today), with their erasure night, soonest first.
    public func retentionReview(asOf: Day) -> [(client: ClientID, erasedOn: Day)] {
        let horizon = asOf.adding(days: RetentionPolicy.reviewDays)
        return files.clients.keys.compactMap { id -> (ClientID, Day)? in
            guard let day = retentionDay(of: id), day > asOf, day <= horizon else { return nil }
            return (id, day)
        }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map { (client: $0.0, erasedOn: $0.1) }
    }
}

/// What the retention policy's care term erases for one person: referrals whose reason or outcome
/// note is past the term, and medical notes past it, by id.
public struct CareRetentionItem: Hashable, Sendable {
    public var client: ClientID
    public var referrals: [Int32]
    public var notes: [Int32]
    /// The earliest night from which one of them is (or will be) erased.
    public var erasedOn: Day
}

extension ShelterState {
    /// The night a referral's reason and outcome note are erased (nil: nothing left to erase).
    public func careErasureDay(of x: Referral) -> Day? {
        guard x.reason != nil || !x.outcomeNote.isEmpty else { return nil }
        let lastMove = [x.referredOn, x.appointmentOn, x.outcomeOn].compactMap { $0 }.max() ?? x.referredOn
        return retention.careErasureDay(lastMove: lastMove)
    }

    /// The night a medical note's text is erased (nil: not medical, or erased already).
    public func careErasureDay(of n: Note) -> Day? {
        guard n.category == .medical, !n.text.isEmpty else { return nil }
        return retention.careErasureDay(lastMove: AmsterdamTime.night(of: n.writtenAt))
    }

    /// Per person (not erased as a whole), the referral reasons and medical notes whose erasure
    /// night falls in `days`, by client id.
    func careRetention(in days: ClosedRange<Day>) -> [CareRetentionItem] {
        var byClient: [ClientID: CareRetentionItem] = [:]
        func add(_ c: ClientID, day: Day, referral: Int32? = nil, note: Int32? = nil) {
            var item = byClient[c] ?? CareRetentionItem(client: c, referrals: [], notes: [], erasedOn: day)
            if let referral { item.referrals.append(referral) }
            if let note { item.notes.append(note) }
            item.erasedOn = min(item.erasedOn, day)
            byClient[c] = item
        }
        for x in care.referrals.values where !isErased(x.clientID) {
            if let d = careErasureDay(of: x), days.contains(d) { add(x.clientID, day: d, referral: x.id) }
        }
        for (c, list) in files.notes where !isErased(c) {
            for n in list { if let d = careErasureDay(of: n), days.contains(d) { add(c, day: d, note: n.id) } }
        }
        return byClient.values.map { var i = $0; i.referrals.sort(); i.notes.sort(); return i }.sorted { ($0.erasedOn, $0.client) < ($1.erasedOn, $1.client) }
    }

    /// Referral reasons and medical notes the care term erases on `asOf` (their night has come).
    public func careRetentionDue(asOf: Day) -> [CareRetentionItem] {
        careRetention(in: Day(ordinal: Int32.min)...asOf).sorted { $0.client < $1.client }
    }

    /// The supervisor's review list for the care term: what it erases within
    /// `RetentionPolicy.reviewDays` after `asOf` (not yet due today), soonest first.
    public func careRetentionReview(asOf: Day) -> [CareRetentionItem] {
        careRetention(in: asOf.adding(days: 1)...asOf.adding(days: RetentionPolicy.reviewDays))
    }

    /// Forgets the reasons and outcome notes of `referrals` and the texts of `notes` (the care term).
    mutating func eraseCareData(client: ClientID, referrals: [Int32], notes ids: [Int32]) {
        for id in referrals {
            care.referrals[id]?.reason = nil
            care.referrals[id]?.outcomeNote = ""
        }
        let wanted = Set(ids)
        for (c, list) in files.notes where list.contains(where: { wanted.contains($0.id) }) {
            files.notes[c] = list.map { wanted.contains($0.id) ? Redaction.note($0) : $0 }
        }
    }
}
