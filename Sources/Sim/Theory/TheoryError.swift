// Errors of the theory curves: a parameter outside the domain of a closed form, or a
// 1-D solver that could not bracket / converge. Each message names the parameter.

public enum TheoryError: Error, Equatable, CustomStringConvertible, Sendable {
    /// `name` = `value` is outside the domain described by `requirement`.
    case invalidParameter(name: String, value: Double, requirement: String)
    /// A bracketed root search got an interval whose ends have the same sign.
    case noSignChange(lower: Double, upper: Double)
    /// A solver used up its iterations (should not happen for the smooth functions here).
    case notConverged(what: String)

    public var description: String {
        switch self {
        case let .invalidParameter(name, value, requirement):
            return "invalid \(name) = \(value): \(requirement)"
        case let .noSignChange(lower, upper):
            return "root finder: no sign change on [\(lower), \(upper)]"
        case let .notConverged(what):
            return "\(what) did not converge"
        }
    }

    /// Throws `invalidParameter` unless `f` is a coding level in (0, 1).
    static func checkCodingLevel(_ f: Double, name: String = "f") throws {
        guard f > 0, f < 1 else {
            throw TheoryError.invalidParameter(name: name, value: f, requirement: "must lie in (0, 1)")
        }
    }

    /// Throws `invalidParameter` unless `x` is finite and ≥ 0.
    static func checkNonNegative(_ x: Double, name: String) throws {
        guard x.isFinite, x >= 0 else {
            throw TheoryError.invalidParameter(name: name, value: x, requirement: "must be finite and >= 0")
        }
    }
}
