/// One kind of action a command needs. Roles are sets of permissions (see `Role.permissions`).
public enum Permission: String, Sendable, CaseIterable {
    case configureShelter
    case manageStaff
    case manageInventory
    case registerClients
    case assignBeds
    case runChecklist
    case requestExtensions
    case approveExtensions
    case endStays
    case readMedicalNotes
    case planReturns
    case viewReports
    case exportIdentifiable
    case mergeClients
    case setBans
    /// Erase a person's data, run and set the retention policy (supervisors only).
    case eraseClients
}
