/// What is left of a person's data once it is erased (or while their key is unavailable): only
/// what statistics need — gender, nationality, birth year, month of arrival, registration time,
/// stay and outflow, ETHOS, insurance and consent categories. Names, aliases, the birth date,
/// document and BSN numbers, phone, employer, problem areas, free text and identifying
/// checklist answers are gone. Pure; the same functions redact events (what is stored in
/// clear beside the sealed copy) and the folded state (at an erasure), so both give one result.
public enum Redaction {
    /// A person's record without its personal fields; `fullName` then reads "erased (#id)".
    public static func client(_ c: Client) -> Client {
        var r = Client(id: c.id, givenNames: "", familyNames: "", alias: "", birth: c.birth.map { .estimatedYear($0.year) },
                       gender: c.gender, nationality: c.nationality, arrivedNL: c.arrivedNL.map(firstOfMonth))
        r.registeredAt = c.registeredAt; r.stayStart = c.stayStart; r.lastOutflow = c.lastOutflow; r.mergedInto = c.mergedInto
        r.details.ethos = c.details.ethos
        r.details.insurance = c.details.insurance
        r.details.consent = c.details.consent
        return r
    }

    /// The first day of `d`'s month (an arrival date is kept only to the month).
    public static func firstOfMonth(_ d: Day) -> Day {
        let c = d.components
        return Day(year: c.year, month: c.month, day: 1) ?? d
    }

    public static func note(_ n: Note) -> Note { var n = n; n.text = ""; return n }
    public static func ban(_ b: Ban) -> Ban { var b = b; b.reason = ""; return b }
    public static func alert(_ a: ClientAlert) -> ClientAlert {
        var a = a; a.reason = ""; a.contact = ""; a.closedNote = a.closedNote.map { _ in "" }; return a
    }
    public static func extensionRequest(_ x: ExtensionRequest) -> ExtensionRequest { var x = x; x.note = ""; return x }
    public static func waitlistEntry(_ w: WaitlistEntry) -> WaitlistEntry { var w = w; w.note = ""; return w }
    public static func change(_ f: FieldChange) -> FieldChange { FieldChange(field: f.field, old: "", new: "") }

    /// The checklist's outcome stays (for counts); the answers that say who someone is go.
    public static func assessment(_ a: Assessment) -> Assessment {
        var a = a
        var x = a.answers
        x.arrivedNL = firstOfMonth(x.arrivedNL)
        x.continuousResidenceSince = x.continuousResidenceSince.map(firstOfMonth)
        x.hoursPerWeek = 0; x.monthlyIncomeEUR = 0; x.workHistoryMonths = 0; x.lastWorkEnd = nil; x.evidence = []
        a.answers = x
        a.result.ground = ""
        return a
    }

    /// A return plan keeps its country, status and dates; every name, place and contact goes.
    public static func returnPlan(_ p: ReturnPlan) -> ReturnPlan {
        var p = p
        p.city = ""; p.partner = ""; p.contactPerson = ""; p.departurePoint = ""; p.paidBy = ""; p.luggage = ""
        p.receivingOrganisation = ""; p.receivingPerson = ""; p.receivingContact = ""; p.receivingCare = ""
        p.cancelReason = ""
        return p
    }

    /// The event as stored in clear: the same event with its personal fields emptied.
    public static func event(_ e: Event) -> Event {
        switch e {
        case let .clientRegistered(c): .clientRegistered(client(c))
        case let .clientUpdated(c, changes): .clientUpdated(client(c), changes: changes.map(change))
        case let .clientsMerged(s, a, merged): .clientsMerged(survivor: s, absorbed: a, merged: client(merged))
        case let .noteAdded(n): .noteAdded(note(n))
        case let .banImposed(b): .banImposed(ban(b))
        case let .banLifted(id, on, _): .banLifted(ban: id, on: on, note: "")
        case let .alertRaised(a): .alertRaised(alert(a))
        case let .alertClosed(id, _): .alertClosed(alert: id, note: "")
        case let .extensionRequested(x): .extensionRequested(extensionRequest(x))
        case let .extensionDecided(r, ok, until, _): .extensionDecided(request: r, approved: ok, until: until, note: "")
        case let .assessmentRecorded(a): .assessmentRecorded(assessment(a))
        case let .waitlisted(w): .waitlisted(waitlistEntry(w))
        case let .returnPlanOpened(p): .returnPlanOpened(returnPlan(p))
        case let .returnPlanUpdated(p): .returnPlanUpdated(returnPlan(p))
        case let .returnStatusChanged(p, to, on, _): .returnStatusChanged(plan: p, to: to, on: on, note: "")
        case let .returnConsentWithdrawn(p, on, _): .returnConsentWithdrawn(plan: p, on: on, note: "")
        case let .outflowOverridden(c, n, o, _): .outflowOverridden(client: c, night: n, outflow: o, reason: "")
        case let .outflowCorrected(c, n, o, _): .outflowCorrected(client: c, night: n, outflow: o, note: "")
        default: e
        }
    }
}
