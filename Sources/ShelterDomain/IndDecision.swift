/// An IND decision that a person has no (longer a) lawful residence. The shelter records it and
/// counts down to the departure deadline; it never decides this. Without a written deadline the
/// estimate is notification + 1 calendar month (Directive 2004/38/EC art. 30(3): at least one
/// month; a flat 28 days is not enough), marked as an estimate.
public struct IndDecision: Hashable, Sendable {
    public var clientID: ClientID
    public var decisionDate: Day
    public var notificationDate: Day
    /// As written in the decision; nil when staff do not have it yet.
    public var deadline: Day?

    public init(clientID: ClientID, decisionDate: Day, notificationDate: Day, deadline: Day?) {
        self.clientID = clientID; self.decisionDate = decisionDate; self.notificationDate = notificationDate; self.deadline = deadline
    }

    /// The deadline in force: written, or estimated (second value true).
    public var effectiveDeadline: (day: Day, estimate: Bool) {
        if let deadline { return (deadline, false) }
        return (notificationDate.adding(months: 1), true)
    }

    /// Days left until the deadline (negative when passed).
    public func daysLeft(on today: Day) -> Int { Int(effectiveDeadline.day.ordinal - today.ordinal) }
}
