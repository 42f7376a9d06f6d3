// Which weight norm ‖w‖_q = (Σ_syn w^q)^{1/q} is most nearly conserved over time.
//
// For each q the coefficient of variation (std/mean over time points, ddof 0) of the norm
// is computed; per resample the CV curve over q is rescaled to [0, 1] ("CV rank"); q_min
// is the q of the smallest CV rank. Resample 0 is the data; every other resample draws a
// synapse index with replacement for every synapse slot and every time point, and — as
// the authors' code does — every q gets its own fresh resamples: resample r at q and at
// q′ are different draws, only resample 0 is common to all q. (Sharing one set of draws
// across q correlates the CV curve of a resample and pulls its minimum rank to 0: on the
// Kaufman data q_min 1.02 ± 0.26 and a mean-rank floor of 0.011, against the original's
// 1.0854 ± 0.4301 and 0.127.)
//
// Two generators draw the indices:
// - `.numpy`: NumPy's `default_rng(seed).integers` in the original's order (for each q,
//   for each resample, an n_syn × n_t array row by row), with NumPy's summation order:
//   the notebook's digits exactly, on one thread.
// - `.xoshiro`: our own streams, one per (q, resample), so the q loop runs in parallel and
//   the result does not depend on the thread count. Same statistic, other random draws.

import Foundation

/// The generator behind the bootstrap draws.
public enum BootstrapGenerator: String, Sendable, Equatable, Codable, CaseIterable {
    /// NumPy's default generator in the original's draw order (exact digits, one thread).
    case numpy
    /// xoshiro256** streams per (q, resample) (parallel over q).
    case xoshiro
}

public struct NormVariabilityOptions: Sendable, Equatable, Codable {
    /// Exponents q (paper: 0.1, 0.2, …, 4.4).
    public var exponents: [Double]
    /// Number of resamples including the data itself (paper: 1000).
    public var resamples: Int
    public var seed: UInt64
    public var generator: BootstrapGenerator

    /// `numpy.arange(0.1, 4.5, 0.1)` as NumPy computes it (start + i·step, so the third value
    /// is 0.30000000000000004): the exponents the reported q_min values are averages of.
    public static let paperExponents: [Double] = (0..<44).map { 0.1 + Double($0) * 0.1 }

    public init(exponents: [Double] = NormVariabilityOptions.paperExponents, resamples: Int = 1000, seed: UInt64 = 123,
                generator: BootstrapGenerator = .xoshiro) {
        self.exponents = exponents
        self.resamples = resamples
        self.seed = seed
        self.generator = generator
    }
}

public struct NormVariability: Sendable, Equatable {
    public var exponents: [Double]
    /// CV of the norm, resample-major: `cv[r * Q + qi]`.
    public var cv: [Double]
    /// CV rank (CV rescaled to [0, 1] per resample), same layout.
    public var rank: [Double]
    /// q of the smallest CV rank per resample (first minimum, as `numpy.nanargmin`).
    public var qMinPerResample: [Double]
    public var resamples: Int
    /// Synapses used (present at the reference column).
    public var synapses: Int
    public var timePoints: Int
    public var generator: BootstrapGenerator

    /// Mean and std (ddof 0) of q_min over resamples, summed as NumPy sums.
    public var qMinMean: Double { NumPyReduce.mean(qMinPerResample) }
    public var qMinStd: Double { NumPyReduce.std(qMinPerResample) }
    /// Mean and (population) std of the CV rank over resamples, per q.
    public var rankMean: [Double] { (0..<exponents.count).map { q in NumPyReduce.mean(rankColumn(q)) } }
    public var rankStd: [Double] { (0..<exponents.count).map { q in NumPyReduce.std(rankColumn(q)) } }
    /// The CV-rank curve of one resample (0 = the data itself).
    public func rankCurve(_ r: Int) -> [Double] { Array(rank[(r * exponents.count)..<((r + 1) * exponents.count)]) }
    func rankColumn(_ q: Int) -> [Double] { (0..<resamples).map { rank[$0 * exponents.count + q] } }

    /// Statistics of `data` over the time points `window`, for the synapses present (> 0)
    /// at column `presentAt` (the original: the window's last time point; Kaufman data:
    /// window 0..<48, presentAt 47).
    public init(_ data: WeightMatrix, window: Range<Int>, presentAt: Int,
                options: NormVariabilityOptions = NormVariabilityOptions()) {
        let sub = data.rows(data.rowsPresent(at: presentAt)).columns(window)
        self.init(window: sub, options: options)
    }

    /// Statistics of every row and column of `sub`.
    public init(window sub: WeightMatrix, options: NormVariabilityOptions) {
        precondition(options.resamples >= 1, "NormVariability: need at least one resample")
        let N = sub.rows, T = sub.cols, Q = options.exponents.count, R = options.resamples
        exponents = options.exponents
        resamples = R
        synapses = N
        timePoints = T
        generator = options.generator
        var cv = [Double](repeating: .nan, count: R * Q)
        if N > 0 && T > 0 && Q > 0 {
            cv.withUnsafeMutableBufferPointer { out in
                let cvOut = WorkerPointer(out.baseAddress!)
                switch options.generator {
                case .numpy:
                    // One generator runs on through the whole q loop, as in the original.
                    var rng = NumPyGenerator(seed: options.seed)
                    var powers = [Double](repeating: 0, count: T * N)
                    for qi in 0..<Q {
                        Self.fillPowers(sub, q: options.exponents[qi], into: &powers)
                        Self.cvCurveNumPyOrder(powers: powers, N: N, T: T, R: R, q: options.exponents[qi],
                                               rng: &rng, cv: cvOut.pointer + qi, stride: Q)
                    }
                case .xoshiro:
                    DispatchQueue.concurrentPerform(iterations: Q) { qi in
                        var powers = [Double](repeating: 0, count: T * N)
                        Self.fillPowers(sub, q: options.exponents[qi], into: &powers)
                        Self.cvCurveStreams(powers: powers, N: N, T: T, R: R, q: options.exponents[qi], qIndex: qi,
                                            seed: options.seed, cv: cvOut.pointer + qi, stride: Q)
                    }
                }
            }
        }
        // Rank per resample over q, and the q of the smallest rank.
        var rank = [Double](repeating: .nan, count: R * Q)
        var qMin = [Double](repeating: .nan, count: R)
        for r in 0..<R {
            let curve = cv[(r * Q)..<((r + 1) * Q)].filter { !$0.isNaN }
            guard let lo = curve.min(), let hi = curve.max() else { continue }
            var best = -1
            for qi in 0..<Q {
                let v = (cv[r * Q + qi] - lo) / (hi - lo)
                rank[r * Q + qi] = v
                if !v.isNaN, best < 0 || v < rank[r * Q + best] { best = qi }
            }
            if best >= 0 { qMin[r] = options.exponents[best] }
        }
        self.cv = cv
        self.rank = rank
        qMinPerResample = qMin
    }

    /// w^q laid out [t][j] (a time point's synapses contiguous); missing (NaN) and
    /// non-positive weights contribute 0, as `numpy.nansum` of `w ** q` does for w ≥ 0.
    static func fillPowers(_ sub: WeightMatrix, q: Double, into out: inout [Double]) {
        let N = sub.rows, T = sub.cols
        for j in 0..<N {
            for t in 0..<T {
                let w = sub.values[j * T + t]
                out[t * N + j] = w.isFinite && w > 0 ? pow(w, q) : 0
            }
        }
    }

    /// CV of the norm for every resample at one q, from `norm[t] = (Σ_j P[t, idx_jt])^{1/q}`,
    /// written to `cv[r * stride]`.
    @inline(__always)
    static func writeCV(_ norms: UnsafeMutableBufferPointer<Double>, q: Double, into cv: UnsafeMutablePointer<Double>) {
        let invQ = 1 / q
        for t in norms.indices { norms[t] = pow(norms[t], invQ) }
        let ro = UnsafeBufferPointer(norms)
        cv.pointee = NumPyReduce.std(ro) / NumPyReduce.mean(ro)
    }

    /// The data's sums: Σ_j over synapses in order, as NumPy reduces axis 0.
    @inline(__always)
    static func dataSums(_ P: UnsafePointer<Double>, N: Int, T: Int, into sums: UnsafeMutableBufferPointer<Double>) {
        for t in 0..<T { sums[t] = 0 }
        for j in 0..<N { for t in 0..<T { sums[t] += P[t * N + j] } }
    }

    /// CV of every resample at one q: resample 0 is the data, `resample` fills the sums of
    /// resample r ≥ 1 from the powers P[t * N + j].
    @inline(__always)
    static func cvCurve(powers: [Double], N: Int, T: Int, R: Int, q: Double, cv: UnsafeMutablePointer<Double>,
                        stride: Int,
                        resample: (_ r: Int, _ P: UnsafePointer<Double>, _ sums: UnsafeMutableBufferPointer<Double>) -> Void) {
        powers.withUnsafeBufferPointer { Pb in
            let P = Pb.baseAddress!
            withUnsafeTemporaryAllocation(of: Double.self, capacity: T) { sums in
                dataSums(P, N: N, T: T, into: sums)
                writeCV(sums, q: q, into: cv)
                for r in 1..<max(R, 1) {
                    resample(r, P, sums)
                    writeCV(sums, q: q, into: cv + r * stride)
                }
            }
        }
    }

    /// All resamples of one q with NumPy's generator: the draws of a resample form an
    /// N × T array filled row by row, and column t sums its rows in order.
    static func cvCurveNumPyOrder(powers: [Double], N: Int, T: Int, R: Int, q: Double,
                                  rng: inout NumPyGenerator, cv: UnsafeMutablePointer<Double>, stride: Int) {
        cvCurve(powers: powers, N: N, T: T, R: R, q: q, cv: cv, stride: stride) { _, P, sums in
            for t in 0..<T { sums[t] = 0 }
            for _ in 0..<N {
                for t in 0..<T { sums[t] += P[t * N + rng.integer(below: N)] }
            }
        }
    }

    /// All resamples of one q with our streams (one per (q, resample)); a time point's
    /// draws are summed together, so the gathers stay within one column.
    static func cvCurveStreams(powers: [Double], N: Int, T: Int, R: Int, q: Double, qIndex: Int, seed: UInt64,
                               cv: UnsafeMutablePointer<Double>, stride: Int) {
        cvCurve(powers: powers, N: N, T: T, R: R, q: q, cv: cv, stride: stride) { r, P, sums in
            var draw = HalfWordIndices(Xoshiro256(seed: seed, stream: UInt64(qIndex) << 32 | UInt64(r)), below: N)
            for t in 0..<T { sums[t] = draw.sumOfDraws(P + t * N, count: N) }
        }
    }
}

/// Uniform indices in [0, n) from the two 32-bit halves of each xoshiro draw (Lemire's
/// multiply-and-reject on each half), summed with four accumulators: the bootstrap's inner
/// loop (the data's bootstrap: 3.4 s against 5.0 s with one 64-bit draw and one running sum per
/// index, in one pair of runs on this machine).
struct HalfWordIndices {
    var rng: Xoshiro256
    let n: UInt64
    /// 2³² mod n: a half below it is redrawn, so every index is equally likely.
    let threshold: UInt32

    init(_ rng: Xoshiro256, below n: Int) {
        precondition(n >= 1 && n <= Int(UInt32.max), "HalfWordIndices: n = \(n) outside 1…2³²−1")
        self.rng = rng
        self.n = UInt64(n)
        threshold = UInt32((UInt64(1) << 32) % UInt64(n))
    }

    @inline(__always)
    mutating func index(_ half: UInt32) -> Int {
        var m = UInt64(half) &* n
        while UInt32(truncatingIfNeeded: m) < threshold {
            m = UInt64(UInt32(truncatingIfNeeded: rng.next())) &* n
        }
        return Int(truncatingIfNeeded: m >> 32)
    }

    /// Σ x[i] over `count` drawn indices i.
    @inline(__always)
    mutating func sumOfDraws(_ x: UnsafePointer<Double>, count: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var k = 0
        while k + 4 <= count {
            let a = rng.next(), b = rng.next()
            s0 += x[index(UInt32(truncatingIfNeeded: a))]
            s1 += x[index(UInt32(truncatingIfNeeded: a >> 32))]
            s2 += x[index(UInt32(truncatingIfNeeded: b))]
            s3 += x[index(UInt32(truncatingIfNeeded: b >> 32))]
            k += 4
        }
        while k < count {
            s0 += x[index(UInt32(truncatingIfNeeded: rng.next()))]
            k += 1
        }
        return (s0 + s1) + (s2 + s3)
    }
}

/// R² of a simulated CV-rank curve against every resample of the data (docs/methods.md §4.3):
/// 1 − Σ_{r,q}(data − sim)² / Σ_{r,q}(data − mean(data))², NaN cells skipped.
public func rSquared(data: NormVariability, simulatedRank: [Double]) -> Double {
    let Q = data.exponents.count
    precondition(simulatedRank.count == Q, "rSquared: \(simulatedRank.count) simulated values for \(Q) exponents")
    var n = 0, total = 0.0
    for v in data.rank where v.isFinite { n += 1; total += v }
    let mean = total / Double(max(n, 1))
    var ssRes = 0.0, ssTot = 0.0
    for r in 0..<data.resamples {
        for qi in 0..<Q {
            let d = data.rank[r * Q + qi], s = simulatedRank[qi]
            guard d.isFinite, s.isFinite else { continue }
            ssRes += (d - s) * (d - s)
            ssTot += (d - mean) * (d - mean)
        }
    }
    return ssTot > 0 ? 1 - ssRes / ssTot : .nan
}
