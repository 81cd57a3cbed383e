/// Validation of text typed at the desk: names keep exactly what was typed (any script),
/// but control characters and absurd lengths are refused with a clear reason.
public enum TextRules {
    public static let maxNameLength = 100
    /// Unicode scalars allowed per character of a length limit: room for letters with several
    /// accents (Vietnamese has up to three), none for a "character" of 10,000 combining marks.
    public static let scalarsPerCharacter = 4

    /// The reason a text is too long, counting characters (graphemes) and unicode scalars.
    static func lengthProblem(_ s: String, max: Int) -> String? {
        if s.count > max { return "is longer than \(max) characters" }
        if s.unicodeScalars.count > max * scalarsPerCharacter {
            return "is too long: more than \(max * scalarsPerCharacter) letters and accents or combining marks"
        }
        return nil
    }

    /// Nil when acceptable; otherwise the reason (English) why not.
    public static func nameProblem(_ s: String, required: Bool) -> String? {
        if s.isEmpty { return required ? "is required" : nil }
        if let p = lengthProblem(s, max: maxNameLength) { return p }
        if s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format && $0.value != 0x200D }) {
            return "contains control characters"
        }
        let allowed = s.unicodeScalars.allSatisfy { u in
            u.properties.isAlphabetic || u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .spacingMark
                || " -'’.".unicodeScalars.contains(u)
        }
        if !allowed { return "may only contain letters, spaces, hyphens and apostrophes" }
        if s.first == " " || s.last == " " { return "starts or ends with a space" }
        return nil
    }

    /// Free text (notes, names of places): no control characters except none; bounded length.
    public static func freeTextProblem(_ s: String, max: Int = 2000) -> String? {
        if let p = lengthProblem(s, max: max) { return p }
        if s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return "contains control characters" }
        return nil
    }

    /// Usernames: 2–32 of a–z, 0–9, '.', '-', '_'.
    public static func usernameProblem(_ s: String) -> String? {
        guard (2...32).contains(s.utf8.count) else { return "must be 2 to 32 characters" }
        guard s.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }) else {
            return "may only use a-z, 0-9, '.', '-' and '_'"
        }
        return nil
    }
}
