import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child program started with `posix_spawn` and reaped with `waitpid`, its output captured in
/// temporary files (0600, removed when read) so that a full pipe can never stall it. `onderdak
/// manual` runs itself through this, and so do the end-to-end tests. Foundation's `Process` is not
/// used for this: its `waitUntilExit` waits on a run loop, and under libfaketime (the suite at
/// another moment, `make test-clocks`) it was seen to wait forever on a child that had exited.
public final class ChildProcess: @unchecked Sendable {
    /// What becomes of the child's standard output or error.
    public enum Output: Sendable {
        /// Kept, and readable after the child has ended.
        case capture
        /// Thrown away (`/dev/null`).
        case discard
        /// Shared with this process.
        case inherit
        /// Written to this file (created 0600 or emptied), which may be read while the child runs.
        case file(String)
        /// Standard error only: into the same place as standard output, interleaved as written.
        case sameAsStandardOutput
    }

    /// Why a child could not be started.
    public struct SpawnError: Error, CustomStringConvertible {
        public let program: String
        public let code: Int32
        public var description: String { "cannot start \(program): \(String(cString: strerror(code)))" }
    }

    public let processIdentifier: Int32
    private var rawStatus: Int32?
    private let outPath: String?
    private let errPath: String?
    private var outData = Data()
    private var errData = Data()
    private let lock = NSLock()

    /// Starts `path` with `arguments`; `environment` nil inherits this process's environment.
    /// `stdin` is given to the child as its whole input (nil: `/dev/null`).
    /// `directory` is where it starts (nil: here).
    public init(_ path: String, _ arguments: [String], environment: [String: String]? = nil, stdin: Data? = nil,
                stdout: Output = .capture, stderr: Output = .capture, directory: String? = nil) throws {
        let base = NSTemporaryDirectory() + "onderdak-child-\(getpid())-\(UUID().uuidString.prefix(8))"
        if case .capture = stdout { outPath = base + ".out" } else { outPath = nil }
        if case .capture = stderr { errPath = base + ".err" } else { errPath = nil }
        var inPath: String?
        if let stdin {
            inPath = base + ".in"
            _ = FileManager.default.createFile(atPath: inPath!, contents: stdin, attributes: [.posixPermissions: 0o600])
        }
        defer { if let inPath { unlink(inPath) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath ?? "/dev/null", O_RDONLY, 0)
        for (fd, mode, file) in [(Int32(1), stdout, outPath), (Int32(2), stderr, errPath)] {
            switch mode {
            case .capture: posix_spawn_file_actions_addopen(&actions, fd, file!, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            case .discard: posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_WRONLY, 0)
            case .inherit: break
            case let .file(path): posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            case .sameAsStandardOutput: posix_spawn_file_actions_adddup2(&actions, 1, fd)
            }
        }
        // The child starts with default signal handling and nothing blocked, whatever this process set.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all); sigemptyset(&none)
        sigdelset(&all, SIGKILL); sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        // glibc has the two actions below (2.29 and 2.34) but Swift's Glibc module does not
        // show them: they are looked up by name. Without `closefrom` the child would inherit
        // every descriptor this process has open without close-on-exec: a file another thread
        // is writing, and an exec of that file would fail with "text file busy".
        if let directory {
            guard let chdir = Self.addChdir else { throw SpawnError(program: path, code: ENOSYS) }
            _ = directory.withCString { chdir(&actions, $0) }
        }
        if let closeFrom = Self.addCloseFrom {
            _ = closeFrom(&actions, 3)
        } else {
            // Older C libraries: close what is open now (a descriptor opened meanwhile by another
            // thread may still reach the child).
            for fd in Self.openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        var rc = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        // A program just written (a copied binary) is "busy" while a child another thread is
        // starting still holds the writer's descriptor, between its fork and its closefrom:
        // that passes within milliseconds, so try again a few times before giving up.
        var busyRetries = 0
        while rc == ETXTBSY, busyRetries < 50 {
            busyRetries += 1
            usleep(UInt32(min(busyRetries, 10)) * 2_000)
            rc = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        }
        guard rc == 0 else {
            if let outPath { unlink(outPath) }
            if let errPath { unlink(errPath) }
            throw SpawnError(program: path, code: rc)
        }
        processIdentifier = pid
    }

    private typealias FileAction = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias PathAction = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    nonisolated(unsafe) private static let addCloseFrom: FileAction? =
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: FileAction.self) }
    nonisolated(unsafe) private static let addChdir: PathAction? =
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: PathAction.self) }

    private static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }

    /// Runs a program to its end and returns its exit status (or the number of the signal that
    /// ended it) with what it wrote.
    /// With `mergingStandardError`, standard error goes into `stdout` as it is written.
    public static func run(_ path: String, _ arguments: [String], environment: [String: String]? = nil,
                           stdin: Data? = nil, directory: String? = nil,
                           mergingStandardError: Bool = false) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let child = try ChildProcess(path, arguments, environment: environment, stdin: stdin,
                                     stderr: mergingStandardError ? .sameAsStandardOutput : .capture, directory: directory)
        child.waitUntilExit()
        return (child.terminationStatus, child.standardOutput, child.standardError)
    }

    deinit {
        if rawStatus == nil {
            var status: Int32 = 0
            _ = waitpid(processIdentifier, &status, WNOHANG)
        }
        if let outPath { unlink(outPath) }
        if let errPath { unlink(errPath) }
    }

    /// Waits until the child has ended (and keeps its output).
    public func waitUntilExit() {
        lock.lock(); defer { lock.unlock() }
        guard rawStatus == nil else { return }
        var status: Int32 = 0
        while waitpid(processIdentifier, &status, 0) < 0 && errno == EINTR {}
        settle(status)
    }

    /// Whether the child is still running (reaps it when it has just ended).
    public var isRunning: Bool {
        lock.lock(); defer { lock.unlock() }
        guard rawStatus == nil else { return false }
        var status: Int32 = 0
        let r = waitpid(processIdentifier, &status, WNOHANG)
        if r == processIdentifier { settle(status); return false }
        return r == 0
    }

    /// Asks the child to stop (SIGTERM).
    public func terminate() { kill(processIdentifier, SIGTERM) }

    /// Sends a signal to the child.
    public func signal(_ number: Int32) { kill(processIdentifier, number) }

    /// The exit status, or the number of the signal that ended the child; waits for the end.
    public var terminationStatus: Int32 {
        waitUntilExit()
        let s = rawStatus ?? 0
        return s & 0x7f == 0 ? (s >> 8) & 0xff : s & 0x7f
    }

    /// Whether a signal ended the child (waits for the end).
    public var endedBySignal: Bool {
        waitUntilExit()
        let s = rawStatus ?? 0
        return s & 0x7f != 0
    }

    /// Everything the child wrote to its standard output (empty unless captured); waits for the end.
    public var standardOutput: Data { waitUntilExit(); return outData }

    /// Everything the child wrote to its standard error (empty unless captured); waits for the end.
    public var standardError: Data { waitUntilExit(); return errData }

    private func settle(_ status: Int32) {
        rawStatus = status
        if let outPath { outData = FileManager.default.contents(atPath: outPath) ?? Data(); unlink(outPath) }
        if let errPath { errData = FileManager.default.contents(atPath: errPath) ?? Data(); unlink(errPath) }
    }
}
