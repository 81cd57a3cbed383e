import Foundation
import Testing
import TerminalUI

/// Golden-text assertions: a rendered buffer is compared line by line with
/// `Tests/TerminalUITests/Golden/<name>.txt`. Run with `RECORD_GOLDEN=1` to (re)write them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ buffer: Buffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = buffer.lines.joined(separator: "\n") + "\n"
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name).txt (run with RECORD_GOLDEN=1)", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let g = text.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDiff = zip(e, g).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, g.count)
            Issue.record("""
                golden \(name) differs at line \(firstDiff + 1):
                  expected: \(firstDiff < e.count ? String(e[firstDiff]) : "<none>")
                  actual:   \(firstDiff < g.count ? String(g[firstDiff]) : "<none>")
                """, sourceLocation: sourceLocation)
        }
    }
}
