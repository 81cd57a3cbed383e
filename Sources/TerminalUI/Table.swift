/// Rows of cells in fixed-width columns with a heading, cut and padded by display width,
/// scrolling with a `ListView` selection.
public struct Table: Equatable, Sendable {
    public var columns: [TableColumn]
    public var rows: [[String]]
    public var list: ListView

    public init(columns: [TableColumn], rows: [[String]]) {
        self.columns = columns; self.rows = rows; self.list = ListView(count: rows.count)
    }

    /// One row as text: each cell fitted to its column, one space between columns.
    public func line(_ cells: [String]) -> String {
        zip(columns, cells + Array(repeating: "", count: max(0, columns.count - cells.count))).map { c, text in
            if c.alignRight {
                let t = TextWidth.prefix(text, fitting: c.width)
                return String(repeating: " ", count: c.width - TextWidth.width(of: t)) + t
            }
            return TextWidth.fit(text, c.width)
        }.joined(separator: " ")
    }

    public mutating func handle(_ key: Key, height: Int) -> Bool { list.handle(key, height: height - 1) }

    public mutating func render(into buf: inout Buffer, x: Int, y: Int, width: Int, height: Int) {
        // More rows than fit: the scroll marks get the last column to themselves; the widest
        // column gives it up, so no cell is overwritten ("25/2▼").
        var columns = self.columns
        if rows.count > height - 1, height > 2, let i = columns.indices.max(by: { columns[$0].width < columns[$1].width }),
           columns[i].width > 1, columns.reduce(columns.count - 1, { $0 + $1.width }) >= width {
            columns[i].width -= 1
        }
        let me = Table(columns: columns, rows: [])
        buf.draw(TextWidth.fit(me.line(columns.map(\.title)), width), x: x, y: y, style: .bold)
        let rows = self.rows
        list.render(into: &buf, x: x, y: y + 1, width: width, height: height - 1) { i in me.line(rows[i]) }
    }
}
