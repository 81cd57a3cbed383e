import ArgumentParser
import CommandSupport
import Journal
import ShelterDomain

/// `onderdak client retention --journal J [--apply --as SUPERVISOR] [--set-months N]`: the
/// supervisor's review list (who is erased now, and within a week), and with `--apply` the
/// automatic erasure of everyone past the term (one event each). Exit 0, 1 refused, 2 bad usage.
struct ClientRetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Review and apply the retention policy (supervisors apply).",
        discussion: """
        Without --apply: lists who is past the term today and who will be within \(RetentionPolicy.reviewDays) days \
        (id, last contact, erasure date; no names). --apply (with --as and the PIN from --pin-fd or the terminal) \
        erases everyone past the term. --set-months N sets the term (6–120). Exit 0, 1 refused, 2 bad usage.
        """)
    @OptionGroup var journal: JournalOption
    @Flag(help: "Erase everyone past the term now.") var apply = false
    @Option(name: .customLong("set-months"), help: "Set the retention term in months (6–120).") var setMonths: Int?
    @Option(name: .customLong("as"), help: "The supervisor (for --apply and --set-months).") var actor: String?
    @Option(name: .customLong("pin-fd"), help: "Read the supervisor's PIN from this open file descriptor (one line).") var pinFD: Int32?

    func run() throws {
        let writes = apply || setMonths != nil
        if writes, actor == nil { throw fail("--apply and --set-months need --as SUPERVISOR", code: 2) }
        let store = writes ? try openStore(journal.path) : try openReadOnly(journal.path)
        let today = AmsterdamTime.night(of: SystemClock.now())
        if writes, let actor {
            let by = try authenticate(store, username: actor, role: .supervisor, pin: .descriptorOrTerminal(pinFD))
            do {
                if let m = setMonths { try store.execute(.setRetention(months: m), actor: by) }
                if apply {
                    let erased = try store.execute(.applyRetention(asOf: today), actor: by)
                    print("Erased \(erased.count) by the retention policy (\(store.state.retention.months) months without contact).")
                }
            } catch { throw fail(error.text("en")) }
            for n in store.journal.notices { warn(n) }
        }
        let s = store.state
        print("Retention: \(s.retention.months) months after the last contact.")
        let due = s.retentionDue(asOf: today)
        print("Past the term today (\(due.count)):")
        for id in due { print("  #\(id)  last contact \(s.lastContact(of: id)?.dutch ?? "?")  erased from \(s.retentionDay(of: id)?.dutch ?? "?")") }
        let soon = s.retentionReview(asOf: today)
        print("Within \(RetentionPolicy.reviewDays) days (\(soon.count)):")
        for (id, day) in soon { print("  #\(id)  last contact \(s.lastContact(of: id)?.dutch ?? "?")  erased from \(day.dutch)") }
    }
}
