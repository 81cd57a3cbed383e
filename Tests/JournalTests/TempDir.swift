import Foundation
@testable import Journal
import ShelterDomain

/// A private temporary directory removed when the test ends.
final class TempDir {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "onderdak-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String) -> String { path + "/" + name }
    func bytes(_ name: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: file(name)) ?? Data()) }
    func write(_ name: String, _ bytes: [UInt8]) { FileManager.default.createFile(atPath: file(name), contents: Data(bytes)) }
    func list() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }
}

let fixedClock: @Sendable () -> Timestamp = { Timestamp(utcDay: Day.parseISO("2026-11-23")!, seconds: 18 * 3600) }

/// A journal with a supervisor (1), a desk member (2), one location with 4 beds and 3 clients.
func makeSmallJournal(_ path: String) throws -> EventStore {
    let s = try EventStore.create(path: path, isDemo: false, label: "test", installationID: [1, 2, 3], clock: fixedClock)
    try s.execute(.configureShelter(name: "De Haven", municipality: "Utrecht"), actor: systemActor)
    try s.execute(.addStaff(username: "ineke", displayName: "Ineke", role: .supervisor, credential: nil), actor: systemActor)
    try s.execute(.addStaff(username: "joost", displayName: "Joost", role: .desk, credential: nil), actor: 1)
    try s.execute(.addLocation(name: "Centrum", municipality: "Utrecht", policy: StayPolicy(maxNights: 28)), actor: 1)
    try s.execute(.addRoom(location: 1, name: "A"), actor: 1)
    for i in 1...4 { try s.execute(.addBed(room: 1, label: "A\(i)", attributes: []), actor: 1) }
    for n in ["Łukasz Wójcik", "Иван Петров", "Győző Kovács"] {
        let parts = n.split(separator: " ").map(String.init)
        try s.execute(.registerClient(Client(id: 0, givenNames: parts[0], familyNames: parts[1], gender: .man, nationality: "PL")), actor: 2)
    }
    return s
}

/// Byte offsets of every record in a journal file.
func recordOffsets(_ bytes: [UInt8]) -> [Int] {
    var out: [Int] = []
    var o = 0
    while o + 16 <= bytes.count {
        out.append(o)
        let len = Int(bytes[o + 8]) | Int(bytes[o + 9]) << 8 | Int(bytes[o + 10]) << 16 | Int(bytes[o + 11]) << 24
        o += 52 + len
    }
    return out
}
