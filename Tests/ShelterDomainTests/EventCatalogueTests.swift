import Testing
@testable import ShelterDomain

/// The one list of event types (`EventType`) against everything that depends on it: the codec
/// decodes every type it lists and none it does not, names and tags are unique and stable, and
/// the tags kept free stay free.
@Suite("Event catalogue")
struct EventCatalogueTests {
    /// The names as journals, exports and the audit view have them: changing one breaks every
    /// script that filters on it, so they are pinned here.
    static let pinned: [UInt16: String] = [
        1: "shelter_configured", 2: "staff_added", 3: "staff_role_changed", 4: "staff_deactivated", 5: "location_added",
        6: "room_added", 7: "bed_added", 8: "client_registered", 9: "bed_assigned", 10: "checked_in",
        11: "reservation_released", 12: "extension_requested", 13: "extension_decided", 14: "stay_ended",
        15: "assessment_recorded", 16: "login_succeeded", 17: "login_failed", 18: "account_locked",
        19: "staff_language_set", 20: "assistance_norm_set", 21: "client_updated", 22: "note_added", 23: "ban_imposed",
        24: "ban_lifted", 25: "alert_raised", 26: "alert_closed", 27: "clients_merged", 28: "duplicate_dismissed",
        29: "bed_out_of_service", 30: "bed_back_in_service", 31: "cold_weather_started", 32: "cold_weather_ended",
        33: "waitlisted", 34: "waitlist_closed", 35: "checked_out", 36: "return_plan_opened", 37: "return_plan_updated",
        38: "return_status_changed", 39: "return_consent_withdrawn", 40: "ind_decision_recorded", 41: "export_made",
        42: "medical_notes_viewed", 43: "access_refused", 44: "bed_refused", 45: "reservation_cancelled",
        46: "check_in_undone", 47: "no_show_undone", 48: "check_out_undone", 49: "exit_undone", 50: "outflow_overridden",
        51: "absence_policy_set", 52: "stay_closed_for_absence", 53: "outflow_corrected", 54: "referral_made",
        55: "referral_appointment_made", 56: "referral_closed", 57: "admin_status_changed", 58: "household_formed",
        59: "household_member_added", 60: "family_policy_set", 61: "self_reliance_assessed", 62: "interpreter_need_set",
        65: "client_erased", 66: "retention_policy_set", 67: "care_data_erased",
    ]

    @Test("Every type keeps its tag and name; names are unique; no type has a reserved tag")
    func tagsAndNames() {
        #expect(Dictionary(uniqueKeysWithValues: EventType.allCases.map { ($0.tag, $0.name) }) == Self.pinned)
        #expect(Set(EventType.allCases.map(\.name)).count == EventType.allCases.count)
        #expect(EventType.reservedTags.isDisjoint(with: EventType.allCases.map(\.tag)))
        #expect(EventType.maxTag == 67 && EventCodec.maxTag == EventType.maxTag)
    }

    @Test("Every type in the catalogue has a decoder: an empty body is truncated, never an unknown type; reserved and new tags are unknown",
          arguments: EventType.allCases)
    func everyTypeDecodes(_ type: EventType) {
        // Header only: tag, version, sequence 1, timestamp 0, actor 0 — then no fields.
        let bytes: [UInt8] = [UInt8(type.tag & 0xff), UInt8(type.tag >> 8), type.currentVersion, 1, 0, 0]
        do {
            _ = try EventCodec.decode(bytes)
            // A type without fields decodes from the header alone; none has none today.
            Issue.record("\(type.name) decoded from an empty body")
        } catch {
            #expect(error != .unknownEventType(type.tag), "\(type.name) is listed but not decoded")
            #expect(error != .unsupportedVersion(type: type.tag, version: type.currentVersion))
        }
        let newer: [UInt8] = [UInt8(type.tag & 0xff), UInt8(type.tag >> 8), type.currentVersion + 1, 1, 0, 0]
        #expect(throws: CodecError.unsupportedVersion(type: type.tag, version: type.currentVersion + 1)) { try EventCodec.decode(newer) }
    }

    @Test("A reserved or unknown tag is refused as a type this build does not know", arguments: Array(EventType.reservedTags) + [68, 70, 999])
    func reservedTagsAreUnknown(_ tag: UInt16) {
        #expect(throws: CodecError.unknownEventType(tag)) { try EventCodec.decode([UInt8(tag & 0xff), UInt8(tag >> 8), 1, 1, 0, 0]) }
    }

    @Test("Each event's type is the catalogue entry with its tag, name and version")
    func eventTypeMatches() {
        for e in EventCodecTests.allEvents {
            #expect(EventType(tag: e.tag) == e.type && e.name == e.type.name)
            #expect(EventCodec.currentVersion(of: e.tag) == e.type.currentVersion)
        }
        #expect(EventType.assessmentRecorded.currentVersion == 3 && EventType.staffAdded.currentVersion == 2)
        #expect(EventType.clientRegistered.currentVersion == 2 && EventType.retentionPolicySet.currentVersion == 2)
    }
}
