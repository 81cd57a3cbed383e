import ArgumentParser
import Foundation

/// Prints a sentence a person can act on to stderr and exits with `code`.
func fail(_ message: String, code: Int32 = 1) -> ExitCode {
    FileHandle.standardError.write(Data("onderdak: \(message)\n".utf8))
    return ExitCode(code)
}

/// Writes a line to stderr.
func warn(_ message: String) {
    FileHandle.standardError.write(Data("onderdak: \(message)\n".utf8))
}
