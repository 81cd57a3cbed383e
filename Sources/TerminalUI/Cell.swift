/// One screen cell: a grapheme with its display width and style. A wide grapheme (width 2)
/// is followed by a continuation cell with an empty grapheme.
public struct Cell: Hashable, Sendable {
    public var grapheme: String
    public var width: UInt8
    public var style: Style
    public init(grapheme: String = " ", width: UInt8 = 1, style: Style = .normal) {
        self.grapheme = grapheme; self.width = width; self.style = style
    }
    public static let blank = Cell()
    public static func continuation(_ style: Style) -> Cell { Cell(grapheme: "", width: 0, style: style) }
}
