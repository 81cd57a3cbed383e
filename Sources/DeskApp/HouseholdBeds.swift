import ShelterDomain

/// Beds together for a household (board `H`): for every member without a bed on the night, a
/// free bed beside the member under the cursor — the same room first, then the same location —
/// that the member may have (a minor a family bed, a man no women-only bed, no 24-hour bed
/// without a request). The desk confirms the list, naming everyone, and it is given as one
/// command, all or none (`assignHouseholdBeds`); the domain decides every placement again.
public enum HouseholdBeds {
    /// One member and the bed proposed for them.
    public struct Placement: Equatable, Sendable {
        public var client: ClientID
        public var bed: BedID
    }

    /// Why nothing can be proposed.
    public enum Problem: Error, Equatable {
        /// The person under the cursor has no household.
        case noHousehold
        /// Every other member already has a bed on the night.
        case allPlaced
        /// Not enough suitable free beds at the location; the member first left without one.
        case notEnoughBeds(ClientID)
    }

    /// The placements for the household of `client`, who holds a bed on `night`.
    public static func proposal(for client: ClientID, night: Day, state s: ShelterState) -> Result<[Placement], Problem> {
        guard let h = s.care.household(of: client) else { return .failure(.noHousehold) }
        let placed = Set(s.ledger.nights[night]?.byBed.values.map(\.clientID) ?? [])
        let members = h.members.map(\.clientID).filter { $0 != client && !placed.contains($0) && s.files.clients[$0]?.mergedInto == nil }
        guard !members.isEmpty else { return .failure(.allPlaced) }
        guard let anchor = s.bed(of: client, on: night).flatMap({ s.inventory.beds[$0] }) else { return .failure(.noHousehold) }
        // Free beds of the location in board order, the anchor's room first.
        let free = BoardRow.board(s, night: night).filter { $0.state == .free && $0.bed.locationID == anchor.locationID }.map(\.bed)
        var candidates = free.filter { $0.roomID == anchor.roomID } + free.filter { $0.roomID != anchor.roomID }
        var out: [Placement] = []
        for m in members {
            guard let i = candidates.firstIndex(where: { fits(m, $0, night: night, state: s) }) else { return .failure(.notEnoughBeds(m)) }
            out.append(Placement(client: m, bed: candidates[i].id))
            candidates.remove(at: i)
        }
        return .success(out)
    }

    /// Whether a bed suits a member at first sight (the domain's bed rules decide in the end).
    static func fits(_ client: ClientID, _ bed: Bed, night: Day, state s: ShelterState) -> Bool {
        let a = bed.attributes
        if s.isMinor(client, on: night), !a.contains(.family) { return false }
        if a.contains(.womenOnly), s.files.clients[client]?.gender != .woman { return false }
        return !a.contains(.twentyFourHour) && !a.contains(.medical)
    }
}
