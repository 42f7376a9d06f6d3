// Responses of a wake–sleep network to stimuli, for the connectivity, tuning and
// selectivity panels of Figure 3 (docs/methods.md §2.7).

import Foundation

public enum Responses {
    /// Input currents W ξ (without θ) of every neuron to every pattern, N×M row-major.
    public static func currents(weights w: [Float], n: Int, patterns: SparsePatterns) -> [Double] {
        var out = [Double](repeating: 0, count: n * patterns.m)
        for mu in 0..<patterns.m {
            let act = patterns.active[mu].map { Int($0) }
            for i in 0..<n {
                var s: Float = 0
                for j in act { s += w[i * n + j] }
                out[i * patterns.m + mu] = Double(s)
            }
        }
        return out
    }

    /// Pearson correlation (N×N row-major, Float32) of the responses `currents` (N×M) of
    /// every pair of neurons over the M patterns: the product of the standardised responses
    /// z_i = (r_i − mean)/(sd·√M) (0 for a neuron with constant response).
    public static func correlations(_ r: [Double], n: Int, m: Int) -> [Float] {
        precondition(r.count == n * m, "Responses.correlations: \(r.count) responses for \(n)×\(m)")
        var z = [Float](repeating: 0, count: n * m)
        for i in 0..<n {
            let row = r[(i * m)..<((i + 1) * m)]
            let mean = row.reduce(0, +) / Double(m)
            let sd = (row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(m)).squareRoot()
            for mu in 0..<m { z[i * m + mu] = sd > 0 ? Float((r[i * m + mu] - mean) / sd / Double(m).squareRoot()) : 0 }
        }
        var c = [Float](repeating: 0, count: n * n)
        Blas.ensureSingleThreaded()
        z.withUnsafeBufferPointer { zb in
            c.withUnsafeMutableBufferPointer { cb in
                Blas.gemm(rows: n, cols: n, inner: m, a: zb.baseAddress!, lda: m, b: zb.baseAddress!, ldb: m,
                          transB: true, c: cb.baseAddress!, ldc: n)
            }
        }
        return c
    }

    /// Familiar stimuli: the first `count` stored patterns; novel: each of them with its
    /// entries shuffled across neurons (stream 0x12 of `seed`).
    public static func stimuli(_ stored: SparsePatterns, count: Int, seed: UInt64)
        -> (familiar: SparsePatterns, novel: SparsePatterns) {
        let k = min(count, stored.m)
        let familiar = stored.subset(Array(0..<k))
        var rng = Xoshiro256(seed: seed, stream: 0x12)
        let novel = (0..<k).map { mu -> [Int32] in
            var x = familiar.dense(mu)
            rng.shuffle(&x)
            return x.indices.filter { x[$0] > 0 }.map { Int32($0) }
        }
        return (familiar, SparsePatterns(n: stored.n, f: stored.f, active: novel))
    }
}
