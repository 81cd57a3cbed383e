/// The catalogue of event types: each type's journal tag (its raw value), its name (in logs,
/// the audit view, exports and error messages) and the schema version written today, in one
/// table. The tag is the type's identity in every journal ever written: a tag is never given to
/// another type, never reused after a type is retired, and the versions a type was once written
/// with stay decodable (upcast in its codec). `EventCodec` dispatches on this type, never on a
/// bare number; `Tests/ShelterDomainTests/EventCatalogueTests.swift` checks that every type here
/// decodes, that names are unique and that no reserved tag is used.
///
/// Adding an event: a case here (the next free tag), its case in `Event` and `Event.type`, its
/// fields in the family's `EventCodec` file, its `area`, its decision and its evolution in that area.
public enum EventType: UInt16, CaseIterable, Sendable {
    case shelterConfigured = 1
    case staffAdded = 2
    case staffRoleChanged = 3
    case staffDeactivated = 4
    case locationAdded = 5
    case roomAdded = 6
    case bedAdded = 7
    case clientRegistered = 8
    case bedAssigned = 9
    case checkedIn = 10
    case reservationReleased = 11
    case extensionRequested = 12
    case extensionDecided = 13
    case stayEnded = 14
    case assessmentRecorded = 15
    case loginSucceeded = 16
    case loginFailed = 17
    case accountLocked = 18
    case staffLanguageSet = 19
    case assistanceNormSet = 20
    case clientUpdated = 21
    case noteAdded = 22
    case banImposed = 23
    case banLifted = 24
    case alertRaised = 25
    case alertClosed = 26
    case clientsMerged = 27
    case duplicateDismissed = 28
    case bedOutOfService = 29
    case bedBackInService = 30
    case coldWeatherStarted = 31
    case coldWeatherEnded = 32
    case waitlisted = 33
    case waitlistClosed = 34
    case checkedOut = 35
    case returnPlanOpened = 36
    case returnPlanUpdated = 37
    case returnStatusChanged = 38
    case returnConsentWithdrawn = 39
    case indDecisionRecorded = 40
    case exportMade = 41
    case medicalNotesViewed = 42
    case accessRefused = 43
    case bedRefused = 44
    case reservationCancelled = 45
    case checkInUndone = 46
    case noShowUndone = 47
    case checkOutUndone = 48
    case exitUndone = 49
    case outflowOverridden = 50
    case absencePolicySet = 51
    case stayClosedForAbsence = 52
    case outflowCorrected = 53
    case referralMade = 54
    case referralAppointmentMade = 55
    case referralClosed = 56
    case adminStatusChanged = 57
    case householdFormed = 58
    case householdMemberAdded = 59
    case familyPolicySet = 60
    case selfRelianceAssessed = 61
    case interpreterNeedSet = 62
    case clientErased = 65
    case retentionPolicySet = 66
    case careDataErased = 67

    /// Tags that are not event types and never will be: 63 is kept for care work, 64 frames a
    /// sealed record (`SealedRecord`: the redacted event in clear, the full one under the
    /// person's key), 68–69 are kept for privacy work.
    public static let reservedTags: Set<UInt16> = [63, 64, 68, 69]

    /// The highest tag this build knows (a snapshot records it: one made by a build that knew
    /// other types is not used).
    public static let maxTag: UInt16 = allCases.map(\.rawValue).max()!

    /// The type with this journal tag, if this build knows it.
    public init?(tag: UInt16) { self.init(rawValue: tag) }

    /// The journal tag.
    public var tag: UInt16 { rawValue }

    /// The schema version this build writes (see `EventCodec` for each type's history).
    public var currentVersion: UInt8 {
        switch self {
        case .assessmentRecorded: 3
        case .staffAdded, .clientRegistered, .retentionPolicySet: 2
        default: 1
        }
    }

    /// The part of the state this type's events change first (`ShelterState.evolve` hands the
    /// event to that area's fold; an event may also note an item in a client's history).
    public var area: StateArea {
        switch self {
        case .shelterConfigured, .assistanceNormSet, .retentionPolicySet, .exportMade, .accessRefused: .settings
        case .staffAdded, .staffRoleChanged, .staffDeactivated, .loginSucceeded, .loginFailed, .accountLocked, .staffLanguageSet: .staff
        case .locationAdded, .roomAdded, .bedAdded, .bedOutOfService, .bedBackInService, .coldWeatherStarted, .coldWeatherEnded,
             .absencePolicySet: .inventory
        case .bedAssigned, .checkedIn, .reservationReleased, .checkedOut, .waitlisted, .waitlistClosed, .bedRefused: .nights
        case .reservationCancelled, .checkInUndone, .noShowUndone, .checkOutUndone, .exitUndone: .undo
        case .clientRegistered, .clientUpdated, .noteAdded, .banImposed, .banLifted, .alertRaised, .alertClosed, .clientsMerged,
             .duplicateDismissed, .medicalNotesViewed, .indDecisionRecorded, .assessmentRecorded, .clientErased, .careDataErased,
             .stayEnded, .outflowOverridden, .stayClosedForAbsence, .outflowCorrected: .files
        case .extensionRequested, .extensionDecided: .requests
        case .returnPlanOpened, .returnPlanUpdated, .returnStatusChanged, .returnConsentWithdrawn: .returns
        case .referralMade, .referralAppointmentMade, .referralClosed, .adminStatusChanged, .householdFormed, .householdMemberAdded,
             .familyPolicySet, .selfRelianceAssessed, .interpreterNeedSet: .care
        }
    }

    /// The stable snake_case name, as shown in the audit view and written in exports.
    public var name: String {
        switch self {
        case .shelterConfigured: "shelter_configured"
        case .staffAdded: "staff_added"
        case .staffRoleChanged: "staff_role_changed"
        case .staffDeactivated: "staff_deactivated"
        case .locationAdded: "location_added"
        case .roomAdded: "room_added"
        case .bedAdded: "bed_added"
        case .clientRegistered: "client_registered"
        case .bedAssigned: "bed_assigned"
        case .checkedIn: "checked_in"
        case .reservationReleased: "reservation_released"
        case .extensionRequested: "extension_requested"
        case .extensionDecided: "extension_decided"
        case .stayEnded: "stay_ended"
        case .assessmentRecorded: "assessment_recorded"
        case .loginSucceeded: "login_succeeded"
        case .loginFailed: "login_failed"
        case .accountLocked: "account_locked"
        case .staffLanguageSet: "staff_language_set"
        case .assistanceNormSet: "assistance_norm_set"
        case .clientUpdated: "client_updated"
        case .noteAdded: "note_added"
        case .banImposed: "ban_imposed"
        case .banLifted: "ban_lifted"
        case .alertRaised: "alert_raised"
        case .alertClosed: "alert_closed"
        case .clientsMerged: "clients_merged"
        case .duplicateDismissed: "duplicate_dismissed"
        case .bedOutOfService: "bed_out_of_service"
        case .bedBackInService: "bed_back_in_service"
        case .coldWeatherStarted: "cold_weather_started"
        case .coldWeatherEnded: "cold_weather_ended"
        case .waitlisted: "waitlisted"
        case .waitlistClosed: "waitlist_closed"
        case .checkedOut: "checked_out"
        case .returnPlanOpened: "return_plan_opened"
        case .returnPlanUpdated: "return_plan_updated"
        case .returnStatusChanged: "return_status_changed"
        case .returnConsentWithdrawn: "return_consent_withdrawn"
        case .indDecisionRecorded: "ind_decision_recorded"
        case .exportMade: "export_made"
        case .medicalNotesViewed: "medical_notes_viewed"
        case .accessRefused: "access_refused"
        case .bedRefused: "bed_refused"
        case .reservationCancelled: "reservation_cancelled"
        case .checkInUndone: "check_in_undone"
        case .noShowUndone: "no_show_undone"
        case .checkOutUndone: "check_out_undone"
        case .exitUndone: "exit_undone"
        case .outflowOverridden: "outflow_overridden"
        case .absencePolicySet: "absence_policy_set"
        case .stayClosedForAbsence: "stay_closed_for_absence"
        case .outflowCorrected: "outflow_corrected"
        case .referralMade: "referral_made"
        case .referralAppointmentMade: "referral_appointment_made"
        case .referralClosed: "referral_closed"
        case .adminStatusChanged: "admin_status_changed"
        case .householdFormed: "household_formed"
        case .householdMemberAdded: "household_member_added"
        case .familyPolicySet: "family_policy_set"
        case .selfRelianceAssessed: "self_reliance_assessed"
        case .interpreterNeedSet: "interpreter_need_set"
        case .clientErased: "client_erased"
        case .retentionPolicySet: "retention_policy_set"
        case .careDataErased: "care_data_erased"
        }
    }
}
