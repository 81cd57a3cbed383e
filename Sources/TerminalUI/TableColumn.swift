/// A column of a `Table`: heading, width in columns, and alignment.
public struct TableColumn: Equatable, Sendable {
    public var title: String
    public var width: Int
    public var alignRight: Bool
    public init(_ title: String, width: Int, alignRight: Bool = false) { self.title = title; self.width = width; self.alignRight = alignRight }
}
