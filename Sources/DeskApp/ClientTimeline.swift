import ShelterDomain
import TerminalUI

/// The lines of a client's timeline, newest first: intake, stays (runs of nights with their
/// beds), no-shows, checklist assessments, notes, alerts, bans, edits, merges, extension
/// requests and exits, each with when and who. What a role may not read is left out by the
/// domain (medical notes); old → new values of edits are shown to supervisors only.
public enum ClientTimeline {
    public struct Line: Equatable, Sendable {
        public var sortKey: Int64
        public var when: String
        public var who: String
        public var text: String
        public var style: Style
    }

    /// `today` marks referrals whose appointment has passed without an outcome (nil: none marked).
    public static func lines(of id: ClientID, state s: ShelterState, viewer role: Role, strings t: Strings, today: Day? = nil) -> [Line] {
        var out: [Line] = []
        func who(_ staff: StaffID) -> String { s.roster.staff[staff]?.displayName ?? (staff == systemActor ? t["tl.system"] : "#\(staff)") }
        func stamp(_ ts: Timestamp) -> String { t.timestamp(ts) }
        for h in s.files.history[id] ?? [] {
            var text = "", style = Style.normal
            switch h.kind {
            case .registered: text = t["tl.registered"]
            case .updated(let changes):
                text = role == .supervisor
                    ? t["tl.updated"] + " " + changes.map { "\(t["field.\($0.field)"]): \($0.old.isEmpty ? "—" : $0.old) → \($0.new.isEmpty ? "—" : $0.new)" }.joined(separator: "; ")
                    : t["tl.updated"] + " " + changes.map { t["field.\($0.field)"] }.joined(separator: ", ")
            case .note(let nid):
                guard let n = s.notes(of: id, visibleTo: role).first(where: { $0.id == nid }) else { continue }
                text = "\(t["note.\(n.category.code)"]): \(n.text)"
                style = n.category == .incident ? .warning : .normal
            case .ban(let bid):
                guard let b = s.files.bans[bid] else { continue }
                text = "\(t["tl.ban"]) \(b.from.shown(t)) – \(b.until?.shown(t) ?? t["tl.indefinite"]): \(b.reason)"
                style = .error
            case .banLifted(let bid): text = t["tl.banLifted"] + " (\(s.files.bans[bid]?.liftedOn?.shown(t) ?? ""))"
            case .alert(let aid):
                guard let a = s.files.alerts[aid] else { continue }
                text = "\(t["tl.alert"]): \(a.reason) — \(t["home.alertCall"]) \(a.contact)"
                style = .error
            case .alertClosed(let aid): text = "\(t["tl.alertClosed"]): \(s.files.alerts[aid]?.closedNote ?? "")"
            case .mergedFrom(let other): text = t["tl.merged"].replacingOccurrences(of: "%s", with: "#\(other)")
            case let .stayEnded(night, outflow): text = "\(t["tl.stayEnded"]) \(night.shown(t)): \(t["outflow.\(outflow.code)"])"
            case .extensionRequested(let rid):
                guard let x = s.requests.extensions[rid] else { continue }
                let status = x.status == .pending ? t["tl.pending"] : x.status == .approved ? "\(t["tl.approved"]) \(x.approvedUntil?.shown(t) ?? "")" : t["tl.declined"]
                text = "\(t["tl.extension"]) \(x.requestedUntil.shown(t)) — \(status)"
            case .notDuplicate(let other): text = t["tl.notDuplicate"].replacingOccurrences(of: "%s", with: "#\(other)")
            case let .returnStep(pid, status):
                guard let p = s.returns.returnPlans[pid] else { continue }
                let step = s.returns.returnSteps[pid]?.last { $0.status == status }
                let note = (step?.note).map { $0.isEmpty ? "" : ": \($0)" } ?? ""
                text = "\(t["tl.return"]) \(p.country)\(p.city.isEmpty ? "" : " \(p.city)") — \(t["rstatus.\(status.code)"])\(note)"
                style = status == .cancelled ? .muted : .success
            case .medicalViewed:
                guard role == .supervisor else { continue }
                text = t["tl.medicalViewed"]; style = .muted
            case let .absenceClosure(night, on):
                text = "\(t["tl.absenceClosure"]) \(night.shown(t)) (\(t["tl.automatic"]) \(on.shown(t)))"; style = .warning
            case let .outflowCorrected(night, from, to):
                text = "\(t["tl.outflowCorrected"]) \(night.shown(t)): \(t["outflow.\(from.code)"]) → \(t["outflow.\(to.code)"])"
            case let .outflowOverride(night, reason):
                text = "\(t["tl.outflowOverride"]) \(night.shown(t)): \(reason)"; style = .warning
            case .erased(let automatic):
                text = t[automatic ? "tl.erasedRetention" : "tl.erased"] + (s.files.erasures[id].map { ": \($0.reason)" } ?? ""); style = .error
            case let .careErased(referrals, notes):
                text = t.fill("tl.careErased", String(referrals), String(notes))
                style = .muted
            case .indDecision:
                guard let d = s.files.indDecisions[id] else { continue }
                let (day, estimate) = d.effectiveDeadline
                text = "\(t["tl.ind"]) \(d.decisionDate.shown(t)) · \(t["tl.deadline"]) \(day.shown(t))\(estimate ? " (\(t["tl.estimate"]))" : "")"
                style = .warning
            }
            out.append(Line(sortKey: h.at.milliseconds, when: stamp(h.at), who: who(h.by), text: text, style: style))
        }
        for a in s.files.assessments[id] ?? [] {
            let at = a.recordedAt ?? Timestamp(milliseconds: 0)
            out.append(Line(sortKey: at.milliseconds, when: stamp(at), who: who(a.recordedBy ?? systemActor),
                            text: "\(t["card.assessments"]): \(t.decision(a.result))",
                            style: a.result.outcome == .likely ? .success : .warning))
        }
        // Care: each change of administrative status (old → new, with its source) and each step of
        // a referral (the reason only for roles that may read it), on the day it is dated.
        func onDay(_ d: Day, _ text: String, _ style: Style) {
            out.append(Line(sortKey: Timestamp(utcDay: d, seconds: 12 * 3600).milliseconds, when: d.shown(t), who: "", text: text, style: style))
        }
        for c in s.care.adminHistory[id] ?? [] {
            let old = c.old.isEmpty ? "—" : t["admin.value.\(c.old)"]
            let detail = c.new.detail.isEmpty ? "" : " (\(c.new.detail))"
            onDay(c.new.on, "\(t["care.admin"]): \(t["admin.\(c.item.code)"]) \(old) → \(t["admin.value.\(c.new.value)"])\(detail) · \(t["tl.source"]) \(c.new.source)", .normal)
        }
        // The self-reliance assessment after a `likely` outcome: by whom and with what outcome.
        for a in s.care.selfReliance[id] ?? [] {
            onDay(a.on, "\(t["care.selfRelianceAssessment"]): \(t["selfReliance.\(a.outcome.code)"]) · \(a.organisation)",
                  a.outcome == .notSelfReliant ? .success : .normal)
        }
        for x in s.referrals(of: id, visibleTo: role) {
            // The step first, the organisation last (a narrow terminal cuts the end of the line).
            let what = "\(t["care.referral"]) \(t["referral.kind.\(x.kind.code)"])"
            let reason = x.reason.map { " (\(t["care.reason"]): \(t["referral.reason.\($0.code)"]))" } ?? ""
            onDay(x.referredOn, "\(what)\(reason) · \(x.organisation)", .normal)
            if let a = x.appointmentOn {
                let overdue = today.map { x.isOverdue(today: $0) } ?? false
                onDay(a, "\(overdue ? "\(t["care.overdue"]) · " : "")\(what): \(t["care.appointment"]) \(a.shown(t)) · \(x.organisation)", overdue ? .error : .normal)
            }
            if let o = x.outcomeOn {
                let note = x.outcomeNote.isEmpty ? "" : " — \(x.outcomeNote)"
                onDay(o, "\(what): \(t["referral.status.\(x.status.code)"])\(note) · \(x.organisation)", x.status == .attended ? .success : .muted)
            }
        }
        // Stays: runs of consecutive nights, with the beds used.
        let nights = s.ledger.clientNights[id] ?? []
        var i = 0
        while i < nights.count {
            var j = i
            while j + 1 < nights.count, nights[j + 1] == nights[j].adding(days: 1) { j += 1 }
            let beds = Set(nights[i...j].compactMap { s.bed(of: id, on: $0).flatMap { s.inventory.beds[$0]?.label } })
            let count = j - i + 1
            let range = count == 1 ? nights[i].shown(t) : "\(nights[i].shown(t)) – \(nights[j].shown(t))"
            let sortKey = Timestamp(utcDay: nights[j], seconds: 17 * 3600).milliseconds
            out.append(Line(sortKey: sortKey, when: nights[j].shown(t), who: "",
                            text: "\(t.count("tl.nights", count)) \(range) · \(t["tl.bed"]) \(beds.sorted().joined(separator: ", "))", style: .muted))
            i = j + 1
        }
        // Newest first; what happened in the same minute in reverse order of recording.
        return out.enumerated().sorted { $0.element.sortKey != $1.element.sortKey ? $0.element.sortKey > $1.element.sortKey : $0.offset > $1.offset }.map(\.element)
    }
}
