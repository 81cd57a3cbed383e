/// A test cluster that could not be made, started, stopped or promoted (with the program's output).
enum ClusterError: Error, CustomStringConvertible {
    case failed(String)
    var description: String { if case .failed(let s) = self { return s }; return "" }
}
