import ShelterDomain
import TerminalUI

/// The first screen after opening a journal: header (location, night, free beds, DEMO banner),
/// what the journal holds, notices (a torn tail that was cut), and the key-hint bar.
public struct HomeScreen {
    public static let minWidth = 60, minHeight = 16

    public var notices: [String] = []

    public init(notices: [String] = []) { self.notices = notices }

    /// Clients whose latest checklist must be run again: its `valid_until` has come, or a
    /// further inquiry is 14 days old.
    public static func reassessmentDue(_ s: ShelterState, night: Day) -> [ClientID] {
        s.files.latestChecklist.compactMap { id, a -> ClientID? in
            if let v = a.validUntil, v <= night { return id }
            if a.outcome == .furtherInquiry, a.assessedOn.adding(days: 14) <= night { return id }
            return nil
        }.sorted()
    }

    /// Beds open tonight without anyone in them (cold-weather beds only in cold-weather mode;
    /// beds out of service not counted).
    public static func freeBeds(_ s: ShelterState, night: Day) -> Int {
        BoardRow.board(s, night: night).filter { $0.state == .free }.count
    }

    /// The body between header and key-hint bar (the session draws those).
    public func renderBody(into buf: inout Buffer, state s: ShelterState, night: Day, journalPath: String,
                           headHex: String, role: Role, strings t: Strings) {
        buf.draw(t["home.title"], x: 1, y: 2, style: .bold)
        buf.draw(t["home.role.\(role)"], x: 1 + TextWidth.width(of: t["home.title"]) + 2, y: 2, style: .muted, maxWidth: buf.width - 20)
        let occupied = s.ledger.nights[night]?.byBed.count ?? 0
        let pending = s.requests.extensions.values.filter { $0.status == .pending }.count
        let rows: [(String, String)] = [
            (t["home.clients"], "\(s.files.clients.count)"),
            (t["home.beds"], "\(s.inventory.beds.count)"),
            (t["home.occupiedTonight"], "\(occupied)"),
            (t["home.pendingExtensions"], "\(pending)"),
            (t["home.events"], "\(s.lastSequence)"),
        ]
        let labelWidth = rows.map { TextWidth.width(of: $0.0) }.max() ?? 10
        for (i, r) in rows.enumerated() {
            buf.draw(TextWidth.fit(r.0, labelWidth), x: 2, y: 4 + i, style: .muted)
            buf.draw(r.1, x: 4 + labelWidth, y: 4 + i)
        }
        buf.draw("\(t["home.journal"]): \(journalPath)", x: 2, y: 10, style: .muted, maxWidth: buf.width - 3)
        buf.draw("\(t["home.head"]): \(headHex.prefix(16))…", x: 2, y: 11, style: .muted, maxWidth: buf.width - 3)
        var y = 13
        // Open "looking for" alerts on every role's home, until closed.
        for a in s.openAlerts where y < buf.height - 2 {
            let name = s.files.clients[a.clientID]?.fullName ?? "#\(a.clientID)"
            buf.draw("⚑ \(t["home.alert"]): \(name) (#\(a.clientID)) — \(a.reason) — \(t["home.alertCall"]) \(a.contact)",
                     x: 2, y: y, style: .error, maxWidth: buf.width - 3)
            y += 1
        }
        // IND departure deadlines within 7 days (coordinators and supervisors).
        if role != .desk {
            for d in s.files.indDecisions.values.filter({ (0...7).contains($0.daysLeft(on: night)) }).sorted(by: { $0.daysLeft(on: night) < $1.daysLeft(on: night) })
            where y < buf.height - 2 {
                let name = s.files.clients[d.clientID]?.fullName ?? "#\(d.clientID)"
                let plan = s.activeReturnPlan(of: d.clientID).map { t["rstatus.\($0.status.code)"] } ?? t["ret.noPlan"]
                buf.draw("⏳ \(name) (#\(d.clientID)) — \(t.count("ret.countdown", d.daysLeft(on: night))) (\(d.effectiveDeadline.day.shown(t))) · \(t["ret.title"]): \(plan)",
                         x: 2, y: y, style: .warning, maxWidth: buf.width - 3)
                y += 1
            }
        }
        // Referrals whose appointment passed without an outcome: the coordinator follows them up.
        if role != .desk {
            for x in s.overdueReferrals(today: night) where y < buf.height - 2 {
                let name = s.files.clients[x.clientID]?.fullName ?? "#\(x.clientID)"
                let ago = Int(night.ordinal - (x.appointmentOn ?? night).ordinal)
                buf.draw("! \(t["care.homeOverdue"]): \(name) (#\(x.clientID)) — \(x.organisation), "
                         + "\((x.appointmentOn?.shown(t) ?? "").prefix(5)) (\(t.format("care.daysAgo", ago)))",
                         x: 2, y: y, style: .error, maxWidth: buf.width - 3)
                y += 1
            }
        }
        // Entitlement at the desk: who is in a bed tonight without a (valid) checklist, who to refer.
        let tonight = s.ledger.nights[night]?.bedOfClient.keys.map { $0 } ?? []
        let without = tonight.filter { s.checklistOutcome(of: $0, on: night) == nil && s.stayLimitApplies(to: $0, on: night) }
        if !without.isEmpty, y < buf.height - 2 {
            let ages = without.compactMap { s.latestAssessment(of: $0).map { Int(night.ordinal - $0.assessedOn.ordinal) } }
            let oldest = ages.max().map { " · " + t.format("home.expiredChecklist", ages.count, $0) } ?? ""
            buf.draw("○ " + t.format("home.noChecklist", without.count) + oldest, x: 2, y: y, style: .warning, maxWidth: buf.width - 3)
            y += 1
        }
        let refer = tonight.filter { s.needsReferralToRegularShelter($0, on: night) }.sorted()
        if !refer.isEmpty, y < buf.height - 2 {
            let names = refer.prefix(3).compactMap { s.files.clients[$0]?.fullName }.joined(separator: ", ")
            buf.draw("MO " + t.format("home.referMO", refer.count) + ": " + names + (refer.count > 3 ? ", …" : ""), x: 2, y: y, style: .success, maxWidth: buf.width - 3)
            y += 1
        }
        if role != .supervisor {
            let due = HomeScreen.reassessmentDue(s, night: night)
            if !due.isEmpty, y < buf.height - 2 {
                let names = due.prefix(3).compactMap { s.files.clients[$0]?.fullName }.joined(separator: ", ")
                buf.draw("\(t["home.reassess"]): \(due.count) — \(names)\(due.count > 3 ? ", …" : "")", x: 2, y: y, style: .warning, maxWidth: buf.width - 3)
                y += 1
            }
        }
        for n in notices where y < buf.height - 2 {
            for line in Dialog.wrap(n, width: buf.width - 4) where y < buf.height - 2 {
                buf.draw(line, x: 2, y: y, style: .warning); y += 1
            }
        }
    }
}
