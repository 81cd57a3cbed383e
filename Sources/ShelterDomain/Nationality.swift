/// Which nationalities the equal-treatment checklist applies to.
public enum Nationality {
    /// EU 27 member states (ISO 3166-1 alpha-2; Greece is GR).
    public static let eu: Set<String> = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
                                         "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]
    /// EEA outside the EU, plus Switzerland.
    public static let eeaAndSwiss: Set<String> = ["IS", "LI", "NO", "CH"]

    /// True for EU, EEA and Swiss nationals (the Netherlands included).
    public static func isEUEEASwiss(_ code: String) -> Bool {
        let c = code.uppercased()
        return eu.contains(c) || eeaAndSwiss.contains(c)
    }
}
