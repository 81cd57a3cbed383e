/// An intention of a member of staff. `Decider.decide` turns it into events or refuses it.
public enum Command: Sendable {
    case configureShelter(name: String, municipality: String)
    case addStaff(username: String, displayName: String, role: Role, credential: PinCredential?)
    case changeRole(staff: StaffID, role: Role)
    case deactivateStaff(staff: StaffID)
    case addLocation(name: String, municipality: String, policy: StayPolicy)
    case addRoom(location: LocationID, name: String)
    case addBed(room: RoomID, label: String, attributes: BedAttributes)
    /// The client's id is ignored: the state hands out the next one.
    case registerClient(Client)
    case assignBed(night: Day, bed: BedID, client: ClientID)
    case checkIn(night: Day, client: ClientID)
    case releaseReservation(night: Day, client: ClientID, noShow: Bool)
    case requestExtension(client: ClientID, location: LocationID, reason: ExtensionRequest.Reason, note: String, until: Day)
    case decideExtension(request: RequestID, approve: Bool, until: Day?, note: String)
    case endStay(client: ClientID, night: Day, outflow: Outflow)
    case recordAssessment(client: ClientID, answers: ChecklistAnswers, result: ChecklistResult)
    /// The outcome of a PIN check done by the application (the domain never sees a PIN).
    /// The actor must be the member of staff logging in.
    case recordLogin(staff: StaffID, success: Bool)
    /// A member of staff chooses their own screen language.
    case setLanguage(staff: StaffID, language: String)
    /// Supervisor: the single-person social-assistance norm in force from a date.
    case setAssistanceNorm(from: Day, monthlyCents: Int, source: String)
    /// Correct a client's record: `client.id` names the record, the rest are the new values.
    case updateClient(Client)
    case addNote(client: ClientID, category: Note.Category, text: String)
    /// Supervisor: no bed for this person from `from` through `until` (nil: until lifted).
    case imposeBan(client: ClientID, from: Day, until: Day?, reason: String)
    case liftBan(ban: Int32, note: String)
    case raiseAlert(client: ClientID, reason: String, contact: String)
    case closeAlert(alert: Int32, note: String)
    /// Supervisor: make two records of one person one; `values` are the surviving field values.
    case mergeClients(survivor: ClientID, absorbed: ClientID, values: Client)
    case dismissDuplicate(ClientID, ClientID)
    /// Supervisor: a bed cannot be used from `from` through `until` (nil: until returned).
    case setBedOutOfService(bed: BedID, from: Day, until: Day?, reason: String)
    case returnBedToService(bed: BedID, from: Day)
    /// Supervisor: cold-weather mode from `from` through `until` (nil: until switched off).
    case startColdWeather(from: Day, until: Day?, note: String)
    case endColdWeather(lastNight: Day)
    case addToWaitlist(night: Day, client: ClientID, note: String)
    case closeWaitlist(entry: Int32, outcome: WaitlistEntry.Outcome)
    case checkOut(night: Day, client: ClientID, duringNight: Bool)
    /// After the location's cut-off: every reservation of `night` not checked in is released as a no-show.
    case releaseNoShows(night: Day)
    /// Coordinator: a new return plan (the id is handed out by the state).
    case openReturnPlan(ReturnPlan)
    case updateReturnPlan(ReturnPlan)
    /// Move a plan forward (or cancel it, with a reason in `note`).
    case moveReturnPlan(plan: ReturnPlanID, to: ReturnStatus, note: String)
    /// The person no longer wants to return: recorded by anyone at the desk; the plan is cancelled.
    case withdrawReturnConsent(plan: ReturnPlanID, note: String)
    case recordIndDecision(IndDecision)
    case recordExport(format: String, identifiable: Bool)
    case recordMedicalView(client: ClientID)
    /// Supervisor: record an exit the rules refuse (a category needing a valid `likely`
    /// checklist outcome for someone without one), with the reason.
    case endStayWithOverride(client: ClientID, night: Day, outflow: Outflow, reason: String)
    /// Supervisor: nights without a bed after which a location's open stays are closed.
    case setAbsencePolicy(location: LocationID, nights: Int)
    /// Close every open stay whose holder had no bed for the location's absence policy, counting
    /// the nights before `asOf` (the night now beginning). Run by the desk at login and by `demo`.
    case closeAbsentStays(asOf: Day)
    /// Correct where someone went after the stay that ended after `night` (with how it is known).
    case correctOutflow(client: ClientID, night: Day, outflow: Outflow, note: String)
    /// Take back a reservation before the person arrived, with a reason (not a no-show).
    case cancelReservation(night: Day, client: ClientID, reason: String)
    /// Take back the actor's own last bed action (a bed given, a check-in, a no-show, a
    /// check-out) within `Decider.undoWindowMs`, as a compensating event "entered in error".
    case undoLastAction

    /// Register a person with a responsible adult (required for anyone under 18): the person
    /// joins the adult's household (one is formed when the adult has none) as `relation`.
    case registerClientWithAdult(Client, responsibleAdult: ClientID, relation: HouseholdRelation)
    /// The intake form's registration, in one write: the person, with their responsible adult
    /// (required under 18; joins the adult's household as `relation`) and interpreter need, if any.
    case registerAtIntake(Client, responsibleAdult: ClientID?, relation: HouseholdRelation, interpreter: InterpreterNeed?)
    /// Record people who arrived together as a household (the first member is the contact adult).
    case formHousehold(members: [HouseholdMember])
    case addHouseholdMember(household: Int32, member: HouseholdMember)
    /// Give a household's members beds for one night together: all or none.
    case assignHouseholdBeds(night: Day, beds: [(client: ClientID, bed: BedID)])
    /// Supervisor: whether a location takes families with minors.
    case setFamilyPolicy(location: LocationID, accepted: Bool)
    case makeReferral(client: ClientID, kind: ReferralKind, organisation: String, on: Day, reason: ReferralReason?, cakScheme: Bool)
    case recordReferralAppointment(referral: Int32, on: Day)
    /// attended / notAttended (on or after the appointment) or cancelled (with a reason).
    case recordReferralOutcome(referral: Int32, outcome: ReferralStatus, note: String)
    case setAdminStatus(client: ClientID, item: AdminItem, entry: AdminEntry)
    case recordSelfReliance(SelfRelianceAssessment)
    case setInterpreterNeed(client: ClientID, need: InterpreterNeed?)
    /// Supervisor: erase a person's personal data (their key is destroyed), with a reason that
    /// does not name them. Refused while they hold a bed tonight or later.
    case eraseClient(client: ClientID, reason: String)
    /// Supervisor: erase everyone past the retention term on `asOf` (automatic erasures).
    case applyRetention(asOf: Day)
    /// Supervisor: the retention term in months (6–120), and the term for medical notes and
    /// referral reasons (1–120, not above the term; nil keeps the current one, capped at the term).
    case setRetention(months: Int, careMonths: Int?)

    /// The command's kind, without its contents (for the audit log: no personal data).
    public var kind: String { Mirror(reflecting: self).children.first?.label ?? "command" }

    /// The permission the actor needs (nil: only being that member of staff, for logins).
    public var permission: Permission? {
        switch self {
        case .recordLogin, .setLanguage: nil
        case .configureShelter, .setAssistanceNorm: .configureShelter
        case .addStaff, .changeRole, .deactivateStaff: .manageStaff
        case .addLocation, .addRoom, .addBed: .manageInventory
        case .registerClient, .updateClient, .addNote, .dismissDuplicate: .registerClients
        case .raiseAlert, .closeAlert: .assignBeds
        case .imposeBan, .liftBan: .setBans
        case .mergeClients: .mergeClients
        case .assignBed, .checkIn, .releaseReservation, .addToWaitlist, .closeWaitlist, .checkOut, .releaseNoShows: .assignBeds
        case .cancelReservation, .undoLastAction: .assignBeds
        case .setBedOutOfService, .returnBedToService: .manageInventory
        case .startColdWeather, .endColdWeather: .configureShelter
        case .openReturnPlan, .updateReturnPlan, .moveReturnPlan, .recordIndDecision: .planReturns
        case .withdrawReturnConsent: .assignBeds
        case .recordExport(_, let identifiable): identifiable ? .exportIdentifiable : .viewReports
        case .recordMedicalView: .readMedicalNotes
        case .requestExtension: .requestExtensions
        case .decideExtension: .approveExtensions
        case .endStay, .correctOutflow: .endStays
        case .endStayWithOverride: .approveExtensions
        case .setAbsencePolicy: .configureShelter
        case .closeAbsentStays: .assignBeds
        case .recordAssessment: .runChecklist
        case .registerClientWithAdult, .registerAtIntake, .formHousehold, .addHouseholdMember, .makeReferral, .recordReferralAppointment,
             .recordReferralOutcome, .setAdminStatus, .setInterpreterNeed: .registerClients
        case .assignHouseholdBeds: .assignBeds
        case .setFamilyPolicy: .configureShelter
        case .recordSelfReliance: .runChecklist
        case .eraseClient, .applyRetention, .setRetention: .eraseClients
        }
    }
}
