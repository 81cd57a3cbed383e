/// Why a command was refused, in words a member of staff can act on (Dutch and English).
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownActor
    case actorDeactivated(String)
    case notPermitted(role: Role, permission: Permission)
    case invalidText(field: String, reason: String)
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
    case invalidDate(field: String, reason: String)
    case lastSupervisor
    case noOpenStay
    case accountLocked(until: Timestamp)
    case banned(until: Day?)
    case consentRequired(field: String)
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
    /// The person's data was already erased.
    case alreadyErased(ClientID)
    /// The person holds a bed on `night` (tonight or later): erase after the stay.
    case erasureWhileStaying(night: Day)
    /// An erasure's reason must not contain the person's name (it is kept for ever).
    case reasonNamesPerson
    /// A retention term outside 6–120 months.
    case retentionOutOfRange(Int)

    public var description: String { text("en") }

    /// A return plan's status in words.
    public static func statusWord(_ s: ReturnStatus, nl: Bool) -> String {
        switch s {
        case .exploring: nl ? "verkennen" : "exploring"
        case .planned: nl ? "gepland" : "planned"
        case .documentsReady: nl ? "documenten klaar" : "documents ready"
        case .booked: nl ? "geboekt" : "booked"
        case .departed: nl ? "vertrokken" : "departed"
        case .arrivalConfirmed: nl ? "aankomst bevestigd" : "arrival confirmed"
        case .cancelled: nl ? "geannuleerd" : "cancelled"
        }
    }

    /// A return plan's missing requirement in words.
    public static func missingWord(_ code: String, nl: Bool) -> String {
        switch code {
        case "consent": nl ? "toestemming ontbreekt" : "consent missing"
        case "destination": nl ? "bestemming ontbreekt" : "destination missing"
        case "travel_document": nl ? "geen geldig ID of klaar reisdocument" : "no valid ID or ready travel document"
        case "travel_date": nl ? "reisdatum ontbreekt" : "travel date missing"
        case "travel_mode": nl ? "vervoer ontbreekt" : "travel mode missing"
        case "ticket": nl ? "ticket nog niet geboekt" : "ticket not booked yet"
        case "travel_date_future": nl ? "de reisdatum is nog niet bereikt" : "the travel date has not come yet"
        default: code
        }
    }

    /// The message in Dutch ("nl", the default) or English ("en").
    public func text(_ lang: String) -> String {
        let nl = lang != "en"
        switch self {
        case .unknownActor:
            return nl ? "Onbekende medewerker: log opnieuw in." : "Unknown member of staff: log in again."
        case .actorDeactivated(let name):
            return nl ? "Account \(name) is gedeactiveerd en kan niets meer doen." : "Account \(name) is deactivated and cannot act."
        case let .notPermitted(role, permission):
            return nl ? "Uw rol (\(role)) mag dit niet (\(permission.rawValue)). Vraag een teamleider."
                : "Your role (\(role)) may not do this (\(permission.rawValue)). Ask a supervisor."
        case let .invalidText(field, reason):
            return nl ? "\(field): \(reason)" : "\(field): \(reason)"
        case .usernameTaken(let u):
            return nl ? "Gebruikersnaam \(u) bestaat al; kies een andere." : "Username \(u) already exists; choose another."
        case .unknownStaff(let id): return nl ? "Medewerker \(id) bestaat niet." : "Staff member \(id) does not exist."
        case .unknownLocation(let id): return nl ? "Locatie \(id) bestaat niet." : "Location \(id) does not exist."
        case .unknownRoom(let id): return nl ? "Kamer \(id) bestaat niet." : "Room \(id) does not exist."
        case .unknownBed(let id): return nl ? "Bed \(id) bestaat niet." : "Bed \(id) does not exist."
        case .unknownClient(let id): return nl ? "Cliënt \(id) bestaat niet." : "Client \(id) does not exist."
        case .unknownRequest(let id): return nl ? "Verzoek \(id) bestaat niet." : "Request \(id) does not exist."
        case let .bedTaken(bed, night):
            return nl ? "Bed \(bed) is voor de nacht van \(night.dutch) al vergeven. Kies een ander bed."
                : "Bed \(bed) is already taken for the night of \(night.dutch). Choose another bed."
        case let .clientHasBed(bed, night):
            return nl ? "Deze persoon heeft voor de nacht van \(night.dutch) al bed \(bed)."
                : "This person already has bed \(bed) for the night of \(night.dutch)."
        case .womenOnlyBed(let bed):
            return nl ? "Bed \(bed) is alleen voor vrouwen." : "Bed \(bed) is for women only."
        case .coldWeatherBedClosed(let bed):
            return nl ? "Bed \(bed) is een kouderegelingbed en is alleen open als de kouderegeling aan staat."
                : "Bed \(bed) is a cold-weather bed and only open when cold-weather mode is on."
        case let .stayLimitReached(used, max):
            return nl ? "Maximale verblijfsduur bereikt (\(used)/\(max) nachten). Dien een verlengingsverzoek in."
                : "Maximum stay reached (\(used)/\(max) nights). File an extension request."
        case .noReservation(let night):
            return nl ? "Deze persoon heeft geen bed voor de nacht van \(night.dutch)." : "This person has no bed for the night of \(night.dutch)."
        case .alreadyCheckedIn(let night):
            return nl ? "Deze persoon is voor de nacht van \(night.dutch) al binnen." : "This person is already checked in for the night of \(night.dutch)."
        case .requestAlreadyDecided(let id):
            return nl ? "Over verzoek \(id) is al beslist." : "Request \(id) has already been decided."
        case let .invalidDate(field, reason):
            return "\(field): \(reason)"
        case .lastSupervisor:
            return nl ? "Dit is de laatste actieve teamleider; voeg eerst een andere teamleider toe."
                : "This is the last active supervisor; add another supervisor first."
        case .accountLocked(let until):
            let t = AmsterdamTime.formatted(until).suffix(5)
            return nl ? "Te vaak een verkeerde pincode: dit account is geblokkeerd tot \(t). Probeer het daarna opnieuw of vraag een teamleider."
                : "Too many wrong PINs: this account is locked until \(t). Try again then, or ask a supervisor."
        case .banned(let until):
            if let until {
                return nl ? "Deze persoon heeft een toegangsbeperking tot en met \(until.dutch): geen bed toewijzen."
                    : "This person is banned until \(until.dutch) (inclusive): no bed may be given."
            }
            return nl ? "Deze persoon heeft een toegangsbeperking zonder einddatum: geen bed toewijzen. Vraag een teamleider."
                : "This person is banned until further notice: no bed may be given. Ask a supervisor."
        case .consentRequired(let field):
            return nl ? "\(field): zonder toestemming mag alleen het minimum worden vastgelegd (naam, nationaliteit, nachten)."
                : "\(field): without consent only the minimum may be stored (name, nationality, nights)."
        case .unknownBan(let id): return nl ? "Toegangsbeperking \(id) bestaat niet." : "Ban \(id) does not exist."
        case .unknownAlert(let id): return nl ? "Melding \(id) bestaat niet." : "Alert \(id) does not exist."
        case .alreadyClosed: return nl ? "Dit is al afgesloten." : "This has already been closed."
        case .nothingChanged: return nl ? "Er is niets gewijzigd." : "Nothing was changed."
        case .mergeConflict(let night):
            return nl ? "Samenvoegen kan niet: beide dossiers hebben een bed in de nacht van \(night.dutch). Los dat eerst op."
                : "Cannot merge: both records have a bed on the night of \(night.dutch). Resolve that first."
        case .mergedRecord(let into):
            return nl ? "Dit dossier is samengevoegd met cliënt \(into); gebruik dat dossier." : "This record was merged into client \(into); use that one."
        case let .bedOutOfService(bed, until, reason):
            let till = until.map { nl ? " t/m \($0.dutch)" : " until \($0.dutch)" } ?? ""
            return nl ? "Bed \(bed) is buiten gebruik\(till): \(reason). Kies een ander bed." : "Bed \(bed) is out of service\(till): \(reason). Choose another bed."
        case .needsApproval(let bed):
            return nl ? "Bed \(bed) is een 24-uursbed: plaatsing vraagt goedkeuring van een teamleider. Dien een verzoek in (e)."
                : "Bed \(bed) is a 24-hour bed: placement needs a supervisor's approval. File a request (e)."
        case .beforeCutoff(let time):
            return nl ? "Het is nog geen \(time): gereserveerde bedden blijven tot dan vrijgehouden." : "It is not \(time) yet: reserved beds are held until then."
        case .notCheckedIn(let night):
            return nl ? "Deze persoon is voor de nacht van \(night.dutch) niet binnen." : "This person is not checked in for the night of \(night.dutch)."
        case .unknownWaitlistEntry(let id): return nl ? "Wachtlijstregel \(id) bestaat niet." : "Waiting-list entry \(id) does not exist."
        case .alreadyWaiting: return nl ? "Deze persoon staat al op de wachtlijst voor deze nacht." : "This person is already on the waiting list for this night."
        case .unknownReturnPlan(let id): return nl ? "Terugkeerplan \(id) bestaat niet." : "Return plan \(id) does not exist."
        case .returnPlanActive(let id):
            return nl ? "Er loopt al een terugkeerplan (\(id)) voor deze persoon; werk dat bij." : "A return plan (\(id)) is already open for this person; update that one."
        case let .returnStepMissing(to, missing):
            let words = missing.map { DomainError.missingWord($0, nl: nl) }.joined(separator: ", ")
            return nl ? "Nog niet naar '\(DomainError.statusWord(to, nl: nl))': \(words)." : "Cannot move to '\(DomainError.statusWord(to, nl: nl))' yet: \(words)."
        case let .returnStepNotAllowed(from, to):
            return nl ? "Van '\(DomainError.statusWord(from, nl: nl))' kan het plan niet naar '\(DomainError.statusWord(to, nl: nl))'."
                : "The plan cannot go from '\(DomainError.statusWord(from, nl: nl))' to '\(DomainError.statusWord(to, nl: nl))'."
        case .noOpenStay:
            return nl ? "Deze persoon heeft geen lopend verblijf." : "This person has no open stay."
        case .outflowNeedsLikely(let code):
            return nl ? "Uitstroom '\(code)' vraagt een geldige checklist-uitkomst 'likely' (gelijke behandeling aannemelijk). Doe eerst de checklist, of vraag een teamleider om een uitzondering met reden."
                : "Outflow '\(code)' needs a valid 'likely' checklist outcome (equal treatment likely). Run the checklist first, or ask a supervisor for an override with a reason."
        case .noExit(let night):
            return nl ? "Er is geen verblijf van deze persoon dat eindigde na de nacht van \(night.dutch)." : "No stay of this person ended after the night of \(night.dutch)."
        case .alreadyErased(let id):
            return nl ? "De gegevens van cliënt \(id) zijn al gewist." : "The data of client \(id) has already been erased."
        case .erasureWhileStaying(let night):
            return nl ? "Deze persoon heeft een bed in de nacht van \(night.dutch). Geef het bed eerst vrij of wis na het verblijf."
                : "This person has a bed on the night of \(night.dutch). Release the bed first, or erase after the stay."
        case .reasonNamesPerson:
            return nl ? "De reden blijft altijd bewaard en mag de naam van de persoon niet bevatten. Beschrijf de grond (bijv. 'verzoek AVG art. 17')."
                : "The reason is kept for ever and must not contain the person's name. Give the ground (e.g. 'GDPR art. 17 request')."
        case .retentionOutOfRange(let m):
            return nl ? "Bewaartermijn \(m) maanden: kies 6 tot 120 maanden." : "Retention term \(m) months: choose 6 to 120 months."
        }
    }
}
