/// What kind of bed this is; decides who may sleep in it and when it is open.
public struct BedAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public static let womenOnly = BedAttributes(rawValue: 1 << 0)
    public static let accessible = BedAttributes(rawValue: 1 << 1)
    public static let twentyFourHour = BedAttributes(rawValue: 1 << 2)
    public static let emergency = BedAttributes(rawValue: 1 << 3)
    public static let coldWeather = BedAttributes(rawValue: 1 << 4)
    public static let medical = BedAttributes(rawValue: 1 << 5)
    /// In a family room: the only beds a minor may get (issue #19).
    public static let family = BedAttributes(rawValue: 1 << 6)
}
