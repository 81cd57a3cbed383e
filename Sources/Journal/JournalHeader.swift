import ShelterDomain

/// The first record of every journal: what it is, when and by whom it was made, and whether
/// it holds demo data.
public struct JournalHeader: Equatable, Sendable {
    public static let formatName = "onderdak-journal"
    public var created: Timestamp
    /// Random id of this installation (keys pseudonyms; tells journals apart).
    public var installationID: [UInt8]
    public var isDemo: Bool
    public var label: String

    public init(created: Timestamp, installationID: [UInt8], isDemo: Bool, label: String) {
        self.created = created; self.installationID = installationID; self.isDemo = isDemo; self.label = label
    }

    public func encoded() -> [UInt8] {
        var w = ByteWriter()
        w.string(JournalHeader.formatName)
        w.u8(1)
        w.int(created.milliseconds)
        w.raw(installationID)
        w.bool(isDemo)
        w.string(label)
        return w.bytes
    }

    public static func decode(_ p: UnsafeRawBufferPointer) throws(CodecError) -> JournalHeader {
        var r = ByteReader(p)
        guard try r.string() == formatName else { throw .malformed("not an Onderdak journal header") }
        guard try r.u8() == 1 else { throw .malformed("unknown header version") }
        return JournalHeader(created: Timestamp(milliseconds: try r.int64()), installationID: try r.raw(),
                             isDemo: try r.bool(), label: try r.string())
    }
}
