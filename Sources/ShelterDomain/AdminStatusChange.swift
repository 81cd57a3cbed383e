/// A change of one administrative item: old → new, with date and source.
public struct AdminStatusChange: Hashable, Sendable {
    public var item: AdminItem
    /// The value before ("" when it was never recorded).
    public var old: String
    public var new: AdminEntry

    public init(item: AdminItem, old: String, new: AdminEntry) { self.item = item; self.old = old; self.new = new }
}
