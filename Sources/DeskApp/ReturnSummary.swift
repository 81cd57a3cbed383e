import OnderdakResources
import ShelterDomain

/// The plain-text summary of a return plan for the client and the partner organisation, in
/// Dutch or English, or from a client-language template (Polish, Romanian: drafts in
/// `Resources/data/return/summary.<lang>.json`, marked as needing a native speaker's check).
/// Languages without a template get English with a line saying so.
public enum ReturnSummary {
    public static let languages = ["nl", "en", "pl", "ro", "bg", "hu"]

    /// The text table for a language, and a notice to print first (template status).
    static func table(_ lang: String) -> (lookup: (String) -> String, notice: String?) {
        if lang == "nl" || lang == "en" {
            let s = Strings(lang: lang)
            return ({ s[$0] }, nil)
        }
        let en = Strings(lang: "en")
        guard let bytes = OnderdakResources.data("return/summary.\(lang).json"), case .object(let pairs)? = try? JSONValue.parse(bytes) else {
            return ({ en[$0] }, "[No \(lang) template yet: English text. / Nog geen sjabloon in deze taal: Engelse tekst.]")
        }
        var t: [String: String] = [:]
        var note: String?
        for (k, v) in pairs { if case .string(let s) = v { if k == "_note" { note = s } else { t[k] = s } } }
        return ({ t[$0] ?? en[$0] }, note.map { "[\($0)]" })
    }

    public static func text(plan p: ReturnPlan, state s: ShelterState, today: Day, lang: String) -> String {
        let (t, notice) = table(lang)
        let strings = Strings(lang: lang == "nl" ? "nl" : "en")
        func fmt(_ key: String, _ n: Int) -> String { PluralRule.text(key, n, lang: lang, lookup: t) }
        let yes = t("rs.yes"), no = t("rs.no"), none = t("rs.none")
        let c = s.files.clients[p.clientID]
        // The country in the reader's language: a client-language template names it ("Polska"), else nl/en.
        let own = t("country.\(p.country)")
        let country = own != "country.\(p.country)" ? own : Countries.shared.name(of: p.country, lang: lang == "nl" ? "nl" : "en") ?? p.country
        var lines: [String] = []
        if let notice { lines.append(notice) }
        lines.append("\(t("rs.title")) — \(c?.fullName ?? "") (\(t("rs.client")) \(p.clientID))")
        let since = s.returns.returnSteps[p.id]?.last?.on.shown(strings) ?? ""
        lines.append("\(t("rs.status")): \(t("rstatus.\(p.status.code)")) (\(t("rs.since")) \(since))\(p.status == .cancelled && !p.cancelReason.isEmpty ? " — \(p.cancelReason)" : "")")
        lines.append("\(t("rs.destination")): \(country)\(p.city.isEmpty ? "" : ", \(p.city)")")
        lines.append("\(t("rs.partner")): \(p.partner.isEmpty ? none : p.partner)\(p.contactPerson.isEmpty ? "" : " — \(t("rs.contact")): \(p.contactPerson)")")
        if let d = p.consentDate {
            lines.append("\(t("rs.consent")) \(d.shown(strings))\(p.consentLanguage.isEmpty ? "" : ", \(t("rs.inLanguage")) \(p.consentLanguage)")\(p.interpreter ? ", \(t("rs.interpreter"))" : "")")
        }
        var docs = "\(t("rs.validID")): \(p.hasValidID ? yes : no); \(t("rs.emergencyDoc")): \(p.emergencyDocumentNeeded ? yes : no)"
        if let r = p.documentRequested { docs += " (\(t("rs.requested")) \(r.shown(strings))\(p.documentReady.map { ", \(t("rs.ready")) \($0.shown(strings))" } ?? ""))" }
        lines.append("\(t("rs.documents")): \(docs)")
        let mode = p.travelMode.map { t("ret.mode.\($0.code)") } ?? none
        var travel = "\(mode), \(p.travelDate?.shown(strings) ?? none)"
        if !p.departurePoint.isEmpty { travel += " \(t("rs.from")) \(p.departurePoint)" }
        travel += "; \(t("rs.ticket")): \(t("ret.ticket.\(p.ticket.code)"))"
        if !p.paidBy.isEmpty { travel += " (\(t("rs.paidBy")) \(p.paidBy))" }
        if !p.luggage.isEmpty { travel += "; \(t("rs.luggage")): \(p.luggage)" }
        lines.append("\(t("rs.travel")): \(travel)")
        let who = [p.receivingOrganisation, p.receivingPerson, p.receivingContact].filter { !$0.isEmpty }.joined(separator: ", ")
        let arranged = ReturnPlan.Arranged.all.filter { p.arranged.contains($0.0) }.map { t("ret.arranged.\($0.1)") }
        lines.append("\(t("rs.handover")): \(who.isEmpty ? none : who)\(arranged.isEmpty ? "" : "; \(t("rs.arranged")): \(arranged.joined(separator: ", "))")")
        if p.medicalEscort { lines.append("\(t("rs.escort")): \(yes)\(p.receivingCare.isEmpty ? "" : " — \(p.receivingCare)")") }
        if let d = s.files.indDecisions[p.clientID] {
            let (day, est) = d.effectiveDeadline
            lines.append("\(t("rs.ind")) \(d.decisionDate.shown(strings)): \(t("rs.leaveBy")) \(day.shown(strings))\(est ? " (~)" : "") — \(fmt("rs.daysLeft", d.daysLeft(on: today)))")
        }
        let steps = (s.returns.returnSteps[p.id] ?? []).map { "\($0.on.shown(strings)) \(t("rstatus.\($0.status.code)"))" }.joined(separator: " · ")
        lines.append("\(t("rs.steps")): \(steps)")
        lines.append("")
        lines.append(t("rs.voluntary"))
        return lines.joined(separator: "\n")
    }
}
