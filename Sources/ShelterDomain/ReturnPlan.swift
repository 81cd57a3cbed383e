/// A voluntary return plan made with a partner organisation: where to, with whom, the
/// person's consent (always withdrawable), documents, travel and the warm handover in the
/// country of origin. Its status moves forward step by step (`ReturnStatus`); every step is an
/// event with date and actor, shown in the client's timeline.
public struct ReturnPlan: Hashable, Sendable {
    public var id: ReturnPlanID
    public var clientID: ClientID
    /// ISO 3166-1 alpha-2 ("PL").
    public var country: String
    public var city = ""
    /// A partner from `Resources/data/return/partners.json` (or another name typed by staff).
    public var partner = ""
    public var contactPerson = ""
    // Consent.
    public var consentDate: Day?
    public var consentLanguage = ""
    public var interpreter = false
    // Documents.
    public var hasValidID = false
    public var emergencyDocumentNeeded = false
    public var documentRequested: Day?
    public var documentReady: Day?
    // Travel.
    public var travelMode: TravelMode?
    public var travelDate: Day?
    public var departurePoint = ""
    public var ticket: Ticket = .toBook
    public var paidBy = ""
    public var luggage = ""
    // Warm handover.
    public var receivingOrganisation = ""
    public var receivingPerson = ""
    public var receivingContact = ""
    public var arranged: Arranged = []
    public var medicalEscort = false
    public var receivingCare = ""
    // Status (set by the state from events).
    public var status: ReturnStatus = .exploring
    public var cancelReason = ""
    public var consentWithdrawn: Day?

    public init(id: ReturnPlanID, clientID: ClientID, country: String) { self.id = id; self.clientID = clientID; self.country = country }

    public enum TravelMode: UInt8, Sendable, CaseIterable {
        case bus = 1, train = 2, plane = 3, carWithPartner = 4
        public var code: String { switch self { case .bus: "bus"; case .train: "train"; case .plane: "plane"; case .carWithPartner: "car_with_partner" } }
    }

    public enum Ticket: UInt8, Sendable, CaseIterable {
        case toBook = 0, booked = 1, paid = 2
        public var code: String { switch self { case .toBook: "to_book"; case .booked: "booked"; case .paid: "paid" } }
    }

    /// What is arranged in the country of origin.
    public struct Arranged: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let housing = Arranged(rawValue: 1)
        public static let addictionCare = Arranged(rawValue: 2)
        public static let psychiatricCare = Arranged(rawValue: 4)
        public static let familyContact = Arranged(rawValue: 8)
        public static let all: [(Arranged, String)] = [(.housing, "housing"), (.addictionCare, "addiction_care"),
                                                       (.psychiatricCare, "psychiatric_care"), (.familyContact, "family_contact")]
    }

    /// Still being worked on (not departed, confirmed or cancelled).
    public var isActive: Bool { ![.departed, .arrivalConfirmed, .cancelled].contains(status) }

    /// What is missing before the plan can move to `target` (empty: it can), as codes:
    /// consent, destination, travel_document, travel_date, travel_mode, ticket, travel_date_future.
    public func missing(for target: ReturnStatus, today: Day) -> [String] {
        var m: [String] = []
        if target.rawValue >= ReturnStatus.planned.rawValue, target != .cancelled {
            if consentDate == nil || consentWithdrawn != nil { m.append("consent") }
            if country.isEmpty { m.append("destination") }
        }
        if target.rawValue >= ReturnStatus.documentsReady.rawValue, target != .cancelled {
            if !hasValidID && documentReady == nil { m.append("travel_document") }
        }
        if target.rawValue >= ReturnStatus.booked.rawValue, target != .cancelled {
            if travelDate == nil { m.append("travel_date") }
            if travelMode == nil { m.append("travel_mode") }
            if ticket == .toBook { m.append("ticket") }
        }
        if target == .departed, let d = travelDate, d > today { m.append("travel_date_future") }
        return m
    }
}
