import CSQLite

/// Reads one text column of an export's table from a SQLite file, read-only (for `report
/// unique`, which combines several organisations' exports).
public enum SQLiteReader {
    /// The column's values, in row order (NULL as "").
    public static func column(_ column: String, of table: String, in path: String) throws(ExportError) -> [String] {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db else {
            sqlite3_close(db)
            throw .sqlite("cannot open \(path): check the path and that it is an export made with --format sqlite")
        }
        defer { sqlite3_close(db) }
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, "SELECT \(column) FROM \(table)", -1, &stmt, nil) == SQLITE_OK, let stmt else {
            throw .sqlite("\(path) has no \(table).\(column): export it again with --linkage-key (\(String(cString: sqlite3_errmsg(db))))")
        }
        defer { sqlite3_finalize(stmt) }
        var out: [String] = []
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw .sqlite("\(path): \(String(cString: sqlite3_errmsg(db)))") }
            out.append(sqlite3_column_text(stmt, 0).map { String(cString: $0) } ?? "")
        }
        return out
    }
}
