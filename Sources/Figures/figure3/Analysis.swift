// The numbers behind the Figure 3 panels, computed from the cached results.

import Foundation
import Sim

enum Fig3Analysis {
    // MARK: tolerance

    /// The noise level (in the panel's units, scale·p) at which recall crosses 0.5: linear
    /// interpolation between the last level with recall ≥ 0.5 and the next one (the
    /// original took the level whose recall is closest to 0.5; on the paper's 200-level grid
    /// the two agree to a grid step, on coarser grids interpolation is more faithful).
    static func levelAtHalfRecall(levels: [Double], recall: [Double], scale: Double) -> Double {
        guard let first = recall.firstIndex(where: { $0 < 0.5 }) else { return levels.last! * scale }
        guard first > 0 else { return 0 }
        let (r0, r1) = (recall[first - 1], recall[first])
        let (p0, p1) = (levels[first - 1], levels[first])
        let t = r0 == r1 ? 0 : (r0 - 0.5) / (r0 - r1)
        return (p0 + t * (p1 - p0)) * scale
    }

    /// (neural, synaptic) tolerance of a run before or after sleep, as plotted in panel 03:
    /// neural-balanced at 2p/f and synaptic-first at 4p/⟨u⟩ with ⟨u⟩ = 0.1 (mean-u rescaled).
    static func tolerance(_ run: RunData, when: String) throws -> (neural: Double, synaptic: Double) {
        let p = try run.doubles("tolerance_p")
        let neural = levelAtHalfRecall(levels: p, recall: try run.doubles("tolerance_\(when)_neural_balanced_recall"),
                                       scale: 2 / run.f)
        let synaptic = levelAtHalfRecall(levels: p, recall: try run.doubles("tolerance_\(when)_synaptic_first_recall"),
                                         scale: 4 / 0.1)
        return (neural, synaptic)
    }

    // MARK: recall raster

    /// Input currents I_i(t) = (W S − θ)_i of the first `rows` neurons during cued recall
    /// S ← H(W S − θ) (k-WTA off, as in the tolerance tests of docs/methods.md §2.6 — with k-WTA the activity
    /// could neither explode nor die, which the original "before" raster shows): a new
    /// stored pattern every 10 steps, synaptic noise N(0, σ²) on
    /// factor 0 of alive synapses (fresh each step) from step `noiseFrom` on. Factors
    /// U = (W/0.6, 0.6) (`sqrtFactors` false) or (√W, √W), then "mean-u" scaling (docs/methods.md §1.7).
    /// Positive currents are divided by their max over steps < noiseFrom, negative ones by
    /// |min|, clipped to [−1, 1]. Returns rows × steps.
    static func recallRaster(weights w: [Float], theta: [Float], n: Int, f: Double, stored: SparsePatterns,
                             sqrtFactors: Bool, steps: Int = 200, cueEvery: Int = 10, noiseFrom: Int = 50,
                             sigma: Float = 0.03, rows: Int = 40, seed: UInt64 = 127) -> [[Double]] {
        let net = SynapticNetwork(n: n, z: 2)
        for e in 0..<(n * n) {
            if sqrtFactors {
                let r = w[e].squareRoot()
                net.u[2 * e] = r; net.u[2 * e + 1] = r
            } else {
                net.u[2 * e] = w[e] / 0.6; net.u[2 * e + 1] = 0.6
            }
        }
        net.recomputeWeights()
        net.theta = theta
        SynapseOps.rescaleMeanU(net)
        let alive = net.aliveMask()
        var rng = Xoshiro256(seed: seed, stream: 0xF13)
        var noisy = [Float](repeating: 0, count: n * n)
        var state = [Float](repeating: 0, count: n)
        var raster = [[Double]](repeating: [Double](repeating: 0, count: steps), count: rows)
        for t in 0..<steps {
            if t % cueEvery == 0 { state = stored.dense((t / cueEvery) % stored.m) }
            if t >= noiseFrom {
                for e in 0..<(n * n) {
                    var a = net.u[2 * e]
                    if alive[e] { a += sigma * rng.normalFloatPair().0 }
                    noisy[e] = max(a, factorFloor) * net.u[2 * e + 1]
                }
            }
            let wt = t >= noiseFrom ? noisy : net.weights
            var h = [Float](repeating: 0, count: n)
            for i in 0..<n {
                var s: Float = 0
                for j in 0..<n where state[j] != 0 { s += wt[i * n + j] }
                h[i] = s - net.theta[i]
            }
            for i in 0..<rows { raster[i][t] = Double(h[i]) }
            state = h.map { $0 > 0 ? 1 : 0 }
        }
        var top = 0.0, bottom = 0.0
        for i in 0..<rows { for t in 0..<min(noiseFrom, steps) { top = max(top, raster[i][t]); bottom = min(bottom, raster[i][t]) } }
        return raster.map { row in row.map { v in
            let x = v > 0 ? (top > 0 ? v / top : 0) : (bottom < 0 ? v / -bottom : 0)
            return min(1, max(-1, x))
        } }
    }

    // MARK: responses

    /// Input currents W ξ (without θ) of every neuron to every pattern, N×M row-major.
    static func responses(weights w: [Float], n: Int, patterns: SparsePatterns) -> [Double] {
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

    struct CorrelationBins {
        var centres: [Double]
        var connection: [Double]
        var strength: [Double]
        var density: Double
        var meanStrength: Double
        var maxWeight: Double
    }

    /// Connection probability (W[i,j] > 1e-10) and mean strength of existing connections
    /// against the Pearson correlation of the responses of neurons i and j over the stored
    /// patterns, in bins [lo, lo + width), ... (i ≠ j).
    static func correlationBins(weights w: [Float], n: Int, stored: SparsePatterns,
                                edges: [Double] = [-0.1, 0, 0.1, 0.2, 0.3, 0.4]) -> CorrelationBins {
        let m = stored.m
        let r = responses(weights: w, n: n, patterns: stored)
        // Standardised responses: corr(i, j) = Σ_μ z_i z_j / M.
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
        let bins = edges.count - 1
        var count = [Double](repeating: 0, count: bins), conn = [Double](repeating: 0, count: bins)
        var strength = [Double](repeating: 0, count: bins)
        var total = 0.0, connected = 0.0, sumW = 0.0, maxW = 0.0
        for i in 0..<n {
            for j in 0..<n where j != i {
                let wv = Double(w[i * n + j])
                let isConn = w[i * n + j] > pruneThreshold
                total += 1
                if isConn { connected += 1; sumW += wv; maxW = max(maxW, wv) }
                let v = Double(c[i * n + j])
                guard v >= edges[0], v < edges[bins] else { continue }
                var b = 0
                while b + 1 < bins && v >= edges[b + 1] { b += 1 }
                count[b] += 1
                if isConn { conn[b] += 1; strength[b] += wv }
            }
        }
        return CorrelationBins(
            centres: (0..<bins).map { (edges[$0] + edges[$0 + 1]) / 2 },
            connection: (0..<bins).map { count[$0] > 0 ? conn[$0] / count[$0] : .nan },
            strength: (0..<bins).map { conn[$0] > 0 ? strength[$0] / conn[$0] : .nan },
            density: connected / total, meanStrength: connected > 0 ? sumW / connected : .nan, maxWeight: maxW)
    }

    // MARK: familiar vs novel

    /// Familiar stimuli: the first `count` stored patterns; novel: each of them with its
    /// entries shuffled across neurons (seeded).
    static func stimuli(_ stored: SparsePatterns, count: Int, seed: UInt64) -> (familiar: SparsePatterns, novel: SparsePatterns) {
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

    /// Mean over neurons of the per-neuron z-scored (familiar mean/std) currents sorted
    /// descending: (familiar curve, novel curve).
    static func tuningCurves(weights w: [Float], n: Int, familiar: SparsePatterns, novel: SparsePatterns)
        -> (familiar: [Double], novel: [Double]) {
        let k = familiar.m
        let rf = responses(weights: w, n: n, patterns: familiar), rn = responses(weights: w, n: n, patterns: novel)
        var cf = [Double](repeating: 0, count: k), cn = [Double](repeating: 0, count: k)
        var used = 0.0
        for i in 0..<n {
            let f = Array(rf[(i * k)..<((i + 1) * k)]), v = Array(rn[(i * k)..<((i + 1) * k)])
            let mean = f.reduce(0, +) / Double(k)
            let sd = (f.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(k)).squareRoot()
            guard sd > 0 else { continue }
            used += 1
            let fs = f.map { ($0 - mean) / sd }.sorted(by: >), vs = v.map { ($0 - mean) / sd }.sorted(by: >)
            for r in 0..<k { cf[r] += fs[r]; cn[r] += vs[r] }
        }
        return (cf.map { $0 / used }, cn.map { $0 / used })
    }

    /// Sparseness (1 − ⟨x⟩²/⟨x²⟩)/(1 − 1/n) over stimuli, per neuron: mean and s.e.m.
    static func sparseness(_ values: [Double], neurons n: Int, stimuli k: Int) -> (mean: Double, sem: Double) {
        var s: [Double] = []
        for i in 0..<n {
            let x = values[(i * k)..<((i + 1) * k)]
            let m1 = x.reduce(0, +) / Double(k), m2 = x.reduce(0) { $0 + $1 * $1 } / Double(k)
            guard m2 > 0 else { continue }
            s.append((1 - m1 * m1 / m2) / (1 - 1 / Double(k)))
        }
        let ms = MeanStd(s)
        return (ms.mean, ms.std / Double(s.count).squareRoot())
    }

    struct Selectivity {
        /// Per kind ("input", "soft", "hard"): (novel, familiar) mean and s.e.m.
        var mean: [String: (novel: Double, familiar: Double)] = [:]
        var sem: [String: (novel: Double, familiar: Double)] = [:]
    }

    static func selectivity(weights w: [Float], theta: [Float], n: Int, familiar: SparsePatterns,
                            novel: SparsePatterns) -> Selectivity {
        let k = familiar.m
        let rf = responses(weights: w, n: n, patterns: familiar), rn = responses(weights: w, n: n, patterns: novel)
        func sigmoid(_ r: [Double], _ beta: Double) -> [Double] {
            r.indices.map { e in 1 / (1 + Foundation.exp(-beta * (r[e] - Double(theta[e / k])))) }
        }
        var out = Selectivity()
        for (name, transform) in [("input", { (r: [Double]) in r }), ("soft", { sigmoid($0, 0.45) }),
                                  ("hard", { sigmoid($0, 0.6) })] as [(String, ([Double]) -> [Double])] {
            let a = sparseness(transform(rn), neurons: n, stimuli: k)
            let b = sparseness(transform(rf), neurons: n, stimuli: k)
            out.mean[name] = (a.mean, b.mean)
            out.sem[name] = (a.sem, b.sem)
        }
        return out
    }

    // MARK: small statistics

    /// Least-squares line y = a + b x.
    static func regression(_ x: [Double], _ y: [Double]) -> (intercept: Double, slope: Double) {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for k in x.indices { sxy += (x[k] - mx) * (y[k] - my); sxx += (x[k] - mx) * (x[k] - mx) }
        let b = sxx > 0 ? sxy / sxx : 0
        return (my - b * mx, b)
    }

    /// Histogram density over `edges` (integral 1 over the included values).
    static func density(_ values: [Double], edges: [Double]) -> [Double] {
        let bins = edges.count - 1
        var c = [Double](repeating: 0, count: bins)
        var total = 0.0
        let lo = edges[0], hi = edges[bins], width = (hi - lo) / Double(bins)
        for v in values where v >= lo && v <= hi {
            let b = min(bins - 1, Int((v - lo) / width))
            c[b] += 1
            total += 1
        }
        return c.map { total > 0 ? $0 / total / width : 0 }
    }
}
