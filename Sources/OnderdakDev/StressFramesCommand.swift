import ArgumentParser
import CommandSupport
import DeskApp
import Foundation
import Journal
import ShelterDomain
import TerminalUI

/// Hidden, for `make bench`: keystroke → rendered frame latency with a journal loaded, measured
/// in-process through the in-memory backend (handle the key, render into a buffer, diff against
/// the previous frame), on the bed board (arrows, next night) and the client search (typing
/// names letter by letter). Prints p50/p99 per screen; run it under /usr/bin/time for peak RSS.
struct StressFramesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stress-frames", abstract: "Drives the desk session in memory: first frame, key-to-frame times, memory.")
    @OptionGroup var journal: JournalOption
    @Option var keys = 2_000

    func run() throws {
        // Cold start in-process: open the journal (snapshot + newer records) and render the first frame.
        let t0 = DispatchTime.now().uptimeNanoseconds
        let session: DeskSession
        do { session = try DeskSession(path: journal.path, lang: "nl", clock: SystemClock.now, rules: nil) } catch { throw fail(error.description) }
        // A load tool logs in as the demo roles (no PIN): only on demo journals.
        guard session.store?.header.isDemo == true else {
            throw fail("stress-frames runs only on demo journals (it acts as the demo staff, who have no PIN); nothing was changed.", code: 2)
        }
        let firstBackend = MemoryBackend(width: 120, height: 40)
        var firstBuffer = Buffer(width: 120, height: 40)
        session.render(into: &firstBuffer)
        firstBackend.present(firstBuffer)
        let firstFrameMs = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
        // Resident memory by phase (from /proc/self/status), so a growing part can be found.
        func rssMB() -> String {
            let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
            func kB(_ key: String) -> Double {
                let line = text.split(separator: "\n").first { $0.hasPrefix(key) } ?? ""
                return Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") ?? .nan
            }
            return String(format: "%.0f (peak %.0f)", kB("VmRSS:") / 1024, kB("VmHWM:") / 1024)
        }
        let afterOpen = rssMB()
        let backend = MemoryBackend(width: 120, height: 40)
        func frame(_ key: Key) -> Double {
            let t = DispatchTime.now().uptimeNanoseconds
            session.handle(key)
            var b = Buffer(width: backend.size.width, height: backend.size.height)
            session.render(into: &b)
            backend.present(b)
            return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6
        }
        _ = frame(.char("1"))  // demo role picker: desk
        _ = frame(.char("/")); _ = frame(.char("a")); _ = frame(.escape); _ = frame(.escape)  // warm: the index is built once
        let afterIndex = rssMB()
        _ = frame(.function(4))
        var board: [Double] = []
        let moves: [Key] = [.down, .down, .down, .pageDown, .up, .right, .left, .char("f"), .char("f")]
        for i in 0..<keys { board.append(frame(moves[i % moves.count])) }
        _ = frame(.escape); _ = frame(.char("/"))
        var search: [Double] = []
        let names = ["lukasz wojcik", "stefan popescu", "gyozo kovacs", "ivan petrov", "marek nowak", "jan de vries"]
        var typed = 0
        while typed < keys {
            for ch in names[typed % names.count] { search.append(frame(.char(ch))); typed += 1 }
            for _ in 0..<20 { _ = frame(.backspace) }
        }
        func p(_ xs: [Double], _ q: Double) -> Double { let s = xs.sorted(); return s[min(s.count - 1, Int(Double(s.count - 1) * q))] }
        print(String(format: "frames board p50 %.3f ms p99 %.3f ms · search p50 %.3f ms p99 %.3f ms · clients %d",
                     p(board, 0.5), p(board, 0.99), p(search, 0.5), p(search, 0.99), session.store?.state.files.clients.count ?? 0)
              + String(format: " · first frame %.1f ms", firstFrameMs)
              + " · rss MB after open \(afterOpen), after search index \(afterIndex), at end \(rssMB())")
    }
}
