/// A date of birth, or only an estimated year when the person does not know or say it.
public enum BirthDate: Hashable, Sendable {
    case exact(Day)
    case estimatedYear(Int)

    public var year: Int {
        switch self { case .exact(let d): d.year; case .estimatedYear(let y): y }
    }

    /// Age in whole years on `day` (for an estimate: the difference of the years).
    public func age(on day: Day) -> Int {
        switch self {
        case .estimatedYear(let y): return day.year - y
        case .exact(let b):
            let a = b.components, n = day.components
            var age = n.year - a.year
            if (n.month, n.day) < (a.month, a.day) { age -= 1 }
            return age
        }
    }
}
