/// Who has which bed on one night, indexed both ways so "one bed per person, one person per
/// bed" is a dictionary look-up.
public struct NightBoard: Hashable, Sendable {
    public var byBed: [BedID: BedNight] = [:]
    public var bedOfClient: [ClientID: BedID] = [:]
    public init() {}
}
