extension EventCodec {
    static func encodePlan(_ p: ReturnPlan, into w: inout ByteWriter) {
        w.int(p.id); w.int(p.clientID); w.string(p.country); w.string(p.city); w.string(p.partner); w.string(p.contactPerson)
        w.optionalDay(p.consentDate); w.string(p.consentLanguage); w.bool(p.interpreter)
        w.bool(p.hasValidID); w.bool(p.emergencyDocumentNeeded); w.optionalDay(p.documentRequested); w.optionalDay(p.documentReady)
        w.u8(p.travelMode?.rawValue ?? 0); w.optionalDay(p.travelDate); w.string(p.departurePoint); w.u8(p.ticket.rawValue)
        w.string(p.paidBy); w.string(p.luggage)
        w.string(p.receivingOrganisation); w.string(p.receivingPerson); w.string(p.receivingContact); w.u8(p.arranged.rawValue)
        w.bool(p.medicalEscort); w.string(p.receivingCare)
    }

    static func decodePlan(_ r: inout ByteReader) throws(CodecError) -> ReturnPlan {
        var p = ReturnPlan(id: try r.int32(), clientID: try r.int32(), country: try r.string())
        p.city = try r.string(); p.partner = try r.string(); p.contactPerson = try r.string()
        p.consentDate = try r.optionalDay(); p.consentLanguage = try r.string(); p.interpreter = try r.bool()
        p.hasValidID = try r.bool(); p.emergencyDocumentNeeded = try r.bool(); p.documentRequested = try r.optionalDay(); p.documentReady = try r.optionalDay()
        let mode = try r.u8()
        if mode != 0 {
            guard let m = ReturnPlan.TravelMode(rawValue: mode) else { throw .malformed("unknown travel mode") }
            p.travelMode = m
        }
        p.travelDate = try r.optionalDay(); p.departurePoint = try r.string()
        guard let t = ReturnPlan.Ticket(rawValue: try r.u8()) else { throw .malformed("unknown ticket status") }
        p.ticket = t
        p.paidBy = try r.string(); p.luggage = try r.string()
        p.receivingOrganisation = try r.string(); p.receivingPerson = try r.string(); p.receivingContact = try r.string()
        p.arranged = ReturnPlan.Arranged(rawValue: try r.u8())
        p.medicalEscort = try r.bool(); p.receivingCare = try r.string()
        return p
    }

    static func encodeReturns(_ e: Event, into w: inout ByteWriter) {
        switch e {
        case let .returnPlanOpened(p), let .returnPlanUpdated(p):
            encodePlan(p, into: &w)
        case let .returnStatusChanged(id, to, on, note):
            w.int(id); w.u8(to.rawValue); w.day(on); w.string(note)
        case let .returnConsentWithdrawn(id, on, note):
            w.int(id); w.day(on); w.string(note)
        case let .indDecisionRecorded(d):
            w.int(d.clientID); w.day(d.decisionDate); w.day(d.notificationDate); w.optionalDay(d.deadline)
        case let .exportMade(format, identifiable):
            w.string(format); w.bool(identifiable)
        case let .medicalNotesViewed(client):
            w.int(client)
        case let .accessRefused(command, permission):
            w.string(command); w.string(permission)
        case let .bedRefused(night, bed, client, reason, outcome):
            w.day(night); w.int(bed); w.int(client); w.string(reason); w.string(outcome?.rawValue ?? "")
        default: break
        }
    }

    static func decodeReturns(type: EventType, _ r: inout ByteReader) throws(CodecError) -> Event {
        switch type {
        case .returnPlanOpened: return .returnPlanOpened(try decodePlan(&r))
        case .returnPlanUpdated: return .returnPlanUpdated(try decodePlan(&r))
        case .returnStatusChanged:
            let id = try r.int32()
            guard let to = ReturnStatus(rawValue: try r.u8()) else { throw .malformed("unknown return status") }
            return .returnStatusChanged(plan: id, to: to, on: try r.day(), note: try r.string())
        case .returnConsentWithdrawn: return .returnConsentWithdrawn(plan: try r.int32(), on: try r.day(), note: try r.string())
        case .indDecisionRecorded:
            return .indDecisionRecorded(IndDecision(clientID: try r.int32(), decisionDate: try r.day(), notificationDate: try r.day(), deadline: try r.optionalDay()))
        case .exportMade: return .exportMade(format: try r.string(), identifiable: try r.bool())
        case .medicalNotesViewed: return .medicalNotesViewed(client: try r.int32())
        case .accessRefused: return .accessRefused(command: try r.string(), permission: try r.string())
        case .bedRefused:
            let night = try r.day(), bed = try r.int32(), client = try r.int32(), reason = try r.string(), o = try r.string()
            guard o.isEmpty || ChecklistOutcome(rawValue: o) != nil else { throw .malformed("unknown checklist outcome") }
            return .bedRefused(night: night, bed: bed, client: client, reason: reason, outcome: ChecklistOutcome(rawValue: o))
        default: throw .unknownEventType(type.rawValue)
        }
    }
}
