import ShelterDomain
import TerminalUI

/// A read-only summary of one client, opened from search: who, since when, nights used, tonight's
/// bed and checklist outcomes. (The full client file with its timeline comes with intake.)
public enum ClientCard {
    public static func render(into buf: inout Buffer, client c: Client, state s: ShelterState, night: Day, strings t: Strings) {
        buf.draw("\(t["card.title"]) \(c.id): \(c.fullName)", x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
        let birth: String = switch c.birth {
        case .exact(let d)?: "\(d.dutch) (\(d.components.year > 0 ? String(BirthDate.exact(d).age(on: night)) : "?"))"
        case .estimatedYear(let y)?: "\(y) \(t["card.estimate"])"
        case nil: t["card.none"]
        }
        let nights = s.nightsUsed(by: c.id, windowDays: 90, endingWith: night)
        let rows: [(String, String)] = [
            (t["card.alias"], c.alias.isEmpty ? t["card.none"] : c.alias),
            (t["card.birth"], birth),
            (t["card.gender"], t["gender.\(c.gender.code)"]),
            (t["card.nationality"], c.nationality.isEmpty ? t["card.none"] : c.nationality),
            (t["card.arrived"], c.arrivedNL?.dutch ?? t["card.none"]),
            (t["card.registered"], AmsterdamTime.formatted(c.registeredAt)),
            (t["card.nights"], String(nights)),
            (t["card.last"], s.clientNights[c.id]?.last(where: { $0 <= night }).map { t.shortNight($0) } ?? t["card.none"]),
            (t["card.bed"], s.bed(of: c.id, on: night).flatMap { s.beds[$0]?.label } ?? t["card.none"]),
        ]
        let w = rows.map { TextWidth.width(of: $0.0) }.max() ?? 10
        for (i, r) in rows.enumerated() where 4 + i < buf.height - 2 {
            buf.draw(TextWidth.fit(r.0, w), x: 2, y: 4 + i, style: .muted)
            buf.draw(r.1, x: 4 + w, y: 4 + i, maxWidth: buf.width - 5 - w)
        }
        var y = 5 + rows.count
        for a in (s.assessments[c.id] ?? []).suffix(3) where y < buf.height - 2 {
            let text = "\(t["card.assessments"]) \(a.answers.assessmentDate.dutch): \(a.result.outcome.rawValue) / \(a.result.ground)"
            buf.draw(text, x: 2, y: y, style: a.result.outcome == .likely ? .success : .warning, maxWidth: buf.width - 3)
            y += 1
        }
    }
}
