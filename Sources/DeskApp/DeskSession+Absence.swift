import Journal
import ShelterDomain

extension DeskSession {
    /// At login by someone who gives out beds: open stays of people absent longer than their
    /// location's policy are closed as "left without notice" (recorded as automatic closures).
    /// Nothing is written when there is nothing to close; a refusal is shown, never fatal.
    func closeAbsentStays(as id: StaffID) {
        guard let store, let st = store.state.roster.staff[id], st.role.permissions.contains(.assignBeds) else { return }
        let tonight = AmsterdamTime.night(of: clock())
        let command = Command.closeAbsentStays(asOf: tonight)
        let pending = (try? Decider.decide(command, state: store.state, context: CommandContext(actor: id, now: clock()))) ?? []
        guard !pending.isEmpty else { return }
        do { try store.execute(command, actor: id) } catch { overlay = .error(error.text(strings.lang)) }
    }
}
