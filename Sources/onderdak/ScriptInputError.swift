/// A line of `onderdak do` input that cannot be a command: which line, which field, and why.
/// Nothing of that line is written; the command exits 2.
struct ScriptInputError: Error, CustomStringConvertible {
    var line: Int
    var field: String
    var reason: String
    var description: String { "line \(line), field \"\(field)\": \(reason)" }
}
