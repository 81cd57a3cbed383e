/// Validation of text typed at the desk: names keep exactly what was typed (any script),
/// but control characters and absurd lengths are refused with a typed reason (`TextProblem`).
public enum TextRules {
    public static let maxNameLength = 100
    /// Unicode scalars allowed per character of a length limit: room for letters with several
    /// accents (Vietnamese has up to three), none for a "character" of 10,000 combining marks.
    public static let scalarsPerCharacter = 4

    /// The reason a text is too long, counting characters (graphemes) and unicode scalars.
    static func lengthProblem(_ s: String, max: Int) -> TextProblem? {
        if s.count > max { return .tooLong(max: max) }
        if s.unicodeScalars.count > max * scalarsPerCharacter {
            return .tooManyMarks(max: max)
        }
        return nil
    }

    /// Nil when acceptable; otherwise what is wrong (the user sees it in their language).
    public static func nameProblem(_ s: String, required: Bool) -> TextProblem? {
        if s.isEmpty { return required ? .required : nil }
        if let p = lengthProblem(s, max: maxNameLength) { return p }
        if s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format && $0.value != 0x200D }) {
            return .controlCharacters
        }
        let allowed = s.unicodeScalars.allSatisfy { u in
            u.properties.isAlphabetic || u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .spacingMark
                || " -'’.".unicodeScalars.contains(u)
        }
        if !allowed { return .notAName }
        if s.first == " " || s.last == " " { return .edgeSpace }
        return nil
    }

    /// Free text (notes, names of places): no control characters except none; bounded length.
    public static func freeTextProblem(_ s: String, max: Int = 2000) -> TextProblem? {
        if let p = lengthProblem(s, max: max) { return p }
        if s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return .controlCharacters }
        return nil
    }

    /// Usernames: 2–32 of a–z, 0–9, '.', '-', '_'.
    public static func usernameProblem(_ s: String) -> TextProblem? {
        guard (2...32).contains(s.utf8.count) else { return .usernameLength }
        guard s.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }) else {
            return .usernameCharacters
        }
        return nil
    }
}
