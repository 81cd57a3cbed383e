/// A room in a location; beds belong to rooms.
public struct Room: Hashable, Sendable {
    public var id: RoomID
    public var locationID: LocationID
    public var name: String
    public init(id: RoomID, locationID: LocationID, name: String) {
        self.id = id; self.locationID = locationID; self.name = name
    }
}
