/// The last bed action of one member of staff that may still be taken back as "entered in
/// error" (a compensating event; nothing is erased): a bed given, a check-in, a no-show or a
/// check-out, or an exit — or the beds given to a household in one go (`H`), taken back together.
/// Kept per member of staff in the folded state; `Decider.undoWindowMs` bounds how
/// long after it was recorded it can be undone.
public struct UndoableAction: Hashable, Sendable {
    /// What was done.
    public enum Kind: UInt8, Sendable, CaseIterable {
        case assigned = 1
        case checkedIn = 2
        case noShow = 3
        case checkedOut = 4
        /// A stay ended (an exit); `night` is its last night, `bed` is 0.
        case exited = 5
    }

    public var kind: Kind
    public var night: Day
    public var bed: BedID
    public var client: ClientID
    /// When it was recorded (the event's time).
    public var at: Timestamp
    /// For an exit: the first night of the stay it ended (what an undo reopens).
    public var stayStart: Day?
    /// For beds given to a household together: the other members' beds that night, in the order
    /// given (`bed`/`client` is the last one); empty for a single action.
    public var alsoAssigned: [Placement]

    /// One bed given to one person (a member of a household placed together).
    public struct Placement: Hashable, Sendable {
        public var bed: BedID
        public var client: ClientID
        public init(bed: BedID, client: ClientID) { self.bed = bed; self.client = client }
    }

    public init(kind: Kind, night: Day, bed: BedID, client: ClientID, at: Timestamp, stayStart: Day? = nil, alsoAssigned: [Placement] = []) {
        self.kind = kind; self.night = night; self.bed = bed; self.client = client; self.at = at; self.stayStart = stayStart
        self.alsoAssigned = alsoAssigned
    }
}
