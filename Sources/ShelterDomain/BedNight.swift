/// Who has a bed on a night (a row of the nightly bed board).
public struct BedNight: Hashable, Sendable {
    public var clientID: ClientID
    public var status: BedNightStatus
    public init(clientID: ClientID, status: BedNightStatus) { self.clientID = clientID; self.status = status }
}
