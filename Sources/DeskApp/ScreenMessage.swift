import ShelterDomain
import TerminalUI

/// What a screen is told: a key, a tick of the clock, or the outcome of the command its own
/// last effect asked for — recorded (the events) or refused (the typed reason, matched by its
/// case, never by its translated text).
public enum ScreenMessage {
    case key(Key)
    case tick
    case recorded([RecordedEvent])
    case refused(DomainError)
}
