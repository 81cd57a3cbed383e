/// A record kept per client in a `ClientArchive` (the snapshot's bytes, decoded per client when
/// read): how one is written and read back in the snapshot's layout.
public protocol ArchivedRecord: Hashable, Sendable {
    /// Writes the record (everything the state keeps of it).
    static func archive(_ record: Self, into w: inout ByteWriter)
    /// Reads a record of `client` written by `archive`.
    static func unarchive(client: ClientID, from r: inout ByteReader) throws(CodecError) -> Self
}
