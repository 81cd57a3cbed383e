import OnderdakResources
import ShelterDomain

/// The right of access (AVG art. 15): everything Onderdak keeps about one person, as plain text
/// to hand to them — their data, stays and exits, checklist assessments with the answers, notes,
/// alerts and bans, return plan and IND decision, every entry in their file with who made it
/// and when (including who read their medical notes), and how long it is kept. In Dutch or
/// English, or from a client-language template (Polish, Romanian: drafts in
/// `Resources/data/report/report.<lang>.json`, to be checked by a native speaker); other
/// languages get English with a line saying so. Medical notes are included: it is their data.
public enum ClientReport {
    public static let languages = ReturnSummary.languages

    static func table(_ lang: String) -> (lookup: (String) -> String, notice: String?) {
        if lang == "nl" || lang == "en" {
            let s = Strings(lang: lang)
            return ({ s[$0] }, nil)
        }
        let en = Strings(lang: "en")
        guard let bytes = OnderdakResources.data("report/report.\(lang).json"), case .object(let pairs)? = try? JSONValue.parse(bytes) else {
            return ({ en[$0] }, "[No \(lang) template yet: English text. / Nog geen sjabloon in deze taal: Engelse tekst.]")
        }
        var t: [String: String] = [:]
        var note: String?
        for (k, v) in pairs { if case .string(let s) = v { if k == "_note" { note = s } else { t[k] = s } } }
        return ({ t[$0] ?? en[$0] }, note.map { "[\($0)]" })
    }

    public static func text(client id: ClientID, state s: ShelterState, today: Day, lang: String) -> String {
        let (t, notice) = table(lang)
        let strings = Strings(lang: lang == "nl" ? "nl" : "en")
        guard let c = s.files.clients[id] else { return "" }
        var lines: [String] = []
        func row(_ key: String, _ value: String) { lines.append("  \(t(key)): \(value.isEmpty ? "—" : value)") }
        if let notice { lines.append(notice) }
        lines.append("\(t("cr.title")) — \(c.fullName) (\(t("cr.client")) \(id))")
        lines.append("\(t("cr.printed")) \(today.shown(strings)) · \(s.shelterName)")
        lines.append("")
        if let e = s.files.erasures[id] {
            lines.append(t("cr.erased").replacingOccurrences(of: "%s", with: strings.timestamp(e.at)))
            lines.append("")
        }
        lines.append(t("cr.data"))
        row("cr.given", c.givenNames); row("cr.family", c.familyNames); row("cr.alias", c.alias)
        switch c.birth {
        case .exact(let d)?: row("cr.birth", d.shown(strings))
        case .estimatedYear(let y)?: row("cr.birth", "\(y) (\(t("cr.estimated")))")
        case nil: row("cr.birth", "")
        }
        row("cr.gender", strings["gender.\(c.gender.code)"]); row("cr.nationality", c.nationality)
        row("cr.arrived", c.arrivedNL?.shown(strings) ?? "")
        let d = c.details
        row("cr.languages", d.languages.joined(separator: ", "))
        row("cr.document", d.idDocument.map { "\($0.kind.code) \($0.number)\($0.seen ? " (\(t("cr.seen")))" : "")" } ?? "")
        row("cr.bsn", d.bsn); row("cr.phone", d.phone)
        row("cr.employer", d.lastEmployer + (d.employmentEnded.map { " (\(t("cr.until")) \($0.shown(strings)))" } ?? ""))
        row("cr.insurance", strings["insurance.\(d.insurance.code)"])
        row("cr.problems", ClientDetails.ProblemAreas.all.filter { d.problems.contains($0.0) }.map(\.1).joined(separator: ", "))
        row("cr.vulnerabilities", ClientDetails.Vulnerabilities.all.filter { d.vulnerabilities.contains($0.0) }.map(\.1).joined(separator: ", "))
        lines.append("")
        let nights = s.ledger.clientNights[id] ?? []
        lines.append("\(t("cr.stays")): \(PluralRule.text("cr.nights", nights.count, lang: lang, lookup: t))\(nights.isEmpty ? "" : " (\(nights.first!.shown(strings)) – \(nights.last!.shown(strings)))")")
        for a in s.files.assessments[id] ?? [] {
            lines.append("\(t("cr.assessment")) \(a.answers.assessmentDate.shown(strings)): \(a.result.outcome.rawValue)\(a.result.ground.isEmpty ? "" : " — \(a.result.ground)")")
            lines.append("  \(t("cr.answers")): \(a.answers.json.serialized)")
        }
        for n in (s.files.notes[id] ?? []) {
            lines.append("\(t("cr.note")) \(strings.timestamp(n.writtenAt)) (\(strings["note.\(n.category.code)"])): \(n.text.isEmpty ? "—" : n.text)")
        }
        if let p = s.activeReturnPlan(of: id) ?? s.latestReturnPlan(of: id) {
            lines.append("")
            lines += ReturnSummary.text(plan: p, state: s, today: today, lang: lang).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        lines.append("")
        lines.append(t("cr.file"))
        for l in ClientTimeline.lines(of: id, state: s, viewer: .supervisor, strings: strings, today: today) {
            lines.append("  \(l.when)  \(l.who)  \(l.text)")
        }
        lines.append("")
        if s.files.erasures[id] == nil, let day = s.retentionDay(of: id), let last = s.lastContact(of: id) {
            lines.append(t("cr.kept").replacingOccurrences(of: "%d", with: String(s.retention.months))
                .replacingOccurrences(of: "%s", with: last.shown(strings)).replacingOccurrences(of: "%e", with: day.shown(strings)))
            lines.append(t("cr.keptCare").replacingOccurrences(of: "%d", with: String(s.retention.careMonths)))
        }
        lines.append(t("cr.rights"))
        return lines.map { TextSafety.escaped($0) }.joined(separator: "\n")
    }
}
