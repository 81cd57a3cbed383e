import Foundation
import Testing

/// Runs the real `onderdak` binary (built by `make test`; `ONDERDAK_BIN` overrides the path).
enum Harness {
    static let binary: String = {
        if let b = ProcessInfo.processInfo.environment["ONDERDAK_BIN"], !b.isEmpty { return b }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/onderdak").standardized.path
    }()

    struct Output { var code: Int32; var stdout: String; var stderr: String }

    /// Runs the binary with arguments and optional standard input; waits for it.
    static func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        var e = ProcessInfo.processInfo.environment
        for (k, v) in env { e[k] = v }
        p.environment = e
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let r = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(code: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: r, as: UTF8.self))
    }

    /// Starts the binary in the background (for concurrent runs).
    static func start(_ args: [String]) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Today's shelter date in Amsterdam as YYYY-MM-DD (before noon: still yesterday's night).
    static func todayISO() -> String {
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date().addingTimeInterval(-12 * 3600))
    }

    static func tempDir() -> String {
        let d = "/tmp/ode2e-" + String(UUID().uuidString.prefix(8))
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }
}
