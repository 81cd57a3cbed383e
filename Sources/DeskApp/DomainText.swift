import ShelterDomain

/// Codes the domain and the rule set use, in words staff read: checklist outcomes and grounds,
/// and the legal basis in Dutch on Dutch screens. Screens never show a snake_case code.
extension Strings {
    /// "gelijke behandeling aannemelijk" for `.likely`.
    func outcome(_ o: ChecklistOutcome) -> String { self["outcome.\(o.rawValue)"] }

    /// A ground code ("third_country_national") in words; an unknown code as words too.
    func ground(_ code: String) -> String {
        let text = self["ground.\(code)"]
        return text == "ground.\(code)" ? code.replacingOccurrences(of: "_", with: " ") : text
    }

    /// "outcome / ground" as the timeline and approvals show a checklist result.
    func decision(_ r: ChecklistResult) -> String { "\(outcome(r.outcome)) / \(ground(r.ground))" }

    /// The rule set's legal basis (written in English), in Dutch on Dutch screens.
    func legalBasis(_ basis: String) -> String {
        guard lang == "nl" else { return basis }
        var s = basis
        for (en, nl) in Self.basisWords { s = s.replacingOccurrences(of: en, with: nl) }
        return s
    }

    static let basisWords: [(String, String)] = [
        ("Directive 2004/38/EC", "Richtlijn 2004/38/EG"),
        ("CJEU case law on real and genuine work", "rechtspraak HvJ EU over reële en daadwerkelijke arbeid"),
        ("(scope: EU/EEA/Swiss nationals)", "(reikwijdte: burgers van de EU/EER en Zwitserland)"),
        (" with ", " met "), (" and ", " en "),
    ]
}
