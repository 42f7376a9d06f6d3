// §4.3: which weight norm ‖w‖_q = (Σ_syn w^q)^{1/q} is most nearly conserved over time.
//
// For each q the coefficient of variation (std/mean over time points, ddof 0) of the norm
// is computed; per resample the CV curve over q is rescaled to [0, 1] ("CV rank"); q_min
// is the q of the smallest CV. Resample 0 is the data; every other resample draws synapse
// indices with replacement independently for every time point.
//
// Cost: a resample's sum at time t is Σ_j c_j·w_jt^q with c the multiplicity of synapse j
// in the draw, so all resamples and all q of one time point are one matrix product
// (counts R×N)·(w^q N×Q). w^q is computed once from log w. Time points run in parallel,
// each with its own random streams (seed, resample, t): results do not depend on threads.

import COpenBLAS
import Foundation

public struct NormVariabilityOptions: Sendable, Equatable, Codable {
    /// Exponents q (paper: 0.1, 0.2, …, 4.4).
    public var exponents: [Double]
    /// Number of resamples including the data itself (paper: 1000).
    public var resamples: Int
    public var seed: UInt64

    public static let paperExponents: [Double] = (1...44).map { Double($0) / 10 }

    public init(exponents: [Double] = NormVariabilityOptions.paperExponents, resamples: Int = 1000, seed: UInt64 = 123) {
        self.exponents = exponents
        self.resamples = resamples
        self.seed = seed
    }
}

public struct NormVariability: Sendable, Equatable {
    public var exponents: [Double]
    /// CV of the norm, resample-major: `cv[r * Q + qi]`.
    public var cv: [Double]
    /// CV rank (CV rescaled to [0, 1] per resample), same layout.
    public var rank: [Double]
    /// q of the smallest CV per resample.
    public var qMinPerResample: [Double]
    public var resamples: Int
    /// Synapses used (present at the reference column).
    public var synapses: Int
    public var timePoints: Int

    public var qMinMean: Double { Self.mean(qMinPerResample) }
    public var qMinStd: Double { Self.std(qMinPerResample) }
    /// Mean and (population) std of the CV rank over resamples, per q.
    public var rankMean: [Double] { (0..<exponents.count).map { q in Self.mean(rankColumn(q)) } }
    public var rankStd: [Double] { (0..<exponents.count).map { q in Self.std(rankColumn(q)) } }
    /// The CV-rank curve of one resample (0 = the data itself).
    public func rankCurve(_ r: Int) -> [Double] { Array(rank[(r * exponents.count)..<((r + 1) * exponents.count)]) }
    func rankColumn(_ q: Int) -> [Double] { (0..<resamples).map { rank[$0 * exponents.count + q] } }

    static func mean(_ x: [Double]) -> Double { x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count) }
    static func std(_ x: [Double]) -> Double {
        let m = mean(x)
        return x.isEmpty ? .nan : (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count)).squareRoot()
    }

    /// Statistics of `data` over the time points `window`, for the synapses present (> 0)
    /// at column `presentAt` (paper, Kaufman data: window 0..<48, presentAt 48).
    public init(_ data: WeightMatrix, window: Range<Int>, presentAt: Int,
                options: NormVariabilityOptions = NormVariabilityOptions()) {
        precondition(options.resamples >= 1, "NormVariability: need at least one resample")
        let sub = data.rows(data.rowsPresent(at: presentAt)).columns(window)
        self.init(window: sub, options: options)
    }

    /// Statistics of every row and column of `sub`.
    public init(window sub: WeightMatrix, options: NormVariabilityOptions) {
        let N = sub.rows, T = sub.cols, Q = options.exponents.count, R = options.resamples
        exponents = options.exponents
        resamples = R
        synapses = N
        timePoints = T
        // Norm sums S[(r * T + t) * Q + q].
        var sums = [Double](repeating: 0, count: R * T * Q)
        if N > 0 && T > 0 && Q > 0 {
            // Parallelism comes from the time points; BLAS itself stays single-threaded
            // so that sums are bit-identical whatever the machine.
            openblas_set_num_threads(1)
            let powers = Self.powers(sub, exponents: options.exponents)    // [t][j][q]
            sums.withUnsafeMutableBufferPointer { S in
                let sp = WorkerPointer(S.baseAddress!)
                powers.withUnsafeBufferPointer { P in
                    let pp = WorkerPointer(UnsafeMutablePointer(mutating: P.baseAddress!))
                    DispatchQueue.concurrentPerform(iterations: T) { t in
                        Self.sumsAtTime(t, powers: pp.pointer, sums: sp.pointer, N: N, T: T, Q: Q, R: R, seed: options.seed)
                    }
                }
            }
        }
        // CV over time per (resample, q), then rank and q_min per resample.
        var cv = [Double](repeating: .nan, count: R * Q)
        var rank = [Double](repeating: .nan, count: R * Q)
        var qMin = [Double](repeating: .nan, count: R)
        for r in 0..<R {
            for qi in 0..<Q {
                let invQ = 1 / options.exponents[qi]
                var norms = [Double](repeating: 0, count: T)
                for t in 0..<T { norms[t] = exp(log(sums[(r * T + t) * Q + qi]) * invQ) }
                // Two passes: the CV near its minimum is small, so avoid E[x²] − E[x]².
                let m = Self.mean(norms)
                let variance = norms.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(T, 1))
                cv[r * Q + qi] = T > 0 && m > 0 ? variance.squareRoot() / m : .nan
            }
            let curve = cv[(r * Q)..<((r + 1) * Q)]
            guard let lo = curve.min(), let hi = curve.max(), lo.isFinite, hi.isFinite else { continue }
            for qi in 0..<Q { rank[r * Q + qi] = hi > lo ? (cv[r * Q + qi] - lo) / (hi - lo) : .nan }
            // First minimum, as numpy.argmin.
            qMin[r] = options.exponents[curve.firstIndex(of: lo)! - r * Q]
        }
        self.cv = cv
        self.rank = rank
        qMinPerResample = qMin
    }

    /// w^q for every time point, synapse and exponent, laid out [t][j][q]; missing or
    /// non-positive weights contribute 0.
    static func powers(_ sub: WeightMatrix, exponents: [Double]) -> [Double] {
        let N = sub.rows, T = sub.cols, Q = exponents.count
        var out = [Double](repeating: 0, count: T * N * Q)
        for j in 0..<N {
            for t in 0..<T {
                let w = sub[j, t]
                guard w.isFinite, w > 0 else { continue }
                let lw = log(w)
                let base = (t * N + j) * Q
                for qi in 0..<Q { out[base + qi] = exp(exponents[qi] * lw) }
            }
        }
        return out
    }

    /// Fills the sums of time point t for all resamples.
    static func sumsAtTime(_ t: Int, powers: UnsafeMutablePointer<Double>, sums: UnsafeMutablePointer<Double>,
                           N: Int, T: Int, Q: Int, R: Int, seed: UInt64) {
        let P = powers + t * N * Q
        // Resample 0: the data.
        for j in 0..<N { for qi in 0..<Q { sums[t * Q + qi] += P[j * Q + qi] } }
        guard R > 1 else { return }
        // Multiplicities of each synapse in the draws of resamples 1..<R.
        var counts = [Double](repeating: 0, count: (R - 1) * N)
        for r in 1..<R {
            var rng = Xoshiro256(seed: seed, stream: UInt64(r) &* 1_000_003 &+ UInt64(t))
            let row = (r - 1) * N
            for _ in 0..<N { counts[row + rng.index(below: N)] += 1 }
        }
        var block = [Double](repeating: 0, count: (R - 1) * Q)
        counts.withUnsafeBufferPointer { C in
            block.withUnsafeMutableBufferPointer { B in
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(R - 1), Int32(Q), Int32(N),
                            1, C.baseAddress, Int32(N), P, Int32(Q), 0, B.baseAddress, Int32(Q))
            }
        }
        for r in 1..<R { for qi in 0..<Q { sums[(r * T + t) * Q + qi] = block[(r - 1) * Q + qi] } }
    }
}

/// R² of a simulated CV-rank curve against every resample of the data (§4.3):
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
