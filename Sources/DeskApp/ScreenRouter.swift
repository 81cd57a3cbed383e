/// The desk's navigation: a stack of screens, the top one shown. A screen opened *from*
/// another — the checklist, a merge, a return plan or a correction from a client's file, the
/// client picker from the board — is pushed over it, and going back pops to exactly what was
/// there (the same file, the same night, the same row). The top-level screens (F2–F8, and the
/// home screen's letters) start again over the home screen, so Esc from any of them goes home.
/// The session owns one router; screens never see it, they ask for navigation by effects.
public struct ScreenRouter {
    /// Bottom first; never empty.
    public private(set) var stack: [DeskMode]

    public init(_ root: DeskMode) { stack = [root] }

    /// The screen shown. Setting it replaces the top (the same place, a new state).
    public var top: DeskMode {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }

    /// The screen underneath the top one, if any.
    public var below: DeskMode? { stack.count > 1 ? stack[stack.count - 2] : nil }

    /// Shows `screen` over the current one; going back returns here.
    public mutating func push(_ screen: DeskMode) { stack.append(screen) }

    /// Goes back to the screen underneath. False (nothing changes) at the bottom.
    @discardableResult
    public mutating func pop() -> Bool {
        guard stack.count > 1 else { return false }
        stack.removeLast()
        return true
    }

    /// Starts over with `screen` alone (logging in and out, a new journal).
    public mutating func reset(_ screen: DeskMode) { stack = [screen] }

    /// Opens a top-level screen: over home, whatever was open before.
    public mutating func open(_ screen: DeskMode) {
        if case .home = screen { stack = [.home] } else { stack = [.home, screen] }
    }
}
