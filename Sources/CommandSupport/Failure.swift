import ArgumentParser
import Foundation
import ShelterDomain

/// Prints a sentence a person can act on to stderr and exits with `code`. Control characters
/// (ESC, BEL, OSC 52 …) that came in with a path, a name or an argument are shown escaped,
/// never sent to the terminal.
public func fail(_ message: String, code: Int32 = 1) -> ExitCode {
    FileHandle.standardError.write(Data("onderdak: \(terminalSafe(message))\n".utf8))
    return ExitCode(code)
}

/// Writes a line to stderr (escaped like `fail`).
public func warn(_ message: String) {
    FileHandle.standardError.write(Data("onderdak: \(terminalSafe(message))\n".utf8))
}

/// `TextSafety.escaped` line by line: the message's own line breaks stay, everything else that
/// is a control character is escaped.
public func terminalSafe(_ message: String) -> String {
    message.split(separator: "\n", omittingEmptySubsequences: false).map { TextSafety.escaped(String($0)) }.joined(separator: "\n")
}
