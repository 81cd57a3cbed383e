import Foundation

/// Files and folders that may hold personal data, created 0600 / 0700 from the first byte
/// (the mode is given to `open`/`mkdir`; never created wider and chmodded later, as Foundation's
/// atomic writes do), never over an existing file or through a symbolic link, fsynced, and
/// removed again when the write fails half-way.
enum PrivateFile {
    /// Writes `bytes` to a new file at `path` (which must not exist).
    static func create(_ path: String, bytes: [UInt8]) throws(ExportError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .cannotWrite("\(path) (\(String(cString: strerror(errno))))") }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            done += n
        }
        let ok = done == bytes.count && fsync(fd) == 0
        let why = String(cString: strerror(errno))
        close(fd)
        guard ok else {
            unlink(path)
            throw .cannotWrite("\(path) (\(why))")
        }
    }

    /// Creates an empty file (for SQLite to fill: its journal then gets the same 0600 mode).
    static func createEmpty(_ path: String) throws(ExportError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .cannotWrite("\(path) (\(String(cString: strerror(errno))))") }
        close(fd)
    }

    /// Creates a new folder, 0700.
    static func makeDirectory(_ path: String) throws(ExportError) {
        guard mkdir(path, 0o700) == 0 else { throw .cannotWrite("\(path) (\(String(cString: strerror(errno))))") }
    }
}
