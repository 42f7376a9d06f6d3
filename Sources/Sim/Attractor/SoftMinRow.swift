// The replay weights of one neuron in the soft-min step (docs/methods.md §1.6, step 4), eight
// patterns per vector: a per-element expf call would take more time than the rest of the
// step together.

import Foundation

public enum SoftMinRow {
    public typealias Lanes = SIMD8<Float>

    /// Writes P[μ] = Λ_μ·sign(h_μ) / Σ_ν Λ_ν with Λ_μ = exp((−β|h_μ|)/m_i) into `p` (length
    /// m) and returns ŷ_i = Σ_μ P[μ]. Sums use eight-lane accumulators; the last partial
    /// vector is padded with lanes that contribute 0.
    ///
    /// With β = 100 most Λ, often their total, and many P are subnormal, and on Intel CPUs every
    /// instruction that reads or makes a subnormal takes a microcode assist (docs/methods.md,
    /// Conventions). So the arithmetic runs on Λ·2^64, which is normal: scaling by a power of
    /// two is exact, sums of the scaled values are the scaled sums (in the subnormal range a
    /// Float sum is exact anyway), and Λ·2^64/(ΣΛ·2^64) is the same quotient. Each P is rounded
    /// from that quotient, a subnormal one by building its bits from its integer mantissa.
    /// The bits are those of the plain Float formula (a test compares them with it).
    public static func weights(h: UnsafePointer<Float>, p: UnsafeMutablePointer<Float>, m: Int,
                        beta: Float, meanAbs mi: Float) -> Float {
        // Divisions, not products with reciprocals: m_i can be subnormal, whose reciprocal
        // overflows to inf (then 0·inf = NaN).
        var acc = Lanes()
        var mu = 0
        while mu < m {
            let lanes = min(8, m &- mu)
            let lam = VectorExp.scaledExp((-beta * EightLanes.magnitude(EightLanes.load(h + mu, lanes))) / mi)
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
                let lam = Foundation.exp((-beta * abs(h[mu])) / mi - top) * 0x1p64
                p[mu] = lam
                total += lam
            }
        }
        let totalLanes = Lanes(repeating: total)
        var s = Lanes()
        mu = 0
        while mu < m {
            let lanes = min(8, m &- mu)
            let hv = EightLanes.load(h + mu, lanes)
            var sign = Lanes()
            sign.replace(with: 1, where: hv .> 0)
            sign.replace(with: -1, where: hv .< 0)
            let (v, scaled) = roundedQuotient(EightLanes.load(p + mu, lanes) * sign, totalLanes)
            EightLanes.store(v, p + mu, lanes)
            s += scaled
            mu &+= 8
        }
        return s.sum() * 0x1p-64
    }

    /// num/total per lane, rounded to Float as the division would round it, subnormal results
    /// included, and the same value times 2^64 — without any operation that reads or makes a
    /// subnormal number. `num` and `total` must be normal or zero, total > 0, |num| ≤ 2^64 and
    /// total ≤ 2^100. A quotient of the normal range is one Float division. Below it, the bits
    /// are the integer mantissa M = round(num/total·2^149), taken from w = fl(|num|·2^149/total)
    /// (a normal Float there); w can sit on a tie k + ½ that the exact quotient is not on, and
    /// the division's exact remainder, by one fused multiply-add, says which side it is on.
    public static func quotient(_ num: Lanes, _ total: Lanes) -> (value: Lanes, times2To64: Lanes) {
        roundedQuotient(num, total)
    }

    /// `quotient` for the loop above. Swift 6.3 left the public function, marked
    /// `@inline(__always)`, as a call with its vectors passed in memory (docs/benchmarks.md);
    /// `@inline(always)` is guaranteed, and allowed on an internal function.
    @inline(always)
    static func roundedQuotient(_ num: Lanes, _ total: Lanes) -> (value: Lanes, times2To64: Lanes) {
        let magnitude = EightLanes.magnitude(num)
        let tiny = magnitude * 0x1p126 .< total
        // Most vectors have no subnormal quotient other than 0/total (more than 99% in a
        // default z = 4 run): then the division alone is the result.
        if !any(tiny .& (magnitude .!= 0)) {
            let q = num / total
            return (q, q * 0x1p64)
        }
        // One division for both kinds of lane: num/total, or |num|·2^149/total (2^149 is
        // beyond Float, hence two factors).
        let dividend = num.replacing(with: magnitude * 0x1p75 * 0x1p74, where: tiny)
        let quotient = dividend / total
        let q = quotient.replacing(with: 0, where: tiny)
        let w = quotient.replacing(with: 0, where: .!tiny)
        let r = dividend.addingProduct(-quotient, total).replacing(with: 0, where: .!tiny)
        let down = w.rounded(.down)
        var mantissa = (w + 8_388_608) - 8_388_608
        let onTie = (w - down) .== 0.5
        mantissa.replace(with: down + 1, where: onTie .& (r .> 0))
        mantissa.replace(with: down, where: onTie .& (r .< 0))
        let signBits = unsafeBitCast(num, to: SIMD8<UInt32>.self) & 0x8000_0000
        let bits = (unsafeBitCast(mantissa + 8_388_608, to: SIMD8<UInt32>.self) &- 0x4B00_0000) | signBits
        let scaled = unsafeBitCast(unsafeBitCast(mantissa * 0x1p-85, to: SIMD8<UInt32>.self) | signBits, to: Lanes.self)
        return (q.replacing(with: unsafeBitCast(bits, to: Lanes.self), where: tiny),
                (q * 0x1p64).replacing(with: scaled, where: tiny))
    }
}
