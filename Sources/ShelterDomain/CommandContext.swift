/// Who acts and when: injected into `decide` so the domain never reads a clock. `outflows` is
/// the outflow catalogue from Resources (which categories need a `likely` checklist outcome);
/// without one the decider still guards `regular_wmo_shelter` (`OutflowCatalog.guardDefault`).
public struct CommandContext: Sendable {
    public var actor: StaffID
    public var now: Timestamp
    public var outflows: OutflowCatalog
    public init(actor: StaffID, now: Timestamp, outflows: OutflowCatalog = .guardDefault) {
        self.actor = actor; self.now = now; self.outflows = outflows
    }
}
