import ShelterDomain
import TerminalUI

/// The care figures in F7 (`z`): referrals of the period by kind and where they stand, CAK
/// scheme uses, uninsured people with a bed and the share of them referred, postal addresses,
/// registrations, households, minors and self-reliance assessments (the `report care` figures).
public enum CareFigures {
    public static func render(into buf: inout Buffer, state s: ShelterState, from: Day, to: Day, strings t: Strings) {
        let r = CareReport(s, from: from, to: to)
        buf.draw("\(t["care.figures"]) · \(from.shown(t)) – \(to.shown(t))", x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
        let statuses = ReferralStatus.allCases
        let kindWidth = max(10, min(24, buf.width - 4 - 6 * (statuses.count + 1)))
        var table = Table(columns: [TableColumn(t["care.col.kind"], width: kindWidth)]
                            + statuses.map { TableColumn(t["care.col.\($0.code)"], width: 5, alignRight: true) }
                            + [TableColumn(t["care.col.total"], width: 5, alignRight: true)],
                          rows: ReferralKind.allCases.filter { r.count($0) > 0 }.map { k in
                              [t["referral.kind.\(k.code)"]] + statuses.map { String(r.count(k, $0)) } + [String(r.count(k))]
                          })
        let tableHeight = min(ReferralKind.allCases.filter { r.count($0) > 0 }.count + 1, max(2, buf.height - 13))
        table.render(into: &buf, x: 2, y: 4, width: buf.width - 4, height: tableHeight)
        var y = 4 + tableHeight + 1
        let share = r.uninsuredReferredShare.map { "\(String(format1: $0))%" } ?? "–"
        let lines = [
            t.format("care.line.referrals", r.referralTotal, r.cakUses),
            t.format("care.line.uninsured", r.served, r.uninsured, r.uninsuredReferred) + " (\(share))",
            t.format("care.line.admin", r.postalGranted, r.postalRequested, r.registered),
            t.format("care.line.households", r.households, r.minors),
            t.format("care.line.selfReliance", r.selfReliant, r.notSelfReliant),
        ]
        for l in lines where y < buf.height - 2 {
            buf.draw(l, x: 2, y: y, maxWidth: buf.width - 3)
            y += 1
        }
    }
}
