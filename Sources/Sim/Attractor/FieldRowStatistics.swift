// Per-neuron statistics of the local fields, eight patterns per vector. The scalar loop
// (with a Double running sum and a data-dependent branch per pattern) took as long as the
// whole soft-min step once that was vectorised.

/// min_μ G, its first argmin, mean_μ |H| and the training-error count of one neuron, where
/// G = Y ⊙ H and Y = 2X − 1.
public struct FieldRowStatistics {
    typealias Lanes = SIMD8<Float>

    public let min: Float
    public let argmin: Int
    public let meanAbs: Float
    /// Σ_μ (1 − y sign(h))/2 with sign(0) = 0: errors count 1, zero fields 1/2.
    public let errors: Double

    public init(h: UnsafePointer<Float>, x: UnsafePointer<Float>, m: Int) {
        let inf = Lanes(repeating: .infinity), one = Lanes(repeating: 1)
        var low = inf, absSum = Lanes(), wrong = Lanes(), zero = Lanes()
        var mu = 0
        while mu < m {
            let lanes = Swift.min(8, m &- mu)
            let hv = EightLanes.load(h + mu, lanes)
            // Padding lanes get G = +inf: never the minimum, never an error.
            let g = ((2 * EightLanes.load(x + mu, lanes) - 1) * hv).replacing(with: inf, where: EightLanes.padding(lanes))
            low.replace(with: g, where: g .< low)
            absSum += EightLanes.magnitude(hv)
            wrong += Lanes().replacing(with: one, where: g .< 0)
            zero += Lanes().replacing(with: one, where: g .== 0)
            mu &+= 8
        }
        min = low.min()
        var first = 0
        if min < .infinity {
            for k in 0..<m where (2 * x[k] - 1) * h[k] == min {
                first = k
                break
            }
        }
        argmin = first
        meanAbs = absSum.sum() / Float(m)
        errors = Double(wrong.sum()) + 0.5 * Double(zero.sum())
    }
}
