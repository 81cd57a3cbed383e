@preconcurrency import CNCursesw
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Terminal state saved before ncurses starts, restored by the fatal-signal handler.
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var terminalActive = false

/// Async-signal-safe restore: termios back, leave the alternate screen, show the cursor,
/// then die of the same signal with the default action.
private func fatalSignalHandler(_ sig: Int32) {
    if terminalActive {
        _ = tcsetattr(0, TCSANOW, &savedTermios)
        let reset: StaticString = "\u{1B}[0m\u{1B}[?1049l\u{1B}[?25h\r\n"
        _ = write(1, reset.utf8Start, reset.utf8CodeUnitCount)
    }
    signal(sig, SIG_DFL)
    raise(sig)
}

/// The ncurses backend: the ONLY code that imports CNCursesw. Copies changed cells to the
/// screen, reads keys with `get_wch`, handles KEY_RESIZE, colours with a monochrome fallback
/// (and `NO_COLOR`), and always restores the terminal: normal exit, error, fatal signal.
public final class NcursesBackend: Backend {
    var previous: Buffer?
    let useColor: Bool

    public init(noColor: Bool) {
        setlocale(LC_ALL, "")
        tcgetattr(0, &savedTermios)
        for sig in [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            signal(sig, fatalSignalHandler)
        }
        atexit { if terminalActive { endwin(); terminalActive = false } }
        // A parent may have blocked or ignored SIGWINCH (inherited across exec): ncurses needs it.
        var winch = sigset_t()
        sigemptyset(&winch)
        sigaddset(&winch, SIGWINCH)
        sigprocmask(SIG_UNBLOCK, &winch, nil)
        signal(SIGWINCH, SIG_DFL)
        // Follow the terminal's real size on resize, not LINES/COLUMNS a parent process exported
        // (ncurses would otherwise keep using those and ignore the window's size).
        unsetenv("LINES")
        unsetenv("COLUMNS")
        initscr()
        terminalActive = true
        raw()
        noecho()
        nonl()
        keypad(od_stdscr(), true)
        set_escdelay(25)
        useColor = !noColor && has_colors()
        if useColor {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_YELLOW), -1)
            init_pair(2, Int16(COLOR_RED), -1)
            init_pair(3, Int16(COLOR_GREEN), -1)
            init_pair(4, Int16(COLOR_WHITE), Int16(COLOR_BLUE))
            init_pair(5, Int16(COLOR_WHITE), Int16(COLOR_RED))
            init_pair(6, Int16(COLOR_BLACK), Int16(COLOR_CYAN))
        }
        curs_set(0)
    }

    /// Ends ncurses and gives the terminal back as it was.
    public func shutdown() {
        if terminalActive { endwin(); terminalActive = false }
    }

    deinit { shutdown() }

    public var size: (width: Int, height: Int) {
        (Int(od_getmaxx(od_stdscr())), Int(od_getmaxy(od_stdscr())))
    }

    func attributes(_ style: Style) -> (attr_t, Int16) {
        switch style {
        case .normal: return (od_a_normal(), 0)
        case .bold: return (od_a_bold(), 0)
        case .muted: return (od_a_dim(), 0)
        case .selected: return useColor ? (od_a_normal(), 6) : (od_a_reverse(), 0)
        case .warning: return useColor ? (od_a_bold(), 1) : (od_a_bold(), 0)
        case .error: return useColor ? (od_a_bold(), 2) : (od_a_bold() | od_a_underline(), 0)
        case .success: return useColor ? (od_a_normal(), 3) : (od_a_normal(), 0)
        case .header: return useColor ? (od_a_bold(), 4) : (od_a_reverse(), 0)
        case .banner: return useColor ? (od_a_bold(), 5) : (od_a_reverse() | od_a_bold(), 0)
        }
    }

    func put(_ cell: Cell, x: Int, y: Int) {
        let (attr, pair) = attributes(cell.style)
        var wcs: [wchar_t] = cell.grapheme.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        if wcs.isEmpty { wcs = [wchar_t(32)] }
        wcs.append(0)
        _ = od_put_cell(Int32(y), Int32(x), wcs, attr, pair)
    }

    public func present(_ buffer: Buffer) {
        let full = previous.map { $0.width != buffer.width || $0.height != buffer.height } ?? true
        if full { clear() }
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if !full, let p = previous, p[x, y] == cell { continue }
                if cell.width == 0 {
                    if x > 0, buffer[x - 1, y].width == 2 { put(buffer[x - 1, y], x: x - 1, y: y) }
                    continue
                }
                put(cell, x: x, y: y)
            }
        }
        if let c = buffer.cursor {
            curs_set(1)
            move(Int32(c.y), Int32(c.x))
        } else {
            curs_set(0)
        }
        refresh()
        previous = buffer
    }

    public func readKey(timeoutMs: Int) -> Key? {
        timeout(Int32(timeoutMs))
        var ch: wint_t = 0
        let r = get_wch(&ch)
        if r == od_err() { return nil }
        if r == od_key_code_yes() {
            let code = Int32(ch)
            switch code {
            case od_key_resize(): previous = nil; return .resize
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_DC: return .delete
            case KEY_BACKSPACE: return .backspace
            case KEY_ENTER: return .enter
            case KEY_BTAB: return .backTab
            default:
                for n in 1...12 where code == od_key_f(Int32(n)) { return .function(n) }
                return nil
            }
        }
        switch ch {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(ch) + 96)))
        default:
            guard let u = Unicode.Scalar(UInt32(ch)), ch >= 32 else { return nil }
            return .char(Character(u))
        }
    }
}
