import ArgumentParser
import CommandSupport
import Journal
import OnderdakResources
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
    @Option(help: "Language of the list: en (default) or nl.") var lang = "en"

    func run() throws {
        guard ["en", "nl"].contains(lang) else { throw fail("--lang must be en or nl", code: 2) }
        let t = Strings(lang: lang)
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
                    print(t.fill("cli.retention.erased", String(erased), String(store.state.retention.months)))
                    var referrals = 0, notes = 0
                    for r in done { if case let .careDataErased(_, x, n) = r.event { referrals += x.count; notes += n.count } }
                    print(t.fill("cli.retention.careErased", String(referrals), String(notes), String(store.state.retention.careMonths)))
                }
            } catch { throw fail(error.text(lang)) }
            for n in store.journal.notices { warn(n) }
        }
        let s = store.state
        func day(_ d: Day?) -> String { d.map(t.date) ?? "?" }
        print(t.fill("cli.retention.policy", String(s.retention.months), String(s.retention.careMonths)))
        let due = s.retentionDue(asOf: today)
        print(t.fill("cli.retention.due", String(due.count)))
        for id in due { print(t.fill("cli.retention.row", String(id), day(s.lastContact(of: id)), day(s.retentionDay(of: id)))) }
        let soon = s.retentionReview(asOf: today)
        print(t.fill("cli.retention.soon", String(RetentionPolicy.reviewDays), String(soon.count)))
        for (id, d) in soon { print(t.fill("cli.retention.row", String(id), day(s.lastContact(of: id)), day(d))) }
        let careDue = s.careRetentionDue(asOf: today)
        print(t.fill("cli.retention.careDue", String(careDue.count)))
        for i in careDue { print(t.fill("cli.retention.careRow", String(i.client), String(i.referrals.count), String(i.notes.count), day(i.erasedOn))) }
        let careSoon = s.careRetentionReview(asOf: today)
        print(t.fill("cli.retention.careSoon", String(RetentionPolicy.reviewDays), String(careSoon.count)))
        for i in careSoon { print(t.fill("cli.retention.careRow", String(i.client), String(i.referrals.count), String(i.notes.count), day(i.erasedOn))) }
    }
}
