/// A checklist rule-set file that cannot be used, naming the broken part (e.g. "rules[3].outcome").
public struct RuleSetError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String {
        path.isEmpty ? "checklist rule set: \(reason)" : "checklist rule set, \(path): \(reason)"
    }
}
