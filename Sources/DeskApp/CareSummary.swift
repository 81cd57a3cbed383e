import ShelterDomain
import TerminalUI

/// The care lines of a client's file (issue #19): interpreter need, household, administrative
/// status, self-reliance and referrals (overdue first). Reasons only for roles that may read
/// medical notes; nothing is shown for a person without care records, so other files look as before.
public enum CareSummary {
    /// Text of an interpreter need, e.g. "Tolk: ro (telefonisch)".
    public static func interpreter(_ need: InterpreterNeed, strings t: Strings) -> String {
        "\(t["care.interpreter"]): \(need.language) (\(t["interpreter.\(need.kind.code)"]))"
    }

    /// One referral in a line: kind · organisation · status (appointment date), CAK, reason if visible.
    public static func referral(_ x: Referral, today: Day, strings t: Strings) -> (String, Style) {
        let reason = x.reason.map { " (\(t["care.reason"]): \(t["referral.reason.\($0.code)"]))" } ?? ""
        var s = "\(t["referral.kind.\(x.kind.code)"])\(reason) · \(x.organisation) · "
        if let a = x.appointmentOn, x.status == .appointmentMade { s += "\(t["care.appointment"]) \(a.shown(t))" } else { s += t["referral.status.\(x.status.code)"] }
        if x.cakScheme { s += " · \(t["care.cak"])" }
        if x.isOverdue(today: today) { return ("! \(t["care.overdue"]): \(s)", .error) }
        return (s, x.status.isClosed ? .muted : .normal)
    }

    /// The lines for the file of `client`, at most `max` (the last says how many more there are).
    public static func lines(of client: ClientID, state s: ShelterState, role: Role, today: Day, strings t: Strings, max: Int = 5) -> [(String, Style)] {
        var out: [(String, Style)] = []
        var head: [String] = []
        if let need = s.care.interpreter[client] { head.append(interpreter(need, strings: t)) }
        if let h = s.care.household(of: client) {
            let others = h.members.filter { $0.clientID != client }.map { m in
                "\(s.files.clients[m.clientID]?.givenNames ?? "#\(m.clientID)") (\(t["relation.\(m.relation.code)"]))"
            }
            head.append("\(t["care.household"]): \(others.joined(separator: ", "))")
        }
        if !head.isEmpty { out.append((head.joined(separator: " · "), .normal)) }
        if let admin = s.care.admin[client], !admin.isEmpty {
            let parts = AdminItem.allCases.compactMap { item -> String? in
                guard let e = admin[item] else { return nil }
                let detail = e.detail.isEmpty ? "" : " (\(e.detail))"
                return "\(t["admin.\(item.code)"]): \(t["admin.value.\(e.value)"])\(detail) \(e.on.shown(t))"
            }
            out.append(("\(t["care.admin"]): " + parts.joined(separator: " · "), .normal))
        }
        if let a = s.care.selfReliance[client]?.last {
            out.append(("\(t["care.selfReliance"]): \(t["selfReliance.\(a.outcome.code)"]) · \(a.organisation) \(a.on.shown(t))", .normal))
        }
        let referrals = s.referrals(of: client, visibleTo: role).sorted { a, b in
            let oa = a.isOverdue(today: today), ob = b.isOverdue(today: today)
            if oa != ob { return oa }
            if a.status.isClosed != b.status.isClosed { return !a.status.isClosed }
            return a.id > b.id
        }
        var overdue: [(String, Style)] = []
        for x in referrals {
            let (text, style) = referral(x, today: today, strings: t)
            if x.isOverdue(today: today) { overdue.append((text, style)) } else { out.append(("\(t["care.referral"]): \(text)", style)) }
        }
        out = overdue + out
        if max <= 1 { return Array(out.prefix(1)) }
        if out.count > max {
            let more = out.count - (max - 1)
            out = Array(out.prefix(max - 1)) + [(t.format("care.more", more), .muted)]
        }
        return out
    }
}
