// The per-neuron metrics of docs/methods.md §1.8, from one field H = W X − θ.

import Foundation

/// Mean and standard deviation over neurons. The standard deviation is the unbiased one
/// (ddof 1), like `torch.std`, which the original code used.
public struct MeanStd: Sendable, Equatable {
    public var mean: Double
    public var std: Double
    public init(mean: Double, std: Double) { self.mean = mean; self.std = std }
    public init(_ values: [Double]) {
        let n = Double(values.count)
        let mu = values.reduce(0, +) / n
        let ss = values.reduce(0) { $0 + ($1 - mu) * ($1 - mu) }
        mean = mu
        std = values.count > 1 ? (ss / (n - 1)).squareRoot() : 0
    }
}

/// The per-neuron metrics of docs/methods.md §1.8, by their result names (`<name>_mean`,
/// `<name>_std` in an attractor result; `series_<name>_mean` in a wake–sleep result).
public enum AttractorMetric: String, CaseIterable, Sendable {
    case minMargin = "min_margin", avgMargin = "avg_margin", rho
    case normMarginQ2_3 = "norm_margin_q2_3", normMarginQ1_2 = "norm_margin_q1_2"
    case synMargin = "syn_margin", l0, l1, l2
}

public struct AttractorMetrics: Sendable {
    /// Per-neuron values of every metric.
    public var perNeuron: [AttractorMetric: [Double]]
    public var trainError: Double
    public var symmetry: Double
    public var thetaMean: Double
    public var biasMean: Double
    public var aliveMean: Double

    public func summary(_ metric: AttractorMetric) -> MeanStd { MeanStd(perNeuron[metric] ?? []) }

    /// G = Y ⊙ (W X − θ) as an N×M row-major array.
    public static func signedField(_ net: SynapticNetwork, _ patterns: PatternSet) -> [Float] {
        Blas.ensureSingleThreaded()
        let n = net.n, m = patterns.m
        var h = [Float](repeating: 0, count: n * m)
        h.withUnsafeMutableBufferPointer { hb in
            patterns.x.withUnsafeBufferPointer { xb in
                Blas.gemm(rows: n, cols: m, inner: n, a: net.w, lda: n, b: xb.baseAddress!, ldb: m, transB: false,
                          c: hb.baseAddress!, ldc: m)
            }
        }
        for i in 0..<n {
            for mu in 0..<m {
                let e = i * m + mu
                h[e] = patterns.y(i, mu) * (h[e] - net.theta[i])
            }
        }
        return h
    }

    /// Every metric of docs/methods.md §1.8 for `net` on `patterns`.
    public static func measure(_ net: SynapticNetwork, _ patterns: PatternSet) -> AttractorMetrics {
        let n = net.n, m = patterns.m, z = net.z, f = patterns.f
        let g = signedField(net, patterns)
        var out: [AttractorMetric: [Double]] = [:]
        for metric in AttractorMetric.allCases { out[metric] = [Double](repeating: 0, count: n) }
        var errors = 0.0
        let synQ = 2 - 2 / Double(z)
        for i in 0..<n {
            var gmin = Double.infinity, gsum = 0.0
            for mu in 0..<m {
                let v = Double(g[i * m + mu])
                gmin = min(gmin, v)
                gsum += v
                if v < 0 { errors += 1 } else if v == 0 { errors += 0.5 }
            }
            var alive = 0, l1 = 0.0, l2sq = 0.0, q23 = 0.0, q12 = 0.0, qs = 0.0
            for j in 0..<n {
                let w = Double(net.w[i * n + j])
                if net.w[i * n + j] > pruneThreshold { alive += 1 }
                let a = abs(w)
                l1 += a
                l2sq += w * w
                q23 += Foundation.pow(a, 2.0 / 3.0)
                q12 += a.squareRoot()
                if z > 1 { qs += Foundation.pow(w, synQ) }
            }
            let l2 = l2sq.squareRoot()
            out[.minMargin]![i] = gmin / l2
            out[.avgMargin]![i] = gsum / Double(m) / l2
            out[.rho]![i] = gmin / (l1 / Double(n) * (Double(n) * f * (1 - f)).squareRoot())
            out[.normMarginQ2_3]![i] = gmin / Foundation.pow(q23, 1.5)
            out[.normMarginQ1_2]![i] = gmin / (q12 * q12)
            out[.synMargin]![i] = z == 1 ? gmin / Double(n).squareRoot() : gmin / qs.squareRoot()
            out[.l0]![i] = Double(alive) / Double(n)
            out[.l1]![i] = l1
            out[.l2]![i] = l2
        }
        let bias = SynapseOps.biasThresholds(net, f: f)
        return AttractorMetrics(
            perNeuron: out, trainError: errors / Double(n * m), symmetry: symmetry(net),
            thetaMean: net.theta.reduce(0.0) { $0 + Double($1) } / Double(n),
            biasMean: bias.reduce(0.0) { $0 + Double($1) } / Double(n),
            aliveMean: out[.l0]!.reduce(0, +) / Double(n) * Double(n))
    }

    /// 1 − nanmean(|Wm − Wmᵀ| / (Wm + Wmᵀ)) with Wm = W ⊙ A over all ordered pairs;
    /// pairs where both weights are pruned (0/0) are ignored.
    public static func symmetry(_ net: SynapticNetwork) -> Double {
        let n = net.n
        var sum = 0.0, count = 0
        for i in 0..<n {
            for j in 0..<n {
                let a = net.w[i * n + j] > pruneThreshold ? Double(net.w[i * n + j]) : 0
                let b = net.w[j * n + i] > pruneThreshold ? Double(net.w[j * n + i]) : 0
                let den = a + b
                guard den != 0 else { continue }
                sum += abs(a - b) / den
                count += 1
            }
        }
        return count > 0 ? 1 - sum / Double(count) : .nan
    }
}
