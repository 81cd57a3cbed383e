extension ShelterState {
    /// Applies one recorded event. Total: never fails (decide has checked the rules; `verify --deep`
    /// checks that the journal obeys them).
    public mutating func evolve(_ r: RecordedEvent) {
        lastSequence = r.sequence
        switch r.event {
        case let .shelterConfigured(name, muni):
            shelterName = name; municipality = muni
        case let .staffAdded(s):
            staff[s.id] = s; staffByUsername[s.username] = s.id
        case let .staffRoleChanged(id, role):
            staff[id]?.role = role
        case let .staffDeactivated(id):
            staff[id]?.active = false
        case let .locationAdded(l):
            locations[l.id] = l
        case let .roomAdded(room):
            rooms[room.id] = room
        case let .bedAdded(b):
            if beds[b.id] == nil { bedOrder.append(b.id) }
            beds[b.id] = b
        case let .clientRegistered(c):
            var c = c
            c.registeredAt = r.timestamp
            clients[c.id] = c
        case let .bedAssigned(night, bed, client):
            var board = nights[night] ?? NightBoard()
            if let previous = board.bedOfClient[client] { board.byBed[previous] = nil }
            if let other = board.byBed[bed], other.clientID != client {
                board.bedOfClient[other.clientID] = nil
                removeNight(night, of: other.clientID)
            }
            board.byBed[bed] = BedNight(clientID: client, status: .reserved)
            board.bedOfClient[client] = bed
            nights[night] = board
            insertNight(night, of: client)
            if clients[client]?.stayStart == nil { clients[client]?.stayStart = night }
        case let .checkedIn(night, bed, client):
            nights[night, default: NightBoard()].byBed[bed] = BedNight(clientID: client, status: .checkedIn)
            nights[night, default: NightBoard()].bedOfClient[client] = bed
            insertNight(night, of: client)
        case let .reservationReleased(night, bed, client, _):
            if nights[night]?.byBed[bed]?.clientID == client {
                nights[night]?.byBed[bed] = nil
                nights[night]?.bedOfClient[client] = nil
                removeNight(night, of: client)
            }
        case let .extensionRequested(x):
            extensions[x.id] = x
        case let .extensionDecided(id, approved, until, _):
            extensions[id]?.status = approved ? .approved : .declined
            extensions[id]?.approvedUntil = approved ? until : nil
            extensions[id]?.decidedBy = r.actor
        case let .stayEnded(client, _, outflow):
            clients[client]?.stayStart = nil
            clients[client]?.lastOutflow = outflow
        case let .assessmentRecorded(a):
            assessments[a.clientID, default: []].append(a)
            assessmentCount = max(assessmentCount, a.id)
        }
    }

    mutating func insertNight(_ night: Day, of client: ClientID) {
        var list = clientNights[client] ?? []
        if let last = list.last, last < night { list.append(night) } else {
            let i = lowerBound(list, night)
            if i < list.count, list[i] == night { return }
            list.insert(night, at: i)
        }
        clientNights[client] = list
    }

    mutating func removeNight(_ night: Day, of client: ClientID) {
        guard var list = clientNights[client] else { return }
        let i = lowerBound(list, night)
        if i < list.count, list[i] == night { list.remove(at: i) }
        clientNights[client] = list
    }

    /// The state after all `events`, starting from `initial`.
    public static func fold(_ events: some Sequence<RecordedEvent>) -> ShelterState {
        var s = ShelterState.initial
        for e in events { s.evolve(e) }
        return s
    }
}
