// Cued recall of the stored patterns through a wake–sleep network, for the recall rasters
// of Figure 3 (panels 01/02, docs/methods.md §2.7).

import Foundation

public enum RecallRaster {
    /// How the weight matrix is split into the two factors before the "mean-u" rescaling of
    /// docs/methods.md §1.7: U = (W/0.6, 0.6) (the pre-sleep network, factor 1 still u0) or
    /// (√W, √W) (the post-sleep network, factors correlated by sleep).
    public enum Factors: Sendable { case scaledByU0, squareRoot }

    /// Input currents I_i(t) = (W S − θ)_i of the first `rows` neurons during cued recall
    /// S ← H(W S − θ) (k-WTA off, as in the tolerance tests of docs/methods.md §2.6 — with
    /// k-WTA the activity could neither explode nor die, which the original "before" raster
    /// shows): a new stored pattern every `cueEvery` steps, synaptic noise N(0, σ²) on factor
    /// 0 of alive synapses (fresh each step, stream 0xF13 of `seed`) from step `noiseFrom` on.
    /// Positive currents are divided by their max over steps < noiseFrom, negative ones by
    /// |min|, clipped to [−1, 1] (rows × steps). Beside them, per cue window, how well the
    /// whole network holds the cued pattern at the window's last step.
    public static func run(weights w: [Float], theta: [Float], n: Int, stored: SparsePatterns,
                           factors: Factors, steps: Int = 200, cueEvery: Int = 10, noiseFrom: Int = 50,
                           sigma: Float = 0.03, rows: Int = 40, seed: UInt64 = 127) -> Recall {
        precondition(w.count == n * n && theta.count == n, "RecallRaster: W must be \(n)×\(n) and θ of length \(n)")
        precondition(rows <= n && stored.m > 0, "RecallRaster: \(rows) rows of \(n) neurons, \(stored.m) patterns")
        let net = SynapticNetwork(n: n, z: 2)
        for e in 0..<(n * n) {
            switch factors {
            case .squareRoot:
                let r = w[e].squareRoot()
                net.u[2 * e] = r; net.u[2 * e + 1] = r
            case .scaledByU0:
                net.u[2 * e] = w[e] / 0.6; net.u[2 * e + 1] = 0.6
            }
        }
        net.recomputeWeights()
        net.theta = theta
        SynapseOps.rescaleMeanU(net)
        let alive = net.aliveMask()
        // Weights below Float's normal range enter the sums as 0 (Subnormal.swift).
        var clean = net.weights
        clean.withUnsafeMutableBufferPointer { _ = Subnormal.flush($0.baseAddress!, $0.count) }
        var rng = Xoshiro256(seed: seed, stream: 0xF13)
        var noisy = [Float](repeating: 0, count: n * n)
        var state = [Float](repeating: 0, count: n)
        var raster = [[Double]](repeating: [Double](repeating: 0, count: steps), count: rows)
        var cued = [Float](), overlaps = [Double]()
        for t in 0..<steps {
            if t % cueEvery == 0 { cued = stored.dense((t / cueEvery) % stored.m); state = cued }
            if t >= noiseFrom {
                for e in 0..<(n * n) {
                    var a = net.u[2 * e]
                    if alive[e] { a += sigma * rng.normalFloatPair().0 }
                    noisy[e] = Subnormal.product(max(a, factorFloor), net.u[2 * e + 1])
                }
            }
            let wt = t >= noiseFrom ? noisy : clean
            var h = [Float](repeating: 0, count: n)
            for i in 0..<n {
                var s: Float = 0
                for j in 0..<n where state[j] != 0 { s += wt[i * n + j] }
                h[i] = s - net.theta[i]
            }
            for i in 0..<rows { raster[i][t] = Double(h[i]) }
            state = h.map { $0 > 0 ? 1 : 0 }
            if t % cueEvery == cueEvery - 1 { overlaps.append(correlation(state, cued)) }
        }
        var top = 0.0, bottom = 0.0
        for i in 0..<rows { for t in 0..<min(noiseFrom, steps) { top = max(top, raster[i][t]); bottom = min(bottom, raster[i][t]) } }
        let currents = raster.map { row in row.map { v in
            let x = v > 0 ? (top > 0 ? v / top : 0) : (bottom < 0 ? v / -bottom : 0)
            return min(1, max(-1, x))
        } }
        return Recall(currents: currents, cueOverlap: overlaps, cueEvery: cueEvery)
    }

    public struct Recall: Sendable, Equatable {
        /// Input currents of the first rows, rows × steps in [−1, 1].
        public var currents: [[Double]]
        /// Per complete cue window: the Pearson correlation between the network's state at the
        /// window's last step and the cued pattern, 0 for a silent or all-active network.
        public var cueOverlap: [Double]
        public var cueEvery: Int

        /// Cue windows starting at or after `step` whose pattern is still held at the window's
        /// end (overlap ≥ `threshold`), and how many such windows there are.
        public func held(from step: Int, threshold: Double = 0.9) -> (held: Int, windows: Int, starts: [Int]) {
            let after = cueOverlap.indices.filter { $0 * cueEvery >= step }
            let starts = after.filter { cueOverlap[$0] >= threshold }.map { $0 * cueEvery }
            return (starts.count, after.count, starts)
        }
    }

    /// Pearson correlation of two 0/1 vectors; 0 when either is constant.
    public static func correlation(_ a: [Float], _ b: [Float]) -> Double {
        let n = Double(a.count)
        var sa = 0.0, sb = 0.0, sab = 0.0
        for i in a.indices { sa += Double(a[i]); sb += Double(b[i]); sab += Double(a[i] * b[i]) }
        let va = sa * (n - sa), vb = sb * (n - sb)
        return va > 0 && vb > 0 ? (n * sab - sa * sb) / (va * vb).squareRoot() : 0
    }
}
