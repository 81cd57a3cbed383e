/// A client's record as named fields with display values (codes, ISO dates): for the audit of
/// edits (old → new), the side-by-side merge view and exports.
public enum ClientFields {
    /// Field names in display order.
    public static let names = ["given_names", "family_names", "alias", "birth", "gender", "nationality", "arrived_nl",
                               "languages", "id_document", "bsn", "phone", "ethos", "last_employer", "employment_ended",
                               "insurance", "problems", "vulnerabilities", "consent"]

    public static func values(of c: Client) -> [String: String] {
        let d = c.details
        let birth: String = switch c.birth {
        case .exact(let day)?: day.iso
        case .estimatedYear(let y)?: "~\(y)"
        case nil: ""
        }
        let doc = d.idDocument.map { "\($0.kind.code) \($0.number)\($0.seen ? " (seen)" : "")" } ?? ""
        let consent = d.consent.status == .notRecorded ? "" :
            "\(d.consent.status.code)\(d.consent.date.map { " \($0.iso)" } ?? "")\(d.consent.language.isEmpty ? "" : " \(d.consent.language)")\(d.consent.written ? " written" : d.consent.status == .given ? " verbal" : "")"
        return [
            "given_names": c.givenNames, "family_names": c.familyNames, "alias": c.alias, "birth": birth,
            "gender": c.gender.code, "nationality": c.nationality, "arrived_nl": c.arrivedNL?.iso ?? "",
            "languages": d.languages.joined(separator: ","), "id_document": doc, "bsn": d.bsn, "phone": d.phone,
            "ethos": d.ethos.map(String.init) ?? "", "last_employer": d.lastEmployer, "employment_ended": d.employmentEnded?.iso ?? "",
            "insurance": d.insurance == .unknown ? "" : d.insurance.code,
            "problems": ClientDetails.ProblemAreas.all.filter { d.problems.contains($0.0) }.map(\.1).joined(separator: ","),
            "vulnerabilities": ClientDetails.Vulnerabilities.all.filter { d.vulnerabilities.contains($0.0) }.map(\.1).joined(separator: ","),
            "consent": consent,
        ]
    }

    /// The fields whose display value differs, in display order.
    public static func changes(from old: Client, to new: Client) -> [FieldChange] {
        let a = values(of: old), b = values(of: new)
        return names.compactMap { n in a[n] == b[n] ? nil : FieldChange(field: n, old: a[n] ?? "", new: b[n] ?? "") }
    }
}
