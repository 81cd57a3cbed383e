/// One ended stay as the outflow report sees it: who, after which night, where to, and what
/// it is broken down by (location of the last night, nationality group, checklist outcome at
/// the exit), how long the stay was, and whether it was closed automatically or corrected.
public struct OutflowExit: Hashable, Sendable {
    public var client: ClientID
    /// The last night of the stay.
    public var night: Day
    public var outflow: Outflow
    /// Location of the last night held in the stay ("" when none was held).
    public var location: String
    public var nationalityGroup: NationalityGroup
    /// The latest checklist outcome recorded on or before the exit night ("none" without one).
    public var outcome: String
    /// Nights from the stay's first night through its last, inclusive (calendar nights).
    public var nights: Int
    public var automatic: Bool
    public var corrected: Bool
}
