/// Where someone went when their stay ended (uitstroom). The raw value is what the journal
/// stores (`stay_ended` keeps it as one byte): a new category gets a new raw value and an
/// existing one is never renumbered. Labels, valence (positive/neutral/negative) and whether a
/// category needs a `likely` checklist outcome are data, in `Resources/data/outflow.json`,
/// read into an `OutflowCatalog`.
public enum Outflow: UInt8, Sendable, CaseIterable {
    case workAndHousingNL = 1
    case regularWmoShelter = 2
    case otherFacility = 3
    case returnToCountryOfOrigin = 4
    case forcedReturn = 5
    case leftWithoutNotice = 6
    case excluded = 7
    case deceased = 8
    case unknown = 9
    /// Back to the street because the stay limit was reached.
    case streetLimitReached = 10
    /// Back to the street by their own choice.
    case streetOwnChoice = 11
    case hospitalOrClinic = 12
    case detention = 13
    /// Another shelter in the same municipality.
    case transferSameMunicipality = 14
    /// A shelter or service in another municipality.
    case transferOtherMunicipality = 15

    /// The stable text code (CLI, exports, the Resources list, translations `outflow.<code>`).
    public var code: String {
        switch self {
        case .workAndHousingNL: "work_and_housing_nl"
        case .regularWmoShelter: "regular_wmo_shelter"
        case .otherFacility: "other_facility"
        case .returnToCountryOfOrigin: "return_country_of_origin"
        case .forcedReturn: "forced_return"
        case .leftWithoutNotice: "left_without_notice"
        case .excluded: "excluded"
        case .deceased: "deceased"
        case .unknown: "unknown"
        case .streetLimitReached: "street_limit_reached"
        case .streetOwnChoice: "street_own_choice"
        case .hospitalOrClinic: "hospital_clinic"
        case .detention: "detention"
        case .transferSameMunicipality: "transfer_same_municipality"
        case .transferOtherMunicipality: "transfer_other_municipality"
        }
    }

    /// The category with this code, if any.
    public init?(code: String) {
        guard let o = Outflow.allCases.first(where: { $0.code == code }) else { return nil }
        self = o
    }
}
