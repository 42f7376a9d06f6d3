// The pattern (energetic) term of the replica capacity with a free normalised bias u:
//   Fout(k, u) = f · I(k − u) + (1 − f) · I(k + u)
// minimised over u. All three norms (z = 1, 2, ∞) divide by this minimum.

/// Minimum over the bias u of the pattern term Fout(k, u), with its minimiser and slope.
public struct PatternTermMinimum: Sendable, Equatable {
    /// min_u Fout(k, u).
    public var value: Double
    /// The minimising bias u* (0 for f = ½, negative for f < ½).
    public var bias: Double
    /// d/dk of the minimum = 2 [f F(k − u*) + (1 − f) F(k + u*)] (envelope theorem).
    public var slope: Double
}

public enum PatternTerm {
    /// Fout(k, u) = f I(k − u) + (1 − f) I(k + u).
    public static func value(k: Double, bias u: Double, f: Double) -> Double {
        f * GaussianRamp.integralI(k - u) + (1 - f) * GaussianRamp.integralI(k + u)
    }

    /// min_u Fout(k, u) for coding level f ∈ (0, 1).
    ///
    /// The minimiser solves f F(k − u) = (1 − f) F(k + u); the left side falls and the right
    /// side rises with u, so the root is unique and found by a bracketed Brent search.
    public static func minimum(k: Double, f: Double) throws -> PatternTermMinimum {
        try TheoryError.checkCodingLevel(f)
        guard k.isFinite else {
            throw TheoryError.invalidParameter(name: "k", value: k, requirement: "must be finite")
        }
        var u = 0.0
        if f != 0.5 {
            let balance = { (u: Double) -> Double in
                f * GaussianRamp.integralF(k - u) - (1 - f) * GaussianRamp.integralF(k + u)
            }
            let (lo, hi) = try Solver1D.expandBracket(lower: -1, upper: 1) { balance($0) > 0 }
            u = try Solver1D.root(in: lo, hi, tolerance: 1e-15, balance)
        }
        let slope = 2 * (f * GaussianRamp.integralF(k - u) + (1 - f) * GaussianRamp.integralF(k + u))
        return PatternTermMinimum(value: value(k: k, bias: u, f: f), bias: u, slope: slope)
    }
}
