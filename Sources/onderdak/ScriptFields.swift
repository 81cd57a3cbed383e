import ShelterDomain

/// Reads the fields of one `onderdak do` input object, with errors that name the line and field.
struct ScriptFields {
    let object: JSONValue
    let line: Int
    let state: ShelterState
    let today: Day

    func err(_ field: String, _ reason: String) -> ScriptInputError { ScriptInputError(line: line, field: field, reason: reason) }

    func has(_ k: String) -> Bool { object[k] != nil && object[k] != .null }

    func string(_ k: String, default d: String? = nil) throws(ScriptInputError) -> String {
        guard let v = object[k], v != .null else {
            if let d { return d }
            throw err(k, "is required")
        }
        guard case .string(let s) = v else { throw err(k, "must be a text") }
        return s
    }

    func bool(_ k: String, default d: Bool? = nil) throws(ScriptInputError) -> Bool {
        guard let v = object[k], v != .null else {
            if let d { return d }
            throw err(k, "is required (true or false)")
        }
        guard case .bool(let b) = v else { throw err(k, "must be true or false") }
        return b
    }

    func int(_ k: String) throws(ScriptInputError) -> Int32 {
        guard let v = object[k], v != .null else { throw err(k, "is required") }
        guard case .number(let n) = v, n == n.rounded(), n >= 1, n <= Double(Int32.max) else { throw err(k, "must be a whole number ≥ 1") }
        return Int32(n)
    }

    func day(_ k: String) throws(ScriptInputError) -> Day {
        guard let d = try optionalDay(k) else { throw err(k, "is required (YYYY-MM-DD)") }
        return d
    }

    func optionalDay(_ k: String) throws(ScriptInputError) -> Day? {
        guard let v = object[k], v != .null else { return nil }
        guard case .string(let s) = v, let d = Day.parseISO(s) else { throw err(k, "must be a real date YYYY-MM-DD") }
        return d
    }

    /// `night`, or tonight's shelter night when absent.
    func night() throws(ScriptInputError) -> Day { try optionalDay("night") ?? today }

    func client(_ k: String = "client") throws(ScriptInputError) -> ClientID {
        let id = try int(k)
        guard state.files.clients[id] != nil else { throw err(k, "no client \(id) in this journal") }
        return id
    }

    func location(_ k: String = "location") throws(ScriptInputError) -> LocationID {
        let name = try string(k)
        guard let l = state.inventory.locations.values.first(where: { $0.name == name }) else {
            throw err(k, "no location \"\(TextSafety.escaped(name))\"; locations: \(state.inventory.locations.values.map(\.name).sorted().joined(separator: ", "))")
        }
        return l.id
    }

    /// A bed by label, within `location` when given (labels may repeat across locations).
    func bed() throws(ScriptInputError) -> BedID {
        let label = try string("bed")
        let loc: LocationID? = has("location") ? try location() : nil
        let found = state.inventory.bedOrder.filter { id in state.inventory.beds[id]?.label == label && (loc == nil || state.inventory.beds[id]?.locationID == loc) }
        guard !found.isEmpty else { throw err("bed", "no bed \"\(TextSafety.escaped(label))\"\(loc == nil ? "" : " at that location")") }
        guard found.count == 1 else { throw err("bed", "\"\(label)\" exists in several locations: add \"location\"") }
        return found[0]
    }

    /// Rejects keys the command does not know (a typo must not be silently ignored).
    func only(_ keys: [String]) throws(ScriptInputError) {
        guard case .object(let pairs) = object else { return }
        for (k, _) in pairs where k != "command" && !keys.contains(k) {
            throw err(k, "unknown field; this command takes: \(keys.joined(separator: ", "))")
        }
    }
}
