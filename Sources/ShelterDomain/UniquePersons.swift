/// Unique persons over several organisations' exports, by their regional linkage keys: each
/// key counts once however many organisations (or duplicate records in one) hold it. Persons
/// without a key (no birth date) cannot be linked and are counted apart.
public struct UniquePersons: Equatable, Sendable {
    public var inputs: Int
    /// Distinct linkage keys over all inputs.
    public var unique: Int
    /// Keys present in two or more inputs.
    public var inMoreThanOne: Int
    /// Rows without a linkage key (counted per row: they may be the same person).
    public var unlinkable: Int
    /// Rows per input.
    public var rowsPerInput: [Int]

    /// - Parameter keys: per input (organisation), the `linkage_key` of each person row.
    public init(keys: [[String]]) {
        var orgs: [String: Int] = [:]
        var unlinkable = 0
        for list in keys {
            for k in Set(list) where !k.isEmpty { orgs[k, default: 0] += 1 }
            unlinkable += list.filter(\.isEmpty).count
        }
        inputs = keys.count
        unique = orgs.count
        inMoreThanOne = orgs.values.filter { $0 > 1 }.count
        self.unlinkable = unlinkable
        rowsPerInput = keys.map(\.count)
    }
}
