/// The text behind a regional linkage key, the same for the same person whichever organisation
/// registered them and however the name was typed. Version 1:
/// `onderdak-linkage-v1␟<names>␟<birth>␟<nationality>` (␟ = U+001F), where
/// - names: every word of the given names and family names, folded as search folds them
///   (`NameNormalizer`: lowercase ASCII, diacritics dropped, Cyrillic transliterated), sorted
///   and joined by one space, so word order and which field a word was typed in do not matter;
/// - birth: the date as YYYY-MM-DD, or `~YYYY` for an estimated year;
/// - nationality: ISO 3166-1 alpha-2 in capitals ("" when unknown).
/// Nil without a name word or a birth date: names alone link too many different people.
public enum LinkageNormalizer {
    public static let version = "onderdak-linkage-v1"

    public static func message(givenNames: String, familyNames: String, birth: BirthDate?, nationality: String) -> String? {
        let words = NameNormalizer.tokens(givenNames + " " + familyNames).sorted()
        guard !words.isEmpty, let birth else { return nil }
        let b: String = switch birth {
        case .exact(let d): d.iso
        case .estimatedYear(let y): "~\(y)"
        }
        return [version, words.joined(separator: " "), b, nationality.uppercased()].joined(separator: "\u{1F}")
    }

    public static func message(of c: Client) -> String? {
        message(givenNames: c.givenNames, familyNames: c.familyNames, birth: c.birth, nationality: c.nationality)
    }
}
