import Journal
import ShelterDomain

extension DemoGenerator {
    /// Exit categories the demo's leavers take in turn (left without notice: closed by the
    /// absence policy; transfer to another municipality: by a correction of such a closure).
    static let demoExits: [Outflow] = [
        .workAndHousingNL, .leftWithoutNotice, .regularWmoShelter, .otherFacility, .unknown, .returnToCountryOfOrigin,
        .streetLimitReached, .leftWithoutNotice, .hospitalOrClinic, .transferSameMunicipality, .streetOwnChoice, .detention,
        .excluded, .forcedReturn, .deceased, .regularWmoShelter,
    ]

    /// True for someone who was ever given a bed (an open stay, or one that ended: the demo's
    /// closures and round trips must not change who is picked for a return plan).
    static func hadStay(_ s: ShelterState, _ id: ClientID) -> Bool {
        s.files.clients[id]?.stayStart != nil || (s.files.history[id] ?? []).contains { if case .stayEnded = $0.kind { true } else { false } }
    }

    /// The evening's automatic closures (nothing is written when nobody is absent long enough).
    static func closeAbsent(_ store: EventStore, night: Day, desk: StaffID) throws(StoreError) {
        let pending = (try? Decider.decide(.closeAbsentStays(asOf: night), state: store.state, context: CommandContext(actor: desk, now: Timestamp(milliseconds: 0)))) ?? []
        if !pending.isEmpty { try store.execute(.closeAbsentStays(asOf: night), actor: desk) }
    }

    /// Ends a stay. Regular Wmo shelter needs a valid `likely` checklist outcome: the checklist is
    /// run first (someone working 24 hours a week); without rules, or if it does not come out
    /// `likely`, a supervisor's override with a reason is recorded instead.
    static func endStay(_ store: EventStore, _ id: ClientID, night: Day, outflow: Outflow, coord: StaffID, rules: ChecklistRuleSet?,
                        clock: Clock) throws(StoreError) {
        guard outflow == .regularWmoShelter, !OutflowEligibility.hasValidLikely(id, on: night, in: store.state) else {
            try store.execute(.endStay(client: id, night: night, outflow: outflow), actor: coord)
            return
        }
        if let rules, let c = store.state.files.clients[id], let arrived = c.arrivedNL {
            var a = ChecklistAnswers(assessmentDate: night, nationality: c.nationality, arrivedNL: arrived)
            a.workingNow = true; a.hoursPerWeek = 24; a.monthlyIncomeEUR = 1400; a.workHistoryMonths = 8; a.evidence = ["id", "payslips"]
            let result = ChecklistEngine.evaluate(a, rules: rules)
            if result.outcome == .likely {
                try store.execute(.recordAssessment(client: id, answers: a, result: result), actor: coord)
                try store.execute(.endStay(client: id, night: night, outflow: outflow), actor: coord)
                return
            }
        }
        let sup = store.state.roster.staffByUsername[supervisorUser]!
        try store.execute(.endStayWithOverride(client: id, night: night, outflow: outflow,
                                               reason: "gemeente gaf schriftelijk een positief oordeel (Wmo 1.2.2); checklist volgt"), actor: sup)
    }

    /// Someone with an open stay who slept here last night ends it with `outflow` and comes
    /// back on a later evening (a new stay): the board and the stay limits are not changed.
    /// False when nobody fits tonight.
    static func roundTrip(_ store: EventStore, outflow: Outflow, night: Day, sup: StaffID, coord: StaffID, excluded: Set<ClientID>,
                          clock: Clock, at: (Day, Int, Int) -> Timestamp) throws(StoreError) -> Bool {
        let last = night.adding(days: -1)
        guard let id = store.state.files.clients.keys.sorted().first(where: { id in
            !excluded.contains(id) && store.state.files.clients[id]?.stayStart != nil && store.state.bed(of: id, on: last) != nil
                && store.state.activeReturnPlan(of: id) == nil && (id + Int32(night.ordinal)) % 5 == 0
        }) else { return false }
        clock.now = at(night, 10, 30)
        try endStay(store, id, night: last, outflow: outflow, coord: coord, rules: nil, clock: clock)
        return true
    }
}
