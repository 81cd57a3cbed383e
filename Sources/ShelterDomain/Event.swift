/// Everything that can happen, as facts. Events are written once and never change: a new
/// shape is a new schema version with an upcaster in `EventCodec`.
public enum Event: Hashable, Sendable {
    case shelterConfigured(name: String, municipality: String)
    indirect case staffAdded(Staff)
    case staffRoleChanged(staff: StaffID, role: Role)
    case staffDeactivated(staff: StaffID)
    indirect case locationAdded(Location)
    indirect case roomAdded(Room)
    indirect case bedAdded(Bed)
    indirect case clientRegistered(Client)
    case bedAssigned(night: Day, bed: BedID, client: ClientID)
    case checkedIn(night: Day, bed: BedID, client: ClientID)
    /// A reservation given back: cancelled by the desk, or released as a no-show after the cut-off.
    case reservationReleased(night: Day, bed: BedID, client: ClientID, noShow: Bool)
    indirect case extensionRequested(ExtensionRequest)
    case extensionDecided(request: RequestID, approved: Bool, until: Day?, note: String)
    case stayEnded(client: ClientID, night: Day, outflow: Outflow)
    indirect case assessmentRecorded(Assessment)
    case loginSucceeded(staff: StaffID)
    case loginFailed(staff: StaffID)
    /// Five wrong PINs in a row: the account is locked until `until`.
    case accountLocked(staff: StaffID, until: Timestamp)
    case staffLanguageSet(staff: StaffID, language: String)
    /// A supervisor records a new single-person social-assistance norm (checklist parameter).
    case assistanceNormSet(from: Day, monthlyCents: Int, source: String)
    /// A client's record corrected: the full new record, and what changed (old → new).
    indirect case clientUpdated(Client, changes: [FieldChange])
    indirect case noteAdded(Note)
    indirect case banImposed(Ban)
    case banLifted(ban: Int32, on: Day, note: String)
    indirect case alertRaised(ClientAlert)
    case alertClosed(alert: Int32, note: String)
    /// Two records of one person made one: `absorbed` moves into `survivor`, which takes `merged`'s values.
    indirect case clientsMerged(survivor: ClientID, absorbed: ClientID, merged: Client)
    /// Staff decided two records are different people: the pair is not proposed again.
    case duplicateDismissed(ClientID, ClientID)
    case bedOutOfService(bed: BedID, period: DateRange)
    /// The bed is usable again from `from` (periods covering it end the night before).
    case bedBackInService(bed: BedID, from: Day)
    /// Cold-weather mode (kouderegeling): cold-weather beds open, stay limits suspended.
    case coldWeatherStarted(DateRange)
    /// Cold-weather mode ends after `lastNight`.
    case coldWeatherEnded(lastNight: Day)
    indirect case waitlisted(WaitlistEntry)
    case waitlistClosed(entry: Int32, outcome: WaitlistEntry.Outcome)
    /// Left in the morning (or, `duringNight`, before the night was over).
    case checkedOut(night: Day, bed: BedID, client: ClientID, duringNight: Bool)
    indirect case returnPlanOpened(ReturnPlan)
    /// New details of a return plan (its status changes only by `returnStatusChanged`).
    indirect case returnPlanUpdated(ReturnPlan)
    case returnStatusChanged(plan: ReturnPlanID, to: ReturnStatus, on: Day, note: String)
    case returnConsentWithdrawn(plan: ReturnPlanID, on: Day, note: String)
    indirect case indDecisionRecorded(IndDecision)
    /// Data left the journal: an export (pseudonymised, or identifiable by a supervisor).
    case exportMade(format: String, identifiable: Bool)
    /// Someone read a client's medical notes (recorded: special-category data).
    case medicalNotesViewed(client: ClientID)
    /// Someone tried what their role does not allow (the attempt is audited; nothing else is written).
    case accessRefused(command: String, permission: String)
    /// A bed refused by a bed rule: counted, never silently dropped (the actor and time are
    /// the envelope's; the outcome is the person's checklist outcome at that moment).
    case bedRefused(night: Day, bed: BedID, client: ClientID, reason: String, outcome: ChecklistOutcome?)
    /// A supervisor let an exit be recorded that the rules would refuse (a category that needs a
    /// valid `likely` checklist outcome, for someone without one), with the reason. The
    /// `stay_ended` it allows follows it.
    case outflowOverridden(client: ClientID, night: Day, outflow: Outflow, reason: String)
    /// A location's absence policy: an open stay with no bed-night for `nights` nights in a row is
    /// closed as "left without notice" (default 14 when never set).
    case absencePolicySet(location: LocationID, nights: Int)
    /// An open stay closed automatically after `absentNights` nights without a bed: ends after
    /// `lastNight` (the last night held) as "left without notice"; decided on `closedOn`.
    case stayClosedForAbsence(client: ClientID, lastNight: Day, closedOn: Day, absentNights: Int)
    /// Staff corrected where a person went after the stay that ended after `night` (e.g. an
    /// automatic closure whose destination became known); `note` says how it is known.
    case outflowCorrected(client: ClientID, night: Day, outflow: Outflow, note: String)
    /// A client referred to care or help (issue #19; tags 54–62 are the care events).
    indirect case referralMade(Referral)
    /// An appointment was made for a referral (or moved to another date).
    case referralAppointmentMade(referral: Int32, on: Day)
    /// A referral's outcome: attended, not attended or cancelled (with the reason in `note`).
    case referralClosed(referral: Int32, outcome: ReferralStatus, on: Day, note: String)
    /// One administrative item changed (old → new, with date and source).
    indirect case adminStatusChanged(client: ClientID, change: AdminStatusChange)
    /// People who arrived together recorded as a household.
    indirect case householdFormed(Household)
    case householdMemberAdded(household: Int32, member: HouseholdMember)
    /// Whether a location takes families with minors.
    case familyPolicySet(location: LocationID, accepted: Bool)
    indirect case selfRelianceAssessed(SelfRelianceAssessment)
    /// The client needs an interpreter (nil: no longer).
    case interpreterNeedSet(client: ClientID, need: InterpreterNeed?)
    /// A reservation taken back before the person arrived: cancelled by the desk with a reason,
    /// or (`inError`) the undo of a bed given by mistake ("entered in error"). Not a no-show.
    case reservationCancelled(night: Day, bed: BedID, client: ClientID, reason: String, inError: Bool)
    /// A check-in entered in error: the person is back to "reserved" for that bed and night.
    case checkInUndone(night: Day, bed: BedID, client: ClientID)
    /// A no-show entered in error: the reservation is back and the no-show is not counted.
    case noShowUndone(night: Day, bed: BedID, client: ClientID)
    /// A check-out entered in error: the person is back to "checked in".
    case checkOutUndone(night: Day, bed: BedID, client: ClientID)
    /// An exit entered in error: the stay that ended after `night` is open again from `stayStart`
    /// (its outflow no longer counts). Reservations the exit gave back are not restored.
    case exitUndone(client: ClientID, night: Day, stayStart: Day)
    /// A person's personal data erased (on request by a supervisor, or `automatic` by the retention
    /// policy): their key is destroyed, so every sealed field of their events is unreadable from now
    /// on; counts, nights and outflow categories stay. `reason` is the audit's "why", never their data.
    case clientErased(client: ClientID, reason: String, automatic: Bool)
    /// The retention policy: personal data of a person without contact for `months` months is erased;
    /// medical notes and referral reasons `careMonths` after their last move.
    case retentionPolicySet(months: Int, careMonths: Int)
    /// The retention policy's shorter care term erased these referrals' reasons and outcome notes and
    /// these medical notes' texts (the referrals' kind, dates and status stay).
    case careDataErased(client: ClientID, referrals: [Int32], notes: [Int32])

    /// The event's type in the catalogue (`EventType`: tag, name, schema version).
    public var type: EventType {
        switch self {
        case .shelterConfigured: .shelterConfigured
        case .staffAdded: .staffAdded
        case .staffRoleChanged: .staffRoleChanged
        case .staffDeactivated: .staffDeactivated
        case .locationAdded: .locationAdded
        case .roomAdded: .roomAdded
        case .bedAdded: .bedAdded
        case .clientRegistered: .clientRegistered
        case .bedAssigned: .bedAssigned
        case .checkedIn: .checkedIn
        case .reservationReleased: .reservationReleased
        case .extensionRequested: .extensionRequested
        case .extensionDecided: .extensionDecided
        case .stayEnded: .stayEnded
        case .assessmentRecorded: .assessmentRecorded
        case .loginSucceeded: .loginSucceeded
        case .loginFailed: .loginFailed
        case .accountLocked: .accountLocked
        case .staffLanguageSet: .staffLanguageSet
        case .assistanceNormSet: .assistanceNormSet
        case .clientUpdated: .clientUpdated
        case .noteAdded: .noteAdded
        case .banImposed: .banImposed
        case .banLifted: .banLifted
        case .alertRaised: .alertRaised
        case .alertClosed: .alertClosed
        case .clientsMerged: .clientsMerged
        case .duplicateDismissed: .duplicateDismissed
        case .bedOutOfService: .bedOutOfService
        case .bedBackInService: .bedBackInService
        case .coldWeatherStarted: .coldWeatherStarted
        case .coldWeatherEnded: .coldWeatherEnded
        case .waitlisted: .waitlisted
        case .waitlistClosed: .waitlistClosed
        case .checkedOut: .checkedOut
        case .returnPlanOpened: .returnPlanOpened
        case .returnPlanUpdated: .returnPlanUpdated
        case .returnStatusChanged: .returnStatusChanged
        case .returnConsentWithdrawn: .returnConsentWithdrawn
        case .indDecisionRecorded: .indDecisionRecorded
        case .exportMade: .exportMade
        case .medicalNotesViewed: .medicalNotesViewed
        case .accessRefused: .accessRefused
        case .bedRefused: .bedRefused
        case .outflowOverridden: .outflowOverridden
        case .absencePolicySet: .absencePolicySet
        case .stayClosedForAbsence: .stayClosedForAbsence
        case .outflowCorrected: .outflowCorrected
        case .referralMade: .referralMade
        case .referralAppointmentMade: .referralAppointmentMade
        case .referralClosed: .referralClosed
        case .adminStatusChanged: .adminStatusChanged
        case .householdFormed: .householdFormed
        case .householdMemberAdded: .householdMemberAdded
        case .familyPolicySet: .familyPolicySet
        case .selfRelianceAssessed: .selfRelianceAssessed
        case .interpreterNeedSet: .interpreterNeedSet
        case .reservationCancelled: .reservationCancelled
        case .checkInUndone: .checkInUndone
        case .noShowUndone: .noShowUndone
        case .checkOutUndone: .checkOutUndone
        case .exitUndone: .exitUndone
        case .clientErased: .clientErased
        case .retentionPolicySet: .retentionPolicySet
        case .careDataErased: .careDataErased
        }
    }

    /// The journal tag of the event's type (`EventType.tag`).
    public var tag: UInt16 { type.rawValue }

    /// The type's stable name, for logs, audit views and error messages (`EventType.name`).
    public var name: String { type.name }
}
