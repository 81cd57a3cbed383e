import ArgumentParser
import CommandSupport
import Foundation
import Journal
import PostgresStore

/// `onderdak verify`: read-only integrity check of a journal.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a journal's framing, checksums and hash chain (read-only).",
        discussion: """
        Prints the record count, the last sequence number and the head hash (write the head down or \
        ship it elsewhere: with --expect-head a rewritten file is detected; with --anchor SEQ:HASH a head \
        written down earlier is checked against a journal that has grown since).
        Exit 0: clean. Exit 3: only a torn tail (an interrupted last write; the next writable open cuts it). \
        Exit 1: damage before the end, or (with --deep) a broken rule.
        """
    )
    @OptionGroup var journal: JournalOption
    @Flag(help: "Also replay every event and check the rules: no bed given twice a night, no person in two beds, no stay beyond the limit without approval.")
    var deep = false
    @Option(help: ArgumentHelp("Fail unless the chain ends in this head hash (hex).", valueName: "hash"))
    var expectHead: String?
    @Option(help: ArgumentHelp("Fail unless record SEQ has this hash: a head written down earlier (verify's 'last sequence' and 'head hash'), checked after the journal grew.", valueName: "seq:hash"))
    var anchor: String?

    func run() throws {
        var anchored: (sequence: Int, hash: String)?
        if let anchor {
            let parts = anchor.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let seq = Int(parts[0]), seq >= 0, parts[1].count == 64,
                  parts[1].allSatisfy(\.isHexDigit) else {
                throw fail("--anchor takes SEQ:HASH, the 'last sequence' and 'head hash' verify printed then (e.g. 10400:3fa9…, 64 hex digits)", code: 2)
            }
            anchored = (seq, parts[1].lowercased())
        }
        let report: VerifyReport
        do { report = try Self.verify(journal.path, deep: deep, anchor: anchored?.sequence) } catch {
            throw fail(error.description)
        }
        print("journal:       \(journal.path)\(report.isDemo ? " (demo)" : "")")
        print("bytes:         \(report.bytes)")
        print("records:       \(report.records) (header + \(max(0, report.records - 1)) events)")
        print("last sequence: \(report.lastSequence)")
        print("head hash:     \(report.headHex)")
        var code = report.exitCode
        switch report.problem {
        case let .tornTail(offset, bytes, reason)?:
            print("TORN TAIL: \(bytes) bytes at byte offset \(offset) (\(reason)). The next writable open cuts them off and saves them beside the journal.")
        case let .corrupt(record, offset, reason)?:
            print("CORRUPT: record \(record) at byte offset \(offset): \(reason). Do not write to this journal; restore from a backup and keep this file for inspection.")
        case let .newerFormat(version, offset)?:
            print("NEWER FORMAT: record at byte offset \(offset) has format version \(version); upgrade Onderdak.")
        case nil:
            break
        }
        for e in report.payloadErrors.prefix(20) { print("BAD RECORD: \(e)") }
        if deep {
            for v in report.violations.prefix(50) { print("VIOLATION: \(v)") }
            print("deep check:    \(report.violations.count) violation(s)")
        }
        if let expect = expectHead?.lowercased(), expect != report.headHex {
            print("HEAD MISMATCH: expected \(expect), the chain ends in \(report.headHex). The file may have been rewritten.")
            code = 1
        }
        if let anchored {
            if let h = report.anchorHash.map(VerifyReport.hex) {
                if h == anchored.hash {
                    print("anchor:        record \(anchored.sequence) matches")
                } else {
                    print("ANCHOR MISMATCH: record \(anchored.sequence) has hash \(h), not \(anchored.hash). The journal was rewritten after the anchor was taken.")
                    code = 1
                }
            } else {
                print("ANCHOR MISSING: the journal has no record \(anchored.sequence) with an intact chain up to it (it was cut or rewritten).")
                code = 1
            }
        }
        if code == 0 { print("OK") }
        if code != 0 { throw ExitCode(code) }
    }

    /// A file is checked in place; a PostgreSQL journal is copied (records and keys) into a
    /// private temporary file first, and that copy checked the same way.
    static func verify(_ location: String, deep: Bool, anchor: Int? = nil) throws(JournalError) -> VerifyReport {
        guard PostgresLocation.handles(location) else { return try JournalVerifier.verify(path: location, deep: deep, anchor: anchor) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onderdak-verify-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try StoreCopy.toFile(location, path: dir + "/journal.onderdak")
        return try JournalVerifier.verify(path: dir + "/journal.onderdak", deep: deep, anchor: anchor)
    }
}
