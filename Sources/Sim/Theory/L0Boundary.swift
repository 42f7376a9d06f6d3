// z → ∞ (L0) "no solutions" boundary (docs/methods.md §5.4). With a fraction l0 of
// connections allowed and Q(μ) = l0/2 (μ ≥ 0):
//   α_0(κ, l0) = [μ φ(μ) + Q(μ)] / min_u Fout(κ/σ_f, u),   connection density l0/2.
// Below the curve (α_0, l0/2) no weight vector of that density stores the patterns at
// margin κ, whatever the norm exponent z. Only f = ½ is published; other f use the same
// formula as its natural extension.

/// One point of the L0 boundary.
public struct L0BoundaryPoint: Sendable, Equatable {
    /// The L0 budget l0 ∈ (0, 1].
    public var l0: Double
    /// Margin κ.
    public var kappa: Double
    /// Coding level f.
    public var f: Double
    /// Truncation μ ≥ 0 with Q(μ) = l0/2.
    public var mu: Double
    /// The boundary load α_0(κ, l0).
    public var alpha0: Double
    /// Connection density l0/2 (the y coordinate of the Figure 2 boundary).
    public var density: Double { l0 / 2 }
}

public enum L0Boundary {
    /// α_0(κ, l0) with f = ½ by default. Checks: α_0(0, 0.001) = 0.0127, α_0(0, 1) = 1.
    public static func point(l0: Double, kappa: Double = 0, f: Double = 0.5) throws -> L0BoundaryPoint {
        guard l0 > 0, l0 <= 1 else {
            throw TheoryError.invalidParameter(name: "l0", value: l0, requirement: "must lie in (0, 1]")
        }
        let mu = max(0, Normal.inverseQ(l0 / 2))
        return try point(mu: mu, kappa: kappa, f: f)
    }

    /// α_0 for each l0 in `l0s`; plot (alpha0, density).
    public static func curve(l0s: [Double], kappa: Double = 0, f: Double = 0.5) throws -> [L0BoundaryPoint] {
        try l0s.map { try point(l0: $0, kappa: kappa, f: f) }
    }

    /// The inverse: the minimal connection density at load α, i.e. the point with
    /// α_0(κ, l0) = α, for 0 < α ≤ α_0(κ, 1). E.g. κ = 0, f = ½: α = 0.08 → density 0.00466.
    public static func minimalDensity(alpha: Double, kappa: Double = 0, f: Double = 0.5) throws -> L0BoundaryPoint {
        let denominator = try patternMinimum(kappa: kappa, f: f)
        let alphaMax = 0.5 / denominator
        guard alpha > 0, alpha <= alphaMax else {
            throw TheoryError.invalidParameter(
                name: "alpha", value: alpha, requirement: "must lie in (0, alpha_0(kappa, l0 = 1) = \(alphaMax)]")
        }
        // μ φ(μ) + Q(μ) falls monotonically (derivative −μ² φ) from ½ at μ = 0 to 0.
        let excess = { (mu: Double) -> Double in tailSecondMoment(mu) / denominator - alpha }
        var upper = 1.0
        while excess(upper) > 0 {
            upper *= 2
            if upper > 64 { throw TheoryError.notConverged(what: "L0 inverse bracket (alpha too small)") }
        }
        let mu = try Solver1D.root(in: 0, upper, tolerance: 1e-14, excess)
        return try point(mu: mu, kappa: kappa, f: f)
    }

    /// α_0 at a given truncation μ ≥ 0.
    static func point(mu: Double, kappa: Double, f: Double) throws -> L0BoundaryPoint {
        let alpha0 = tailSecondMoment(mu) / (try patternMinimum(kappa: kappa, f: f))
        return L0BoundaryPoint(l0: 2 * Normal.q(mu), kappa: kappa, f: f, mu: mu, alpha0: alpha0)
    }

    /// E[t² ; t > μ] = μ φ(μ) + Q(μ).
    static func tailSecondMoment(_ mu: Double) -> Double {
        mu * Normal.pdf(mu) + Normal.q(mu)
    }

    static func patternMinimum(kappa: Double, f: Double) throws -> Double {
        try TheoryError.checkNonNegative(kappa, name: "kappa")
        try TheoryError.checkCodingLevel(f)
        return try PatternTerm.minimum(k: kappa / (f * (1 - f)).squareRoot(), f: f).value
    }
}
