/// What a member of staff may do. Checked in the domain for every command, not only in the UI.
public enum Role: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Desk staff (baliemedewerker): intake, beds, check-in, checklist.
    case desk = 1
    /// Outreach coordinator: occupancy, outcomes, returns, alerts.
    case coordinator = 2
    /// Supervisor (teamleider / procesregisseur): approvals, bans, merges, staff, inventory.
    case supervisor = 3

    public var description: String {
        switch self {
        case .desk: "desk"
        case .coordinator: "coordinator"
        case .supervisor: "supervisor"
        }
    }

    public init?(name: String) {
        guard let r = Role.allCases.first(where: { $0.description == name.lowercased() }) else { return nil }
        self = r
    }

    /// The permissions this role carries.
    public var permissions: Set<Permission> {
        switch self {
        case .desk:
            [.registerClients, .assignBeds, .runChecklist, .requestExtensions, .endStays]
        case .coordinator:
            [.registerClients, .assignBeds, .runChecklist, .requestExtensions, .endStays,
             .readMedicalNotes, .planReturns, .viewReports]
        case .supervisor:
            Set(Permission.allCases)
        }
    }
}
