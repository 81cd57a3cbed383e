/// The single-person social-assistance norm (bijstandsnorm) in force from a date, with its source.
public struct SocialAssistanceNorm: Hashable, Sendable {
    public var from: Day
    public var monthlyEUR: Double
    public var source: String
    public init(from: Day, monthlyEUR: Double, source: String) { self.from = from; self.monthlyEUR = monthlyEUR; self.source = source }
}
