/// Who to offer a free bed to first: the regular who slept in it last night and has no bed
/// tonight, then tonight's waiting list (people whose needs match the bed first: women for
/// women-only beds, medical flags for accessible or medical beds). Banned people and people who
/// already have a bed are left out. Pure; the picker shows these before anything is typed.
public enum BedSuggestions {
    public static func clients(for bedID: BedID, night: Day, state s: ShelterState, limit: Int = 8) -> [ClientID] {
        guard let bed = s.inventory.beds[bedID] else { return [] }
        func fits(_ id: ClientID) -> Bool {
            guard let c = s.files.clients[id], c.mergedInto == nil, s.bed(of: id, on: night) == nil, s.ban(of: id, on: night) == nil else { return false }
            return !bed.attributes.contains(.womenOnly) || c.gender == .woman
        }
        func matchesNeeds(_ id: ClientID) -> Bool {
            guard let c = s.files.clients[id] else { return false }
            if bed.attributes.contains(.womenOnly) { return c.gender == .woman }
            if !bed.attributes.isDisjoint(with: [.accessible, .medical]) { return c.details.vulnerabilities.contains(.medical) }
            return false
        }
        var out: [ClientID] = []
        if let regular = s.ledger.nights[night.adding(days: -1)]?.byBed[bedID]?.clientID, fits(regular) { out.append(regular) }
        let waiting = s.waiting(on: night).map(\.clientID).filter(fits)
        out += waiting.filter(matchesNeeds) + waiting.filter { !matchesNeeds($0) }
        var seen = Set<ClientID>()
        return Array(out.filter { seen.insert($0).inserted }.prefix(limit))
    }
}
