/// What stopped a scan of the journal before its end.
public enum ScanProblem: Equatable, Sendable {
    /// An incomplete last record (or command batch), as a crash mid-append leaves it.
    case tornTail(offset: Int, bytes: Int, reason: String)
    /// A bad record with good data after it, or a broken hash chain: never cut automatically.
    case corrupt(record: Int, offset: Int, reason: String)
    /// The file was written by a newer Onderdak.
    case newerFormat(version: UInt8, offset: Int)
}
