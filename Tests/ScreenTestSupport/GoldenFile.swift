import Foundation
import TerminalUI

/// Golden-text files: a rendered buffer compared line by line with
/// `Tests/TerminalUITests/Golden/<name>.txt` (one directory for every screen test target).
/// With `RECORD_GOLDEN=1` in the environment the file is (re)written instead.
public enum GoldenFile {
    public static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TerminalUITests/Golden")

    /// Nil when `buffer` matches the golden `name` (or was recorded); else what differs, for the test to report.
    public static func mismatch(_ buffer: Buffer, _ name: String) -> String? {
        let text = buffer.lines.joined(separator: "\n") + "\n"
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "missing golden file \(name).txt (run with RECORD_GOLDEN=1)"
        }
        guard expected != text else { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let g = text.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDiff = zip(e, g).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, g.count)
        return """
            golden \(name) differs at line \(firstDiff + 1):
              expected: \(firstDiff < e.count ? String(e[firstDiff]) : "<none>")
              actual:   \(firstDiff < g.count ? String(g[firstDiff]) : "<none>")
            """
    }
}
