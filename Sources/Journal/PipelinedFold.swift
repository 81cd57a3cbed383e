import Dispatch
import ShelterDomain

/// Folds events into a `ShelterState` on a second thread while the caller scans, checks and
/// decodes the next records: replay then takes about as long as the fold alone. Events are
/// handed over in chunks, in order, with at most a few chunks in flight (bounded memory).
/// Only `finish()` returns the state; after it the fold thread is idle.
final class PipelinedFold: @unchecked Sendable {
    static let chunkSize = 2048
    static let inFlight = 4
    /// Touched only on `queue` until `finish()` has drained it.
    private var state: ShelterState
    /// The last-contact nights, kept on the adding (decoding) thread: they depend on the events
    /// only, and the fold thread is the one that limits a replay.
    private var contacts: PerClient<Day>
    private var chunk: [RecordedEvent] = []
    private let queue = DispatchQueue(label: "onderdak.replay.fold")
    private let slots = DispatchSemaphore(value: PipelinedFold.inFlight)

    /// Takes the state over (`consuming`): a copy still held elsewhere would make the first
    /// event that touches a collection copy all of it (the clients of a city: 34 MB).
    init(_ initial: consuming ShelterState) {
        var s = initial
        contacts = s.takeLastContacts()
        state = s
        chunk.reserveCapacity(Self.chunkSize)
    }

    /// Queues one decoded event (in journal order).
    func add(_ event: RecordedEvent) {
        ShelterState.noteContact(event, in: &contacts)
        chunk.append(event)
        if chunk.count == Self.chunkSize { handOver() }
    }

    private func handOver() {
        guard !chunk.isEmpty else { return }
        let batch = chunk
        chunk = []
        chunk.reserveCapacity(Self.chunkSize)
        slots.wait()
        queue.async {
            for e in batch { self.state.evolveExceptContact(e) }
            self.slots.signal()
        }
    }

    /// Folds what is left and returns the state (also after the scan failed half-way).
    func finish() -> ShelterState {
        handOver()
        return queue.sync {
            state.restoreLastContacts(contacts)
            contacts = PerClient()
            return state
        }
    }
}
