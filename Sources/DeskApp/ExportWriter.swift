import Foundation
import ShelterDomain

/// Writes export tables as CSV (a folder, one RFC 4180 file per table), JSON (one file:
/// {"pseudonymised", "tables": {name: [rows as objects]}}) or SQLite (one database file).
/// Everything is written under a temporary name and moved into place at the end; files are 0600.
public enum ExportWriter {
    public static func write(_ tables: [ExportTable], format: String, to out: String, pseudonymised: Bool, excel: Bool) throws {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: out) else { throw ExportError.cannotWrite("\(out) (it exists already; choose a new name)") }
        let tmp = out + ".partial-\(getpid())"
        try? fm.removeItem(atPath: tmp)
        do {
            switch format {
            case "csv":
                try fm.createDirectory(atPath: tmp, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
                let csv = CSVWriter(excel: excel)
                for t in tables {
                    let text = csv.document(header: t.columns, rows: t.rows.map { $0.map(\.csv) })
                    guard fm.createFile(atPath: tmp + "/\(t.name).csv", contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                        throw ExportError.cannotWrite(tmp + "/\(t.name).csv")
                    }
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
                guard fm.createFile(atPath: tmp, contents: Data(json.serialized.utf8), attributes: [.posixPermissions: 0o600]) else {
                    throw ExportError.cannotWrite(tmp)
                }
            default:
                try SQLiteWriter.write(tables, to: tmp)
                chmod(tmp, 0o600)
            }
            try fm.moveItem(atPath: tmp, toPath: out)
        } catch {
            try? fm.removeItem(atPath: tmp)
            throw error
        }
    }
}
