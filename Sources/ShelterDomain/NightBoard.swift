/// Who has which bed on one night, indexed both ways so "one bed per person, one person per
/// bed" is a look-up (compact sorted maps: a city keeps thousands of nights in memory).
public struct NightBoard: Hashable, Sendable {
    public var byBed: SortedMap<BedID, BedNight> = [:]
    public var bedOfClient: SortedMap<ClientID, BedID> = [:]
    public init() {}

    /// Puts `client` in `bed` (leaving any other bed they had this night). Returns the client who
    /// held `bed` before, if it was someone else, and the bed `client` left, if any.
    mutating func place(client: ClientID, bed: BedID, status: BedNightStatus) -> (displaced: ClientID?, previousBed: BedID?) {
        // The same person in the same bed (a check-in after the reservation): only the status changes.
        if byBed.updateValue(forKey: bed, where: { $0.clientID == client }, { $0.status = status }) { return (nil, nil) }
        var previousBed: BedID?
        if let p = bedOfClient[client], p != bed { byBed[p] = nil; previousBed = p }
        var displaced: ClientID?
        if let other = byBed[bed]?.clientID, other != client { bedOfClient[other] = nil; displaced = other }
        byBed[bed] = BedNight(clientID: client, status: status)
        bedOfClient[client] = bed
        return (displaced, previousBed)
    }
}
