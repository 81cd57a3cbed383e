import Journal
import ShelterDomain

extension DeskSession {
    // MARK: a journal on a server whose connection drops

    /// Looks at the connection of a journal on a server (cheap: no query; a file is always
    /// online). When it is down the frame's status line says so at once and a reconnection is
    /// started in the background (never waited for: keys keep working); when it is back the
    /// status line says so, and what others appended meanwhile is read at the next tick.
    func watchConnection() {
        guard let store else { return }
        if store.journal.isOnline {
            if offlineSince != nil {
                offlineSince = nil
                message = strings["store.reconnected"]
            }
        } else {
            if offlineSince == nil { offlineSince = clock() }
            store.journal.reconnect()
        }
        // An unconfirmed save, looked up once the connection was back.
        if let recorded = store.journal.takeSettlement() {
            message = strings[recorded ? "store.settled.recorded" : "store.settled.notRecorded"]
        }
    }

    /// The status line while the connection is down: that it is, that it is being made again,
    /// and that the screen shows the last known state (from when).
    var offlineLine: String? {
        guard offlineSince != nil else { return nil }
        let seconds = AmsterdamTime.local(syncedAt).seconds
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return strings.fill("store.offline", "\(two(seconds / 3600)):\(two(seconds / 60 % 60))")
    }

    /// What to tell the user about a command that was not recorded: a refusal in its words; a
    /// dropped connection or an unconfirmed commit in the user's language (not the journal's
    /// English text); anything else as the journal describes it.
    func failureText(_ error: StoreError) -> String {
        switch error {
        case .journal(.offline): strings["store.notSaved"]
        case .journal(.unconfirmed): strings["store.unconfirmed"]
        default: error.text(strings.lang)
        }
    }
}
