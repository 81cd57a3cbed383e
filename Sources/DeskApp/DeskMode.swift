import ShelterDomain

/// One screen of the desk, with its state. The session's `ScreenRouter` keeps them in a stack:
/// the screens marked "over the file" or "over the board" are pushed there, and Esc pops back.
public enum DeskMode: Equatable {
    /// No journal at the path yet: set up, or open a demo.
    case choose
    case setup(SetupWizard)
    /// A demo journal: pick a role, no PIN.
    case rolePicker
    case login(LoginScreen)
    case home
    /// Supervisors: staff administration.
    case staff(StaffScreen)
    /// Client search (and the card of the client opened from it).
    case search(SearchScreen)
    /// The checklist for the client whose card was open (over the file).
    case checklist(ChecklistWizard)
    /// Registering a new client, or (over the file) correcting one.
    case intake(IntakeScreen)
    case board(BoardScreen)
    case approvals(ApprovalsScreen)
    /// Supervisors: beds, service periods, cold-weather mode.
    case inventory(InventoryScreen)
    /// Supervisors merging two records of one person (over the file).
    case merge(MergeScreen)
    /// A client's return plan (over the file).
    case returnPlan(ReturnPlanScreen)
    /// F5: the coordinator's overview of returns.
    case returns(ReturnsOverview)
    /// F7: occupancy and outflow (coordinators, supervisors).
    case occupancy(OccupancyScreen)
    /// F8: the audit log (supervisors).
    case audit(AuditScreen)
    /// Choosing the client for a free bed, or (bed nil) for the waiting list, on `night` (over the board).
    case pickClient(ClientPicker)
}
