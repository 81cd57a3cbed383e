/// The voluntary-return part of the shelter state: every return plan, its steps, and the plans of each client.
public struct ReturnPlanBook: Hashable, Sendable {
    public internal(set) var returnPlans: [ReturnPlanID: ReturnPlan] = [:]
    public internal(set) var returnPlanIDs: [ClientID: [ReturnPlanID]] = [:]
    /// Each plan's steps, oldest first.
    public internal(set) var returnSteps: [ReturnPlanID: [ReturnStep]] = [:]

    /// Applies one return-plan event (area `.returns`); other events are left alone. The
    /// file's history is noted by `ShelterState` (`returnHistory`).
    mutating func evolve(_ r: RecordedEvent) {
        switch r.event {
        case let .returnPlanOpened(p):
            var p = p
            p.status = .exploring
            returnPlans[p.id] = p
            returnPlanIDs[p.clientID, default: []].append(p.id)
            returnSteps[p.id] = [ReturnStep(status: .exploring, on: AmsterdamTime.local(r.timestamp).day, by: r.actor, note: "")]
        case let .returnPlanUpdated(p):
            guard let old = returnPlans[p.id] else { break }
            var p = p
            p.status = old.status; p.cancelReason = old.cancelReason; p.consentWithdrawn = old.consentWithdrawn; p.clientID = old.clientID
            returnPlans[p.id] = p
        case let .returnStatusChanged(id, to, on, note):
            returnPlans[id]?.status = to
            if to == .cancelled { returnPlans[id]?.cancelReason = note }
            returnSteps[id, default: []].append(ReturnStep(status: to, on: on, by: r.actor, note: note))
        case let .returnConsentWithdrawn(id, on, _):
            returnPlans[id]?.consentWithdrawn = on
        default:
            break
        }
    }
}
