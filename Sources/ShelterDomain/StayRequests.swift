/// The stay-extension requests part of the shelter state, by id and by client.
public struct StayRequests: Hashable, Sendable {
    public internal(set) var extensions: [RequestID: ExtensionRequest] = [:]
    public internal(set) var extensionIDs: [ClientID: [RequestID]] = [:]

    /// Applies one extension request or decision (area `.requests`); other events are left alone.
    mutating func evolve(_ r: RecordedEvent) {
        switch r.event {
        case let .extensionRequested(x):
            extensions[x.id] = x
            extensionIDs[x.clientID, default: []].append(x.id)
        case let .extensionDecided(id, approved, until, _):
            extensions[id]?.status = approved ? .approved : .declined
            extensions[id]?.approvedUntil = approved ? until : nil
            extensions[id]?.decidedBy = r.actor
        default:
            break
        }
    }
}
