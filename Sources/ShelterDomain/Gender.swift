/// Gender as the client gives it; `unknownOrOther` is always allowed.
public enum Gender: UInt8, Sendable, CaseIterable {
    case man = 1, woman = 2, unknownOrOther = 3
    public var code: String {
        switch self { case .man: "m"; case .woman: "v"; case .unknownOrOther: "x" }
    }
}
