/// Stable snake_case codes for refusals: the interface scripts (`onderdak do`), the refusal
/// events and the reports rely on. Never rename a code; README lists them.
extension DomainError {
    public var code: String {
        switch self {
        case .unknownActor: "unknown_actor"
        case .actorDeactivated: "actor_deactivated"
        case .notPermitted: "not_permitted"
        case .invalidText: "invalid_text"
        case .usernameTaken: "username_taken"
        case .unknownStaff: "unknown_staff"
        case .unknownLocation: "unknown_location"
        case .unknownRoom: "unknown_room"
        case .unknownBed: "unknown_bed"
        case .unknownClient: "unknown_client"
        case .unknownRequest: "unknown_request"
        case .bedTaken: "bed_taken"
        case .clientHasBed: "already_has_bed"
        case .womenOnlyBed: "women_only"
        case .coldWeatherBedClosed: "cold_weather_bed_closed"
        case .stayLimitReached: "stay_limit_reached"
        case .noReservation: "no_reservation"
        case .alreadyCheckedIn: "already_checked_in"
        case .requestAlreadyDecided: "request_already_decided"
        case .invalidDate: "invalid_date"
        case .lastSupervisor: "last_supervisor"
        case .noOpenStay: "no_open_stay"
        case .accountLocked: "account_locked"
        case .banned: "banned"
        case .consentRequired: "consent_required"
        case .unknownBan: "unknown_ban"
        case .unknownAlert: "unknown_alert"
        case .alreadyClosed: "already_closed"
        case .nothingChanged: "nothing_changed"
        case .mergeConflict: "merge_conflict"
        case .mergedRecord: "merged_record"
        case .bedOutOfService: "out_of_service"
        case .needsApproval: "needs_approval"
        case .beforeCutoff: "before_cutoff"
        case .notCheckedIn: "not_checked_in"
        case .unknownWaitlistEntry: "unknown_waitlist_entry"
        case .alreadyWaiting: "already_waiting"
        case .unknownReturnPlan: "unknown_return_plan"
        case .returnPlanActive: "return_plan_active"
        case .returnStepMissing: "return_step_missing"
        case .returnStepNotAllowed: "return_step_not_allowed"
        case .outflowNeedsLikely: "outflow_needs_likely"
        case .noExit: "no_exit"
        case .responsibleAdultRequired: "responsible_adult_required"
        case .responsibleAdultIsMinor: "responsible_adult_is_minor"
        case .minorNotInFamilyRoom: "minor_not_in_family_room"
        case .familiesNotAccepted: "families_not_accepted"
        case .unknownReferral: "unknown_referral"
        case .referralNoAppointment: "referral_no_appointment"
        case .referralAppointmentAhead: "referral_appointment_ahead"
        case .unknownHousehold: "unknown_household"
        case .alreadyInHousehold: "already_in_household"
        case .selfRelianceNeedsLikely: "self_reliance_needs_likely"
        case .reasonRequired: "reason_required"
        case .nothingToUndo: "nothing_to_undo"
        case .undoExpired: "undo_expired"
        case .undoOutdated: "undo_outdated"
        case .alreadyErased: "already_erased"
        case .erasureWhileStaying: "erasure_while_staying"
        case .reasonNamesPerson: "reason_names_person"
        case .retentionOutOfRange: "retention_out_of_range"
        case .careRetentionOutOfRange: "care_retention_out_of_range"
        }
    }

    /// True for the refusals of a bed by the bed rules: each is recorded as a `bed_refused` event.
    public var isBedRule: Bool {
        switch self {
        case .bedTaken, .clientHasBed, .womenOnlyBed, .coldWeatherBedClosed, .stayLimitReached, .banned,
             .bedOutOfService, .needsApproval, .mergedRecord, .minorNotInFamilyRoom, .familiesNotAccepted: true
        default: false
        }
    }
}
