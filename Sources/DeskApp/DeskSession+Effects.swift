import Foundation
import Journal
import Services
import ShelterDomain
import TerminalUI

extension DeskSession {
    /// Carries out what a screen asked for. Returns false when the application should end.
    func run(_ effect: DeskEffect) -> Bool {
        switch effect {
        case .none: break
        case .quit:
            quitRequested = true
            return false
        case .backSaying(let text):
            _ = run(.back)
            message = text
        case .back:
            // Back to the screen underneath; a screen restored alone (after a lock) goes home.
            if router.pop() { break }
            switch mode {
            case .setup: router.reset(.choose)
            case .staff, .search, .intake, .board, .approvals, .inventory, .returns, .occupancy, .audit,
                 .checklist, .merge, .returnPlan, .pickClient: router.open(.home)
            default: break
            }
        case .startSetup:
            router.push(.setup(SetupWizard(strings: strings)))
        case .createDemo:
            do {
                _ = try DemoGenerator.write(path: path, seed: 1, today: AmsterdamTime.night(of: clock()), rules: rules)
                store = try EventStore.open(path: path, clock: clock)
                router.reset(.rolePicker)
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
                router.reset(.login(LoginScreen(strings: strings, username: d.username)))
            } catch let e as StoreError {
                overlay = .error(e.text(strings.lang))
            } catch let e as JournalError {
                overlay = .error(e.description)
            } catch {
                overlay = .error("\(error)")
            }
        case .pickDemoRole(let username):
            guard let store, let id = store.state.roster.staffByUsername[username] else { break }
            do {
                try store.execute(.recordLogin(staff: id, success: true), actor: id)
                loggedIn(id, restoring: nil)
            } catch {
                overlay = .error(failureText(error))
            }
        case let .attemptLogin(username, pin):
            attemptLogin(username: username, pin: pin)
        case .logout:
            logout()
        case .openChecklist:
            guard case .search(let sc) = mode, let id = sc.opened, let client = store?.state.files.clients[id] else {
                if case .checklist = mode { break }
                message = strings["cl.pickClient"]
                if case .search = mode {} else { router.open(.search(SearchScreen())) }
                break
            }
            guard let rules else { overlay = .error(strings["cl.noRules"]); break }
            let current = rules.withNorms(store?.state.assistanceNorms ?? [])
            // A re-assessment starts from the previous answers (each marked as such).
            router.push(.checklist(ChecklistWizard(client: client, today: AmsterdamTime.local(clock()).day, rules: current,
                                                   previous: store?.state.files.assessments[id]?.last?.answers, lang: strings.lang)))
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
                    refused.append("\(store.state.files.clients[c]?.fullName ?? "#\(c)"): \(failureText(error))")
                }
            }
            message = strings.format("board.reservedAll", done, refused.count)
            if !refused.isEmpty { overlay = .error(refused.joined(separator: "\n")) }
        case .openApprovals:
            router.open(.approvals(ApprovalsScreen()))
        case .openInventory:
            guard staff?.role == .supervisor else { message = strings["file.onlySupervisor"]; break }
            router.open(.inventory(InventoryScreen()))
        case .requestExtension:
            guard let r = limitRefusal, case .board(var b) = mode else { break }
            limitRefusal = nil
            b.openRequest(client: r.client, location: r.location, reason: r.reason, strings: strings)
            mode = .board(b)
        case .message(let text):
            message = text
        case let .messageWithInfo(text, info):
            message = text
            overlay = .info(info)
        case .undoLastAction:
            // Only what was done at this desk since logging in (not another terminal's or a demo's history).
            guard undoableHere else { message = strings["undo.nothingHere"]; break }
            return run(.execute(.undoLastAction))
        case .openBoard:
            if case .board = mode { break }
            var b = BoardScreen(night: AmsterdamTime.night(of: clock()))
            b.location = user.flatMap { boardLocation[$0] }  // Oost staff see Oost again
            router.open(.board(b))
        case let .pickClient(night, bed):
            guard case .board = mode, let st = store?.state else { break }
            var sc = SearchScreen()
            sc.picking = true
            if let bed { sc.setSuggestions(BedSuggestions.clients(for: bed, night: night, state: st)) }
            router.push(.pickClient(ClientPicker(search: sc, bed: bed, night: night)))
        case .picked(let client):
            guard case .pickClient(let picker) = mode else { break }
            let bed = picker.bed, night = picker.night
            guard let bed else {
                if execute(.addToWaitlist(night: night, client: client, note: "")) {
                    router.pop()
                    message = strings["wait.added"]
                }
                break
            }
            if execute(.assignBed(night: night, bed: bed, client: client)) {
                router.pop()
                undoableHere = true
                // Name who and what: the bed, its location, the person with number, the night.
                let st = store?.state
                let label = st?.inventory.beds[bed]?.label ?? "", loc = st?.inventory.beds[bed].flatMap { st?.inventory.locations[$0.locationID]?.name } ?? ""
                message = strings.fill("board.assignedTo", label, loc, st?.files.clients[client]?.fullName ?? "", String(client), strings.shortNight(night))
            } else if offerRefusalAction(client: client, bed: bed, night: night) {
                router.pop()
            }
        case .openIntake(let prefill):
            router.open(.intake(IntakeScreen(strings: strings, prefill: prefill)))
        case .openClient(let id):
            var sc = SearchScreen()
            sc.opened = id
            router.open(.search(sc))
        case .openSearch:
            if case .search(var sc) = mode { sc.opened = nil; mode = .search(sc); break }
            router.open(.search(SearchScreen()))
        case .openStaff:
            guard staff?.role == .supervisor else { message = strings["staff.onlySupervisors"]; break }
            router.open(.staff(StaffScreen()))
        case .editClient(let id):
            guard let c = store?.state.files.clients[id] else { break }
            router.push(.intake(IntakeScreen(strings: strings, editing: c)))
        case let .openMerge(survivor, absorbed):
            guard case .search = mode, let st = store?.state, let a = st.files.clients[survivor] else { break }
            guard let b = st.files.clients[absorbed], absorbed != survivor else { message = DomainError.unknownClient(absorbed).text(strings.lang); break }
            router.push(.merge(MergeScreen(survivor: a, absorbed: b, strings: strings)))
        case .openReturnPlan(let id):
            guard case .search = mode, let st = store?.state, let c = st.files.clients[id] else { break }
            router.push(.returnPlan(ReturnPlanScreen(client: c, plan: st.activeReturnPlan(of: id) ?? st.latestReturnPlan(of: id),
                                                     today: AmsterdamTime.local(clock()).day, strings: strings)))
        case .openReturns:
            router.open(.returns(ReturnsOverview()))
        case .openOccupancy:
            guard staff?.role.permissions.contains(.viewReports) == true else { message = strings["occ.notForDesk"]; break }
            router.open(.occupancy(OccupancyScreen()))
        case .openAudit:
            guard staff?.role == .supervisor, store != nil else { message = strings["file.onlySupervisor"]; break }
            do { router.open(.audit(AuditScreen(events: try allEvents()))) } catch { overlay = .error("\(error)") }
        case .toggleLanguage:
            guard let id = user else { break }
            let next = strings.lang == "nl" ? "en" : "nl"
            execute(.setLanguage(staff: id, language: next))
            if store?.state.roster.staff[id]?.language == next {
                strings = Strings(lang: next)
                message = strings["lang.changed"]
            }
        case let .registerDistinct(registration, others):
            guard execute(registration), let id = store?.state.files.clients.keys.max() else { break }
            for o in others { execute(.dismissDuplicate(id, o)) }
            return run(.showRegistered(id))
        case .showRegistered(let id):
            var sc = SearchScreen()
            sc.opened = id
            sc.closeToHome = true
            mode = .search(sc)
            message = registeredMessage(id)
        case .execute(let command):
            guard execute(command) else {
                // The screen learns its command was refused (by the typed reason) and keeps its input.
                if let refusal = lastRefusal, var screen = mode.screen, let c = screenContext {
                    _ = screen.update(.refused(refusal), context: c)
                    mode.replaceScreen(screen)
                }
                // A bed refused on the board (t: the same bed tomorrow, p: from the waiting list)
                // offers the same way forward as the picker.
                if case .board = mode, case let .assignBed(n, bed, client) = command { _ = offerRefusalAction(client: client, bed: bed, night: n) }
                break
            }
            noteUndoable(command)
            // A converted screen learns the outcome of its own command and says what it means.
            if var screen = mode.screen {
                guard let c = screenContext else { break }
                let said = screen.update(.recorded(lastEvents), context: c)
                mode.replaceScreen(screen)
                return run(said)
            }
        }
        return true
    }

    /// Whether `u` has something of this desk's to take back: a bed action or an exit recorded
    /// here since logging in; taken back (or a reservation cancelled) leaves nothing.
    func noteUndoable(_ command: Command) {
        switch command {
        case .assignBed, .assignHouseholdBeds, .checkIn, .checkOut, .releaseReservation(_, _, true), .releaseNoShows, .endStay, .endStayWithOverride:
            undoableHere = true
        case .cancelReservation, .undoLastAction: undoableHere = false
        default: break
        }
    }
}
