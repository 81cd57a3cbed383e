/// A person who came to the shelter. Names are kept exactly as typed (any script).
public struct Client: Hashable, Sendable {
    public var id: ClientID
    public var givenNames: String
    public var familyNames: String
    public var alias: String
    public var birth: BirthDate?
    public var gender: Gender
    /// ISO 3166-1 alpha-2, upper case ("PL"), or "" when unknown.
    public var nationality: String
    public var arrivedNL: Day?
    public var registeredAt: Timestamp
    /// The first night of the current stay, nil when no stay is open.
    public var stayStart: Day?
    /// The outflow of the last ended stay, if any.
    public var lastOutflow: Outflow?
    /// Everything beyond the minimum, allowed only with consent.
    public var details = ClientDetails()
    /// Set when this record was merged into another one (it then no longer appears in search).
    public var mergedInto: ClientID?

    public init(id: ClientID, givenNames: String, familyNames: String, alias: String = "", birth: BirthDate? = nil,
                gender: Gender = .unknownOrOther, nationality: String = "", arrivedNL: Day? = nil,
                registeredAt: Timestamp = Timestamp(milliseconds: 0), details: ClientDetails = ClientDetails()) {
        self.id = id; self.givenNames = givenNames; self.familyNames = familyNames; self.alias = alias
        self.birth = birth; self.gender = gender; self.nationality = nationality; self.arrivedNL = arrivedNL
        self.registeredAt = registeredAt; self.details = details
    }

    public var fullName: String {
        if isErased { return "erased (#\(id))" }
        return [givenNames, familyNames].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// True for a record whose personal data was erased (`Redaction.client`): no names, no alias.
    public var isErased: Bool { givenNames.isEmpty && familyNames.isEmpty && alias.isEmpty }
}
