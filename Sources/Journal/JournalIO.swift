#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two system calls an append depends on, behind a protocol so tests can make them fail
/// (disk full, I/O error, short write) and check that the journal stays byte-identical.
public protocol JournalIO: Sendable {
    /// Like pwrite(2): bytes written, or -1 with `errno` set.
    func pwrite(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, _ offset: Int64) -> Int
    /// Like fsync(2): 0, or -1 with `errno` set.
    func fsync(_ fd: Int32) -> Int32
}

/// The real system calls.
public struct SystemIO: JournalIO {
    public init() {}
    public func pwrite(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, _ offset: Int64) -> Int {
        #if canImport(Glibc)
        Glibc.pwrite(fd, bytes.baseAddress, bytes.count, off_t(offset))
        #else
        Darwin.pwrite(fd, bytes.baseAddress, bytes.count, offset)
        #endif
    }
    public func fsync(_ fd: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.fsync(fd)
        #else
        Darwin.fsync(fd)
        #endif
    }
}
