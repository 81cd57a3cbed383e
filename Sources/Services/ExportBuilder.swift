import Crypto
import Foundation
import ShelterDomain

/// Builds the export tables (persons, stays, bed nights, assessments, return plans, and the care
/// tables of `ExportBuilder+Care.swift`: referrals, administrative status, self-reliance) from the
/// state. Pseudonymised by default: no names, aliases, birth dates, BSN, ID numbers, phone
/// numbers, free text or health columns, and the quasi-identifiers (birth year, nationality,
/// gender, arrival month, main location) generalised to k-anonymity; every person is keyed by a stable
/// pseudonym, HMAC-SHA-256 of the client id under a per-installation secret kept outside the
/// journal, so the same person has the same key in every export and no key can be reversed.
/// Merged-away records are left out (their nights belong to the surviving person).
public enum ExportBuilder {
    public static func pseudonym(_ id: ClientID, key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("onderdak-client:\(id)".utf8), using: key)
        return mac.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// The age bands of exports and counts: one definition, in the domain.
    public static func ageBand(_ age: Int) -> String { PointInTimeCount.ageBand(age) }

    /// The location where a person spent most nights (ties: the location added first), "" if none.
    static func mainLocation(_ s: ShelterState, _ id: ClientID) -> String {
        var n: [LocationID: Int] = [:]
        for night in s.ledger.clientNights[id] ?? [] {
            if let bed = s.bed(of: id, on: night), let l = s.inventory.beds[bed]?.locationID { n[l, default: 0] += 1 }
        }
        return n.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }.flatMap { s.inventory.locations[$0.key]?.name } ?? ""
    }

    /// The quasi-identifiers of the pseudonymised persons table, each a ladder from the exact
    /// value to "*": birth year (year, 5-year band, 10-year band), nationality (code, group),
    /// gender, arrival month (month, year), main location.
    static func quasiIdentifiers(_ s: ShelterState, _ people: [Client]) -> [KAnonymizer.Attribute] {
        func band(_ y: Int, _ w: Int) -> String { let a = y - ((y % w) + w) % w; return "\(a)-\(a + w - 1)" }
        return [
            KAnonymizer.Attribute(name: "birth_year", ladders: people.map { c in
                c.birth.map { ["\($0.year)", band($0.year, 5), band($0.year, 10), "*"] } ?? ["", "", "", "*"]
            }),
            KAnonymizer.Attribute(name: "nationality", ladders: people.map { [$0.nationality, NationalityGroup($0.nationality).rawValue, "*"] }),
            KAnonymizer.Attribute(name: "gender", ladders: people.map { [$0.gender.code, "*"] }),
            KAnonymizer.Attribute(name: "arrived_nl_month", ladders: people.map { c in
                c.arrivedNL.map { [String($0.iso.prefix(7)), String($0.iso.prefix(4)), "*"] } ?? ["", "", "*"]
            }),
            KAnonymizer.Attribute(name: "location", ladders: people.map { [mainLocation(s, $0.id), "*"] }),
        ]
    }

    /// Columns whose values describe health: only in identifiable exports.
    public static let healthColumns = ["problems", "vulnerabilities"]

    /// - Parameters:
    ///   - linkage: the region's linkage key: adds `linkage_key` to persons (`LinkageKey`).
    ///   - k: pseudonymised exports generalise the quasi-identifiers until every combination of
    ///     them describes at least `k` persons (`KAnonymizer`); identifiable exports are not changed.
    public static func tables(_ s: ShelterState, identifiable: Bool, key: SymmetricKey, today: Day,
                              linkage: SymmetricKey? = nil, k: Int = 5) -> [ExportTable] {
        typealias V = ExportTable.Value
        let people = s.files.clients.values.filter { $0.mergedInto == nil }.sorted { $0.id < $1.id }
        func pk(_ id: ClientID) -> V { .text(pseudonym(id, key: key)) }
        func opt(_ d: Day?) -> V { d.map { .text($0.iso) } ?? .null }

        var personCols = ["person_key"]
        if linkage != nil { personCols.append("linkage_key") }
        let persons: [[V]]
        if identifiable {
            personCols += ["client_id", "given_names", "family_names", "alias", "birth_date", "bsn", "id_document", "phone"]
            personCols += ["birth_year", "birth_estimated", "age_band", "gender", "nationality", "arrived_nl_month", "languages", "ethos", "insurance",
                           "problems", "vulnerabilities", "consent", "registered"]
            persons = people.map { c -> [V] in
                var row: [V] = [pk(c.id)]
                if let linkage { row.append(.text(LinkageKey.value(of: c, key: linkage))) }
                let birth: V = switch c.birth { case .exact(let d)?: .text(d.iso); case .estimatedYear(let y)?: .text("~\(y)"); case nil: .null }
                row += [.int(Int(c.id)), .text(c.givenNames), .text(c.familyNames), .text(c.alias), birth, .text(c.details.bsn),
                        .text(c.details.idDocument?.number ?? ""), .text(c.details.phone)]
                let f = ClientFields.values(of: c)
                let estimated: V = c.birth.map { if case .estimatedYear = $0 { return .int(1) } else { return .int(0) } } ?? .null
                row += [c.birth.map { .int($0.year) } ?? .null, estimated, c.birth.map { .text(ageBand($0.age(on: today))) } ?? .null,
                        .text(c.gender.code), .text(c.nationality),
                        c.arrivedNL.map { .text(String($0.iso.prefix(7))) } ?? .null, .text(f["languages"] ?? ""),
                        c.details.ethos.map { .int(Int($0)) } ?? .null, .text(c.details.insurance.code), .text(f["problems"] ?? ""),
                        .text(f["vulnerabilities"] ?? ""), .text(c.details.consent.status.code), .text(AmsterdamTime.local(c.registeredAt).day.iso)]
                return row
            }
        } else {
            // Quasi-identifiers generalised to k-anonymity; no health columns; registration by month.
            let qi = KAnonymizer(attributes: quasiIdentifiers(s, people), k: k).run().rows
            personCols += ["birth_year", "gender", "nationality", "arrived_nl_month", "location", "languages", "ethos", "insurance", "consent", "registered_month"]
            persons = people.enumerated().map { i, c -> [V] in
                var row: [V] = [pk(c.id)]
                if let linkage { row.append(.text(LinkageKey.value(of: c, key: linkage))) }
                let g = qi[i].map { v -> V in v.isEmpty ? .null : Int(v).map { .int($0) } ?? .text(v) }
                let f = ClientFields.values(of: c)
                row += [g[0], g[2], g[1], g[3], g[4], .text(f["languages"] ?? ""), c.details.ethos.map { .int(Int($0)) } ?? .null,
                        .text(c.details.insurance.code), .text(c.details.consent.status.code),
                        .text(String(AmsterdamTime.local(c.registeredAt).day.iso.prefix(7)))]
                return row
            }
        }

        // Stays: nights from the first after an exit (or the first ever) through the next exit.
        var stays: [[V]] = [], bedNights: [[V]] = []
        for c in people {
            let nights = s.ledger.clientNights[c.id] ?? []
            let exits = (s.files.history[c.id] ?? []).compactMap { h -> (Day, Outflow)? in
                if case let .stayEnded(n, o) = h.kind { return (n, o) }
                return nil
            }.sorted { $0.0 < $1.0 }
            var start: Day?, last: Day?, count = 0, stayNo = 0, e = 0
            func close(_ outflow: Outflow?) {
                guard let st = start, let l = last else { return }
                stayNo += 1
                stays.append([pk(c.id), .int(stayNo), .text(st.iso), .text(l.iso), .int(count), outflow.map { .text($0.code) } ?? .null])
                start = nil; last = nil; count = 0
            }
            for n in nights {
                while e < exits.count, exits[e].0 < n {
                    close(exits[e].1); e += 1
                }
                if start == nil { start = n }
                last = n; count += 1
                if let bed = s.bed(of: c.id, on: n), let b = s.inventory.beds[bed] {
                    let status = s.ledger.nights[n]?.byBed[bed]?.status
                    bedNights.append([pk(c.id), .text(n.iso), .text(s.inventory.locations[b.locationID]?.name ?? ""), .text(s.inventory.rooms[b.roomID]?.name ?? ""),
                                      .text(b.label), .text(status == .reserved ? "reserved" : status == .leftDuringNight ? "left_during_night" : "stayed"),
                                      .int(s.isColdWeather(n) ? 1 : 0)])
                }
            }
            close(e < exits.count ? exits[e].1 : nil)
        }

        let assessments: [[V]] = people.flatMap { c in
            (s.files.assessments[c.id] ?? []).map { a -> [V] in
                [pk(c.id), .text(a.answers.assessmentDate.iso), .text(a.result.outcome.rawValue), .text(a.result.ground),
                 opt(a.result.validUntil), .text(a.result.ruleSet)]
            }
        }
        let plans: [[V]] = s.returns.returnPlans.values.sorted { $0.id < $1.id }.compactMap { p in
            guard s.files.clients[p.clientID]?.mergedInto == nil else { return nil }
            let steps = s.returns.returnSteps[p.id] ?? []
            return [pk(p.clientID), .int(Int(p.id)), .text(p.country), .text(p.status.code), .text(p.partner),
                    opt(p.travelDate), opt(steps.last { $0.status == .departed }?.on), opt(p.consentWithdrawn),
                    p.status == .cancelled ? (identifiable ? .text(p.cancelReason) : .null) : .null]
        }
        return [
            ExportTable(name: "persons", columns: personCols, rows: persons, indexColumn: "person_key"),
            ExportTable(name: "stays", columns: ["person_key", "stay_no", "first_night", "last_night", "nights", "outflow"], rows: stays, indexColumn: "person_key"),
            ExportTable(name: "bed_nights", columns: ["person_key", "night", "location", "room", "bed", "status", "cold_weather"], rows: bedNights, indexColumn: "person_key", alsoIndexed: ["night"]),
            ExportTable(name: "assessments", columns: ["person_key", "date", "outcome", "ground", "valid_until", "rule_set"], rows: assessments, indexColumn: "person_key"),
            ExportTable(name: "return_plans", columns: ["person_key", "plan_id", "country", "status", "partner", "travel_date", "departed", "consent_withdrawn", "cancel_reason"],
                        rows: plans, indexColumn: "person_key"),
        ] + careTables(s, identifiable: identifiable, key: key)
    }
}
