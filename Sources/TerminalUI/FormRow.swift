/// One row of a `ScrollForm`: a section heading, a text field, a choice (← →) or a yes/no box
/// (Space). Disabled rows are shown dimmed and skipped by Tab; `note` is shown after the input
/// (e.g. the country a code stands for); `problem` under it, as you type.
public struct FormRow: Equatable, Sendable {
    public enum Input: Equatable, Sendable {
        case heading
        case text(TextField)
        case choice(Choice)
        case check(Bool)
    }

    public var label: String
    public var input: Input
    public var problem: String?
    public var note: String?
    public var enabled = true

    public init(_ label: String, _ input: Input) { self.label = label; self.input = input }

    public static func heading(_ label: String) -> FormRow { FormRow(label, .heading) }

    public var isFocusable: Bool {
        if case .heading = input { return false }
        return enabled
    }

    public var text: String {
        if case .text(let t) = input { return t.text }
        return ""
    }

    public var choiceIndex: Int {
        if case .choice(let c) = input { return c.index }
        return 0
    }

    public var isChecked: Bool {
        if case .check(let b) = input { return b }
        return false
    }

    /// True when the row holds something typed or chosen (F10 then asks first).
    public var hasInput: Bool {
        switch input {
        case .text(let t): !t.isEmpty
        case .check(let b): b
        case .choice(let c): c.index != 0
        case .heading: false
        }
    }
}
