// The replay weights of one neuron in the soft-min step (docs/methods.md §1.6, step 4), eight
// patterns per vector: a per-element expf call would take more time than the rest of the
// step together.

import Foundation

public enum SoftMinRow {
    typealias Lanes = SIMD8<Float>

    /// Writes P[μ] = Λ_μ·sign(h_μ) / Σ_ν Λ_ν with Λ_μ = exp((−β|h_μ|)/m_i) into `p` (length
    /// m) and returns ŷ_i = Σ_μ P[μ]. Sums use eight-lane accumulators; the last partial
    /// vector is padded with lanes that contribute 0.
    public static func weights(h: UnsafePointer<Float>, p: UnsafeMutablePointer<Float>, m: Int,
                        beta: Float, meanAbs mi: Float) -> Float {
        // Divisions, not products with reciprocals: m_i and the total can be subnormal, whose
        // reciprocals overflow to inf (then 0·inf = NaN).
        var acc = Lanes()
        var mu = 0
        while mu < m {
            let lanes = min(8, m &- mu)
            let lam = VectorExp.exp((-beta * EightLanes.magnitude(EightLanes.load(h + mu, lanes))) / mi)
                .replacing(with: 0, where: EightLanes.padding(lanes))
            EightLanes.store(lam, p + mu, lanes)
            acc += lam
            mu &+= 8
        }
        var total = acc.sum()
        if !(total > 0) {
            // Deviation: every Λ underflowed (possible at small N when the previous epoch's
            // m_i is far below all current |h|); the original then divides 0/0 and the neuron
            // dies of NaN. Use the same soft-min shifted by its largest exponent, which is the
            // mathematically identical P without underflow.
            var top = -Float.infinity
            for mu in 0..<m { top = max(top, (-beta * abs(h[mu])) / mi) }
            total = 0
            for mu in 0..<m {
                let lam = Foundation.exp((-beta * abs(h[mu])) / mi - top)
                p[mu] = lam
                total += lam
            }
        }
        var s = Lanes()
        mu = 0
        while mu < m {
            let lanes = min(8, m &- mu)
            let hv = EightLanes.load(h + mu, lanes)
            var sign = Lanes()
            sign.replace(with: 1, where: hv .> 0)
            sign.replace(with: -1, where: hv .< 0)
            let v = (EightLanes.load(p + mu, lanes) * sign) / total
            EightLanes.store(v, p + mu, lanes)
            s += v
            mu &+= 8
        }
        return s.sum()
    }
}
