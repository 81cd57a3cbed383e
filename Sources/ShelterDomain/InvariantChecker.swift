/// Replays events and reports every breach of the rules the desk relies on: a bed given to two
/// people on one night, a person in two beds on one night, a stay beyond the limit without an
/// approved extension (cold-weather nights excepted), a banned or merged-away person or a bed out
/// of service given a night. Used by `onderdak verify --deep`.
public struct InvariantChecker {
    public private(set) var state = ShelterState.initial
    public private(set) var violations: [String] = []
    public init() {}

    public mutating func apply(_ r: RecordedEvent) {
        if case let .bedAssigned(night, bed, client) = r.event {
            if let holder = state.ledger.nights[night]?.byBed[bed], holder.clientID != client {
                violations.append("event \(r.sequence): bed \(bed) given to client \(client) on night \(night.iso) while client \(holder.clientID) has it (double booking)")
            }
            if let other = state.bed(of: client, on: night), other != bed {
                violations.append("event \(r.sequence): client \(client) given bed \(bed) on night \(night.iso) while holding bed \(other) (person in two beds)")
            }
            if let into = state.files.clients[client]?.mergedInto {
                violations.append("event \(r.sequence): bed \(bed) given on night \(night.iso) to client \(client), a record merged into \(into)")
            }
            if state.ban(of: client, on: night) != nil {
                violations.append("event \(r.sequence): bed \(bed) given on night \(night.iso) to client \(client) while banned")
            }
            if let off = state.outOfService(bed, on: night) {
                violations.append("event \(r.sequence): bed \(bed) given on night \(night.iso) while out of service (\(off.note))")
            }
            if let b = state.inventory.beds[bed], let loc = state.inventory.locations[b.locationID],
               let (used, max) = state.bindingStayLimit(for: client, at: loc.id, on: night) {
                let already = state.bed(of: client, on: night) != nil
                if used + (already ? 0 : 1) > max, state.approvedExtension(client: client, location: loc.id, covering: night) == nil {
                    violations.append("event \(r.sequence): client \(client) given night \(night.iso) beyond the limit (\(used + 1)/\(max)) without an approved extension")
                }
            }
        }
        if case let .checkedIn(night, bed, client) = r.event {
            if let holder = state.ledger.nights[night]?.byBed[bed], holder.clientID != client {
                violations.append("event \(r.sequence): client \(client) checked in to bed \(bed) on night \(night.iso) held by client \(holder.clientID)")
            }
        }
        state.evolve(r)
    }
}
