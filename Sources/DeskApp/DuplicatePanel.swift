import ShelterDomain
import TerminalUI

/// The duplicate warning before saving an intake: the likely matches (best first) and, for the
/// one selected, the typed record side by side with the registered one, so the desk can decide
/// "same person" (open that file) or "someone else" (register; the pair is not proposed again).
public enum DuplicatePanel {
    static func born(_ b: BirthDate?, _ t: Strings) -> String {
        switch b {
        case .exact(let d)?: d.shown(t)
        case .estimatedYear(let y)?: "±\(y)"
        case nil: t["card.none"]
        }
    }

    public static func render(into buf: inout Buffer, draft: Client, candidates: [DuplicateDetector.Match], selected: Int,
                              state s: ShelterState, today: Day, strings t: Strings) {
        let w = min(buf.width - 2, 76), h = min(buf.height - 2, min(candidates.count, 6) + 13)
        // A wide screen (140 columns or more) keeps the typed form visible beside the panel; a narrower one centres it.
        let x = buf.width >= 140 ? buf.width - w - 2 : (buf.width - w) / 2, y = max(1, (buf.height - h) / 2)
        buf.fill(x: x, y: y, width: w, height: h, style: .normal)
        buf.box(x: x, y: y, width: w, height: h, style: .warning)
        buf.draw(" \(t["dup.title"]) ", x: x + 2, y: y, style: .warning, maxWidth: w - 4)
        buf.draw(t["dup.body"], x: x + 2, y: y + 1, style: .normal, maxWidth: w - 4)
        var row = y + 2
        let listRows = min(candidates.count, max(1, h - 12))
        let first = max(0, min(selected - listRows + 1, candidates.count - listRows))
        for i in first..<(first + listRows) {
            let m = candidates[i]
            guard let c = s.files.clients[m.clientID] else { continue }
            let flag = m.sameDocument ? " · \(t["dup.sameDoc"])" : ""
            let line = "\(i + 1) \(c.fullName)\(c.alias.isEmpty ? "" : " (\(c.alias))") · \(born(c.birth, t)) · \(c.nationality) · #\(c.id)\(flag)"
            buf.draw(TextWidth.fit(line, w - 4), x: x + 2, y: row, style: i == selected ? .selected : .normal)
            row += 1
        }
        row += 1
        guard candidates.indices.contains(selected), let other = s.files.clients[candidates[selected].clientID], row < y + h - 2 else { return }
        let half = (w - 6 - 16) / 2
        buf.draw(TextWidth.fit("", 16) + " " + TextWidth.fit(t["dup.typed"], half) + "  " + TextWidth.fit("#\(other.id)", half),
                 x: x + 2, y: row, style: .muted, maxWidth: w - 4)
        row += 1
        let lastNight = s.ledger.clientNights[other.id]?.last.map { t.shortNight($0) } ?? t["card.none"]
        let lines: [(String, String, String)] = [
            (t["intake.given"], draft.givenNames, other.givenNames), (t["intake.family"], draft.familyNames, other.familyNames),
            (t["intake.alias"], draft.alias, other.alias), (t["card.birth"], born(draft.birth, t), born(other.birth, t)),
            (t["card.nationality"], draft.nationality, other.nationality),
            (t["intake.idNumber"], draft.details.idDocument?.number ?? "", other.details.idDocument?.number ?? ""),
            (t["card.last"], "", lastNight),
        ]
        for (label, a, b) in lines where row < y + h - 2 {
            let same = !a.isEmpty && NameNormalizer.fold(a) == NameNormalizer.fold(b)
            buf.draw(TextWidth.fit(label, 16), x: x + 2, y: row, style: .muted)
            buf.draw(TextWidth.fit(a, half), x: x + 19, y: row, style: same ? .success : .normal)
            buf.draw(TextWidth.fit(b, half), x: x + 21 + half, y: row, style: same ? .success : .normal)
            row += 1
        }
        buf.draw(TextWidth.fit(t["dup.hint"], w - 4), x: x + 2, y: y + h - 2, style: .muted)
    }
}
