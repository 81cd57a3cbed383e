import Foundation
import Journal
import Services
import ShelterDomain
import TerminalUI

/// The application model behind the terminal: owns the event store, the logged-in member of
/// staff and the screen stack; turns keys into domain commands; refreshes when other terminals
/// append; locks after inactivity; renders into a `Buffer`. Backend-independent, so tests drive
/// it exactly as the ncurses loop does.
public final class DeskSession {
    public let path: String
    public internal(set) var strings: Strings
    let defaultLang: String
    let clock: () -> Timestamp
    let rules: ChecklistRuleSet?
    public internal(set) var store: EventStore? { didSet { store?.outflows = ShippedOutflows.catalog } }
    public internal(set) var notices: [String] = []
    public internal(set) var quitRequested = false
    /// The screens open, the one shown on top (Esc goes back down the stack).
    public internal(set) var router = ScreenRouter(.choose)
    /// The screen shown; setting it replaces the top of the stack.
    public internal(set) var mode: DeskMode {
        get { router.top }
        set { router.top = newValue }
    }
    public internal(set) var overlay: Overlay?
    /// The member of staff logged in, if any.
    public internal(set) var user: StaffID?
    /// Inactivity before the screen locks (default 10 minutes).
    public var inactivityLimitMs: Int64 = 10 * 60_000
    var lastActivity: Timestamp
    /// The last frame was too small to show the screen: keys are ignored (and the frame says so).
    var tooSmall = false
    var ignoredWhileSmall = false
    /// The board's location filter per member of staff (for this session).
    var boardLocation: [StaffID: LocationID] = [:]
    /// This desk made a bed action since logging in that `u` may take back.
    var undoableHere = false
    /// The screens kept underneath an inactivity lock, restored when the same person logs in.
    var suspended: (user: StaffID, screens: ScreenRouter)?
    var message: String?
    /// A person just refused a bed because of the stay limit: `e` in the dialog files a request.
    /// The events the last command recorded.
    var lastEvents: [RecordedEvent] = []
    var limitRefusal: (client: ClientID, location: LocationID, night: Day, reason: ExtensionRequest.Reason?)?
    /// The typed reason of the last refused command (matched by case, never by its text).
    var lastRefusal: DomainError?
    /// A stay-limit refusal of someone without an assessment younger than 30 days: the dialog
    /// asks to run the checklist first (`c`).
    var checklistFirst: ClientID?
    /// Since when the connection to the journal's server is down (nil: up, or a file).
    var offlineSince: Timestamp?
    /// When the state on screen was last known to be the server's (the last good refresh).
    var syncedAt: Timestamp

    /// Opens the journal at `path`; a missing journal gives the first-run choice.
    /// Other problems (corrupt, permission, newer format) are thrown: the caller prints them.
    public init(path: String, lang: String, clock: @escaping () -> Timestamp, rules: ChecklistRuleSet?) throws(JournalError) {
        self.path = path; self.strings = Strings(lang: lang); self.defaultLang = lang; self.clock = clock; self.rules = rules
        lastActivity = clock()
        syncedAt = lastActivity
        do {
            let s = try EventStore.open(path: path, clock: clock)
            s.outflows = ShippedOutflows.catalog
            store = s
            notices = s.journal.notices
            router = ScreenRouter(s.header.isDemo ? .rolePicker : .login(LoginScreen(strings: strings)))
        } catch .notFound {
            store = nil
        } catch .missingDirectory {
            store = nil  // first run: the directory is made when the journal is created
        }
        allEvents = { [path] in try EventStore.events(path: path) }
    }

    /// A session on a store opened elsewhere — a journal file, a server, or records kept in
    /// memory (screen tests: a state in, a buffer out, nothing on disk). `allEvents` reads every
    /// event for the audit log (F8); by default from the journal at the store's path.
    public init(store: EventStore, lang: String, clock: @escaping () -> Timestamp, rules: ChecklistRuleSet?,
                allEvents: (() throws -> [RecordedEvent])? = nil) {
        let t = Strings(lang: lang)
        path = store.path; strings = t; defaultLang = lang; self.clock = clock; self.rules = rules
        lastActivity = clock()
        syncedAt = lastActivity
        router = ScreenRouter(store.header.isDemo ? .rolePicker : .login(LoginScreen(strings: t)))
        store.outflows = ShippedOutflows.catalog
        self.store = store
        notices = store.journal.notices
        let path = store.path
        if let allEvents { self.allEvents = allEvents } else { self.allEvents = { try EventStore.events(path: path) } }
    }

    /// Every event of the journal, in order, for the audit log (read when F8 opens it).
    var allEvents: () throws -> [RecordedEvent] = { [] }

    public var staff: Staff? { user.flatMap { store?.state.roster.staff[$0] } }

    /// What a `Screen` reads now: the state, this person's words and role, the moment (nil: no journal yet).
    var screenContext: ScreenContext? {
        store.map { ScreenContext(state: $0.state, strings: strings, role: staff?.role ?? .desk, now: clock(),
                                  searchIndex: { [unowned self] in self.clientIndex() }) }
    }

    /// True when the current screen holds typed input that F10 would throw away.
    var hasUnsavedInput: Bool {
        if let screen = mode.screen { return screen.hasUnsavedInput }
        return switch mode {
        case .setup(let w): w.form.hasInput
        case .login(let l): l.form.fields[1].input.isEmpty == false
        default: false
        }
    }

    var isReturnPlan: Bool {
        if case .returnPlan = mode { return true }
        return false
    }

    var isEditingText: Bool {
        if let screen = mode.screen { return screen.capturesText }
        return switch mode {
        case .setup, .login: true
        default: false
        }
    }

    /// Handles one key. Returns false when the application should end.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        lastActivity = clock()
        if key == .resize { return true }
        // While the terminal is too small nothing is visible: keys are not acted on blind (F10 still quits).
        if tooSmall, key != .function(10) { ignoredWhileSmall = true; return true }
        if let o = overlay {
            switch (o, key) {
            case (.help, .escape), (.help, .function(1)), (.help, .enter), (.help, .char("?")): overlay = nil
            case (.confirmQuit, .char("j")), (.confirmQuit, .char("y")), (.confirmQuit, .char("J")), (.confirmQuit, .char("Y")):
                quitRequested = true
                return false
            case (.confirmQuit, .char("n")), (.confirmQuit, .char("N")), (.confirmQuit, .escape): overlay = nil
            case (.error, .enter), (.error, .escape): overlay = nil; limitRefusal = nil; checklistFirst = nil
            case (.info, .enter), (.info, .escape): overlay = nil
            case (.confirmDiscard(let pending), .char("j")), (.confirmDiscard(let pending), .char("y")),
                 (.confirmDiscard(let pending), .char("J")), (.confirmDiscard(let pending), .char("Y")):
                overlay = nil
                discardInput()
                if pending != .escape {
                    // "Input discarded" is said on the screen the key leads to.
                    let said = message
                    let r = handle(pending)
                    if message == nil { message = said }
                    return r
                }
            case (.confirmDiscard, .char("n")), (.confirmDiscard, .char("N")), (.confirmDiscard, .escape): overlay = nil
            case (.error, .char("e")) where limitRefusal != nil:
                overlay = nil; checklistFirst = nil  // a later refusal must not offer this one's checklist
                return run(.requestExtension)
            case (.error, .char("c")) where checklistFirst != nil:
                // Run the checklist first: the person's file, then the wizard.
                let client = checklistFirst!
                overlay = nil; limitRefusal = nil; checklistFirst = nil
                var sc = SearchScreen()
                sc.opened = client
                router.open(.search(sc))
                return run(.openChecklist)
            default: break
            }
            return true
        }
        // Leaving a form with input (Esc, F2–F9) asks first; nothing typed is lost silently.
        if hasUnsavedInput, leavesScreen(key) { overlay = .confirmDiscard(key); return true }
        // A message belongs to the screen it was said on: going to another screen drops it.
        if user != nil, leavesScreen(key) { message = nil }
        switch key {
        case .function(10):
            if hasUnsavedInput { overlay = .confirmQuit; return true }
            quitRequested = true
            return false
        case .function(1):
            overlay = .help; return true
        case .char("?") where !isEditingText:
            overlay = .help; return true
        case .char("/") where !isEditingText && user != nil, .function(2) where user != nil:
            return run(.openSearch)
        case .function(3) where user != nil:
            return run(.openChecklist)
        case .function(4) where user != nil:
            return run(.openBoard)
        case .function(6) where user != nil:
            return run(.openApprovals)
        case .function(5) where user != nil && !isReturnPlan:
            return run(.openReturns)
        case .function(7) where user != nil:
            return run(.openOccupancy)
        case .function(8) where user != nil:
            return run(.openAudit)
        case .function(9) where user != nil && !hasUnsavedInput:
            return run(.logout)
        default: break
        }
        message = nil
        if var screen = mode.screen {
            guard let c = screenContext else { return true }
            let effect = screen.update(.key(key), context: c)
            mode.replaceScreen(screen)
            // The board's location filter is kept per person for this session (Oost staff see Oost again).
            if case .board(let b) = mode, let u = user { boardLocation[u] = b.location }
            let result = run(effect)
            recordMedicalView()
            return result
        }
        let effect: DeskEffect
        switch mode {
        case .choose:
            effect = switch key {
            case .char("s"), .char("S"): .startSetup
            case .char("d"), .char("D"): .createDemo
            default: .none
            }
        case .setup(var w):
            effect = w.update(key, strings: strings)
            mode = .setup(w)
        case .rolePicker:
            effect = switch key {
            case .char("1"): .pickDemoRole(username: DemoGenerator.deskUser)
            case .char("2"): .pickDemoRole(username: DemoGenerator.coordinatorUser)
            case .char("3"): .pickDemoRole(username: DemoGenerator.supervisorUser)
            default: .none
            }
        case .login(var l):
            effect = l.update(key)
            mode = .login(l)
        case .home:
            effect = switch key {
            case .function(9): .logout
            case .char("l"), .char("L"): .toggleLanguage
            case .char("m"), .char("M"): .openStaff
            case .char("n"), .char("N"): .openIntake(prefill: "")
            case .char("b"), .char("B"): .openInventory
            default: .none
            }
        default:
            effect = .none  // the converted screens, handled above
        }
        let result = run(effect)
        recordMedicalView()
        return result
    }

    /// The file shown last (its medical notes, when visible to this role, are recorded as read once per opening).
    var viewedFile: ClientID?

    /// Reading a client's medical notes is recorded (special-category data): once each time the
    /// file is opened by someone whose role may read them.
    func recordMedicalView() {
        guard case .search(let sc) = mode, let id = sc.opened else { viewedFile = nil; return }
        guard viewedFile != id else { return }
        viewedFile = id
        guard let st = store?.state, let role = staff?.role, role.permissions.contains(.readMedicalNotes),
              st.files.notes[id]?.contains(where: { $0.category == .medical }) == true
                || st.care.referralIDs[id]?.contains(where: { st.care.referrals[$0]?.reason != nil }) == true else { return }
        execute(.recordMedicalView(client: id))
    }

    /// Records a command as the logged-in member of staff; a refusal or a failed write is shown
    /// in a dialog and nothing on screen is lost.
    @discardableResult
    func execute(_ command: Command) -> Bool {
        guard let store, let id = user else { return false }
        lastRefusal = nil
        do {
            lastEvents = try store.execute(command, actor: id)
            return true
        } catch {
            if case .refused(let e) = error { lastRefusal = e }
            overlay = .error(failureText(error))
            watchConnection()
            return false
        }
    }

    /// The search index, rebuilt when clients were added (by this or another terminal).
    var index = ClientSearchIndex()
    var indexedClients = -1
    var indexedRevision = -1
    /// An index being built in the background after start-up (a city's 100,000 clients take
    /// seconds), so the first keystroke does not wait.
    let prebuilt = IndexBox()

    /// Starts building the search index in the background (once).
    func prebuildIndex() {
        guard indexedRevision < 0, !prebuilt.started, let s = store?.state else { return }
        prebuilt.started = true
        let box = prebuilt
        DispatchQueue.global(qos: .utility).async {
            let built = ClientSearchIndex(state: s)
            box.set(built, revision: s.files.clientRevision, clients: s.files.clients.count)
        }
    }

    func clientIndex() -> ClientSearchIndex {
        guard let s = store?.state else { return index }
        guard s.files.clientRevision != indexedRevision else { return index }
        if indexedRevision < 0, let (built, revision, count) = prebuilt.take() {
            index = built; indexedRevision = revision; indexedClients = count
            if revision == s.files.clientRevision { return index }
        }
        if indexedRevision < 0 { prebuilt.abandon() }
        let added = s.files.clients.count - indexedClients
        if indexedClients >= 0, added > 0, s.files.clientRevision - indexedRevision == added {
            // Only registrations since the last build: add them.
            for id in Int32(indexedClients + 1)...Int32(s.files.clients.count) { if let c = s.files.clients[id] { index.add(c) } }
            index.finish()
        } else {
            index = ClientSearchIndex(state: s)
        }
        indexedClients = s.files.clients.count
        indexedRevision = s.files.clientRevision
        return index
    }

    func loggedIn(_ id: StaffID, restoring: ScreenRouter?) {
        if restoring == nil { undoableHere = false }
        user = id
        strings = Strings(lang: store?.state.roster.staff[id]?.language ?? defaultLang)
        router = restoring ?? ScreenRouter(.home)
        closeAbsentStays(as: id)
    }

    func attemptLogin(username: String, pin: String) {
        guard let store, case .login(var l) = mode else { return }
        defer { if case .login = mode { mode = .login(l) } }
        guard let id = store.state.roster.staffByUsername[username], let st = store.state.roster.staff[id], st.active, let cred = st.credential else {
            l.message = strings["login.wrong"]; l.messageIsError = true
            return
        }
        if let until = store.state.roster.lockedUntil[id], until > clock() {
            l.message = DomainError.accountLocked(until: until).text(strings.lang)
            return
        }
        let ok = PinHasher.verify(pin: pin, against: cred)
        do {
            let events = try store.execute(.recordLogin(staff: id, success: ok), actor: id)
            if ok {
                let restore = suspended.flatMap { $0.user == id ? $0.screens : nil }
                suspended = nil
                loggedIn(id, restoring: restore)
                return
            }
            if case let .accountLocked(_, until)? = events.last?.event {
                l.message = DomainError.accountLocked(until: until).text(strings.lang)
            } else {
                l.message = strings["login.wrong"]
            }
            l.messageIsError = true
        } catch {
            l.message = failureText(error)
            l.messageIsError = true
            watchConnection()
        }
    }

    func logout() {
        user = nil
        suspended = nil
        strings = Strings(lang: defaultLang)
        router.reset(store?.header.isDemo == true ? .rolePicker : .login(LoginScreen(strings: strings)))
    }

    /// Called on a short timer: folds in appends made by other processes, and locks the screen
    /// after inactivity (keeping what is underneath).
    public func tick() {
        if user != nil { prebuildIndex() }
        watchConnection()
        if let store, store.journal.isOnline, store.journal.hasNewData {
            let before = store.state.files.clientRevision
            do { try store.refresh() } catch {
                // A dropped connection is shown on the status line, not as an error dialog.
                if store.journal.isOnline { overlay = .error(error.description) }
                watchConnection()
            }
            // Another desk registered or changed someone: the list on screen follows.
            if store.state.files.clientRevision != before {
                switch mode {
                case .search(var sc) where sc.opened == nil:
                    sc.rerun(index: clientIndex(), state: store.state); mode = .search(sc)
                case .pickClient(var p):
                    p.search.rerun(index: clientIndex(), state: store.state); mode = .pickClient(p)
                default: break
                }
            }
        }
        if store?.journal.isOnline == true { syncedAt = clock() }
        if let u = user, clock().milliseconds - lastActivity.milliseconds > inactivityLimitMs, store?.header.isDemo == false {
            suspended = (u, router)
            user = nil
            var l = LoginScreen(strings: strings, username: store?.state.roster.staff[u]?.username ?? "")
            l.message = strings["login.inactive"]; l.messageIsError = false
            router.reset(.login(l))
            overlay = nil
        }
    }

}

extension String {
    /// Two lower-case hex digits.
    init(format2 byte: UInt8) {
        let s = String(byte, radix: 16)
        self = byte < 16 ? "0" + s : s
    }
}
