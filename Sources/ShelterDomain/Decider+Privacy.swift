extension Decider {
    /// Erasure and retention (supervisors only; `authorize` has checked the role).
    static func decidePrivacy(_ command: Command, state s: ShelterState, context ctx: CommandContext) throws(DomainError) -> [Event] {
        let today = AmsterdamTime.night(of: ctx.now)
        switch command {
        case let .eraseClient(id, reason):
            guard let c = s.files.clients[id] else { throw .unknownClient(id) }
            if s.isErased(id) { throw .alreadyErased(id) }
            if let into = c.mergedInto { throw .mergedRecord(into: into) }
            try checkFree(reason, .reason, required: true)
            let names = Set((NameNormalizer.tokens(c.givenNames) + NameNormalizer.tokens(c.familyNames) + NameNormalizer.tokens(c.alias)).filter { $0.count >= 3 })
            if !names.isDisjoint(with: NameNormalizer.tokens(reason)) { throw .reasonNamesPerson }
            if let night = s.bedHeld(by: id, from: today) { throw .erasureWhileStaying(night: night) }
            return [.clientErased(client: id, reason: reason, automatic: false)]
        case let .applyRetention(asOf):
            let months = s.retention.months
            let erased = s.retentionDue(asOf: asOf)
            let whole = Set(erased)
            let care: [Event] = s.careRetentionDue(asOf: asOf).filter { !whole.contains($0.client) }.map {
                .careDataErased(client: $0.client, referrals: $0.referrals, notes: $0.notes)
            }
            return care + erased.map {
                .clientErased(client: $0, reason: "retention: no contact for \(months) months", automatic: true)
            }
        case let .setRetention(months, careMonths):
            guard (6...120).contains(months) else { throw .retentionOutOfRange(months) }
            let care = careMonths ?? min(s.retention.careMonths, months)
            guard RetentionPolicy.careRange.contains(care), care <= months else { throw .careRetentionOutOfRange(care, term: months) }
            return [.retentionPolicySet(months: months, careMonths: care)]
        default:
            return []
        }
    }
}
