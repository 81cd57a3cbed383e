/// The current value of one administrative item, with its date and source.
public struct AdminEntry: Hashable, Sendable {
    /// One of `AdminItem.values`.
    public var value: String
    /// The organisation (briefadres) or municipality; "" when not needed.
    public var detail: String
    /// When this became true (e.g. the day the briefadres was granted).
    public var on: Day
    /// How it is known (e.g. "polisblad", "letter from the municipality", "client says").
    public var source: String

    public init(value: String, detail: String, on: Day, source: String) {
        self.value = value; self.detail = detail; self.on = on; self.source = source
    }
}
