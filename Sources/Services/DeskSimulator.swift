import Foundation
import Journal
import ShelterDomain

/// A headless desk for load and fault tests: performs realistic desk work through exactly the
/// same domain commands, store and journal code as the TUI — intake, search, assign, check-in,
/// no-show, check-out, checklist, extension request and decision, exit — choosing among actions
/// that are valid in the current state (other desks may still win a race: that is a refusal).
public final class DeskSimulator {
    public struct Summary: Sendable {
        public var operations = 0
        public var events = 0
        public var refusals: [String: Int] = [:]
        public var writeFailures = 0
        public var latenciesMs: [Double] = []

        public func percentile(_ p: Double) -> Double {
            guard !latenciesMs.isEmpty else { return 0 }
            let s = latenciesMs.sorted()
            return s[min(s.count - 1, Int(Double(s.count - 1) * p))]
        }
    }

    let store: EventStore
    var rng: SeededRandom
    let actor: StaffID
    let location: LocationID?
    let rules: ChecklistRuleSet?
    let onAck: (UInt64) -> Void
    public private(set) var summary = Summary()

    public init(store: EventStore, seed: UInt64, actor: StaffID, location: LocationID?, rules: ChecklistRuleSet?, onAck: @escaping (UInt64) -> Void) {
        self.store = store; rng = SeededRandom(seed: seed); self.actor = actor; self.location = location; self.rules = rules; self.onAck = onAck
    }

    static let given = ["Łukasz", "Ștefan", "Győző", "Иван", "Marek", "Agnieszka", "Mihai", "Ioana", "László", "Георги", "Jonas", "João", "Jan", "Piotr"]
    static let family = ["Wójcik", "Popescu", "Kovács", "Петров", "Nowak", "Zielińska", "Dumitrescu", "Țurcanu", "Szabó", "Димитров", "Kazlauskas", "Conceição", "de Vries", "Woźniak"]

    func pick<T>(_ a: [T]) -> T? { a.isEmpty ? nil : a[Int(rng.next() % UInt64(a.count))] }

    /// One operation: chooses an action, runs it, records the outcome. Returns false when the
    /// journal could not be written (disk full …): the caller may wait and go on.
    @discardableResult
    public func step() -> Bool {
        try? store.refresh()
        let s = store.state
        let night = AmsterdamTime.night(of: SystemClock.now()).adding(days: Int(rng.next() % 3) - 1)
        let beds = s.inventory.bedOrder.filter { id in location == nil || s.inventory.beds[id]?.locationID == location }
        let clients = s.files.clients.values.filter { $0.mergedInto == nil }.map(\.id).sorted()
        summary.operations += 1
        let roll = rng.next() % 100
        let command: Command?
        switch roll {
        case 0..<8:
            var c = Client(id: 0, givenNames: pick(Self.given) ?? "Jan", familyNames: pick(Self.family) ?? "Nowak",
                           gender: rng.next() % 6 == 0 ? .woman : .man, nationality: pick(["PL", "RO", "HU", "BG", "LT"]) ?? "PL")
            if rng.next() % 5 != 0 {
                c.details.consent = Consent(status: .given, purposeExplained: true, language: "pl", date: AmsterdamTime.local(SystemClock.now()).day)
                c.birth = .estimatedYear(1960 + Int(rng.next() % 40))
            }
            command = .registerClient(c)
        case 8..<15:
            // Search as the desk does: no event, but it exercises the index on the live state.
            _ = ClientSearchIndex(state: s).search(pick(Self.family) ?? "nowak", limit: 20)
            command = nil
        case 15..<55:
            // A desk offers beds that are open tonight and fit the person.
            let cold = s.isColdWeather(night)
            let free = beds.filter { id in
                guard s.ledger.nights[night]?.byBed[id] == nil, let b = s.inventory.beds[id], s.outOfService(id, on: night) == nil else { return false }
                return (cold || !b.attributes.contains(.coldWeather)) && !b.attributes.contains(.twentyFourHour)
            }
            let without = clients.filter { s.bed(of: $0, on: night) == nil }
            if let b = pick(free), let bed = s.inventory.beds[b] {
                let fitting = bed.attributes.contains(.womenOnly) ? without.filter { s.files.clients[$0]?.gender == .woman } : without
                command = pick(fitting).map { .assignBed(night: night, bed: b, client: $0) }
            } else { command = nil }
        case 55..<70:
            let reserved = (s.ledger.nights[night]?.byBed ?? [:]).filter { $0.value.status == .reserved && beds.contains($0.key) }.map(\.value.clientID)
            command = pick(reserved).map { .checkIn(night: night, client: $0) }
        case 70..<75:
            let reserved = (s.ledger.nights[night]?.byBed ?? [:]).filter { $0.value.status == .reserved && beds.contains($0.key) }.map(\.value.clientID)
            command = pick(reserved).map { .releaseReservation(night: night, client: $0, noShow: true) }
        case 75..<82:
            let inside = (s.ledger.nights[night]?.byBed ?? [:]).filter { $0.value.status == .checkedIn && beds.contains($0.key) }.map(\.value.clientID)
            command = pick(inside).map { .checkOut(night: night, client: $0, duringNight: rng.next() % 20 == 0) }
        case 82..<87:
            if let rules, let id = pick(clients), let c = s.files.clients[id], let arrived = c.arrivedNL ?? c.birth.map({ _ in Day.parseISO("2025-01-01")! }) {
                var a = ChecklistAnswers(assessmentDate: AmsterdamTime.local(SystemClock.now()).day, nationality: c.nationality.isEmpty ? "PL" : c.nationality, arrivedNL: arrived)
                a.workingNow = rng.next() % 2 == 0; a.hoursPerWeek = a.workingNow ? 20 : 0
                command = .recordAssessment(client: id, answers: a, result: ChecklistEngine.evaluate(a, rules: rules))
            } else { command = nil }
        case 87..<92:
            let loc = location ?? s.inventory.locations.keys.min() ?? 1
            command = pick(clients).map { .requestExtension(client: $0, location: loc, reason: .workStarting, note: "", until: night.adding(days: 7)) }
        case 92..<96:
            let pending = s.requests.extensions.values.filter { $0.status == .pending }.map(\.id).sorted()
            command = pick(pending).map { .decideExtension(request: $0, approve: rng.next() % 3 != 0, until: nil, note: "") }
        default:
            let open = clients.filter { s.files.clients[$0]?.stayStart != nil }
            command = pick(open).map { .endStay(client: $0, night: night.adding(days: -1), outflow: pick(Outflow.allCases) ?? .unknown) }
        }
        guard let command else { return true }
        let t0 = DispatchTime.now().uptimeNanoseconds
        switch Result(catching: { () throws(StoreError) in try store.execute(command, actor: actor) }) {
        case .success(let recorded):
            summary.latenciesMs.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            summary.events += recorded.count
            if let last = recorded.last { onAck(last.sequence) }
        case .failure(.refused(let e)):
            summary.refusals[Self.reason(e), default: 0] += 1
        case .failure(.journal):
            summary.writeFailures += 1
            return false
        }
        return true
    }

    /// The refusal's kind (the error case's name), without its details.
    static func reason(_ e: DomainError) -> String {
        if let label = Mirror(reflecting: e).children.first?.label { return label }
        for (c, name) in [(DomainError.unknownActor, "unknownActor"), (.lastSupervisor, "lastSupervisor"), (.noOpenStay, "noOpenStay"),
                          (.alreadyClosed, "alreadyClosed"), (.nothingChanged, "nothingChanged"), (.alreadyWaiting, "alreadyWaiting")] where c == e {
            return name
        }
        return "other"
    }
}
