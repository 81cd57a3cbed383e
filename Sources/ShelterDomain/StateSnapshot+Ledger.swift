extension StateSnapshot {
    // MARK: Section 2: the night ledger

    /// The waiting-list counter and each desk's last bed action; then the door's history (a
    /// block a board skips): people turned away, no-shows, refused beds, last contacts and the
    /// open waiting list; then a count, a table of (night ordinal, offset) sorted by night, and each night's beds.
    static func encodeLedger(_ l: NightLedger) -> [UInt8] {
        var w = ByteWriter(capacity: 1 << 16)
        history(&w) { w in
            w.int(l.waitlistCount)
            w.varint(UInt64(l.lastBedAction.count))
            for (staff, a) in l.lastBedAction.sorted(by: { $0.key < $1.key }) {
                w.int(staff); w.u8(a.kind.rawValue); w.day(a.night); w.int(a.bed); w.int(a.client); w.int(a.at.milliseconds)
                w.bool(a.stayStart != nil); if let d = a.stayStart { w.day(d) }
                w.varint(UInt64(a.alsoAssigned.count)); for p in a.alsoAssigned { w.int(p.bed); w.int(p.client) }
            }
        }
        history(&w) { w in
            w.varint(UInt64(l.turnedAwayCount.count)); for (d, n) in l.turnedAwayCount.sorted(by: { $0.key < $1.key }) { w.day(d); w.int(n) }
            w.varint(UInt64(l.turnedAwayPersons.count))
            for (d, list) in l.turnedAwayPersons.sorted(by: { $0.key < $1.key }) { w.day(d); w.varint(UInt64(list.count)); for c in list { w.int(c) } }
            w.varint(UInt64(l.noShows.count))
            for (day, m) in l.noShows.sorted(by: { $0.key < $1.key }) {
                w.day(day); w.varint(UInt64(m.count)); for (loc, n) in m.sorted(by: { $0.key < $1.key }) { w.int(loc); w.int(n) }
            }
            w.varint(UInt64(l.refusals.count))
            for x in l.refusals {
                w.day(x.night); w.int(x.client); w.int(x.location); w.int(x.bed); w.string(x.reason); w.string(x.outcome?.rawValue ?? "")
                w.int(x.at.milliseconds); w.int(x.by)
            }
            w.varint(UInt64(l.lastContactNight.count)); for (c, d) in l.lastContactNight.sorted(by: { $0.key < $1.key }) { w.int(c); w.day(d) }
            w.varint(UInt64(l.waitlist.count))
            for e in l.waitlist.values.sorted(by: { $0.id < $1.id }) { body(.waitlisted(e), &w); w.int(e.askedAt.milliseconds); w.u8(e.outcome?.rawValue ?? 0) }
        }
        var records = ByteWriter(capacity: 1 << 22)
        var table = ByteWriter(capacity: 8 * l.nights.count + 8)
        table.varint(UInt64(l.nights.count))
        for (day, board) in l.nights.sorted(by: { $0.key < $1.key }) {
            table.fixed32(UInt32(bitPattern: day.ordinal)); table.fixed32(UInt32(records.bytes.count))
            records.varint(UInt64(board.byBed.count))
            for (bed, bn) in board.byBed.sorted(by: { $0.key < $1.key }) { records.int(bed); records.int(bn.clientID); records.u8(bn.status.rawValue) }
        }
        return w.bytes + table.bytes + records.bytes
    }

    /// The ledger section; with `from` or `through`, only the nights in `from..<through` and
    /// not the door's history (a board's view). Each client's list of nights is rebuilt.
    static func decodeLedger(_ bytes: UnsafeRawBufferPointer, from: Day?, through: Day?, into l: inout NightLedger) throws(CodecError) {
        var t = ByteReader(bytes)
        try history(&t, skip: false) { (r) throws(CodecError) in
            l.waitlistCount = try r.int32()
            for _ in 0..<(try count(&r)) {
                let staff = try r.int32()
                guard let kind = UndoableAction.Kind(rawValue: try r.u8()) else { throw .malformed("unknown undoable action") }
                let night = try r.day(), bed = try r.int32(), client = try r.int32(), at = Timestamp(milliseconds: try r.int64())
                let stayStart: Day? = try r.bool() ? try r.day() : nil
                var also: [UndoableAction.Placement] = []
                for _ in 0..<(try count(&r)) { also.append(UndoableAction.Placement(bed: try r.int32(), client: try r.int32())) }
                l.lastBedAction[staff] = UndoableAction(kind: kind, night: night, bed: bed, client: client, at: at, stayStart: stayStart, alsoAssigned: also)
            }
        }
        try history(&t, skip: from != nil || through != nil) { (r) throws(CodecError) in
            for _ in 0..<(try count(&r)) { l.turnedAwayCount[try r.day()] = try r.int() }
            for _ in 0..<(try count(&r)) {
                let d = try r.day()
                var list: [ClientID] = []
                for _ in 0..<(try count(&r)) { list.append(try r.int32()) }
                l.turnedAwayPersons[d] = list
            }
            for _ in 0..<(try count(&r)) {
                let day = try r.day()
                var m: [LocationID: Int] = [:]
                for _ in 0..<(try count(&r)) { m[try r.int32()] = try r.int() }
                l.noShows[day] = m
            }
            for _ in 0..<(try count(&r)) {
                let night = try r.day(), client = try r.int32(), location = try r.int32(), bed = try r.int32(), reason = try r.string()
                let outcome = ChecklistOutcome(rawValue: try r.string())
                l.refusals.append(BedRefusal(night: night, client: client, location: location, bed: bed, reason: reason, outcome: outcome,
                                             at: Timestamp(milliseconds: try r.int64()), by: try r.int32()))
            }
            for _ in 0..<(try count(&r)) { l.lastContactNight[try r.int32()] = try r.day() }
            for _ in 0..<(try count(&r)) {
                var e = try expect(try read(.waitlisted, &r)) { if case .waitlisted(let x) = $0 { x } else { nil } }
                e.askedAt = Timestamp(milliseconds: try r.int64())
                let o = try r.u8(); e.outcome = o == 0 ? nil : WaitlistEntry.Outcome(rawValue: o)
                l.waitlist[e.id] = e; l.waitlistByNight[e.night, default: []].append(e.id)
            }
        }
        let (keys, offsets, records) = try table(&t)
        var lo = 0, hi = keys.count
        if let from { lo = keys.firstIndex { $0 >= from.ordinal } ?? keys.count }
        if let through { hi = keys.firstIndex { $0 >= through.ordinal } ?? keys.count }
        for i in lo..<max(lo, hi) {
            let day = Day(ordinal: keys[i])
            var r = ByteReader(UnsafeRawBufferPointer(rebasing: records[offsets[i]...]))
            // Both indexes built in one go, at their exact size (thousands of nights stay in memory).
            var board = NightBoard()
            var ofBed: [(BedID, BedNight)] = [], ofClient: [(ClientID, BedID)] = []
            let n = try count(&r)
            ofBed.reserveCapacity(n); ofClient.reserveCapacity(n)
            for _ in 0..<n {
                let bed = try r.int32(), client = try r.int32()
                guard let status = BedNightStatus(rawValue: try r.u8()) else { throw .malformed("bed-night status") }
                ofBed.append((bed, BedNight(clientID: client, status: status)))
                ofClient.append((client, bed))
                l.clientNights[client, default: []].append(day)  // nights are written in ascending order
            }
            board.byBed = SortedMap(uniqueKeysWithValues: ofBed)
            board.bedOfClient = SortedMap(uniqueKeysWithValues: ofClient)
            guard board.byBed.count == n, board.bedOfClient.count == n else { throw .malformed("a bed or a person twice in one night") }
            l.nights[day] = board
        }
    }

    // MARK: Section 3: extension requests

    static func encodeRequests(_ q: StayRequests) -> [UInt8] {
        var w = ByteWriter(capacity: 1 << 16)
        w.varint(UInt64(q.extensions.count))
        for x in q.extensions.values.sorted(by: { $0.id < $1.id }) {
            body(.extensionRequested(x), &w); w.u8(x.status.rawValue); w.optionalDay(x.approvedUntil); optInt(x.decidedBy, &w)
        }
        return w.bytes
    }

    static func decodeRequests(_ bytes: UnsafeRawBufferPointer, into q: inout StayRequests) throws(CodecError) {
        var r = ByteReader(bytes)
        for _ in 0..<(try count(&r)) {
            var x = try expect(try read(.extensionRequested, &r)) { if case .extensionRequested(let x) = $0 { x } else { nil } }
            guard let st = ExtensionRequest.Status(rawValue: try r.u8()) else { throw .malformed("extension status") }
            x.status = st; x.approvedUntil = try r.optionalDay(); x.decidedBy = try optInt(&r)
            q.extensions[x.id] = x; q.extensionIDs[x.clientID, default: []].append(x.id)
        }
        guard r.isAtEnd else { throw .malformed("extra bytes in the snapshot's requests") }
    }

    // MARK: Section 4: return plans and the rest of care

    static func encodeReturnsAndCare(_ s: ShelterState) -> [UInt8] {
        var w = ByteWriter(capacity: 1 << 16)
        w.varint(UInt64(s.returns.returnPlans.count))
        for p in s.returns.returnPlans.values.sorted(by: { $0.id < $1.id }) {
            body(.returnPlanOpened(p), &w); w.u8(p.status.rawValue); w.string(p.cancelReason); w.optionalDay(p.consentWithdrawn)
            let steps = s.returns.returnSteps[p.id] ?? []
            w.varint(UInt64(steps.count)); for st in steps { w.u8(st.status.rawValue); w.day(st.on); w.int(st.by); w.string(st.note) }
        }
        encodeCareRest(s.care, &w)
        return w.bytes
    }

    static func decodeReturnsAndCare(_ bytes: UnsafeRawBufferPointer, into s: inout ShelterState) throws(CodecError) {
        var r = ByteReader(bytes)
        for _ in 0..<(try count(&r)) {
            var p = try expect(try read(.returnPlanOpened, &r)) { if case .returnPlanOpened(let x) = $0 { x } else { nil } }
            guard let st = ReturnStatus(rawValue: try r.u8()) else { throw .malformed("return status") }
            p.status = st; p.cancelReason = try r.string(); p.consentWithdrawn = try r.optionalDay()
            var steps: [ReturnStep] = []
            for _ in 0..<(try count(&r)) {
                guard let ss = ReturnStatus(rawValue: try r.u8()) else { throw .malformed("return status") }
                steps.append(ReturnStep(status: ss, on: try r.day(), by: try r.int32(), note: try r.string()))
            }
            s.returns.returnPlans[p.id] = p; s.returns.returnSteps[p.id] = steps; s.returns.returnPlanIDs[p.clientID, default: []].append(p.id)
        }
        try decodeCareRest(&r, into: &s)
        guard r.isAtEnd else { throw .malformed("extra bytes in the snapshot") }
    }
}
