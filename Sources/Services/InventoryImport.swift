import Journal
import ShelterDomain

/// Reads a bed inventory description (JSON) and adds what is missing: locations (with their
/// stay policy), rooms and beds. Idempotent: a location, room or bed label that exists is kept
/// as it is, so importing the same file twice adds nothing. Every addition is a domain command
/// by the acting supervisor (inventory is theirs).
///
/// ```json
/// {"locations": [{"name": "Centrum", "municipality": "Utrecht",
///   "policy": {"max_nights": 28, "window_days": 90, "cutoff": "23:00", "twenty_four_hour_needs_approval": true},
///   "rooms": [{"name": "Zaal A", "beds": [{"label": "A1"}, {"label": "A2", "attributes": ["accessible"]}]},
///             {"name": "Vrouwen", "bed_prefix": "V", "bed_count": 4, "attributes": ["women_only"]}]}]}
/// ```
/// Attributes: women_only, accessible, twenty_four_hour, emergency, cold_weather, medical, family
/// (a family room: the only beds a minor may get).
/// `max_nights` null (or absent) means no limit.
public enum InventoryImport {
    /// What an import did.
    public struct Summary: Equatable, Sendable { public var locations = 0, rooms = 0, beds = 0, unchanged = 0 }

    /// A problem in the file, with where it is.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    static let attributeNames: [String: BedAttributes] = [
        "women_only": .womenOnly, "accessible": .accessible, "twenty_four_hour": .twentyFourHour,
        "emergency": .emergency, "cold_weather": .coldWeather, "medical": .medical, "family": .family,
    ]

    struct PlannedBed { var label: String; var attributes: BedAttributes }
    struct PlannedRoom { var name: String; var beds: [PlannedBed] }
    struct PlannedLocation { var name: String; var municipality: String; var policy: StayPolicy; var rooms: [PlannedRoom] }

    static func attributes(_ v: JSONValue?, at path: String) throws(Problem) -> BedAttributes {
        guard let v else { return [] }
        guard case .array(let items) = v else { throw Problem(description: "\(path).attributes: a list of names expected") }
        var a: BedAttributes = []
        for item in items {
            guard case .string(let n) = item, let attr = attributeNames[n] else {
                throw Problem(description: "\(path).attributes: unknown attribute \(item.serialized); use \(attributeNames.keys.sorted().joined(separator: ", "))")
            }
            a.insert(attr)
        }
        return a
    }

    static func string(_ v: JSONValue?, _ path: String, required: Bool = true) throws(Problem) -> String {
        if case .string(let s)? = v { return s }
        if v == nil, !required { return "" }
        throw Problem(description: "\(path): text expected")
    }

    static func int(_ v: JSONValue?, _ path: String) throws(Problem) -> Int? {
        switch v {
        case nil, .null?: return nil
        case .number(let d)? where d == d.rounded() && d >= 0 && d < 100_000: return Int(d)
        default: throw Problem(description: "\(path): a whole number expected")
        }
    }

    /// Parses the description (nothing is written).
    static func plan(_ bytes: [UInt8]) throws(Problem) -> [PlannedLocation] {
        let root: JSONValue
        do { root = try JSONValue.parse(bytes) } catch { throw Problem(description: "not valid JSON: \(error)") }
        guard case .array(let locs)? = root["locations"] else { throw Problem(description: "\"locations\": a list expected") }
        var out: [PlannedLocation] = []
        for (i, l) in locs.enumerated() {
            let p = "locations[\(i)]"
            let name = try string(l["name"], p + ".name")
            let muni = try string(l["municipality"], p + ".municipality")
            var policy = StayPolicy(maxNights: nil)
            if let pol = l["policy"] {
                let pp = p + ".policy"
                policy.maxNights = try int(pol["max_nights"], pp + ".max_nights")
                policy.windowDays = try int(pol["window_days"], pp + ".window_days") ?? 90
                if case .string(let c)? = pol["cutoff"] {
                    let parts = c.split(separator: ":").compactMap { Int($0) }
                    guard parts.count == 2, (0..<36).contains(parts[0]), (0..<60).contains(parts[1]) else {
                        throw Problem(description: "\(pp).cutoff: a time such as \"23:00\" expected")
                    }
                    policy.checkInCutoffMinutes = parts[0] * 60 + parts[1]
                }
                if case .bool(let b)? = pol["twenty_four_hour_needs_approval"] { policy.twentyFourHourNeedsApproval = b }
            }
            var rooms: [PlannedRoom] = []
            if case .array(let rs)? = l["rooms"] {
                for (j, r) in rs.enumerated() {
                    let rp = "\(p).rooms[\(j)]"
                    var room = PlannedRoom(name: try string(r["name"], rp + ".name"), beds: [])
                    let common = try attributes(r["attributes"], at: rp)
                    if case .array(let bs)? = r["beds"] {
                        for (k, b) in bs.enumerated() {
                            let bp = "\(rp).beds[\(k)]"
                            room.beds.append(PlannedBed(label: try string(b["label"], bp + ".label"), attributes: common.union(try attributes(b["attributes"], at: bp))))
                        }
                    }
                    if let n = try int(r["bed_count"], rp + ".bed_count") {
                        let prefix = try string(r["bed_prefix"], rp + ".bed_prefix")
                        for k in 1...max(1, n) where n > 0 { room.beds.append(PlannedBed(label: "\(prefix)\(k)", attributes: common)) }
                    }
                    rooms.append(room)
                }
            }
            out.append(PlannedLocation(name: name, municipality: muni, policy: policy, rooms: rooms))
        }
        return out
    }

    /// Checks a description without writing anything; returns how many beds it describes.
    public static func validate(_ bytes: [UInt8]) throws(Problem) -> Int {
        try plan(bytes).reduce(0) { $0 + $1.rooms.reduce(0) { $0 + $1.beds.count } }
    }

    /// Adds what is missing, as `actor`. A refusal stops the import with the domain's message;
    /// what was added before it stays (each addition is its own event).
    public static func run(_ bytes: [UInt8], store: EventStore, actor: StaffID) throws -> Summary {
        let plan = try plan(bytes)
        var sum = Summary()
        for l in plan {
            var locID = store.state.inventory.locations.values.first { $0.name == l.name }?.id
            if locID == nil {
                try store.execute(.addLocation(name: l.name, municipality: l.municipality, policy: l.policy), actor: actor)
                locID = store.state.nextLocationID - 1
                sum.locations += 1
            } else { sum.unchanged += 1 }
            for r in l.rooms {
                var roomID = store.state.inventory.rooms.values.first { $0.locationID == locID && $0.name == r.name }?.id
                if roomID == nil {
                    try store.execute(.addRoom(location: locID!, name: r.name), actor: actor)
                    roomID = store.state.nextRoomID - 1
                    sum.rooms += 1
                } else { sum.unchanged += 1 }
                for b in r.beds {
                    if store.state.inventory.beds.values.contains(where: { $0.roomID == roomID && $0.label == b.label }) { sum.unchanged += 1; continue }
                    try store.execute(.addBed(room: roomID!, label: b.label, attributes: b.attributes), actor: actor)
                    sum.beds += 1
                }
            }
        }
        return sum
    }
}
