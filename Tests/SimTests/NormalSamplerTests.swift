import Foundation
import Sim
import Testing

/// The ziggurat samplers (Ziggurat.swift) against the standard normal.
///
/// Every check allows 5 standard errors of its statistic under the null (a true normal
/// sample of this size), computed below from n: a correct sampler fails one of the dozen
/// checks with probability ~10⁻⁵, and the seeds are fixed anyway. `checksHavePower` shows
/// that the bands are narrow enough to catch small errors.
@Suite struct NormalSamplerTests {
    static let n = 1_000_000

    static func doubles(seed: UInt64, count: Int = n) -> [Double] {
        var g = Xoshiro256(seed: seed, stream: 5)
        return (0..<count).map { _ in g.normal() }
    }

    /// Pairs flattened in order (a₀, b₀, a₁, b₁, …), so the lag-1 check sees the two halves
    /// of one draw side by side.
    static func floats(seed: UInt64, count: Int = n) -> [Double] {
        var g = Xoshiro256(seed: seed, stream: 5)
        var out = [Double]()
        out.reserveCapacity(count)
        for _ in 0..<(count / 2) {
            let (a, b) = g.normalFloatPair()
            out.append(Double(a)); out.append(Double(b))
        }
        return out
    }

    /// Q(t) = P(x > t) of the standard normal.
    static func q(_ t: Double) -> Double { 0.5 * erfc(t / 2.0.squareRoot()) }

    /// The names of the failed checks, with value and band.
    static func failures(_ x: [Double]) -> [String] {
        let n = Double(x.count)
        var failed = [String]()
        func check(_ name: String, _ value: Double, _ expected: Double, _ standardError: Double) {
            if !(abs(value - expected) <= 5 * standardError) {
                failed.append("\(name) = \(value), expected \(expected) ± \(5 * standardError)")
            }
        }
        // Moments. Standard errors of a normal sample: mean 1/√n; variance √(2/n) (Var x² = 2);
        // skewness √(6/n); excess kurtosis √(24/n). At n = 10⁶ a variance of 1.01 is 7 SE off.
        let mean = x.reduce(0, +) / n
        var m2 = 0.0, m3 = 0.0, m4 = 0.0, lag = 0.0
        for (k, v) in x.enumerated() {
            let d = v - mean, d2 = d * d
            m2 += d2; m3 += d2 * d; m4 += d2 * d2
            if k > 0 { lag += d * (x[k - 1] - mean) }
        }
        m2 /= n; m3 /= n; m4 /= n
        check("mean", mean, 0, 1 / n.squareRoot())
        check("variance", m2, 1, (2 / n).squareRoot())
        check("skewness", m3 / (m2 * m2.squareRoot()), 0, (6 / n).squareRoot())
        check("excess kurtosis", m4 / (m2 * m2) - 3, 0, (24 / n).squareRoot())
        // Neighbouring draws are independent: lag-1 correlation, standard error 1/√n.
        check("lag-1 correlation", lag / (n * m2), 0, 1 / n.squareRoot())
        // Tails: binomial counts, standard error √(p(1 − p)/n) of the frequency.
        for t in [2.0, 3.0, 4.0] {
            let p = 2 * q(t)
            let freq = Double(x.filter { abs($0) > t }.count) / n
            check("P(|x| > \(t))", freq, p, (p * (1 - p) / n).squareRoot())
        }
        // Kolmogorov–Smirnov: D above 1.95/√n has probability 0.1% for a true normal sample.
        let sorted = x.sorted()
        var d = 0.0
        for (i, v) in sorted.enumerated() {
            let cdf = q(-v)
            d = max(d, cdf - Double(i) / n, Double(i + 1) / n - cdf)
        }
        if !(d < 1.95 / n.squareRoot()) { failed.append("KS D = \(d), critical \(1.95 / n.squareRoot())") }
        return failed
    }

    @Test func doubleSamplerIsStandardNormal() {
        let f = Self.failures(Self.doubles(seed: 11))
        #expect(f.isEmpty, "\(f)")
    }

    @Test func floatSamplerIsStandardNormal() {
        let f = Self.failures(Self.floats(seed: 11))
        #expect(f.isEmpty, "\(f)")
    }

    /// The checks reject samplers with small errors (the same draws, distorted).
    @Test func checksHavePower() {
        let x = Self.doubles(seed: 11)
        // Variance 1.01: 0.01 off is 7.1 standard errors (√(2/n) = 0.0014), beyond the band
        // of 5 whatever the ±1–2 SE of the sample's own noise.
        #expect(Self.failures(x.map { $0 * 1.01.squareRoot() }).contains { $0.hasPrefix("variance") })
        // A 2% error in the scale moves the CDF by up to 0.02 · max x φ(x) = 0.0048 (at
        // |x| = 1), 2.5 times KS's critical value 0.00195.
        #expect(Self.failures(x.map { $0 * 1.02 }).contains { $0.hasPrefix("KS") })
        // No tail beyond r (e.g. the tail branch returning r): P(|x| > 4) drops from 63 in
        // 10⁶ to 0, 8 standard errors.
        let r = Ziggurat.r
        #expect(Self.failures(x.map { min(max($0, -r), r) }).contains { $0.hasPrefix("P(|x| > 4.0)") })
        // Each draw repeated (a stream that reuses its bits): lag-1 correlation ½.
        #expect(Self.failures(x.indices.map { x[$0 & ~1] }).contains { $0.hasPrefix("lag-1") })
    }

    /// |x| > r comes only from the tail branch (Marsaglia's exponential method): in 10⁷ draws
    /// of each sampler it is taken about 2600 times, as often as the normal's tail mass
    /// 2 Q(r) says, with the right shape (mean excess over r), and no draw is NaN or infinite.
    @Test(arguments: [false, true])
    func tailBranchIsExercisedAndFinite(float: Bool) {
        let n = 10_000_000, r = Ziggurat.r
        var g = Xoshiro256(seed: 3, stream: 9)
        var count = 0, excess = 0.0, excess2 = 0.0, allFinite = true
        func record(_ v: Double) {
            if !v.isFinite { allFinite = false }
            if abs(v) > r { count += 1; excess += abs(v) - r; excess2 += (abs(v) - r) * (abs(v) - r) }
        }
        if float {
            for _ in 0..<(n / 2) { let (a, b) = g.normalFloatPair(); record(Double(a)); record(Double(b)) }
        } else {
            for _ in 0..<n { record(g.normal()) }
        }
        #expect(allFinite)
        // Marsaglia & Tsang's 256-layer r (their paper prints 3.6541528853610088).
        #expect(abs(r - 3.6541528853610088) < 1e-12)
        let p = 2 * Self.q(r)
        #expect(abs(Double(count) - p * Double(n)) <= 5 * (Double(n) * p * (1 - p)).squareRoot(),
                "\(count) draws beyond r, expected \(p * Double(n))")
        // E[x − r | x > r] = φ(r)/Q(r) − r = 0.246; without the acceptance step (plain
        // r + Exp(r)) it would be 1/r = 0.274, 6 standard errors away.
        let c = Double(count), mean = excess / c
        let expected = exp(-r * r / 2) / (2 * Double.pi).squareRoot() / Self.q(r) - r
        let se = ((excess2 / c - mean * mean) / c).squareRoot()
        #expect(abs(mean - expected) <= 5 * se, "mean excess \(mean), expected \(expected) ± \(5 * se)")
    }

    @Test func sameSeedSameValues() {
        #expect(Self.doubles(seed: 4, count: 10_000).elementsEqual(Self.doubles(seed: 4, count: 10_000)) {
            $0.bitPattern == $1.bitPattern
        })
        #expect(Self.floats(seed: 4, count: 10_000).elementsEqual(Self.floats(seed: 4, count: 10_000)) {
            $0.bitPattern == $1.bitPattern
        })
        #expect(Self.doubles(seed: 4, count: 100) != Self.doubles(seed: 5, count: 100))
        #expect(Self.floats(seed: 4, count: 100) != Self.floats(seed: 5, count: 100))
    }
}
