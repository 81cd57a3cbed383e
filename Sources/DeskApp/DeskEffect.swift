import ShelterDomain

/// What a screen asks the session to do after a key: values, executed by the session (the run
/// loop's side), so screens never touch the journal themselves.
public enum DeskEffect {
    case none
    case quit
    case back
    /// Go back, and say `text` on the screen underneath (a form whose command was recorded).
    case backSaying(String)
    case startSetup
    case createDemo
    case submitSetup(SetupData)
    case pickDemoRole(username: String)
    case attemptLogin(username: String, pin: String)
    case logout
    case openStaff
    case openSearch
    case openChecklist
    case openBoard
    case openApprovals
    case openInventory
    /// Reserve the same beds for the next night for everyone in a bed on `night`.
    case reserveAllTomorrow(night: Day)
    /// File an extension request for the person just refused a bed for the stay limit.
    case requestExtension
    /// Choose a client (by search) for a free bed, or (bed nil) for tonight's waiting list.
    case pickClient(night: Day, bed: BedID?)
    /// Show a short message in the status bar.
    case message(String)
    /// A message, and a note for staff to read and close (e.g. vulnerable people among the no-shows).
    case messageWithInfo(String, info: String)
    /// A client chosen in the picker.
    case picked(ClientID)
    case openIntake(prefill: String)
    /// Open a client's card (from a duplicate warning: "this is the same person").
    case openClient(ClientID)
    /// Register a client (the registering command) staff said is not any of `notSameAs` (the pairs are recorded).
    case registerDistinct(Command, notSameAs: [ClientID])
    /// A client was just registered: their file in place of the form (Esc goes home), saying
    /// who, with number, and the next steps.
    case showRegistered(ClientID)
    /// Correct a client's record (the intake form, filled in).
    case editClient(ClientID)
    /// Supervisors: merge `absorbed` into `survivor` (side by side first).
    case openMerge(survivor: ClientID, absorbed: ClientID)
    /// A client's return plan (the active one, or a new one).
    case openReturnPlan(ClientID)
    /// F5: all return plans and IND deadlines.
    case openReturns
    case openOccupancy
    case openAudit
    case toggleLanguage
    /// Undo this desk's last bed action (only one made in this session; the domain decides).
    case undoLastAction
    /// Record a domain command as the logged-in member of staff.
    case execute(Command)
}
