/// History items are kept in the snapshot as (time, staff, kind).
extension ClientHistoryItem: ArchivedRecord {
    public static func archive(_ h: ClientHistoryItem, into w: inout ByteWriter) {
        w.int(h.at.milliseconds); w.int(h.by); StateSnapshot.encodeKind(h.kind, &w)
    }

    public static func unarchive(client: ClientID, from r: inout ByteReader) throws(CodecError) -> ClientHistoryItem {
        let at = Timestamp(milliseconds: try r.int64()), by = try r.int32()
        return ClientHistoryItem(at: at, by: by, kind: try StateSnapshot.decodeKind(&r))
    }
}
