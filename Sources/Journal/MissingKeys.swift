/// Whose keys were missing while sealed records were read (filled by the reading thread, read
/// once the fold is done).
final class MissingKeys: @unchecked Sendable {
    private(set) var ids = Set<Int32>()
    func insert(_ id: Int32) { ids.insert(id) }
}
