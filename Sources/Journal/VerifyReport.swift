/// What `onderdak verify` found.
public struct VerifyReport: Sendable {
    public var records = 0
    public var lastSequence: UInt64 = 0
    public var headHash: [UInt8] = RecordFormat.zeroHash
    public var bytes = 0
    public var isDemo = false
    public var problem: ScanProblem?
    /// Records whose payload cannot be decoded, or whose sequence number is out of order.
    public var payloadErrors: [String] = []
    /// Domain invariant breaches (only with `deep`).
    public var violations: [String] = []

    /// The hash of the record asked for with `anchor` (nil when it is beyond the end or the chain is broken).
    public var anchorHash: [UInt8]?

    public var headHex: String { Self.hex(headHash) }

    /// Lower-case hex of a hash.
    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { let s = String($0, radix: 16); return $0 < 16 ? "0" + s : s }.joined()
    }

    /// 0 clean; 3 only a torn tail; 1 corruption or (deep) a broken invariant.
    public var exitCode: Int32 {
        switch problem {
        case .corrupt?, .newerFormat?: return 1
        case .tornTail?: return payloadErrors.isEmpty && violations.isEmpty ? 3 : 1
        case nil: return payloadErrors.isEmpty && violations.isEmpty ? 0 : 1
        }
    }
}
