import CommandSupport
import Foundation
import Testing

/// Runs the real `onderdak` binary (built by `make test`; `ONDERDAK_BIN` overrides the path).
enum Harness {
    static let binary: String = {
        if let b = ProcessInfo.processInfo.environment["ONDERDAK_BIN"], !b.isEmpty { return b }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/onderdak").standardized.path
    }()

    /// The development tools (`onderdak-dev`: the `stress-*` commands), built beside `onderdak`.
    static let devBinary: String = URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("onderdak-dev").path

    /// Which executable runs `args`: the `stress-*` tools live in `onderdak-dev`, not in the product.
    static func executable(for args: [String]) -> String {
        (args.first?.hasPrefix("stress-") ?? false) ? devBinary : binary
    }

    struct Output { var code: Int32; var stdout: String; var stderr: String }

    /// The moment every end-to-end run pretends it is (Amsterdam local time, a Monday evening):
    /// passed as `ONDERDAK_NOW` so that no test depends on the real date, weekday, hour or `TZ`.
    /// Demo journals are written for this night too (`demo` takes its default `--today` from it).
    static let now = "2026-11-23T19:30"
    /// The shelter night of `now`, as the CLI takes it and as the TUI shows it.
    static let tonightISO = "2026-11-23"
    static let tonightDutch = "23-11-2026"

    /// The environment for a child: ours, with `ONDERDAK_NOW` set unless `env` says otherwise
    /// (`"ONDERDAK_NOW": ""` runs at the real time, as on a real journal).
    static func environment(_ env: [String: String]) -> [String: String] {
        var e = ProcessInfo.processInfo.environment
        e["ONDERDAK_NOW"] = now
        for (k, v) in env { e[k] = v }
        if e["ONDERDAK_NOW"] == "" { e["ONDERDAK_NOW"] = nil }
        return e
    }

    /// Runs the binary with arguments and optional standard input; waits for it.
    static func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) throws -> Output {
        let r = try ChildProcess.run(executable(for: args), args, environment: environment(env), stdin: stdin.map { Data($0.utf8) } ?? Data())
        return Output(code: r.status, stdout: String(decoding: r.stdout, as: UTF8.self), stderr: String(decoding: r.stderr, as: UTF8.self))
    }

    /// Starts the binary in the background (for concurrent runs); its output is thrown away.
    static func start(_ args: [String], env: [String: String] = [:]) throws -> ChildProcess {
        try ChildProcess(executable(for: args), args, environment: environment(env), stdout: .discard, stderr: .inherit)
    }

    static func tempDir() -> String {
        let d = "/tmp/ode2e-" + String(UUID().uuidString.prefix(8))
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }
}
