extension StateSnapshot {
    /// Households and family policies: at the end of the core section (the board reads them).
    static func encodeCareCore(_ c: CareRecords, _ w: inout ByteWriter) {
        w.varint(UInt64(c.households.count))
        for h in c.households.values.sorted(by: { $0.id < $1.id }) { body(.householdFormed(h), &w) }
        w.varint(UInt64(c.familiesRefused.count)); for l in c.familiesRefused.sorted() { w.int(l) }
    }

    static func decodeCareCore(_ r: inout ByteReader, into s: inout ShelterState) throws(CodecError) {
        for _ in 0..<(try count(&r)) {
            let h = try expect(try read(.householdFormed, &r)) { if case .householdFormed(let x) = $0 { x } else { nil } }
            s.care.households[h.id] = h
            for m in h.members { s.care.householdOf[m.clientID] = h.id }
        }
        for _ in 0..<(try count(&r)) { s.care.familiesRefused.insert(try r.int32()) }
    }

    /// Referrals (with their fold-only fields), administrative status and its history,
    /// self-reliance assessments and interpreter needs: at the end of the last section.
    static func encodeCareRest(_ c: CareRecords, _ w: inout ByteWriter) {
        w.varint(UInt64(c.referrals.count))
        for x in c.referrals.values.sorted(by: { $0.id < $1.id }) {
            body(.referralMade(x), &w); w.int(x.referredBy); w.u8(x.status.rawValue); w.optionalDay(x.appointmentOn)
            w.optionalDay(x.outcomeOn); w.string(x.outcomeNote)
        }
        w.varint(UInt64(c.adminHistory.count))
        for (client, changes) in c.adminHistory.sorted(by: { $0.key < $1.key }) {
            w.varint(UInt64(changes.count)); for ch in changes { body(.adminStatusChanged(client: client, change: ch), &w) }
        }
        let assessed = c.selfReliance.values.flatMap { $0 }
        w.varint(UInt64(assessed.count))
        for (client, list) in c.selfReliance.sorted(by: { $0.key < $1.key }) {
            for a in list { var a = a; a.clientID = client; body(.selfRelianceAssessed(a), &w) }
        }
        w.varint(UInt64(c.interpreter.count))
        for (client, need) in c.interpreter.sorted(by: { $0.key < $1.key }) { body(.interpreterNeedSet(client: client, need: need), &w) }
    }

    static func decodeCareRest(_ r: inout ByteReader, into s: inout ShelterState) throws(CodecError) {
        for _ in 0..<(try count(&r)) {
            var x = try expect(try read(.referralMade, &r)) { if case .referralMade(let x) = $0 { x } else { nil } }
            x.referredBy = try r.int32()
            x.status = try EventCodec.code(&r, "referral status")
            x.appointmentOn = try r.optionalDay(); x.outcomeOn = try r.optionalDay(); x.outcomeNote = try r.string()
            s.care.referrals[x.id] = x; s.care.referralIDs[x.clientID, default: []].append(x.id)
        }
        for _ in 0..<(try count(&r)) {
            for _ in 0..<(try count(&r)) {
                let (client, ch) = try expect(try read(.adminStatusChanged, &r)) { if case let .adminStatusChanged(c, ch) = $0 { (c, ch) } else { nil } }
                s.care.adminHistory[client, default: []].append(ch)
                s.care.admin[client, default: [:]][ch.item] = ch.new
            }
        }
        for _ in 0..<(try count(&r)) {
            let a = try expect(try read(.selfRelianceAssessed, &r)) { if case .selfRelianceAssessed(let x) = $0 { x } else { nil } }
            s.care.selfReliance[a.clientID, default: []].append(a)
        }
        for _ in 0..<(try count(&r)) {
            let (client, need) = try expect(try read(.interpreterNeedSet, &r)) { if case let .interpreterNeedSet(c, n) = $0 { (c, n) } else { nil } }
            s.care.interpreter[client] = need
        }
    }
}
