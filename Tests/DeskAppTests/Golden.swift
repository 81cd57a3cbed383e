import ScreenTestSupport
import Testing
import TerminalUI

/// Golden-text assertions (`ScreenTestSupport.GoldenFile`): a rendered buffer against
/// `Golden/<name>.txt`. Run with `RECORD_GOLDEN=1` to (re)write them.
enum Golden {
    static func check(_ buffer: Buffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if let problem = GoldenFile.mismatch(buffer, name) { Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation) }
    }
}
