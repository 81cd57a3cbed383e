/// One labelled field of a form, with the validation message shown beneath it as you type.
public struct FormField: Equatable, Sendable {
    public var label: String
    public var input: TextField
    /// Nil when valid; otherwise what is wrong, in the staff's language.
    public var problem: String?
    public init(label: String, input: TextField = TextField(), problem: String? = nil) {
        self.label = label; self.input = input; self.problem = problem
    }
}
