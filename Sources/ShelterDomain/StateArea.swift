/// The part of `ShelterState` an event type belongs to (`EventType.area`): `evolve` hands each
/// event to its area's fold, and the snapshot keeps each area in a section of its own.
public enum StateArea: Sendable, CaseIterable {
    /// The shelter's name, assistance norms, the retention policy, export and refusal counters.
    case settings
    /// Staff accounts and logins (`StaffRoster`).
    case staff
    /// Locations, rooms, beds, bed service and cold weather (`BedInventory`).
    case inventory
    /// Beds per night and the waiting list (`NightLedger`).
    case nights
    /// Cancellations and undos of bed actions (`NightLedger`, and the stay an undone exit reopens).
    case undo
    /// Client records and their files (`ClientFiles`).
    case files
    /// Stay-extension requests (`StayRequests`).
    case requests
    /// Voluntary-return plans (`ReturnPlanBook`).
    case returns
    /// Referrals, administrative status, households and the rest of care (`CareRecords`).
    case care
}
