import ArgumentParser
import CommandSupport
import Journal
import ShelterDomain

/// `onderdak client retention --journal J [--apply --as SUPERVISOR] [--set-months N] [--set-care-months N]`: the
/// supervisor's review list (who is erased now, and within a week), and with `--apply` the
/// automatic erasure of everyone past the term (one event each). Exit 0, 1 refused, 2 bad usage.
struct ClientRetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Review and apply the retention policy (supervisors apply).",
        discussion: """
        Without --apply: lists who is past the term today and who will be within \(RetentionPolicy.reviewDays) days \
        (id, last contact, erasure date; no names). --apply (with --as and the PIN from --pin-fd or the terminal) \
        erases everyone past the term, and the reasons of referrals and the medical notes past the shorter care term. \
        --set-months N sets the term (6–120); --set-care-months N the care term (1 up to the term). \
        Exit 0, 1 refused, 2 bad usage.
        """)
    @OptionGroup var journal: JournalOption
    @Flag(help: "Erase everyone past the term now.") var apply = false
    @Option(name: .customLong("set-months"), help: "Set the retention term in months (6–120).") var setMonths: Int?
    @Option(name: .customLong("set-care-months"), help: "Set the term for medical notes and referral reasons in months (1 up to the term).") var setCareMonths: Int?
    @Option(name: .customLong("as"), help: "The supervisor (for --apply and --set-months).") var actor: String?
    @Option(name: .customLong("pin-fd"), help: "Read the supervisor's PIN from this open file descriptor (one line).") var pinFD: Int32?

    func run() throws {
        let writes = apply || setMonths != nil || setCareMonths != nil
        if writes, actor == nil { throw fail("--apply, --set-months and --set-care-months need --as SUPERVISOR", code: 2) }
        let store = writes ? try openStore(journal.path) : try openReadOnly(journal.path)
        let today = AmsterdamTime.night(of: SystemClock.now())
        if writes, let actor {
            let by = try authenticate(store, username: actor, role: .supervisor, pin: .descriptorOrTerminal(pinFD))
            do {
                if setMonths != nil || setCareMonths != nil {
                    try store.execute(.setRetention(months: setMonths ?? store.state.retention.months, careMonths: setCareMonths), actor: by)
                }
                if apply {
                    let done = try store.execute(.applyRetention(asOf: today), actor: by)
                    let erased = done.filter { if case .clientErased = $0.event { true } else { false } }.count
                    print("Erased \(erased) by the retention policy (\(store.state.retention.months) months without contact).")
                    var referrals = 0, notes = 0
                    for r in done { if case let .careDataErased(_, x, n) = r.event { referrals += x.count; notes += n.count } }
                    print("Erased \(referrals) referral reasons and \(notes) medical notes (\(store.state.retention.careMonths) months after their last move).")
                }
            } catch { throw fail(error.text("en")) }
            for n in store.journal.notices { warn(n) }
        }
        let s = store.state
        print("Retention: \(s.retention.months) months after the last contact; medical notes and referral reasons \(s.retention.careMonths) months after their last move.")
        let due = s.retentionDue(asOf: today)
        print("Past the term today (\(due.count)):")
        for id in due { print("  #\(id)  last contact \(s.lastContact(of: id)?.dutch ?? "?")  erased from \(s.retentionDay(of: id)?.dutch ?? "?")") }
        let soon = s.retentionReview(asOf: today)
        print("Within \(RetentionPolicy.reviewDays) days (\(soon.count)):")
        for (id, day) in soon { print("  #\(id)  last contact \(s.lastContact(of: id)?.dutch ?? "?")  erased from \(day.dutch)") }
        let careDue = s.careRetentionDue(asOf: today)
        print("Medical notes and referral reasons past their term today (\(careDue.count) people):")
        for i in careDue { print("  #\(i.client)  \(i.referrals.count) referral reasons, \(i.notes.count) medical notes  erased from \(i.erasedOn.dutch)") }
        let careSoon = s.careRetentionReview(asOf: today)
        print("Medical notes and referral reasons within \(RetentionPolicy.reviewDays) days (\(careSoon.count) people):")
        for i in careSoon { print("  #\(i.client)  \(i.referrals.count) referral reasons, \(i.notes.count) medical notes  erased from \(i.erasedOn.dutch)") }
    }
}
