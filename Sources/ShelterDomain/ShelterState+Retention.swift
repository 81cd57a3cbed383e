extension ShelterState {
    /// The first night on or after `from` on which the person (or a record merged into them) holds a bed.
    public func bedHeld(by client: ClientID, from: Day) -> Day? {
        erasureGroup(of: client).compactMap { id in (clientNights[id] ?? []).first { $0 >= from } }.min()
    }

    /// The night of the person's last contact (`lastContactNight`; records merged into them count too).
    public func lastContact(of client: ClientID) -> Day? {
        erasureGroup(of: client).compactMap { lastContactNight[$0] }.max()
    }

    /// The night from which the retention policy erases the person (nil: erased or merged already).
    public func retentionDay(of client: ClientID) -> Day? {
        guard let c = clients[client], c.mergedInto == nil, !isErased(client), let last = lastContact(of: client) else { return nil }
        return retention.erasureDay(lastContact: last)
    }

    /// Everyone the retention policy erases on `asOf` (past the term, no bed from then on), by id.
    public func retentionDue(asOf: Day) -> [ClientID] {
        clients.keys.sorted().filter { id in
            guard let day = retentionDay(of: id), day <= asOf else { return false }
            return bedHeld(by: id, from: asOf) == nil
        }
    }

    /// The supervisor's review list: who will be erased within `RetentionPolicy.reviewDays` after
    /// `asOf` (not yet due today), with their erasure night, soonest first.
    public func retentionReview(asOf: Day) -> [(client: ClientID, erasedOn: Day)] {
        let horizon = asOf.adding(days: RetentionPolicy.reviewDays)
        return clients.keys.compactMap { id -> (ClientID, Day)? in
            guard let day = retentionDay(of: id), day > asOf, day <= horizon else { return nil }
            return (id, day)
        }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map { (client: $0.0, erasedOn: $0.1) }
    }
}
