import ArgumentParser
import CommandSupport
import Journal
import OnderdakResources
import ShelterDomain

/// `onderdak referrals list`: the coordinator's follow-up of referrals.
struct ReferralsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referrals", abstract: "Referrals to care and help, for the coordinator's follow-up.",
        subcommands: [ReferralsListCommand.self])
}

/// Lists referrals (newest first); never their medical reason.
struct ReferralsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List referrals; --due: only those whose appointment has come without an outcome.",
        discussion: """
        overdue: the appointment date has passed and no outcome (attended, not attended, cancelled) is recorded. \
        --due lists the referrals with no outcome whose appointment is today or earlier (overdue first). \
        JSON: a list of {client_id, kind, organisation, status, referred_on, appointment_on (null when none), overdue}.
        """)
    @OptionGroup var journal: JournalOption
    @Flag(help: "Only referrals due for follow-up (appointment today or earlier, no outcome).") var due = false
    @Option(help: "table (default) or json.") var format = "table"
    @Option(help: "Language of the table: en (default) or nl (words and dates; JSON keeps the codes and ISO dates).") var lang = "en"

    func run() throws {
        guard ["table", "json"].contains(format) else { throw fail("--format must be table or json", code: 2) }
        guard ["en", "nl"].contains(lang) else { throw fail("--lang must be en or nl", code: 2) }
        let store = try openReadOnly(journal.path)
        let s = store.state
        let today = AmsterdamTime.night(of: SystemClock.now())
        var list = s.care.referrals.values.sorted { ($0.referredOn, $0.id) > ($1.referredOn, $1.id) }
        if due {
            list = list.filter { !$0.status.isClosed && ($0.appointmentOn.map { $0 <= today } ?? false) }
                .sorted { ($0.appointmentOn!, $0.id) < ($1.appointmentOn!, $1.id) }
        }
        if format == "json" {
            print(JSONValue.array(list.map { x in
                .object([("client_id", .number(Double(x.clientID))), ("kind", .string(x.kind.code)), ("organisation", .string(x.organisation)),
                         ("status", .string(x.status.code)), ("referred_on", .string(x.referredOn.iso)),
                         ("appointment_on", x.appointmentOn.map { .string($0.iso) } ?? .null), ("overdue", .bool(x.isOverdue(today: today)))])
            }).serialized)
            return
        }
        let t = Strings(lang: lang)
        if list.isEmpty { print(t[due ? "cli.referrals.noneDue" : "cli.referrals.none"]); return }
        print([TextCut.pad(t["cli.referrals.col.client"], 7), TextCut.pad(t["cli.referrals.col.name"], 22), TextCut.pad(t["cli.referrals.col.kind"], 24),
               TextCut.pad(t["cli.referrals.col.organisation"], 20), TextCut.pad(t["cli.referrals.col.status"], 17),
               TextCut.pad(t["cli.referrals.col.referred"], 11), TextCut.pad(t["cli.referrals.col.appointment"], 12), t["cli.referrals.col.overdue"]].joined(separator: " "))
        for x in list {
            let name = s.files.clients[x.clientID].map { TextSafety.escaped($0.fullName.isEmpty ? $0.alias : $0.fullName) } ?? ""
            print([TextCut.pad(String(x.clientID), 7), TextCut.pad(name, 22), TextCut.pad(t["referral.kind.\(x.kind.code)"], 24),
                   TextCut.pad(TextSafety.escaped(x.organisation), 20), TextCut.pad(t["referral.status.\(x.status.code)"], 17), TextCut.pad(t.date(x.referredOn), 11),
                   TextCut.pad(x.appointmentOn.map(t.date) ?? "-", 12), x.isOverdue(today: today) ? t["care.overdue"] : ""].joined(separator: " "))
        }
    }
}
