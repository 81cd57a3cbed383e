import OnderdakResources
import ShelterDomain

/// Why a command was not recorded: refused by the rules, or the journal could not take it.
/// Either way nothing was written.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case refused(DomainError)
    case journal(JournalError)

    public var description: String {
        switch self {
        case .refused(let e): e.description
        case .journal(let e): e.description
        }
    }

    public func text(_ lang: String) -> String {
        switch self {
        case .refused(let e): e.text(lang)
        case .journal(let e): e.description
        }
    }
}
