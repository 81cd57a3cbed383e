/// The field a refusal of typed input names. The raw value is a stable code; the user sees the
/// field's name in their language (translation key `input.<code>`).
public enum InputField: String, Sendable, CaseIterable {
    case givenNames = "given_names", familyNames = "family_names", alias, name, birthYear = "birth_year", dateOfBirth = "date_of_birth"
    case arrivedNL = "arrived_nl", nationality, consentDate = "consent_date", consent, consentLanguage = "consent_language"
    case languages, language, idNumber = "id_number", bsn, phone, ethos, lastEmployer = "last_employer"
    case employmentEnded = "employment_ended", problemAreas = "problem_areas", youngAdult = "young_adult", details
    case note, reason, contact, until, deadline, decisionDate = "decision_date", notificationDate = "notification_date"
    case documentRequested = "document_requested", documentReady = "document_ready"
    case merge, duplicate, username, policy, format, norm, override, absenceNights = "absence_nights"
    case bed, room, coldWeather = "cold_weather", municipality, source
    case destination, city, partner, contactPerson = "contact_person", departurePoint = "departure_point", paidBy = "paid_by"
    case luggage, receivingOrganisation = "receiving_organisation", receivingPerson = "receiving_person"
    case receivingContact = "receiving_contact", receivingCare = "receiving_care"
    case household, beds, organisation, referredOn = "referred_on", appointment, outcome, detail, date
    case interpreterLanguage = "interpreter_language", responsibleAdult = "responsible_adult"
    case insurance, postalAddress = "postal_address", registration, bsnKnown = "bsn_known", bankAccount = "bank_account"
    case otherMunicipality = "other_municipality"
}
