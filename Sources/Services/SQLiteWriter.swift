import CSQLite

/// Writes export tables into a new SQLite database file (with `SQLiteReader`, the only files
/// that talk to SQLite):
/// one table per export table, text/integer columns, an index on `person_key`, all in one
/// transaction. The caller creates `path` empty and 0600 first: SQLite then gives its rollback
/// journal the same mode, so no byte of the export is ever readable by others.
public enum SQLiteWriter {
    /// `midway` runs inside the transaction, after the first table's rows (tests check modes there).
    public static func write(_ tables: [ExportTable], to path: String, midway: () -> Void = {}) throws(ExportError) {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let db else {
            throw .sqlite("cannot create \(path)")
        }
        defer { sqlite3_close(db) }
        func exec(_ sql: String) throws(ExportError) {
            guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw .sqlite(String(cString: sqlite3_errmsg(db))) }
        }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        try exec("BEGIN")
        for t in tables {
            let types = t.columns.indices.map { i -> String in
                t.rows.first.map { if case .int = $0[i] { return "INTEGER" } else { return "TEXT" } } ?? "TEXT"
            }
            try exec("CREATE TABLE \(t.name) (" + zip(t.columns, types).map { "\($0) \($1)" }.joined(separator: ", ") + ")")
            for c in [t.indexColumn].compactMap({ $0 }) + t.alsoIndexed { try exec("CREATE INDEX \(t.name)_\(c) ON \(t.name)(\(c))") }
            var stmt: OpaquePointer?
            let sql = "INSERT INTO \(t.name) VALUES (" + t.columns.map { _ in "?" }.joined(separator: ",") + ")"
            guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else { throw .sqlite(String(cString: sqlite3_errmsg(db))) }
            defer { sqlite3_finalize(stmt) }
            for row in t.rows {
                sqlite3_reset(stmt)
                for (i, v) in row.enumerated() {
                    let col = Int32(i + 1)
                    switch v {
                    case .text(let s): sqlite3_bind_text(stmt, col, s, -1, transient)
                    case .int(let n): sqlite3_bind_int64(stmt, col, Int64(n))
                    case .null: sqlite3_bind_null(stmt, col)
                    }
                }
                guard sqlite3_step(stmt) == SQLITE_DONE else { throw .sqlite(String(cString: sqlite3_errmsg(db))) }
            }
            if t.name == tables.first?.name { midway() }
        }
        try exec("COMMIT")
    }
}
