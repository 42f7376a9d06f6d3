// z = 2 (L1 norm) capacity (docs/methods.md §5.3), for the robustness
//   ρ = min_μ y (w·x − θ) / (mean_j w_j · sqrt(N f (1 − f))).
// Optimal weights are a shifted, truncated Gaussian (t − μ)₊ with connection probability
// p = Q(μ). With s(μ) = A1(μ)/sqrt(A2(μ)):
//   α_c(ρ, f) = max_{μ, b} Q(μ)² / (A2(μ) · [f I(s(ρ − b)) + (1 − f) I(s(ρ + b))])
// The inner optimum over b is PatternTerm.minimum at k = s ρ (u = s b).

/// The z = 2 capacity at one robustness ρ, with the optimal weight distribution.
public struct L1CapacityPoint: Sendable, Equatable {
    /// Robustness ρ ≥ 0.
    public var rho: Double
    /// Coding level f.
    public var f: Double
    /// Critical load α_c(ρ, f).
    public var alphaC: Double
    /// Optimal truncation μ* of the weight Gaussian.
    public var mu: Double
    /// Optimal bias b* (0 for f = ½).
    public var bias: Double
    /// Connection probability p_exc = Q(μ*).
    public var connectionProbability: Double
    /// Mean of the non-zero weights, 1/(f p) (weights normalised to mean_j w_j · N f = 1 per
    /// the ρ definition).
    public var meanNonZero: Double
    /// Standard deviation of the non-zero weights, sqrt(A2/Q − (A1/Q)²) / (f A1).
    public var stdNonZero: Double
}

public enum L1Capacity {
    /// α_c(ρ, f) with the optimal μ*, b*, p_exc and non-zero weight statistics.
    ///
    /// μ* is the root of d log α/dμ (exact to ~1e-14) rather than a value-based maximum
    /// (only ~1e-8 on a flat peak), because p_exc = Q(μ*) depends on it linearly:
    ///   d log α/dμ = −2φ/Q + 2 A1/A2 − ρ s'(μ) · slope/value,   s' = −Q/√A2 + A1²/A2^{3/2},
    /// using A1' = −Q, A2' = −2 A1 and the envelope theorem for the inner minimum over b.
    public static func point(rho: Double, f: Double) throws -> L1CapacityPoint {
        try TheoryError.checkNonNegative(rho, name: "rho")
        try TheoryError.checkCodingLevel(f)
        let logSlope = { (mu: Double) throws -> Double in
            let q = Normal.q(mu)
            let a1 = GaussianRamp.firstMoment(threshold: mu)
            let a2 = GaussianRamp.secondMoment(threshold: mu)
            let sqrtA2 = a2.squareRoot()
            let pattern = try PatternTerm.minimum(k: a1 / sqrtA2 * rho, f: f)
            let sPrime = -q / sqrtA2 + a1 * a1 / (a2 * sqrtA2)
            return -2 * Normal.pdf(mu) / q + 2 * a1 / a2 - rho * sPrime * pattern.slope / pattern.value
        }
        // α(μ) is unimodal: rising (slope > 0) left of μ*, falling right of it.
        let (lo, hi) = try Solver1D.expandBracket(lower: -1, upper: 1) { try logSlope($0) > 0 }
        let mu = try Solver1D.root(in: lo, hi, tolerance: 1e-14, logSlope)
        return try evaluate(rho: rho, f: f, mu: mu)
    }

    /// The objective and weight statistics at a given truncation μ (not necessarily optimal).
    /// `point` maximises `alphaC` of this over μ.
    public static func evaluate(rho: Double, f: Double, mu: Double) throws -> L1CapacityPoint {
        let q = Normal.q(mu)
        let a1 = GaussianRamp.firstMoment(threshold: mu)
        let a2 = GaussianRamp.secondMoment(threshold: mu)
        let s = a1 / a2.squareRoot()
        let pattern = try PatternTerm.minimum(k: s * rho, f: f)
        let meanNonZero = 1 / (f * q)
        let stdNonZero = (a2 / q - (a1 / q) * (a1 / q)).squareRoot() / (f * a1)
        return L1CapacityPoint(rho: rho, f: f, alphaC: q * q / (a2 * pattern.value), mu: mu,
                               bias: pattern.bias / s, connectionProbability: q,
                               meanNonZero: meanNonZero, stdNonZero: stdNonZero)
    }

    /// The inverse: the robustness ρ with α_c(ρ, f) = α, for 0 < α ≤ α_c(0, f), with its
    /// connection probability. E.g. f = 0.5: α = 0.08 → ρ = 6.2943, p = 0.07178.
    public static func point(alpha: Double, f: Double) throws -> L1CapacityPoint {
        let alphaZero = try point(rho: 0, f: f).alphaC
        guard alpha > 0, alpha <= alphaZero else {
            throw TheoryError.invalidParameter(
                name: "alpha", value: alpha, requirement: "must lie in (0, alpha_c(rho = 0, f) = \(alphaZero)]")
        }
        if alpha == alphaZero { return try point(rho: 0, f: f) }
        // α_c(ρ) falls monotonically to 0: double the upper end until it is below α.
        var upper = 1.0
        while try point(rho: upper, f: f).alphaC > alpha {
            upper *= 2
            if upper > 1e6 { throw TheoryError.notConverged(what: "L1 inverse bracket") }
        }
        let rho = try Solver1D.root(in: 0, upper, tolerance: 1e-13) { try point(rho: $0, f: f).alphaC - alpha }
        return try point(rho: rho, f: f)
    }

    /// One point per ρ in `rhos` (the table `l1_capacity.csv` for f). The Figure 2 density
    /// line is the parametric curve (alphaC, connectionProbability).
    public static func curve(f: Double, rhos: [Double]) throws -> [L1CapacityPoint] {
        try rhos.map { try point(rho: $0, f: f) }
    }

    /// One point per load α in `alphas` (inverse of `curve`).
    public static func curve(f: Double, alphas: [Double]) throws -> [L1CapacityPoint] {
        try alphas.map { try point(alpha: $0, f: f) }
    }
}
