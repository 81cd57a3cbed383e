/// One bed in a room.
public struct Bed: Hashable, Sendable {
    public var id: BedID
    public var roomID: RoomID
    public var locationID: LocationID
    public var label: String
    public var attributes: BedAttributes
    public init(id: BedID, roomID: RoomID, locationID: LocationID, label: String, attributes: BedAttributes) {
        self.id = id; self.roomID = roomID; self.locationID = locationID; self.label = label; self.attributes = attributes
    }
}
