import Foundation

/// Monotonic seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
    guard !xs.isEmpty else { return .nan }
    let s = xs.sorted()
    return s[min(s.count - 1, Int(Double(s.count - 1) * p + 0.5))]
}

func median(_ xs: [Double]) -> Double { percentile(xs, 0.5) }

/// Best of `n` runs of `body` (seconds).
func best(_ n: Int, _ body: () throws -> Void) rethrows -> Double {
    var b = Double.infinity
    for _ in 0..<n { let t = now(); try body(); b = min(b, now() - t) }
    return b
}

/// Runs a program with its output discarded and returns the wall time from spawn to exit, by
/// posix_spawn and a blocking waitpid: Foundation's `Process.waitUntilExit` polls a run loop and
/// rounds short runs up to ~50 ms steps, which hid the difference between 50 and 100 ms.
@discardableResult
func spawnSeconds(_ argv: [String]) -> (seconds: Double, ok: Bool) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for a in cargs { free(a) } }
    var pid: pid_t = 0
    let t = now()
    guard posix_spawn(&pid, argv[0], &actions, nil, cargs, environ) == 0 else { return (0, false) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    return (now() - t, (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0)
}

/// Runs a program and returns its standard output (and error), with the wall time.
func runTimed(_ argv: [String], stdout: Bool = false, stderr: Bool = false) -> (seconds: Double, ok: Bool, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: argv[0])
    p.arguments = Array(argv.dropFirst())
    let pipe = Pipe(), errPipe = Pipe()
    p.standardOutput = stdout ? pipe : FileHandle.nullDevice
    p.standardError = stderr ? errPipe : FileHandle.nullDevice
    let t = now()
    do { try p.run() } catch { return (0, false, "", "") }
    let data = stdout ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
    let errData = stderr ? errPipe.fileHandleForReading.readDataToEndOfFile() : Data()
    p.waitUntilExit()
    return (now() - t, p.terminationStatus == 0, String(decoding: data, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// Peak resident set size of a program in MB (`/usr/bin/time -f %M`), with its standard output.
func peakRSS(_ argv: [String]) -> (mb: Double, out: String) {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return (.nan, "") }
    let r = runTimed(["/usr/bin/time", "-f", "%M"] + argv, stdout: true, stderr: true)
    let kb = Double(r.err.split(separator: "\n").last.map(String.init) ?? "") ?? .nan
    return (kb / 1024, r.out)
}

func sha256sumSeconds(_ path: String) -> Double {
    spawnSeconds(["/usr/bin/sha256sum", path]).seconds
}

/// Measurements made as interleaved pairs: the reference, then ours, then the reference again,
/// `rounds` times; each round's ratio is ours over the mean of the two references around it.
/// Both sides see the same background noise, and the median of the ratios is what counts.
struct Paired {
    var ours: [Double] = []
    var references: [Double] = []
    var ratios: [Double] = []

    init(rounds: Int = 5, reference: () -> Double, ours measure: () -> Double) {
        var before = reference()
        for _ in 0..<rounds {
            let o = measure()
            let after = reference()
            ours.append(o)
            references.append((before + after) / 2)
            ratios.append(o / ((before + after) / 2))
            before = after
        }
    }

    /// Ratios computed elsewhere (for example per block of interleaved appends).
    init(ours: [Double], references: [Double]) {
        self.ours = ours
        self.references = references
        ratios = zip(ours, references).map { $0 / $1 }
    }

    var ratio: Double { median(ratios) }
    var value: Double { median(ours) }
    var reference: Double { median(references) }
}

/// One line of `make bench` and one entry of `.build/bench/results.json`.
struct Figure {
    var name: String
    var label: String
    var value: Double
    var unit: String
    var reference: String
    var ratio: Double
    var target: Double?
    var ratios: [Double] = []

    var pass: Bool? { target.map { ratio.isFinite && ratio <= $0 } }

    var json: String {
        func num(_ x: Double) -> String { x.isFinite ? String(format: "%.6g", x) : "null" }
        func str(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var fields = ["\"name\": \(str(name))", "\"value\": \(num(value))", "\"unit\": \(str(unit))", "\"reference\": \(str(reference))",
                      "\"ratio\": \(num(ratio))", "\"target\": \(target.map(num) ?? "null")", "\"pass\": \(pass.map { $0 ? "true" : "false" } ?? "null")"]
        if !ratios.isEmpty {
            fields.append("\"ratio_min\": \(num(ratios.min()!))")
            fields.append("\"ratio_max\": \(num(ratios.max()!))")
            fields.append("\"rounds\": \(ratios.count)")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}

/// Collects the figures of a run, prints each as a row, writes the JSON and tells whether every
/// median met its target.
@MainActor
enum Report {
    static var figures: [Figure] = []

    static func header(_ title: String) {
        print("")
        print(title)
        print("measurement".padding(toLength: 36, withPad: " ", startingAt: 0), "value (median)".padding(toLength: 22, withPad: " ", startingAt: 0),
              "reference (same run)".padding(toLength: 26, withPad: " ", startingAt: 0), "ratio  min–max       target")
    }

    static func add(_ f: Figure, valueText: String) {
        figures.append(f)
        let spread = f.ratios.isEmpty ? "".padding(toLength: 13, withPad: " ", startingAt: 0)
            : String(format: "%5.2f–%-5.2f  ", f.ratios.min()!, f.ratios.max()!)
        let verdict = f.target.map { t in f.pass == true ? "PASS (≤ \(t)×)" : "FAIL (> \(t)×)" } ?? ""
        print(f.label.padding(toLength: 36, withPad: " ", startingAt: 0), valueText.padding(toLength: 22, withPad: " ", startingAt: 0),
              f.reference.padding(toLength: 26, withPad: " ", startingAt: 0), String(format: "%5.2f× ", f.ratio) + spread, verdict)
    }

    static func write(to path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let text = "[\n" + figures.map { "  " + $0.json }.joined(separator: ",\n") + "\n]\n"
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static var failed: [Figure] { figures.filter { $0.pass == false } }
}
