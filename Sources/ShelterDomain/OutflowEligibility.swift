/// Whether an exit to a category that needs a positive checklist may be recorded: the latest
/// assessment of the client has the outcome `likely` and is valid on the night (no end date,
/// or an end date on or after it) — the same rule as `ShelterState.isLikelyEntitled(_:on:)`,
/// which it delegates to, so exits and stay limits can never disagree.
public enum OutflowEligibility {
    /// The client's most recently recorded assessment, if any.
    public static func latestAssessment(of client: ClientID, in s: ShelterState) -> Assessment? {
        s.files.assessments[client]?.max { $0.id < $1.id }
    }

    /// True when the latest assessment says `likely` and is valid on `night`.
    public static func hasValidLikely(_ client: ClientID, on night: Day, in s: ShelterState) -> Bool {
        s.isLikelyEntitled(client, on: night)
    }

    /// The latest checklist outcome code recorded on or before `night` ("none" without one).
    public static func outcomeCode(of client: ClientID, on night: Day, in s: ShelterState) -> String {
        (s.files.assessments[client] ?? []).filter { $0.answers.assessmentDate <= night }.max { $0.id < $1.id }?.result.outcome.rawValue ?? "none"
    }
}
