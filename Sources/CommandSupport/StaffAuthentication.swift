import ArgumentParser
import Services
import Foundation
import Journal
import ShelterDomain

/// Where a command reads the acting person's PIN from. Never from the arguments (they show in
/// `ps` and in shell histories).
public enum PINSource {
    /// One line of standard input; typed without echo when it is a terminal (`user`, `export`…).
    case standardInput
    /// One line from an inherited descriptor (`--pin-fd N`), else typed on the terminal (/dev/tty).
    case descriptorOrTerminal(Int32?)

    public func read(prompt: String) throws -> String {
        switch self {
        case .standardInput:
            return readPIN(prompt: prompt)
        case .descriptorOrTerminal(let fd?):
            guard fd >= 0, let line = Self.readLine(fd) else {
                throw fail("--pin-fd \(fd): no PIN could be read from that descriptor (give one line with the PIN).", code: 2)
            }
            return line
        case .descriptorOrTerminal(nil):
            guard let line = Self.readFromTerminal(prompt: prompt) else {
                throw fail("a PIN is needed and there is no terminal to type it on: pass it on a descriptor with --pin-fd N (for example --pin-fd 0 for standard input). Nothing was changed.", code: 2)
            }
            return line
        }
    }

    /// One line (without the newline) read byte by byte, so nothing after it is consumed.
    static func readLine(_ fd: Int32) -> String? {
        var bytes: [UInt8] = []
        var b: UInt8 = 0
        while bytes.count < 256 {
            let n = Glibc.read(fd, &b, 1)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            if b == 0x0A { break }
            bytes.append(b)
        }
        if bytes.last == 0x0D { bytes.removeLast() }  // a line typed on Windows or a raw terminal
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// Prompts on /dev/tty and reads a line there without echo; nil when there is no terminal.
    static func readFromTerminal(prompt: String) -> String? {
        let tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard tty >= 0 else { return nil }
        defer { close(tty) }
        var old = termios()
        let hasTermios = tcgetattr(tty, &old) == 0
        if hasTermios {
            var quiet = old
            quiet.c_lflag &= ~tcflag_t(ECHO)
            _ = tcsetattr(tty, TCSAFLUSH, &quiet)
        }
        _ = prompt.withCString { write(tty, $0, strlen($0)) }
        let line = readLine(tty)
        if hasTermios { _ = tcsetattr(tty, TCSAFLUSH, &old) }
        _ = write(tty, "\n", 1)
        return line
    }
}

/// Checks that `username` may act on this journal now: an active member of staff (of `role`,
/// when given), not locked out, and — whenever they have a PIN, which every member of a real
/// journal has — the right PIN. Each PIN check is recorded like a login at the desk (a success,
/// or a failure that counts towards the lockout). Demo staff without a PIN act without one.
public func authenticate(_ store: EventStore, username: String, role: Role? = nil, pin source: PINSource, refusal: String = "nothing was changed") throws -> StaffID {
    guard let id = store.state.roster.staffByUsername[username], let st = store.state.roster.staff[id] else {
        throw fail("\(username) is not a member of staff of this journal; \(refusal).")
    }
    guard st.active else { throw fail("\(username) has been deactivated and can no longer act; \(refusal).") }
    if let role, st.role != role {
        throw fail("\(username) is not a \(role) (this needs a \(role), given with --as); \(refusal).")
    }
    if let until = store.state.roster.lockedUntil[id], until > SystemClock.now() {
        throw fail("\(DomainError.accountLocked(until: until).text("en")) (\(username)); \(refusal).")
    }
    guard let cred = st.credential else {
        if store.header.isDemo { return id }
        throw fail("\(username) has no PIN; only demo journals allow that; \(refusal).")
    }
    let pin = try source.read(prompt: "PIN of \(username): ")
    let ok = PinHasher.verify(pin: pin, against: cred)
    do { try store.execute(.recordLogin(staff: id, success: ok), actor: id) } catch { throw fail("\(error.text("en")); \(refusal).") }
    guard ok else { throw fail("wrong PIN for \(username); \(refusal).") }
    return id
}

/// `--pin-fd N`: the descriptor a script passes the acting person's PIN on (one line).
public struct PINOption: ParsableArguments {
    public init() {}

    @Option(name: .customLong("pin-fd"), help: ArgumentHelp("Read the acting person's PIN from this file descriptor (one line); without it, it is typed on the terminal. Never give a PIN as an argument.", valueName: "n"))
    public var pinFD: Int32?

    public var source: PINSource { .descriptorOrTerminal(pinFD) }
}
