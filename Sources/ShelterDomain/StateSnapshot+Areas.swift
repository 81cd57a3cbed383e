extension StateSnapshot {
    // Each area of `ShelterState` is written by one pair of functions below, into the section
    // that holds it: 0 settings, staff and places (with households: the board reads them);
    // 1 client files (counters, then details a board skips, then the client table); 2 the night
    // ledger (brief, then history a board skips, then the night table); 3 extension requests;
    // 4 return plans and the rest of care; 5–6 the files' assessments and history (by client).

    // MARK: Section 0: settings, staff, places

    static func encodeCore(_ s: ShelterState) -> [UInt8] {
        var w = ByteWriter(capacity: 1 << 16)
        encodeSettings(s, &w)
        encodeRoster(s.roster, &w)
        encodeInventory(s.inventory, &w)
        encodeCareCore(s.care, &w)
        return w.bytes
    }

    static func decodeCore(_ bytes: UnsafeRawBufferPointer, into s: inout ShelterState) throws(CodecError) {
        var r = ByteReader(bytes)
        try decodeSettings(&r, into: &s)
        try decodeRoster(&r, into: &s.roster)
        try decodeInventory(&r, into: &s.inventory)
        try decodeCareCore(&r, into: &s)
        guard r.isAtEnd else { throw .malformed("extra bytes in the snapshot's core") }
    }

    static func encodeSettings(_ s: ShelterState, _ w: inout ByteWriter) {
        w.string(s.shelterName); w.string(s.municipality)
        w.varint(UInt64(s.assistanceNorms.count)); for n in s.assistanceNorms { w.day(n.from); w.double(n.monthlyEUR); w.string(n.source) }
        w.int(s.exportCount); w.int(s.refusedAttempts)
        w.int(s.retention.months); w.int(s.retention.careMonths)
        w.varint(s.lastSequence)
    }

    static func decodeSettings(_ r: inout ByteReader, into s: inout ShelterState) throws(CodecError) {
        s.shelterName = try r.string(); s.municipality = try r.string()
        for _ in 0..<(try count(&r)) { s.assistanceNorms.append(SocialAssistanceNorm(from: try r.day(), monthlyEUR: try r.double(), source: try r.string())) }
        s.exportCount = try r.int(); s.refusedAttempts = try r.int()
        s.retention = RetentionPolicy(months: try r.int(), careMonths: try r.int())
        s.lastSequence = try r.varint()
    }

    static func encodeRoster(_ x: StaffRoster, _ w: inout ByteWriter) {
        w.varint(UInt64(x.staff.count))
        for st in x.staff.values.sorted(by: { $0.id < $1.id }) {
            body(.staffAdded(st), &w); w.bool(st.active); w.string(st.language ?? ""); w.bool(st.language != nil)
        }
        w.varint(UInt64(x.loginFailures.count)); for (k, v) in x.loginFailures.sorted(by: { $0.key < $1.key }) { w.int(k); w.int(v) }
        w.varint(UInt64(x.lockedUntil.count)); for (k, v) in x.lockedUntil.sorted(by: { $0.key < $1.key }) { w.int(k); w.int(v.milliseconds) }
    }

    static func decodeRoster(_ r: inout ByteReader, into x: inout StaffRoster) throws(CodecError) {
        for _ in 0..<(try count(&r)) {
            var st = try expect(try read(.staffAdded, &r)) { if case .staffAdded(let x) = $0 { x } else { nil } }
            st.active = try r.bool()
            let lang = try r.string()
            st.language = try r.bool() ? lang : nil
            x.staff[st.id] = st; x.staffByUsername[st.username] = st.id
        }
        for _ in 0..<(try count(&r)) { x.loginFailures[try r.int32()] = try r.int() }
        for _ in 0..<(try count(&r)) { x.lockedUntil[try r.int32()] = Timestamp(milliseconds: try r.int64()) }
    }

    static func encodeInventory(_ x: BedInventory, _ w: inout ByteWriter) {
        w.varint(UInt64(x.locations.count)); for l in x.locations.values.sorted(by: { $0.id < $1.id }) { body(.locationAdded(l), &w) }
        w.varint(UInt64(x.rooms.count)); for r in x.rooms.values.sorted(by: { $0.id < $1.id }) { body(.roomAdded(r), &w) }
        w.varint(UInt64(x.bedOrder.count)); for id in x.bedOrder { body(.bedAdded(x.beds[id]!), &w) }
        w.varint(UInt64(x.outOfService.count))
        for (bed, periods) in x.outOfService.sorted(by: { $0.key < $1.key }) {
            w.int(bed); w.varint(UInt64(periods.count)); for p in periods { w.day(p.from); w.optionalDay(p.until); w.string(p.note) }
        }
        w.varint(UInt64(x.coldWeather.count)); for p in x.coldWeather { w.day(p.from); w.optionalDay(p.until); w.string(p.note) }
        w.varint(UInt64(x.absenceNights.count)); for (l, n) in x.absenceNights.sorted(by: { $0.key < $1.key }) { w.int(l); w.int(n) }
    }

    static func decodeInventory(_ r: inout ByteReader, into x: inout BedInventory) throws(CodecError) {
        for _ in 0..<(try count(&r)) { let l = try expect(try read(.locationAdded, &r)) { if case .locationAdded(let x) = $0 { x } else { nil } }; x.locations[l.id] = l }
        for _ in 0..<(try count(&r)) { let m = try expect(try read(.roomAdded, &r)) { if case .roomAdded(let x) = $0 { x } else { nil } }; x.rooms[m.id] = m }
        for _ in 0..<(try count(&r)) {
            let b = try expect(try read(.bedAdded, &r)) { if case .bedAdded(let x) = $0 { x } else { nil } }
            x.beds[b.id] = b; x.bedOrder.append(b.id)
        }
        for _ in 0..<(try count(&r)) {
            let bed = try r.int32()
            var periods: [DateRange] = []
            for _ in 0..<(try count(&r)) { periods.append(DateRange(from: try r.day(), until: try r.optionalDay(), note: try r.string())) }
            x.outOfService[bed] = periods
        }
        for _ in 0..<(try count(&r)) { x.coldWeather.append(DateRange(from: try r.day(), until: try r.optionalDay(), note: try r.string())) }
        for _ in 0..<(try count(&r)) { x.absenceNights[try r.int32()] = try r.int() }
    }

    // MARK: Section 1: client files

    /// Counters and erasures, then notes, bans, alerts and IND decisions (a block a board
    /// skips), then a count and a table of (id, offset) as fixed 32-bit pairs sorted by id, then the records.
    static func encodeFiles(_ f: ClientFiles) -> [UInt8] {
        var w = ByteWriter(capacity: 1 << 16)
        history(&w) { w in
            w.int(f.assessmentCount); w.int(f.noteCount); w.int(f.clientRevision)
            w.varint(UInt64(f.notDuplicates.count)); for k in f.notDuplicates.sorted() { w.int(k) }
            w.varint(UInt64(f.erasures.count))
            for e in f.erasures.values.sorted(by: { $0.client < $1.client }) {
                w.int(e.client); w.int(e.at.milliseconds); w.int(e.by); w.string(e.reason); w.bool(e.automatic)
            }
        }
        history(&w) { w in
            let notes = f.notes.values.flatMap { $0 }.sorted { $0.id < $1.id }
            w.varint(UInt64(notes.count)); for n in notes { body(.noteAdded(n), &w); w.int(n.writtenBy); w.int(n.writtenAt.milliseconds) }
            w.varint(UInt64(f.bans.count))
            for b in f.bans.values.sorted(by: { $0.id < $1.id }) { body(.banImposed(b), &w); w.int(b.setBy); w.optionalDay(b.liftedOn) }
            w.varint(UInt64(f.alerts.count))
            for a in f.alerts.values.sorted(by: { $0.id < $1.id }) {
                body(.alertRaised(a), &w); w.int(a.raisedBy); w.int(a.raisedAt.milliseconds); w.bool(a.closedNote != nil); w.string(a.closedNote ?? "")
            }
            w.varint(UInt64(f.indDecisions.count))
            for d in f.indDecisions.values.sorted(by: { $0.clientID < $1.clientID }) { body(.indDecisionRecorded(d), &w) }
        }
        var records = ByteWriter(capacity: 1 << 22)
        var table = ByteWriter(capacity: 8 * f.clients.count + 8)
        let sorted = f.clients.values.sorted(by: { $0.id < $1.id })
        table.varint(UInt64(sorted.count))
        for c in sorted {
            table.fixed32(UInt32(bitPattern: c.id)); table.fixed32(UInt32(records.bytes.count))
            EventCodec.encodeClient(c, into: &records)
            records.int(c.registeredAt.milliseconds); records.optionalDay(c.stayStart); records.u8(c.lastOutflow?.rawValue ?? 0); optInt(c.mergedInto, &records)
            if let l = f.latestChecklist[c.id] {
                records.u8(l.outcome.code); records.optionalDay(l.validUntil); records.day(l.assessedOn); records.int(l.assessmentID)
            } else { records.u8(0) }
        }
        return w.bytes + table.bytes + records.bytes
    }

    /// The files section; with `only`, just those clients' records and no notes, bans or alerts (a board's view).
    static func decodeFiles(_ bytes: UnsafeRawBufferPointer, only: Set<ClientID>?, into f: inout ClientFiles) throws(CodecError) {
        var t = ByteReader(bytes)
        try history(&t, skip: false) { (r) throws(CodecError) in
            f.assessmentCount = try r.int32(); f.noteCount = try r.int32(); f.clientRevision = try r.int()
            for _ in 0..<(try count(&r)) { f.notDuplicates.insert(try r.int64()) }
            for _ in 0..<(try count(&r)) {
                let e = Erasure(client: try r.int32(), at: Timestamp(milliseconds: try r.int64()), by: try r.int32(), reason: try r.string(), automatic: try r.bool())
                f.erasures[e.client] = e
            }
        }
        try history(&t, skip: only != nil) { (r) throws(CodecError) in
            for _ in 0..<(try count(&r)) {
                var n = try expect(try read(.noteAdded, &r)) { if case .noteAdded(let x) = $0 { x } else { nil } }
                n.writtenBy = try r.int32(); n.writtenAt = Timestamp(milliseconds: try r.int64())
                f.notes[n.clientID, default: []].append(n)
            }
            for _ in 0..<(try count(&r)) {
                var b = try expect(try read(.banImposed, &r)) { if case .banImposed(let x) = $0 { x } else { nil } }
                b.setBy = try r.int32(); b.liftedOn = try r.optionalDay()
                f.bans[b.id] = b; f.banIDs[b.clientID, default: []].append(b.id)
            }
            for _ in 0..<(try count(&r)) {
                var a = try expect(try read(.alertRaised, &r)) { if case .alertRaised(let x) = $0 { x } else { nil } }
                a.raisedBy = try r.int32(); a.raisedAt = Timestamp(milliseconds: try r.int64())
                let closed = try r.bool(), note = try r.string()
                a.closedNote = closed ? note : nil
                f.alerts[a.id] = a
            }
            for _ in 0..<(try count(&r)) {
                let d = try expect(try read(.indDecisionRecorded, &r)) { if case .indDecisionRecorded(let x) = $0 { x } else { nil } }
                f.indDecisions[d.clientID] = d
            }
        }
        let (keys, offsets, records) = try table(&t)
        // At their final size at once: growing a city's table step by step held the old and the
        // new one together (17 + 34 MB) for a moment.
        f.clients.reserveCapacity(f.clients.count + (only?.count ?? keys.count))
        for i in keys.indices where only?.contains(keys[i]) ?? true {
            var r = ByteReader(UnsafeRawBufferPointer(rebasing: records[offsets[i]...]))
            var c = try EventCodec.decodeClient(version: EventType.clientRegistered.currentVersion, &r)
            c.registeredAt = Timestamp(milliseconds: try r.int64()); c.stayStart = try r.optionalDay()
            let o = try r.u8(); c.lastOutflow = o == 0 ? nil : Outflow(rawValue: o)
            c.mergedInto = try optInt(&r)
            let code = try r.u8()
            if code != 0 {
                guard let outcome = ChecklistOutcome(code: code) else { throw .malformed("checklist outcome") }
                f.latestChecklist[c.id] = LatestChecklist(outcome: outcome, validUntil: try r.optionalDay(), assessedOn: try r.day(), assessmentID: try r.int32())
            }
            guard c.id == keys[i] else { throw .malformed("client table") }
            f.clients[c.id] = c
        }
    }

    /// A table of `n` fixed (key, offset) pairs followed by the records; the records' bytes.
    static func table(_ r: inout ByteReader) throws(CodecError) -> (keys: [Int32], offsets: [Int], records: UnsafeRawBufferPointer) {
        let n = try count(&r)
        var keys: [Int32] = [], offsets: [Int] = []
        keys.reserveCapacity(n); offsets.reserveCapacity(n)
        for _ in 0..<n { keys.append(Int32(bitPattern: try r.fixed32())); offsets.append(Int(try r.fixed32())) }
        let records = r.rest()
        for (i, o) in offsets.enumerated() where o > records.count || (i > 0 && (o < offsets[i - 1] || keys[i] <= keys[i - 1])) {
            throw .malformed("snapshot table out of order")
        }
        return (keys, offsets, records)
    }
}
