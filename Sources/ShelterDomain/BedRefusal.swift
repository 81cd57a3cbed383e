/// A bed refused to a person by a bed rule (stay limit, bed taken, ban, women-only, one bed per
/// person, 24-hour bed without approval, out of service, closed cold-weather bed), kept so that
/// every refusal is counted (`report refusals`, F7): who asked, when, for whom, the reason and
/// the person's checklist outcome at that moment (nil: never assessed, or an expired `likely`).
public struct BedRefusal: Hashable, Sendable {
    public var night: Day
    public var client: ClientID
    public var location: LocationID
    public var bed: BedID
    /// A `DomainError.code` (`stay_limit_reached`, `bed_taken`, …).
    public var reason: String
    public var outcome: ChecklistOutcome?
    /// From the event's envelope.
    public var at: Timestamp
    public var by: StaffID

    public init(night: Day, client: ClientID, location: LocationID, bed: BedID, reason: String, outcome: ChecklistOutcome?,
                at: Timestamp, by: StaffID) {
        self.night = night; self.client = client; self.location = location; self.bed = bed
        self.reason = reason; self.outcome = outcome; self.at = at; self.by = by
    }

    /// The outcome as reports print it: the outcome's code, or `none`.
    public var outcomeCode: String { outcome?.rawValue ?? "none" }
}
