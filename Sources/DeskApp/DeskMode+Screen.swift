/// The screens converted to the `Screen` protocol, as one list: the session updates, draws and
/// asks them through these two members and needs no case of its own for them.
extension DeskMode {
    /// The screen shown, as a model (nil for the screens the session still routes itself).
    var screen: (any Screen)? {
        switch self {
        case .occupancy(let s): s
        case .returns(let s): s
        case .audit(let s): s
        case .approvals(let s): s
        case .staff(let s): s
        case .inventory(let s): s
        case .merge(let s): s
        case .checklist(let s): s
        case .returnPlan(let s): s
        case .board(let s): s
        case .search(let s): s
        case .intake(let s): s
        case .pickClient(let s): s
        default: nil
        }
    }

    /// The same place with the screen's new state (after an update).
    mutating func replaceScreen(_ screen: any Screen) {
        switch screen {
        case let s as OccupancyScreen: self = .occupancy(s)
        case let s as ReturnsOverview: self = .returns(s)
        case let s as AuditScreen: self = .audit(s)
        case let s as ApprovalsScreen: self = .approvals(s)
        case let s as StaffScreen: self = .staff(s)
        case let s as InventoryScreen: self = .inventory(s)
        case let s as MergeScreen: self = .merge(s)
        case let s as ChecklistWizard: self = .checklist(s)
        case let s as ReturnPlanScreen: self = .returnPlan(s)
        case let s as BoardScreen: self = .board(s)
        case let s as SearchScreen: self = .search(s)
        case let s as IntakeScreen: self = .intake(s)
        case let s as ClientPicker: self = .pickClient(s)
        default: assertionFailure("\(type(of: screen)) is not in DeskMode.screen")
        }
    }
}
