/// Why a command was refused: a typed reason with the values a message needs, and no text.
/// The words a member of staff can act on come from the translation tables
/// (`DomainError.text(_:)` in OnderdakResources, key `error.<code>`), in their language.
public enum DomainError: Error, Equatable, Sendable {
    case unknownActor
    case actorDeactivated(String)
    case notPermitted(role: Role, permission: Permission)
    case invalidText(field: InputField, problem: TextProblem)
    case usernameTaken(String)
    case unknownStaff(StaffID)
    case unknownLocation(LocationID)
    case unknownRoom(RoomID)
    case unknownBed(BedID)
    case unknownClient(ClientID)
    case unknownRequest(RequestID)
    case bedTaken(bed: String, night: Day)
    case clientHasBed(bed: String, night: Day)
    case womenOnlyBed(bed: String)
    case coldWeatherBedClosed(bed: String)
    case stayLimitReached(used: Int, max: Int)
    case noReservation(night: Day)
    case alreadyCheckedIn(night: Day)
    case requestAlreadyDecided(RequestID)
    case invalidDate(field: InputField, problem: DateProblem)
    case lastSupervisor
    case noOpenStay
    case accountLocked(until: Timestamp)
    case banned(until: Day?)
    case consentRequired(field: InputField)
    case unknownBan(Int32)
    case unknownAlert(Int32)
    case alreadyClosed
    case nothingChanged
    case mergeConflict(night: Day)
    case mergedRecord(into: ClientID)
    case bedOutOfService(bed: String, until: Day?, reason: String)
    case needsApproval(bed: String)
    case beforeCutoff(time: String)
    case notCheckedIn(night: Day)
    case unknownWaitlistEntry(Int32)
    case alreadyWaiting
    case unknownReturnPlan(ReturnPlanID)
    case returnPlanActive(ReturnPlanID)
    case returnStepMissing(to: ReturnStatus, missing: [String])
    case returnStepNotAllowed(from: ReturnStatus, to: ReturnStatus)
    /// The category needs a valid `likely` checklist outcome, which this person does not have.
    case outflowNeedsLikely(outflow: String)
    /// No stay of this person ended after that night.
    case noExit(night: Day)
    /// Someone under 18 is registered only with a responsible adult.
    case responsibleAdultRequired(age: Int)
    /// The responsible adult named is under 18 themselves.
    case responsibleAdultIsMinor(ClientID)
    /// A minor may only sleep in a family room (bed attribute `family`).
    case minorNotInFamilyRoom(bed: String)
    /// The location's policy is not to take families with minors.
    case familiesNotAccepted(location: String)
    case unknownReferral(Int32)
    /// An outcome (attended / not attended) before any appointment was made.
    case referralNoAppointment(Int32)
    /// An outcome (attended / not attended) recorded before the appointment's date.
    case referralAppointmentAhead(on: Day)
    case unknownHousehold(Int32)
    case alreadyInHousehold(Int32)
    /// A self-reliance assessment follows a valid `likely` checklist outcome only.
    case selfRelianceNeedsLikely
    /// A reason is required (cancelling a reservation).
    case reasonRequired
    /// This member of staff has no bed action left to undo.
    case nothingToUndo
    /// The last action is older than the undo window.
    case undoExpired(minutes: Int)
    /// The bed changed since (another desk acted on it): the undo would not restore what was.
    case undoOutdated
    /// The person's data was already erased.
    case alreadyErased(ClientID)
    /// The person holds a bed on `night` (tonight or later): erase after the stay.
    case erasureWhileStaying(night: Day)
    /// An erasure's reason must not contain the person's name (it is kept for ever).
    case reasonNamesPerson
    /// A retention term outside 6–120 months.
    case retentionOutOfRange(Int)
    /// A term for medical notes and referral reasons outside 1 month to the retention term.
    case careRetentionOutOfRange(Int, term: Int)
}
