import Crypto
import ShelterDomain

extension ExportBuilder {
    /// The care tables (issue #19): referrals, administrative status changes and self-reliance
    /// assessments, keyed by the same pseudonym as the rest. Pseudonymised exports leave out
    /// the medical reason of a referral and all free text (cancel reasons, organisations of a
    /// briefadres, other municipalities, sources); an identifiable export has them.
    static func careTables(_ s: ShelterState, identifiable: Bool, key: SymmetricKey) -> [ExportTable] {
        typealias V = ExportTable.Value
        func pk(_ id: ClientID) -> V { .text(pseudonym(id, key: key)) }
        func opt(_ d: Day?) -> V { d.map { .text($0.iso) } ?? .null }
        func live(_ id: ClientID) -> Bool { s.files.clients[id] != nil && s.files.clients[id]?.mergedInto == nil }
        let referrals: [[V]] = s.care.referrals.values.sorted { $0.id < $1.id }.filter { live($0.clientID) }.map { x in
            var row: [V] = [pk(x.clientID), .int(Int(x.id)), .text(x.kind.code), .text(x.organisation), .text(x.referredOn.iso),
                            .text(x.status.code), opt(x.appointmentOn), opt(x.outcomeOn), .int(x.cakScheme ? 1 : 0)]
            if identifiable { row += [x.reason.map { .text($0.code) } ?? .null, .text(x.outcomeNote)] }
            return row
        }
        let admin: [[V]] = s.care.adminHistory.sorted { $0.key < $1.key }.filter { live($0.key) }.flatMap { client, changes in
            changes.map { ch -> [V] in
                var row: [V] = [pk(client), .text(ch.item.code), ch.old.isEmpty ? .null : .text(ch.old), .text(ch.new.value), .text(ch.new.on.iso)]
                if identifiable { row += [.text(ch.new.detail), .text(ch.new.source)] }
                return row
            }
        }
        let selfReliance: [[V]] = s.care.selfReliance.sorted { $0.key < $1.key }.filter { live($0.key) }.flatMap { client, list in
            list.map { a -> [V] in [pk(client), .text(a.on.iso), .text(a.organisation), .text(a.outcome.code)] }
        }
        return [
            ExportTable(name: "referrals",
                        columns: ["person_key", "referral_id", "kind", "organisation", "referred_on", "status", "appointment_on", "outcome_on", "cak_scheme"]
                            + (identifiable ? ["reason", "outcome_note"] : []),
                        rows: referrals, indexColumn: "person_key"),
            ExportTable(name: "admin_status",
                        columns: ["person_key", "item", "old_value", "new_value", "since"] + (identifiable ? ["detail", "source"] : []),
                        rows: admin, indexColumn: "person_key"),
            ExportTable(name: "self_reliance", columns: ["person_key", "date", "organisation", "outcome"], rows: selfReliance, indexColumn: "person_key"),
        ]
    }
}
