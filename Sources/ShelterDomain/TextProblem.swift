/// What is wrong with a typed text. The domain says which problem; the translation tables say
/// it in the user's language (key `textProblem.<case>`), so no English reaches a Dutch screen.
public enum TextProblem: Equatable, Sendable {
    case required
    case tooLong(max: Int)
    /// More unicode scalars than letters with accents can need (a "name" of combining marks).
    case tooManyMarks(max: Int)
    case controlCharacters
    /// Names: letters, spaces, hyphens and apostrophes only.
    case notAName
    case edgeSpace
    case usernameLength
    case usernameCharacters
    case idNumberLength
    case idNumberCharacters
    case nameOrAlias
    case countryCode
    case languageCode
    case notALanguageCode(String)
    case oneOf([String])
    case bsnCheck(String)
    case phone
    case ethosRange
    case noneWithProblem
    case youngAdultAge
    case explainPurpose
    case sameRecord
    case policyRange
    case exportFormat
    case absenceRange
    case normRange
    case overrideNotNeeded
    case notOutOfServiceAfter(Day)
    case coldWeatherNotOnAfter(Day)
    case householdTooSmall
    case listedTwice
    case noBeds
    case outcomeChoice
    case sameHousehold

    /// The translation key of the problem's text.
    public var key: String {
        switch self {
        case .required: "textProblem.required"
        case .tooLong: "textProblem.tooLong"
        case .tooManyMarks: "textProblem.tooManyMarks"
        case .controlCharacters: "textProblem.controlCharacters"
        case .notAName: "textProblem.notAName"
        case .edgeSpace: "textProblem.edgeSpace"
        case .usernameLength: "textProblem.usernameLength"
        case .usernameCharacters: "textProblem.usernameCharacters"
        case .idNumberLength: "textProblem.idNumberLength"
        case .idNumberCharacters: "textProblem.idNumberCharacters"
        case .nameOrAlias: "textProblem.nameOrAlias"
        case .countryCode: "textProblem.countryCode"
        case .languageCode: "textProblem.languageCode"
        case .notALanguageCode: "textProblem.notALanguageCode"
        case .oneOf: "textProblem.oneOf"
        case .bsnCheck: "textProblem.bsnCheck"
        case .phone: "textProblem.phone"
        case .ethosRange: "textProblem.ethosRange"
        case .noneWithProblem: "textProblem.noneWithProblem"
        case .youngAdultAge: "textProblem.youngAdultAge"
        case .explainPurpose: "textProblem.explainPurpose"
        case .sameRecord: "textProblem.sameRecord"
        case .policyRange: "textProblem.policyRange"
        case .exportFormat: "textProblem.exportFormat"
        case .absenceRange: "textProblem.absenceRange"
        case .normRange: "textProblem.normRange"
        case .overrideNotNeeded: "textProblem.overrideNotNeeded"
        case .notOutOfServiceAfter: "textProblem.notOutOfServiceAfter"
        case .coldWeatherNotOnAfter: "textProblem.coldWeatherNotOnAfter"
        case .householdTooSmall: "textProblem.householdTooSmall"
        case .listedTwice: "textProblem.listedTwice"
        case .noBeds: "textProblem.noBeds"
        case .outcomeChoice: "textProblem.outcomeChoice"
        case .sameHousehold: "textProblem.sameHousehold"
        }
    }

    /// The values the text is filled with (`%s` in order).
    public var arguments: [String] {
        switch self {
        case .tooLong(let n): [String(n)]
        case .tooManyMarks(let n): [String(n * TextRules.scalarsPerCharacter)]
        case .notALanguageCode(let s), .bsnCheck(let s): [s]
        case .oneOf(let xs): [xs.joined(separator: ", ")]
        case .notOutOfServiceAfter(let d), .coldWeatherNotOnAfter(let d): [d.dutch]
        default: []
        }
    }
}
