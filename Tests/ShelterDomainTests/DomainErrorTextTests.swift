import OnderdakResources
import Testing
@testable import ShelterDomain

/// Refusals are typed in the domain and said by the translation tables: Dutch staff read Dutch,
/// scripts read English, and nobody reads a key, a code or an unfilled placeholder.
@Suite("Refusal texts come from the translation tables")
struct DomainErrorTextTests {
    static let night = Day.parseISO("2026-11-23")!

    /// One value of every case.
    static let all: [DomainError] = [
        .unknownActor, .actorDeactivated("joost"), .notPermitted(role: .desk, permission: .approveExtensions),
        .invalidText(field: .givenNames, problem: .controlCharacters), .usernameTaken("ineke"), .unknownStaff(9), .unknownLocation(9),
        .unknownRoom(9), .unknownBed(9), .unknownClient(9), .unknownRequest(9), .bedTaken(bed: "S9", night: night),
        .clientHasBed(bed: "S9", night: night), .womenOnlyBed(bed: "V4"), .coldWeatherBedClosed(bed: "K1"), .stayLimitReached(used: 28, max: 28),
        .noReservation(night: night), .alreadyCheckedIn(night: night), .requestAlreadyDecided(3), .invalidDate(field: .consentDate, problem: .inFuture(night)),
        .lastSupervisor, .noOpenStay, .accountLocked(until: Timestamp(utcDay: night, seconds: 20 * 3600)), .banned(until: night), .banned(until: nil),
        .consentRequired(field: .dateOfBirth), .unknownBan(2), .unknownAlert(2), .alreadyClosed, .nothingChanged, .mergeConflict(night: night),
        .mergedRecord(into: 7), .bedOutOfService(bed: "S3", until: night, reason: "lekkage"), .bedOutOfService(bed: "S3", until: nil, reason: "lekkage"),
        .needsApproval(bed: "Z1"), .beforeCutoff(time: "23:00"), .notCheckedIn(night: night), .unknownWaitlistEntry(4), .alreadyWaiting,
        .unknownReturnPlan(5), .returnPlanActive(5), .returnStepMissing(to: .booked, missing: ["ticket", "travel_date"]),
        .returnStepNotAllowed(from: .departed, to: .planned), .outflowNeedsLikely(outflow: "regular_wmo_shelter"), .noExit(night: night),
        .responsibleAdultRequired(age: 9), .responsibleAdultIsMinor(3), .minorNotInFamilyRoom(bed: "S1"), .familiesNotAccepted(location: "Oost"),
        .unknownReferral(1), .referralNoAppointment(1), .referralAppointmentAhead(on: night), .unknownHousehold(1), .alreadyInHousehold(1),
        .selfRelianceNeedsLikely, .reasonRequired, .nothingToUndo, .undoExpired(minutes: 5), .undoOutdated,
        .alreadyErased(4), .erasureWhileStaying(night: night), .reasonNamesPerson, .retentionOutOfRange(3), .careRetentionOutOfRange(30, term: 24),
    ]

    @Test("Every refusal has a Dutch and an English text, filled in, without keys or codes")
    func everyCaseIsSaid() {
        for e in Self.all {
            let nl = e.text("nl"), en = e.text("en")
            for text in [nl, en] {
                #expect(!text.contains("%s") && !text.contains("error.") && !text.contains("field.") && !text.contains("textProblem."), "\(e.code): \(text)")
                #expect(!text.contains("_"), "\(e.code): a code on screen: \(text)")
            }
            #expect(nl != en, "\(e.code) is not translated: \(nl)")
        }
    }

    @Test("Typed input problems in Dutch: the field and the problem, no English")
    func dutchInputProblems() {
        #expect(DomainError.invalidText(field: .givenNames, problem: .controlCharacters).text("nl") == "voornamen: bevat stuurtekens")
        #expect(DomainError.invalidText(field: .givenNames, problem: .controlCharacters).text("en") == "given names: contains control characters")
        #expect(DomainError.invalidDate(field: .dateOfBirth, problem: .inFuture(Self.night)).text("nl") == "geboortedatum: 23-11-2026 ligt in de toekomst")
        #expect(DomainError.invalidText(field: .bsn, problem: .bsnCheck("111222334")).text("nl").hasPrefix("BSN: 111222334 klopt niet"))
        #expect(DomainError.notPermitted(role: .desk, permission: .approveExtensions).text("nl") == "Uw rol (balie) mag dit niet (verlengingen goedkeuren). Vraag een teamleider.")
        #expect(DomainError.outflowNeedsLikely(outflow: "regular_wmo_shelter").text("nl").contains("'"), "the outflow by its Dutch name")
        #expect(DomainError.stayLimitReached(used: 28, max: 28).description == "Maximum stay reached (28/28 nights). File an extension request.")
    }

    @Test("Every field, text problem and date problem has words in both languages")
    func everyFieldAndProblem() {
        for t in [Strings.nl, Strings.en] {
            for f in InputField.allCases { #expect(t["input.\(f.rawValue)"] != "input.\(f.rawValue)", "input.\(f.rawValue) in \(t.lang)") }
            let problems: [TextProblem] = [.required, .tooLong(max: 5), .tooManyMarks(max: 5), .controlCharacters, .notAName, .edgeSpace, .usernameLength,
                                           .usernameCharacters, .idNumberLength, .idNumberCharacters, .nameOrAlias, .countryCode, .languageCode,
                                           .notALanguageCode("xx1"), .oneOf(["nl", "en"]), .bsnCheck("1"), .phone, .ethosRange, .noneWithProblem,
                                           .youngAdultAge, .explainPurpose, .sameRecord, .policyRange, .exportFormat, .absenceRange, .normRange,
                                           .overrideNotNeeded, .notOutOfServiceAfter(Self.night), .coldWeatherNotOnAfter(Self.night),
                                           .householdTooSmall, .listedTwice, .noBeds, .outcomeChoice, .sameHousehold]
            for p in problems { #expect(t[p.key] != p.key && !p.text(t).contains("%s"), "\(p.key) in \(t.lang)") }
            let dates: [DateProblem] = [.inFuture(Self.night), .inPast(Self.night), .implausibleBirthYear(1800), .implausible(Self.night), .requiredWithConsent,
                                        .laterThanRequested(Self.night)] + DateProblem.Earlier.allCases.map { .before(Self.night, other: Self.night, what: $0) }
            for d in dates { #expect(t[d.key] != d.key && !d.text(t).contains("%s"), "\(d.key) in \(t.lang)") }
        }
    }
}
