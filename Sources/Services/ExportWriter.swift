import Foundation
import ShelterDomain

/// Writes export tables as CSV (a folder, one RFC 4180 file per table), JSON (one file:
/// {"pseudonymised", "tables": {name: [rows as objects]}}) or SQLite (one database file).
/// Everything is written under a temporary name and moved into place at the end; every file is
/// created 0600 (folders 0700) from its first byte, and a failed write leaves nothing behind.
public enum ExportWriter {
    /// `written` is called with each file as soon as it holds data (tests check modes mid-write).
    public static func write(_ tables: [ExportTable], format: String, to out: String, pseudonymised: Bool, excel: Bool,
                             written: (String) -> Void = { _ in }) throws {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: out) else { throw ExportError.cannotWrite("\(out) (it exists already; choose a new name)") }
        let tmp = out + ".partial-\(getpid())"
        try? fm.removeItem(atPath: tmp)
        try? fm.removeItem(atPath: tmp + "-journal")
        do {
            switch format {
            case "csv":
                try PrivateFile.makeDirectory(tmp)
                let csv = CSVWriter(excel: excel)
                for t in tables {
                    let text = csv.document(header: t.columns, rows: t.rows.map { $0.map(\.csv) })
                    try PrivateFile.create(tmp + "/\(t.name).csv", bytes: Array(text.utf8))
                    written(tmp + "/\(t.name).csv")
                }
            case "json":
                let json = JSONValue.object([
                    ("pseudonymised", .bool(pseudonymised)),
                    ("tables", .object(tables.map { t in
                        (t.name, .array(t.rows.map { row in
                            .object(zip(t.columns, row).map { c, v in
                                (c, { switch v { case .text(let s): JSONValue.string(s); case .int(let n): .number(Double(n)); case .null: .null } }())
                            })
                        }))
                    })),
                ])
                try PrivateFile.create(tmp, bytes: Array(json.serialized.utf8))
                written(tmp)
            default:
                try PrivateFile.createEmpty(tmp)
                try SQLiteWriter.write(tables, to: tmp) { written(tmp); written(tmp + "-journal") }
            }
            try fm.moveItem(atPath: tmp, toPath: out)
        } catch {
            try? fm.removeItem(atPath: tmp)
            try? fm.removeItem(atPath: tmp + "-journal")
            throw error
        }
    }
}
