/// Errors raised by algorithms.
public enum AlgorithmError: Error, Equatable, CustomStringConvertible, Sendable {
    /// An iterative method did not reach the tolerance within the iteration limit.
    case didNotConverge(measure: String, iterations: Int, tolerance: Double)
    /// The measure needs something the graph does not have (for example weights).
    case unsupported(measure: String, reason: String)
    /// A parameter is out of its range.
    case invalidParameter(name: String, reason: String)

    public var description: String {
        switch self {
        case let .didNotConverge(measure, iterations, tolerance):
            return "\(measure) did not converge within \(iterations) iterations to tolerance \(tolerance)"
        case let .unsupported(measure, reason):
            return "\(measure): \(reason)"
        case let .invalidParameter(name, reason):
            return "invalid \(name): \(reason)"
        }
    }
}
