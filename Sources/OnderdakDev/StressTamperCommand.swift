import ArgumentParser
import CommandSupport
import Foundation
import Journal

/// Hidden, for `make reliability`: writes a tampered COPY of a journal (never the journal itself)
/// the way an attacker would, with every checksum recomputed: record N's length set to 8 MiB
/// (`length`), or one payload byte of record N changed (`payload`, so only the hash chain can
/// tell). Prints the byte offset of the record.
struct StressTamperCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stress-tamper", abstract: "Writes a crafted copy of a journal (length or payload tampered) for trust tests.")
    @OptionGroup var journal: JournalOption
    @Option(help: "Where to write the tampered copy (must not exist).") var out: String
    @Option var record: Int
    @Option(help: "length or payload") var what: String

    func run() throws {
        guard ["length", "payload"].contains(what) else { throw fail("--what must be length or payload", code: 2) }
        guard !FileManager.default.fileExists(atPath: out) else { throw fail("\(out) exists already", code: 2) }
        guard var bytes = FileManager.default.contents(atPath: journal.path).map([UInt8].init) else { throw fail("cannot read \(journal.path)") }
        func le32(_ o: Int) -> Int { Int(bytes[o]) | Int(bytes[o + 1]) << 8 | Int(bytes[o + 2]) << 16 | Int(bytes[o + 3]) << 24 }
        func put32(_ v: UInt32, _ o: Int) { for k in 0..<4 { bytes[o + k] = UInt8((v >> (8 * UInt32(k))) & 0xFF) } }
        var o = 0
        for _ in 0..<record {
            guard o + 16 <= bytes.count else { throw fail("the journal has fewer than \(record + 1) records", code: 2) }
            o += RecordFormat.overhead + le32(o + 8)
        }
        guard o + RecordFormat.overhead <= bytes.count else { throw fail("the journal has fewer than \(record + 1) records", code: 2) }
        let length = le32(o + 8)
        if what == "length" {
            put32(8 << 20, o + 8)
            put32(bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[o..<(o + 12)])) }, o + 12)
        } else {
            bytes[o + 48 + length - 1] ^= 1
            put32(bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[o..<(o + 48 + length)])) }, o + 48 + length)
        }
        guard FileManager.default.createFile(atPath: out, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else { throw fail("cannot write \(out)") }
        print(o)
    }
}
