extension Event {
    /// The client an event is about, if any (for the audit log's filter and the timeline).
    public var clientID: ClientID? {
        switch self {
        case let .clientRegistered(c), let .clientUpdated(c, _): c.id
        case let .bedAssigned(_, _, c), let .checkedIn(_, _, c), let .reservationReleased(_, _, c, _), let .checkedOut(_, _, c, _): c
        case let .reservationCancelled(_, _, c, _, _), let .checkInUndone(_, _, c), let .noShowUndone(_, _, c), let .checkOutUndone(_, _, c): c
        case let .exitUndone(c, _, _): c
        case let .extensionRequested(x): x.clientID
        case let .stayEnded(c, _, _): c
        case let .assessmentRecorded(a): a.clientID
        case let .noteAdded(n): n.clientID
        case let .banImposed(b): b.clientID
        case let .alertRaised(a): a.clientID
        case let .clientsMerged(survivor, _, _): survivor
        case let .duplicateDismissed(a, _): a
        case let .waitlisted(w): w.clientID
        case let .returnPlanOpened(p), let .returnPlanUpdated(p): p.clientID
        case let .indDecisionRecorded(d): d.clientID
        case let .medicalNotesViewed(c): c
        case let .bedRefused(_, _, c, _, _): c
        case let .outflowOverridden(c, _, _, _), let .stayClosedForAbsence(c, _, _, _), let .outflowCorrected(c, _, _, _): c
        case let .referralMade(x): x.clientID
        case let .adminStatusChanged(c, _), let .interpreterNeedSet(c, _): c
        case let .selfRelianceAssessed(a): a.clientID
        case let .careDataErased(c, _, _): c
        default: nil
        }
    }

    /// The client an event shows contact with (for retention): nil for staff reading their file,
    /// automatic closures, erasures and events about no one.
    public var contactClient: ClientID? {
        switch self {
        case .medicalNotesViewed, .stayClosedForAbsence, .clientErased, .careDataErased: nil
        case let .clientsMerged(survivor, _, _): survivor
        default: clientID
        }
    }

    /// The night an event is about, if any.
    public var night: Day? {
        switch self {
        case let .bedAssigned(n, _, _), let .checkedIn(n, _, _), let .reservationReleased(n, _, _, _), let .checkedOut(n, _, _, _), let .stayEnded(_, n, _): n
        case let .reservationCancelled(n, _, _, _, _), let .checkInUndone(n, _, _), let .noShowUndone(n, _, _), let .checkOutUndone(n, _, _): n
        case let .exitUndone(_, n, _): n
        case let .waitlisted(w): w.night
        case let .bedRefused(n, _, _, _, _): n
        case let .outflowOverridden(_, n, _, _), let .stayClosedForAbsence(_, n, _, _), let .outflowCorrected(_, n, _, _): n
        default: nil
        }
    }
}
