import ShelterDomain

/// Which screen the session shows.
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
    /// The checklist for the client whose card was open (returns there).
    case checklist(ChecklistWizard, returnTo: SearchScreen)
    /// Registering a new client.
    case intake(IntakeScreen)
    case board(BoardScreen)
    case approvals(ApprovalsScreen)
    /// Supervisors: beds, service periods, cold-weather mode.
    case inventory(InventoryScreen)
    /// Supervisors merging two records of one person, returning to the file.
    case merge(MergeScreen, returnTo: SearchScreen)
    /// A client's return plan, returning to the file.
    case returnPlan(ReturnPlanScreen, returnTo: SearchScreen)
    /// F5: the coordinator's overview of returns.
    case returns(ReturnsOverview)
    /// F7: occupancy and outflow (coordinators, supervisors).
    case occupancy(OccupancyScreen)
    /// F8: the audit log (supervisors).
    case audit(AuditScreen)
    /// Choosing the client for a free bed, returning to the board.
    case pickClient(SearchScreen, bed: BedID?, returnTo: BoardScreen)
}
