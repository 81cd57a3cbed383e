import ShelterDomain

extension Strings {
    /// A bed's state tonight in words, the same on the board screen and in `onderdak board`'s
    /// table: free, reserved, checked in, left (in the morning or during the night), out of
    /// service, closed. JSON keeps `BoardRow.State`'s codes.
    public func boardState(_ r: BoardRow) -> String {
        switch (r.state, r.departure) {
        case (.free, _): self["board.state.free"]
        case (.reserved, _): self["board.state.reserved"]
        case (.checkedIn, .morning?): self["board.state.left"]
        case (.checkedIn, .duringNight?): self["board.state.leftNight"]
        case (.checkedIn, nil): self["board.state.checkedIn"]
        case (.outOfService, _): self["board.state.outOfService"]
        case (.closed, _): self["board.state.closed"]
        }
    }
}
