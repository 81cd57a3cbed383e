/// Where someone went when their stay ended (uitstroom). Positive per the national evaluation:
/// work and housing, regular Wmo shelter, other follow-up facility, voluntary return.
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

    public var isPositive: Bool {
        switch self {
        case .workAndHousingNL, .regularWmoShelter, .otherFacility, .returnToCountryOfOrigin: true
        default: false
        }
    }

    /// positive / neutral / negative as in the national evaluation (mirrored in `Resources/data/outflow.json`).
    public var valence: String {
        if isPositive { return "positive" }
        switch self {
        case .deceased, .unknown: return "neutral"
        default: return "negative"
        }
    }

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
        }
    }
}
