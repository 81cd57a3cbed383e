import Foundation
import Journal
import ShelterDomain
import TerminalUI

/// The application model behind the terminal: owns the event store, the logged-in member of
/// staff and the screen stack; turns keys into domain commands; refreshes when other terminals
/// append; locks after inactivity; renders into a `Buffer`. Backend-independent, so tests drive
/// it exactly as the ncurses loop does.
public final class DeskSession {
    public let path: String
    public private(set) var strings: Strings
    let defaultLang: String
    let clock: () -> Timestamp
    let rules: ChecklistRuleSet?
    public private(set) var store: EventStore? { didSet { store?.outflows = ShippedOutflows.catalog } }
    public private(set) var notices: [String] = []
    public private(set) var quitRequested = false
    public private(set) var mode: DeskMode
    public internal(set) var overlay: Overlay?
    /// The member of staff logged in, if any.
    public private(set) var user: StaffID?
    /// Inactivity before the screen locks (default 10 minutes).
    public var inactivityLimitMs: Int64 = 10 * 60_000
    var lastActivity: Timestamp
    /// The screen kept underneath an inactivity lock, restored when the same person logs in.
    var suspended: (user: StaffID, mode: DeskMode)?
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

    /// Opens the journal at `path`; a missing journal gives the first-run choice.
    /// Other problems (corrupt, permission, newer format) are thrown: the caller prints them.
    public init(path: String, lang: String, clock: @escaping () -> Timestamp, rules: ChecklistRuleSet?) throws(JournalError) {
        self.path = path; self.strings = Strings(lang: lang); self.defaultLang = lang; self.clock = clock; self.rules = rules
        lastActivity = clock()
        mode = .choose
        do {
            let s = try EventStore.open(path: path, clock: clock)
            s.outflows = ShippedOutflows.catalog
            store = s
            notices = s.journal.notices
            mode = s.header.isDemo ? .rolePicker : .login(LoginScreen(strings: strings))
        } catch .notFound {
            store = nil
        } catch .missingDirectory {
            store = nil  // first run: the directory is made when the journal is created
        }
    }

    public var staff: Staff? { user.flatMap { store?.state.staff[$0] } }

    /// True when the current screen holds typed input that F10 would throw away.
    var hasUnsavedInput: Bool {
        switch mode {
        case .setup(let w): w.form.hasInput
        case .login(let l): l.form.fields[1].input.isEmpty == false
        case .staff(let st): st.hasInput
        case .checklist(let w, _): !w.answered.isEmpty
        case .intake(let i): i.form.hasInput && i.editing == nil
        case .search(let sc): sc.file?.action != nil && sc.file?.form.hasInput == true
        case .returnPlan(let r, _): r.planID == nil && r.form.hasInput
        default: false
        }
    }

    var isReturnPlan: Bool {
        if case .returnPlan = mode { return true }
        return false
    }

    var isEditingText: Bool {
        switch mode {
        case .setup, .login: true
        case .staff(let st): st.adding != nil
        case .checklist, .intake, .pickClient: true
        case .search(let sc): sc.opened == nil || sc.file?.action != nil
        case .board(let b): b.jump != nil || b.request != nil
        case .approvals(let a): a.deciding != nil
        case .inventory(let inv): inv.action != nil
        case .audit(let a): a.typing != nil
        case .returnPlan: true
        default: false
        }
    }

    /// Handles one key. Returns false when the application should end.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        lastActivity = clock()
        if key == .resize { return true }
        if let o = overlay {
            switch (o, key) {
            case (.help, .escape), (.help, .function(1)), (.help, .enter), (.help, .char("?")): overlay = nil
            case (.confirmQuit, .char("j")), (.confirmQuit, .char("y")), (.confirmQuit, .char("J")), (.confirmQuit, .char("Y")):
                quitRequested = true
                return false
            case (.confirmQuit, .char("n")), (.confirmQuit, .char("N")), (.confirmQuit, .escape): overlay = nil
            case (.error, .enter), (.error, .escape): overlay = nil; limitRefusal = nil; checklistFirst = nil
            case (.info, .enter), (.info, .escape): overlay = nil
            case (.error, .char("e")) where limitRefusal != nil:
                overlay = nil
                return run(.requestExtension)
            case (.error, .char("c")) where checklistFirst != nil:
                // Run the checklist first: the person's file, then the wizard.
                let client = checklistFirst!
                overlay = nil; limitRefusal = nil; checklistFirst = nil
                var sc = SearchScreen()
                sc.opened = client
                mode = .search(sc)
                return run(.openChecklist)
            default: break
            }
            return true
        }
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
        case .staff(var st):
            guard let s = store?.state else { return true }
            effect = st.update(key, state: s, strings: strings)
            mode = .staff(st)
        case .search(var sc):
            guard let st = store?.state else { return true }
            effect = sc.update(key, index: clientIndex(), state: st, role: staff?.role ?? .desk, today: AmsterdamTime.local(clock()).day, strings: strings)
            mode = .search(sc)
        case .merge(var m, let back):
            guard let st = store?.state else { return true }
            effect = m.update(key, state: st)
            mode = .merge(m, returnTo: back)
        case .returnPlan(var r, let back):
            guard let st = store?.state else { return true }
            effect = r.update(key, state: st, strings: strings)
            mode = .returnPlan(r, returnTo: back)
        case .returns(var o):
            guard let st = store?.state else { return true }
            effect = o.update(key, state: st)
            mode = .returns(o)
        case .occupancy(var o):
            effect = o.update(key)
            mode = .occupancy(o)
        case .audit(var a):
            guard let st = store?.state else { return true }
            effect = a.update(key, state: st, strings: strings)
            mode = .audit(a)
        case .checklist(var w, let back):
            effect = w.update(key, strings: strings)
            mode = .checklist(w, returnTo: back)
        case .board(var b):
            guard let st = store?.state else { return true }
            effect = b.update(key, state: st, strings: strings)
            mode = .board(b)
        case .inventory(var inv):
            guard let st = store?.state else { return true }
            effect = inv.update(key, state: st, today: AmsterdamTime.night(of: clock()), strings: strings)
            mode = .inventory(inv)
        case .approvals(var a):
            guard let st = store?.state else { return true }
            effect = a.update(key, state: st, strings: strings)
            mode = .approvals(a)
        case .pickClient(var sc, let bed, let back):
            guard let st = store?.state else { return true }
            effect = sc.update(key, index: clientIndex(), state: st)
            mode = .pickClient(sc, bed: bed, returnTo: back)
        case .intake(var i):
            guard let st = store?.state else { return true }
            effect = i.update(key, today: AmsterdamTime.local(clock()).day, index: clientIndex(), state: st, strings: strings)
            mode = .intake(i)
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
              st.notes[id]?.contains(where: { $0.category == .medical }) == true else { return }
        execute(.recordMedicalView(client: id))
    }

    /// Carries out what a screen asked for. Returns false when the application should end.
    func run(_ effect: DeskEffect) -> Bool {
        switch effect {
        case .none: break
        case .quit:
            quitRequested = true
            return false
        case .back:
            switch mode {
            case .setup: mode = .choose
            case .intake(let i) where i.editing != nil:
                var sc = SearchScreen(); sc.opened = i.editing; mode = .search(sc)
            case .staff, .search, .intake, .board, .approvals, .inventory, .returns, .occupancy, .audit: mode = .home
            case .pickClient(_, _, let back): mode = .board(back)
            case .checklist(_, let back), .merge(_, let back), .returnPlan(_, let back): mode = .search(back)
            default: break
            }
        case .startSetup:
            mode = .setup(SetupWizard(strings: strings))
        case .createDemo:
            do {
                _ = try DemoGenerator.write(path: path, seed: 1, today: AmsterdamTime.night(of: clock()), rules: rules)
                store = try EventStore.open(path: path, clock: clock)
                mode = .rolePicker
            } catch {
                overlay = .error("\(error)")
            }
        case .submitSetup(let d):
            do {
                let s = try EventStore.create(path: path, isDemo: false, label: d.shelter, installationID: SystemClock.randomInstallationID(), clock: clock)
                store = s
                try s.execute(.configureShelter(name: d.shelter, municipality: d.municipality), actor: systemActor)
                try s.execute(.addStaff(username: d.username, displayName: d.name, role: .supervisor, credential: PinHasher.make(pin: d.pin)),
                              actor: systemActor)
                mode = .login(LoginScreen(strings: strings, username: d.username))
            } catch let e as StoreError {
                overlay = .error(e.text(strings.lang))
            } catch let e as JournalError {
                overlay = .error(e.description)
            } catch {
                overlay = .error("\(error)")
            }
        case .pickDemoRole(let username):
            guard let store, let id = store.state.staffByUsername[username] else { break }
            do {
                try store.execute(.recordLogin(staff: id, success: true), actor: id)
                loggedIn(id, restoring: nil)
            } catch {
                overlay = .error(error.text(strings.lang))
            }
        case let .attemptLogin(username, pin):
            attemptLogin(username: username, pin: pin)
        case .logout:
            logout()
        case .openChecklist:
            guard case .search(let sc) = mode, let id = sc.opened, let client = store?.state.clients[id] else {
                if case .checklist = mode { break }
                message = strings["cl.pickClient"]
                if case .search = mode {} else { mode = .search(SearchScreen()) }
                break
            }
            guard let rules else { overlay = .error(strings["cl.noRules"]); break }
            let current = rules.withNorms(store?.state.assistanceNorms ?? [])
            // A re-assessment starts from the previous answers (each marked as such).
            mode = .checklist(ChecklistWizard(client: client, today: AmsterdamTime.local(clock()).day, rules: current,
                                              previous: store?.state.assessments[id]?.last?.answers), returnTo: sc)
        case .reserveAllTomorrow(let night):
            guard let store, let id = user else { break }
            var done = 0, refused: [String] = []
            for row in BoardRow.board(store.state, night: night) where row.state != .free {
                guard let c = row.clientID else { continue }
                let next = night.adding(days: 1)
                if store.state.bed(of: c, on: next) != nil { continue }
                do {
                    try store.execute(.assignBed(night: next, bed: row.bed.id, client: c), actor: id)
                    done += 1
                } catch {
                    refused.append("\(store.state.clients[c]?.fullName ?? "#\(c)"): \(error.text(strings.lang))")
                }
            }
            message = strings.format("board.reservedAll", done, refused.count)
            if !refused.isEmpty { overlay = .error(refused.joined(separator: "\n")) }
        case .openApprovals:
            mode = .approvals(ApprovalsScreen())
        case .openInventory:
            guard staff?.role == .supervisor else { message = strings["file.onlySupervisor"]; break }
            mode = .inventory(InventoryScreen())
        case .requestExtension:
            guard let r = limitRefusal, case .board(var b) = mode else { break }
            limitRefusal = nil
            b.openRequest(client: r.client, location: r.location, reason: r.reason, strings: strings)
            mode = .board(b)
        case .message(let text):
            message = text
        case .openBoard:
            if case .board = mode { break }
            mode = .board(BoardScreen(night: AmsterdamTime.night(of: clock())))
        case let .pickClient(night, bed):
            guard case .board(let b) = mode, let st = store?.state else { break }
            var sc = SearchScreen()
            sc.picking = true
            if let bed { sc.setSuggestions(BedSuggestions.clients(for: bed, night: night, state: st)) }
            mode = .pickClient(sc, bed: bed, returnTo: b)
        case .picked(let client):
            guard case let .pickClient(_, bed, back) = mode else { break }
            guard let bed else {
                if execute(.addToWaitlist(night: back.night, client: client, note: "")) {
                    mode = .board(back)
                    message = strings["wait.added"]
                }
                break
            }
            if execute(.assignBed(night: back.night, bed: bed, client: client)) {
                mode = .board(back)
                // Name who and what: the bed, its location, the person with number, the night.
                let st = store?.state
                let label = st?.beds[bed]?.label ?? "", loc = st?.beds[bed].flatMap { st?.locations[$0.locationID]?.name } ?? ""
                message = strings.fill("board.assignedTo", label, loc, st?.clients[client]?.fullName ?? "", String(client), strings.shortNight(back.night))
            } else if case .error(let text)? = overlay, let st = store?.state, let loc = st.beds[bed]?.locationID {
                // Only the stay limit or a 24-hour bed without approval offer `e` (a request); the
                // refusal is matched by its case, never by its text.
                _ = text
                switch lastRefusal {
                case .needsApproval?: limitRefusal = (client, loc, back.night, .twentyFourHourBed)
                case .stayLimitReached?:
                    limitRefusal = (client, loc, back.night, nil)
                    let recent = st.latestAssessment(of: client).map { Int(back.night.ordinal - $0.assessedOn.ordinal) < 30 } ?? false
                    if !recent {
                        checklistFirst = client
                        overlay = .error(text + "\n\n" + strings["limit.checklistFirst"])
                    }
                default: break
                }
                if limitRefusal != nil { mode = .board(back) }
            }
        case .openIntake(let prefill):
            mode = .intake(IntakeScreen(strings: strings, prefill: prefill))
        case .openClient(let id):
            var sc = SearchScreen()
            sc.opened = id
            mode = .search(sc)
        case .openSearch:
            if case .search(var sc) = mode { sc.opened = nil; mode = .search(sc); break }
            mode = .search(SearchScreen())
        case .openStaff:
            guard staff?.role == .supervisor else { message = strings["staff.onlySupervisors"]; break }
            mode = .staff(StaffScreen())
        case .editClient(let id):
            guard let c = store?.state.clients[id] else { break }
            mode = .intake(IntakeScreen(strings: strings, editing: c))
        case let .openMerge(survivor, absorbed):
            guard case .search(let sc) = mode, let st = store?.state, let a = st.clients[survivor] else { break }
            guard let b = st.clients[absorbed], absorbed != survivor else { message = DomainError.unknownClient(absorbed).text(strings.lang); break }
            mode = .merge(MergeScreen(survivor: a, absorbed: b, strings: strings), returnTo: sc)
        case .openReturnPlan(let id):
            guard case .search(let sc) = mode, let st = store?.state, let c = st.clients[id] else { break }
            mode = .returnPlan(ReturnPlanScreen(client: c, plan: st.activeReturnPlan(of: id) ?? st.latestReturnPlan(of: id),
                                                today: AmsterdamTime.local(clock()).day, strings: strings), returnTo: sc)
        case .openReturns:
            mode = .returns(ReturnsOverview())
        case .openOccupancy:
            guard staff?.role.permissions.contains(.viewReports) == true else { message = strings["occ.notForDesk"]; break }
            mode = .occupancy(OccupancyScreen())
        case .openAudit:
            guard staff?.role == .supervisor, let store else { message = strings["file.onlySupervisor"]; break }
            do { mode = .audit(AuditScreen(events: try EventStore.events(path: store.path))) } catch { overlay = .error(error.description) }
        case .toggleLanguage:
            guard let id = user else { break }
            let next = strings.lang == "nl" ? "en" : "nl"
            execute(.setLanguage(staff: id, language: next))
            if store?.state.staff[id]?.language == next {
                strings = Strings(lang: next)
                message = strings["lang.changed"]
            }
        case let .registerDistinct(client, others):
            guard execute(.registerClient(client)), let id = store?.state.clients.keys.max() else { break }
            for o in others { execute(.dismissDuplicate(id, o)) }
            var sc = SearchScreen()
            sc.opened = id
            mode = .search(sc)
            message = strings["intake.saved"]
        case .execute(let command):
            guard execute(command) else { break }
            switch mode {
            case .staff(var st):
                st.adding = nil; st.message = nil
                mode = .staff(st)
                message = strings["staff.saved"]
            case .checklist(_, let back):
                mode = .search(back)
                message = strings["cl.recorded"]
            case .board(var b):
                b.request = nil
                mode = .board(b)
                boardDone(command, night: b.night)
            case .search(var sc):
                sc.file?.action = nil
                mode = .search(sc)
                if case let .eraseClient(id, _) = command { message = strings.fill("file.erased", String(id)) } else { message = strings["file.saved"] }
            case .merge(_, let back):
                mode = .search(back)
                message = strings["merge.done"]
            case .returnPlan(var r, let back):
                r.cancelReason = nil
                if case .openReturnPlan = command, let st = store?.state { r.planID = st.activeReturnPlan(of: r.clientID)?.id }
                message = switch command {
                case .moveReturnPlan(_, let to, _): strings.fill("ret.moved", strings["rstatus.\(to.code)"])
                case .withdrawReturnConsent: strings["ret.withdrawn"]
                default: strings["file.saved"]
                }
                mode = .returnPlan(r, returnTo: back)
            case .inventory(var inv):
                inv.action = nil
                mode = .inventory(inv)
                message = strings["file.saved"]
            case .approvals(var a):
                a.deciding = nil
                mode = .approvals(a)
                if case let .decideExtension(_, approve, _, _) = command { message = approve ? strings["appr.approved"] : strings["appr.declined"] }
            case .intake(let i):
                // Open the client's file (the new one, or the one corrected).
                var sc = SearchScreen()
                sc.opened = i.editing ?? store?.state.clients.keys.max()
                mode = .search(sc)
                message = i.editing == nil ? strings["intake.saved"] : strings["intake.updated"]
            default: break
            }
        }
        return true
    }

    /// The message after a board action; a freed bed prompts with the top of the waiting list;
    /// vulnerable no-shows suggest raising an alert (the Marek case).
    func boardDone(_ command: Command, night: Day) {
        guard let st = store?.state else { return }
        switch command {
        case .checkIn: message = strings["board.checkedIn"]
        case let .assignBed(n, _, _): message = n == night ? strings["board.assigned"] : strings["board.reservedTomorrow"]
        case .checkOut(_, _, let duringNight): message = duringNight ? strings["board.leftNight"] : strings["board.left"]
        case .requestExtension: message = strings["ext.requested"]
        case .addToWaitlist: message = strings["wait.added"]
        case .closeWaitlist: message = strings["wait.turnedAwayDone"]
        case .releaseReservation, .releaseNoShows:
            message = strings["board.released"]
            if let w = st.waiting(on: night).first, let c = st.clients[w.clientID] {
                message = strings["wait.prompt"].replacingOccurrences(of: "%s", with: c.fullName)
            }
            // Released no-shows of vulnerable people: suggest an alert.
            let released = lastEvents.compactMap { e -> ClientID? in
                if case let .reservationReleased(_, _, c, true) = e.event { return c }
                return nil
            }
            let vulnerable = released.compactMap { st.clients[$0] }.filter { !$0.details.vulnerabilities.isEmpty }
            if case .releaseNoShows = command { message = strings.format("board.releasedN", released.count) }
            if !vulnerable.isEmpty {
                overlay = .info(strings["noshow.vulnerable"] + "\n" + vulnerable.map { "• \($0.fullName) (#\($0.id))" }.joined(separator: "\n")
                                + "\n\n" + strings["noshow.alertHint"])
            }
        default: message = strings["board.released"]
        }
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
            overlay = .error(error.text(strings.lang))
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
            box.set(built, revision: s.clientRevision, clients: s.clients.count)
        }
    }

    func clientIndex() -> ClientSearchIndex {
        guard let s = store?.state else { return index }
        guard s.clientRevision != indexedRevision else { return index }
        if indexedRevision < 0, let (built, revision, count) = prebuilt.take() {
            index = built; indexedRevision = revision; indexedClients = count
            if revision == s.clientRevision { return index }
        }
        if indexedRevision < 0 { prebuilt.abandon() }
        let added = s.clients.count - indexedClients
        if indexedClients >= 0, added > 0, s.clientRevision - indexedRevision == added {
            // Only registrations since the last build: add them.
            for id in Int32(indexedClients + 1)...Int32(s.clients.count) { if let c = s.clients[id] { index.add(c) } }
            index.finish()
        } else {
            index = ClientSearchIndex(state: s)
        }
        indexedClients = s.clients.count
        indexedRevision = s.clientRevision
        return index
    }

    func loggedIn(_ id: StaffID, restoring: DeskMode?) {
        user = id
        strings = Strings(lang: store?.state.staff[id]?.language ?? defaultLang)
        mode = restoring ?? .home
        closeAbsentStays(as: id)
    }

    func attemptLogin(username: String, pin: String) {
        guard let store, case .login(var l) = mode else { return }
        defer { if case .login = mode { mode = .login(l) } }
        guard let id = store.state.staffByUsername[username], let st = store.state.staff[id], st.active, let cred = st.credential else {
            l.message = strings["login.wrong"]; l.messageIsError = true
            return
        }
        if let until = store.state.lockedUntil[id], until > clock() {
            l.message = DomainError.accountLocked(until: until).text(strings.lang)
            return
        }
        let ok = PinHasher.verify(pin: pin, against: cred)
        do {
            let events = try store.execute(.recordLogin(staff: id, success: ok), actor: id)
            if ok {
                let restore = suspended.flatMap { $0.user == id ? $0.mode : nil }
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
            l.message = error.text(strings.lang)
        }
    }

    func logout() {
        user = nil
        suspended = nil
        strings = Strings(lang: defaultLang)
        mode = store?.header.isDemo == true ? .rolePicker : .login(LoginScreen(strings: strings))
    }

    /// Called on a short timer: folds in appends made by other processes, and locks the screen
    /// after inactivity (keeping what is underneath).
    public func tick() {
        if user != nil { prebuildIndex() }
        if let store, store.journal.hasNewData {
            let before = store.state.clientRevision
            do { try store.refresh() } catch { overlay = .error(error.description) }
            // Another desk registered or changed someone: the list on screen follows.
            if store.state.clientRevision != before {
                switch mode {
                case .search(var sc) where sc.opened == nil:
                    sc.rerun(index: clientIndex(), state: store.state); mode = .search(sc)
                case .pickClient(var sc, let bed, let back):
                    sc.rerun(index: clientIndex(), state: store.state); mode = .pickClient(sc, bed: bed, returnTo: back)
                default: break
                }
            }
        }
        if let u = user, clock().milliseconds - lastActivity.milliseconds > inactivityLimitMs, store?.header.isDemo == false {
            suspended = (u, mode)
            user = nil
            var l = LoginScreen(strings: strings, username: store?.state.staff[u]?.username ?? "")
            l.message = strings["login.inactive"]; l.messageIsError = false
            mode = .login(l)
            overlay = nil
        }
    }

    // MARK: rendering

    public func render(into buf: inout Buffer) {
        guard buf.width >= HomeScreen.minWidth, buf.height >= HomeScreen.minHeight else {
            buf.draw(strings.format("tooSmall", HomeScreen.minWidth, HomeScreen.minHeight), x: 0, y: 0, style: .warning)
            return
        }
        let night = AmsterdamTime.night(of: clock())
        var right = "\(strings["header.night"]) \(strings.shortNight(night))"
        var title = strings["app.name"]
        if let s = store?.state {
            if !s.shelterName.isEmpty { title = s.shelterName }
            right += " · " + strings.format("header.freeBeds", HomeScreen.freeBeds(s, night: night))
            if s.isColdWeather(night) { right = "❄ " + strings["board.cold"] + " · " + right }
        }
        if let st = staff { right += " · \(st.displayName) (\(strings["role.\(st.role)"]))" }
        HeaderBar.render(into: &buf, title: title, right: right, demo: store?.header.isDemo == true ? strings["header.demo"] : nil)
        var hints: [String]
        switch mode {
        case .choose:
            buf.draw(strings["empty.title"], x: 2, y: 3, style: .bold, maxWidth: buf.width - 3)
            buf.draw(path, x: 4, y: 4, maxWidth: buf.width - 5)
            for (i, l) in Dialog.wrap(strings["empty.offer"], width: buf.width - 4).enumerated() { buf.draw(l, x: 2, y: 6 + i) }
            hints = [strings["hint.setup"], strings["hint.demo"], strings["hint.help"], strings["hint.quit"]]
        case .setup(let w):
            w.render(into: &buf, strings: strings)
            hints = [strings["hint.fields"], strings["hint.save"], strings["hint.back"], strings["hint.help"], strings["hint.quit"]]
        case .rolePicker:
            buf.draw(strings["roles.title"], x: 2, y: 2, style: .bold, maxWidth: buf.width - 3)
            let names = [DemoGenerator.deskUser, DemoGenerator.coordinatorUser, DemoGenerator.supervisorUser].map { u in
                store?.state.staffByUsername[u].flatMap { store?.state.staff[$0]?.displayName } ?? u
            }
            for (i, key) in ["roles.desk", "roles.coordinator", "roles.supervisor"].enumerated() {
                buf.draw(TextWidth.fit(strings[key], 18), x: 4, y: 4 + i * 2, style: .bold)
                buf.draw(names[i], x: 23, y: 4 + i * 2, style: .muted, maxWidth: buf.width - 24)
            }
            buf.draw(strings["roles.note"], x: 2, y: 11, style: .warning, maxWidth: buf.width - 3)
            hints = ["1 2 3", strings["hint.help"], strings["hint.quit"]]
        case .login(let l):
            l.render(into: &buf, strings: strings)
            hints = [strings["hint.fields"], strings["login.hint"], strings["hint.help"], strings["hint.quit"]]
        case .home:
            if let store, let st = staff {
                HomeScreen(notices: notices).renderBody(into: &buf, state: store.state, night: night, journalPath: path,
                                                      headHex: store.journal.headHash.map { String(format2: $0) }.joined(),
                                                      role: st.role, strings: strings)
            }
            hints = [strings["hint.help"], strings["hint.search"], strings["hint.board"]]
                + (staff?.role == .desk ? [] : [strings["hint.approvals"], strings["hint.returns"], strings["hint.occupancy"]])
                + (staff?.role == .supervisor ? [strings["hint.audit"]] : []) + [strings["hint.intake"], strings["hint.lang"]] + (staff?.role == .supervisor ? [strings["hint.staff"], strings["hint.inventory"]] : [])
                + [strings["hint.logout"], strings["hint.quit"]]
        case .search(var sc):
            if let s = store?.state { sc.render(into: &buf, state: s, night: night, role: staff?.role ?? .desk, strings: strings) }
            hints = sc.opened == nil ? [strings["hint.type"], "↑↓", strings["hint.open"], strings["hint.back"], strings["hint.quit"]]
                : sc.file?.hints(strings, role: staff?.role ?? .desk) ?? []
        case .returnPlan(var r, _):
            if let s = store?.state { r.render(into: &buf, state: s, today: AmsterdamTime.local(clock()).day, strings: strings) }
            hints = store.map { r.hints(strings, state: $0.state) } ?? []
        case .occupancy(let o):
            if let s = store?.state { o.render(into: &buf, state: s, night: night, strings: strings) }
            hints = o.hints(strings)
        case .audit(var a):
            if let s = store?.state { a.render(into: &buf, state: s, strings: strings) }
            hints = a.hints(strings)
        case .returns(var o):
            if let s = store?.state { o.render(into: &buf, state: s, today: AmsterdamTime.local(clock()).day, strings: strings) }
            hints = ["↑↓", strings["hint.open"], strings["hint.back"], strings["hint.quit"]]
        case .merge(var m, _):
            if let s = store?.state { m.render(into: &buf, state: s, strings: strings) }
            hints = [strings["hint.fields"], "← →", strings["merge.hint"], strings["hint.back"]]
        case .board(var b):
            if let s = store?.state { b.render(into: &buf, state: s, strings: strings) }
            hints = b.hints(strings)
        case .inventory(var inv):
            if let s = store?.state { inv.render(into: &buf, state: s, night: night, strings: strings) }
            hints = inv.hints(strings)
        case .approvals(var a):
            if let s = store?.state { a.render(into: &buf, state: s, night: night, strings: strings) }
            hints = a.deciding != nil ? [strings["hint.fields"], strings["hint.save"], strings["hint.back"]]
                : ["↑↓", strings["appr.hint.approve"], strings["appr.hint.decline"], strings["hint.back"], strings["hint.quit"]]
        case .pickClient(var sc, let bed, let back):
            if let s = store?.state {
                sc.render(into: &buf, state: s, night: back.night, strings: strings)
                let title = bed.map { strings["board.pick"].replacingOccurrences(of: "%s", with: s.beds[$0]?.label ?? "") } ?? strings["wait.pick"]
                buf.draw(title + " · \(strings.shortNight(back.night))",
                         x: 1, y: 2, style: .bold, maxWidth: buf.width - 2)
            }
            hints = [strings["hint.type"], "↑↓", strings["hint.save"], strings["hint.back"], strings["hint.quit"]]
        case .intake(let i):
            if let s = store?.state { i.render(into: &buf, state: s, today: AmsterdamTime.local(clock()).day, strings: strings) }
            hints = [strings["intake.hint.next"], strings["intake.hint.save"], strings["hint.fields"], strings["hint.back"], strings["hint.quit"]]
        case .checklist(let w, _):
            let name = store?.state.clients[w.clientID]?.fullName ?? ""
            w.render(into: &buf, clientName: name, strings: strings)
            hints = w.hints(strings)
        case .staff(var st):
            if let s = store?.state { st.render(into: &buf, state: s, now: clock(), strings: strings) }
            hints = st.adding != nil
                ? [strings["hint.fields"], strings["hint.save"], strings["hint.back"], strings["hint.quit"]]
                : [strings["staff.hint.add"], strings["staff.hint.role"], strings["staff.hint.deactivate"], strings["hint.back"], strings["hint.quit"]]
            if let id = st.confirmDeactivate, let name = store?.state.staff[id]?.displayName {
                KeyHintBar.render(into: &buf, hints: hints)
                Dialog.render(into: &buf, title: strings["staff.confirm.title"],
                              message: strings["staff.confirm.body"].replacingOccurrences(of: "%s", with: name),
                              hints: strings["quit.hint"], style: .warning)
                return
            }
        }
        if let message { StatusBar.render(into: &buf, text: message, style: .warning) }
        if buf.cursor != nil, overlay != nil { buf.cursor = nil }
        KeyHintBar.render(into: &buf, hints: hints)
        switch overlay {
        case .help?:
            Dialog.render(into: &buf, title: strings["help.title"], message: strings["help.body"], hints: strings["help.hint"])
        case .confirmQuit?:
            Dialog.render(into: &buf, title: strings["quit.title"], message: strings["quit.body"], hints: strings["quit.hint"], style: .warning)
        case .error(let text)?:
            var hint = limitRefusal != nil ? "\(strings["ext.hint.request"])  \(strings["error.hint"])" : strings["error.hint"]
            if checklistFirst != nil { hint = "\(strings["limit.hint.checklist"])  " + hint }
            Dialog.render(into: &buf, title: strings["error.title"], message: text, hints: hint, style: .error)
        case .info(let text)?:
            Dialog.render(into: &buf, title: strings["info.title"], message: text, hints: strings["error.hint"], style: .warning)
        case nil:
            break
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
