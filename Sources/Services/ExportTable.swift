/// One table of an export: a name, column names, and rows of text, whole numbers or nulls.
public struct ExportTable: Sendable {
    public enum Value: Sendable, Equatable {
        case text(String), int(Int), null
        public var csv: String {
            switch self { case .text(let s): s; case .int(let n): String(n); case .null: "" }
        }
    }
    public var name: String
    public var columns: [String]
    public var rows: [[Value]]
    /// The column rows are looked up by in SQLite (an index is made on it).
    public var indexColumn: String?
    /// Further columns with their own index (`bed_nights.night`: the board of one night).
    public var alsoIndexed: [String] = []
}
