// z = 1 (L2 norm) capacity of the sign-constrained neuron (docs/methods.md §5.2):
//   α_c(κ, f) = ½ / min_u Fout(κ/σ_f, u),   σ_f = sqrt(f (1 − f)),
// where κ = min_μ y (w·x − θ)/‖w‖₂ on raw 0/1 patterns. The ½ is the sign constraint:
// the optimal weights are half-Gaussian, so the connection density is 0.5 for every κ, f.

public enum L2Capacity {
    /// Critical load α_c(κ, f) for margin κ ≥ 0 and coding level f ∈ (0, 1).
    /// E.g. α_c(0.1, 0.5) = 0.734604, α_c(1, 0.05) = 0.105847.
    public static func alphaC(kappa: Double, f: Double) throws -> Double {
        try TheoryError.checkNonNegative(kappa, name: "kappa")
        try TheoryError.checkCodingLevel(f)
        let sigma = (f * (1 - f)).squareRoot()
        return 0.5 / (try PatternTerm.minimum(k: kappa / sigma, f: f).value)
    }

    /// The critical load at κ → 0, used to normalise every load axis:
    /// 1.0, 1.956451, 3.041423, 4.312706, 9.598643 for f = 0.5, 0.1, 0.05, 0.03, 0.01.
    public static func criticalLoad(f: Double) throws -> Double {
        try alphaC(kappa: 0, f: f)
    }

    /// The inverse κ_max(α, f): the largest margin at which load α can still be stored,
    /// for 0 < α ≤ α_c(0, f). E.g. f = 0.5: α = 0.08 → 1.145902, 0.7 → 0.116289.
    public static func kappaMax(alpha: Double, f: Double) throws -> Double {
        let alphaZero = try criticalLoad(f: f)
        guard alpha > 0, alpha <= alphaZero else {
            throw TheoryError.invalidParameter(
                name: "alpha", value: alpha, requirement: "must lie in (0, alpha_c(0, f) = \(alphaZero)]")
        }
        if alpha == alphaZero { return 0 }
        // α_c(κ) falls monotonically from α_c(0) to 0: double the upper end until it is below α.
        var upper = 1.0
        while try alphaC(kappa: upper, f: f) > alpha {
            upper *= 2
            if upper > 1e6 { throw TheoryError.notConverged(what: "kappaMax bracket") }
        }
        return try Solver1D.root(in: 0, upper, tolerance: 1e-14) { try alphaC(kappa: $0, f: f) - alpha }
    }

    /// α_c(κ, f) for each κ in `kappas` (the Figure 2 L2 theory line, or the table
    /// `l2_capacity.csv` column for f).
    public static func curve(f: Double, kappas: [Double]) throws -> [Double] {
        try kappas.map { try alphaC(kappa: $0, f: f) }
    }

    /// κ_max(α, f) for each α in `alphas` (the dotted margin-vs-load line of Figure 2).
    public static func kappaMaxCurve(f: Double, alphas: [Double]) throws -> [Double] {
        try alphas.map { try kappaMax(alpha: $0, f: f) }
    }
}
