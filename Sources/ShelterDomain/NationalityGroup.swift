/// The nationality groups monitoring uses (GGD, national approach): Dutch, EU citizens from
/// Central and Eastern Europe (the member states of 2004, 2007 and 2013), other EU/EEA/Swiss
/// citizens, everyone else, and unknown.
public enum NationalityGroup: String, Sendable, CaseIterable {
    case nl = "NL"
    case euCEE = "EU-CEE"
    case euOther = "EU-other"
    case nonEU = "non-EU"
    case unknown

    /// EU member states in Central and Eastern Europe (joined 2004, 2007, 2013).
    public static let cee: Set<String> = ["BG", "CZ", "EE", "HR", "HU", "LT", "LV", "PL", "RO", "SI", "SK"]

    public init(_ nationality: String) {
        let c = nationality.uppercased()
        if c.isEmpty { self = .unknown }
        else if c == "NL" { self = .nl }
        else if Self.cee.contains(c) { self = .euCEE }
        else if Nationality.isEUEEASwiss(c) { self = .euOther }
        else { self = .nonEU }
    }
}
