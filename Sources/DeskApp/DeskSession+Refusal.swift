import ShelterDomain

extension DeskSession {
    /// After a refused bed: only the stay limit or a 24-hour bed without approval offer `e` (an
    /// extension request); a stay-limit refusal without a checklist younger than 30 days offers
    /// `c` (the checklist first). Other refusals (women only, a ban, a taken bed) offer only OK.
    /// The refusal is matched by its case, never by its text. True when an action is offered.
    func offerRefusalAction(client: ClientID, bed: BedID, night: Day) -> Bool {
        guard case .error(let text)? = overlay, let st = store?.state, let loc = st.inventory.beds[bed]?.locationID else { return false }
        switch lastRefusal {
        case .needsApproval?: limitRefusal = (client, loc, night, .twentyFourHourBed)
        case .stayLimitReached?:
            limitRefusal = (client, loc, night, nil)
            let recent = st.latestAssessment(of: client).map { Int(night.ordinal - $0.assessedOn.ordinal) < 30 } ?? false
            if !recent {
                checklistFirst = client
                overlay = .error(text + "\n\n" + strings["limit.checklistFirst"])
            }
        default: limitRefusal = nil; checklistFirst = nil
        }
        return limitRefusal != nil
    }
}
