/// Assessments are kept in the snapshot in the event codec's layout, with who and when.
extension Assessment: ArchivedRecord {
    public static func archive(_ a: Assessment, into w: inout ByteWriter) {
        StateSnapshot.body(.assessmentRecorded(a), &w)
        StateSnapshot.optInt(a.recordedBy, &w); StateSnapshot.ts(a.recordedAt, &w)
    }

    public static func unarchive(client: ClientID, from r: inout ByteReader) throws(CodecError) -> Assessment {
        var a = try StateSnapshot.expect(try StateSnapshot.read(.assessmentRecorded, &r)) { if case .assessmentRecorded(let x) = $0 { x } else { nil } }
        a.recordedBy = try StateSnapshot.optInt(&r); a.recordedAt = try StateSnapshot.ts(&r)
        // Filed under the client that holds it: after a merge that is the survivor, while the
        // assessment still names the merged record (as in the journal).
        return a
    }
}
