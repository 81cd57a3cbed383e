/// Identifiers of the domain's nouns. Small integers handed out by the state itself
/// (`ShelterState.next…`), so a command re-decided under the journal lock gets fresh ids.
public typealias StaffID = Int32
public typealias ClientID = Int32
public typealias LocationID = Int32
public typealias RoomID = Int32
public typealias BedID = Int32
public typealias RequestID = Int32
public typealias AssessmentID = Int32
public typealias ReturnPlanID = Int32

/// The actor id used for events written by the system itself (setup, demo generator).
public let systemActor: StaffID = 0
