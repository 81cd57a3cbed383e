/// One outflow category as the Resources list describes it: labels, how it counts in the
/// outflow rate, and whether recording it needs a valid `likely` checklist outcome.
public struct OutflowCategory: Hashable, Sendable {
    /// How an exit counts in the positive-outflow rate.
    public enum Valence: String, Sendable, CaseIterable { case positive, neutral, negative }

    public var outflow: Outflow
    public var valence: Valence
    /// True when the category may only be recorded for someone whose latest checklist outcome
    /// is a valid `likely` (or with a supervisor's override and reason).
    public var requiresLikely: Bool
    public var labelNL: String
    public var labelEN: String

    public init(outflow: Outflow, valence: Valence, requiresLikely: Bool, labelNL: String, labelEN: String) {
        self.outflow = outflow; self.valence = valence; self.requiresLikely = requiresLikely
        self.labelNL = labelNL; self.labelEN = labelEN
    }

    /// The label in Dutch ("nl") or English (anything else).
    public func label(_ lang: String) -> String { lang == "nl" ? labelNL : labelEN }
}
