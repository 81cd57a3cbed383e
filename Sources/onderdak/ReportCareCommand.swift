import ArgumentParser
import CommandSupport
import DeskApp
import Journal
import OnderdakResources
import Services
import ShelterDomain

/// `onderdak report care`: referrals by kind and outcome, CAK scheme uses, uninsured people and
/// the share of them referred, postal addresses, registrations, households and minors.
struct ReportCareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "care", abstract: "Care and administrative figures: referrals by kind and outcome, CAK uses, insurance, briefadres, households.",
        discussion: """
        Referrals are those made in the period; the other figures are about the people with a bed in the period. \
        JSON: {from, to, referrals: {total, by_kind: {kind: {total, referred, appointment_made, attended, not_attended, cancelled}}, \
        by_status: {status: n}}, cak_scheme_uses, served, uninsured, uninsured_with_referral, uninsured_with_referral_pct, \
        postal_address_granted, postal_address_requested, registered, households, minors, self_reliance: {self_reliant, \
        not_self_reliant}}. Counts of 1–4 are "<5" unless --no-suppress; the share is null under 5 uninsured people.
        """)
    @OptionGroup var journal: JournalOption
    @OptionGroup var options: ReportOptions
    @Option(help: "Language of the table: en (default) or nl. JSON and CSV keep the codes.") var lang = "en"

    func run() throws {
        let (from, to) = try options.days()
        guard ["en", "nl"].contains(lang) else { throw fail("--lang must be en or nl", code: 2) }
        let store = try openReadOnly(journal.path)
        let r = CareReport(store.state, from: from, to: to)
        let share = (r.uninsured >= 5 || options.noSuppress) ? r.uninsuredReferredShare : nil
        switch options.format {
        case "json":
            let kinds: [(String, JSONValue)] = ReferralKind.allCases.map { k in
                (k.code, .object([("total", options.json(r.count(k)))] + ReferralStatus.allCases.map { ($0.code, options.json(r.count(k, $0))) }))
            }
            let o: [(String, JSONValue)] = [
                ("from", .string(from.iso)), ("to", .string(to.iso)),
                ("referrals", .object([("total", options.json(r.referralTotal)), ("by_kind", .object(kinds)),
                                       ("by_status", .object(ReferralStatus.allCases.map { ($0.code, options.json(r.count($0))) }))])),
                ("cak_scheme_uses", options.json(r.cakUses)), ("served", options.json(r.served)),
                ("uninsured", options.json(r.uninsured)), ("uninsured_with_referral", options.json(r.uninsuredReferred)),
                ("uninsured_with_referral_pct", share.map { .number($0) } ?? .null),
                ("postal_address_granted", options.json(r.postalGranted)), ("postal_address_requested", options.json(r.postalRequested)),
                ("registered", options.json(r.registered)), ("households", options.json(r.households)), ("minors", options.json(r.minors)),
                ("self_reliance", .object([("self_reliant", options.json(r.selfReliant)), ("not_self_reliant", options.json(r.notSelfReliant))])),
            ]
            print(JSONValue.object(o).serialized)
        case "csv":
            var rows: [[String]] = []
            for k in ReferralKind.allCases {
                for st in ReferralStatus.allCases { rows.append(["referrals", k.code, st.code, options.cell(r.count(k, st))]) }
            }
            rows += [["cak_scheme_uses", "", "", options.cell(r.cakUses)], ["served", "", "", options.cell(r.served)],
                     ["uninsured", "", "", options.cell(r.uninsured)], ["uninsured_with_referral", "", "", options.cell(r.uninsuredReferred)],
                     ["postal_address_granted", "", "", options.cell(r.postalGranted)], ["postal_address_requested", "", "", options.cell(r.postalRequested)],
                     ["registered", "", "", options.cell(r.registered)], ["households", "", "", options.cell(r.households)],
                     ["minors", "", "", options.cell(r.minors)], ["self_reliant", "", "", options.cell(r.selfReliant)],
                     ["not_self_reliant", "", "", options.cell(r.notSelfReliant)]]
            print(CSVWriter(excel: options.excel).document(header: ["figure", "kind", "status", "count"], rows: rows), terminator: "")
        default:
            // For people: words and dates in --lang (CSV and JSON keep the codes and ISO dates).
            let t = Strings(lang: lang)
            print(t.fill("cli.care.referrals", t.date(from), t.date(to), options.cell(r.referralTotal), options.cell(r.cakUses)))
            print(TextCut.pad(t["cli.care.col.kind"], 26) + ReferralStatus.allCases.map { TextCut.pad(t["referral.status.\($0.code)"], 17) }.joined())
            for k in ReferralKind.allCases where r.count(k) > 0 {
                print(TextCut.pad(t["referral.kind.\(k.code)"], 26) + ReferralStatus.allCases.map { TextCut.pad(options.cell(r.count(k, $0)), 17) }.joined())
            }
            print(t.fill("cli.care.people", options.cell(r.served), options.cell(r.uninsured), options.cell(r.uninsuredReferred),
                         share.map { "\(String(format1: $0))%" } ?? t["cli.care.na"]))
            print(t.fill("cli.care.postal", options.cell(r.postalGranted), options.cell(r.postalRequested), options.cell(r.registered)))
            print(t.fill("cli.care.households", options.cell(r.households), options.cell(r.minors), options.cell(r.selfReliant), options.cell(r.notSelfReliant)))
        }
    }
}
