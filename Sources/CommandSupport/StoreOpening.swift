import ArgumentParser
import Foundation
import Journal
import Services
import ShelterDomain

/// Reads one PIN: without echo from a terminal, else one line of standard input.
public func readPIN(prompt: String) -> String {
    if isatty(0) != 0, let p = getpass(prompt) { return String(cString: p) }
    return readLine(strippingNewline: true) ?? ""
}

/// Checks that `username` is an active supervisor, not locked out, with the right PIN (read
/// from standard input; a failed check is recorded like a failed login). Demo supervisors have no PIN.
public func actingSupervisor(_ store: EventStore, username: String) throws -> StaffID {
    try authenticate(store, username: username, role: .supervisor, pin: .standardInput)
}

public func openStore(_ path: String) throws -> EventStore {
    let store: EventStore
    do { store = try EventStore.open(path: path, clock: SystemClock.now) } catch { throw fail(error.description) }
    store.outflows = try shippedOutflows()
    return store
}

/// The outflow categories from Resources; a damaged list stops the command with the reason.
public func shippedOutflows() throws -> OutflowCatalog {
    do { return try ShippedOutflows.load() } catch { throw fail(error.description) }
}

/// Opens a journal for reading only (reports, the board, summaries); problems exit 1 with the message.
public func openReadOnly(_ path: String) throws -> EventStore {
    do { return try EventStore.open(path: path, writable: false, clock: SystemClock.now) } catch { throw fail(error.description) }
}
