// Everything the recordings need from one field H = W X − θ (pattern-major Hᵀ) and the
// row norms of W: margins, ρ, training error, noiseless recall, per-pattern radius.

import Foundation

public struct FieldStatistics: Sendable {
    /// min_μ G[i, μ] per neuron (G = Y ⊙ H).
    public var minG: [Float]
    /// mean_μ |H[i, μ]| per neuron (m_i of the soft-min step).
    public var meanAbs: [Float]
    /// Σ over (i, μ) of (1 − Y sign H)/2.
    public var errorCount: Double
    /// Wrong bits of the one-step read-out sign(H) per pattern.
    public var wrongBits: [Double]

    /// Statistics of Hᵀ (M×N) for `patterns`. (Raw pointers: with array subscripts the
    /// bounds checks kept this loop from vectorising, ~2 ns per entry, once per sleep epoch.)
    /// Neurons are split over `threads`: every per-neuron sum keeps its pattern order, and
    /// the wrong bits of a pattern are integers (halves) summed over the blocks.
    public init(field h: UnsafePointer<Float>, patterns: SparsePatterns, threads: Int = 1) {
        let n = patterns.n, m = patterns.m
        var mn = [Float](repeating: .infinity, count: n)
        var sa = [Double](repeating: 0, count: n)
        let blocks = RowParallel.ranges(n, threads: threads, alignment: 8)
        // Wrong halves of pattern μ within block k at halves[k*m + μ].
        var halves = [Int](repeating: 0, count: blocks.count * m)
        mn.withUnsafeMutableBufferPointer { mb in
        sa.withUnsafeMutableBufferPointer { sb in
        halves.withUnsafeMutableBufferPointer { hb in
            let outMn = SendablePointer(mb.baseAddress!), outSa = SendablePointer(sb.baseAddress!)
            let wrongHalves = SendablePointer(hb.baseAddress!)
            RowParallel.forEach(blocks) { k, range in
                // Each block works on its own copies of the per-neuron arrays, written back at the
                // end: blocks writing halves of the same pages in step slowed each other down.
                let lo = range.lowerBound, hi = range.upperBound, width = range.count
                let local = UnsafeMutableRawPointer.allocate(byteCount: width * 16, alignment: 4096)
                defer { local.deallocate() }
                let sa = local.bindMemory(to: Double.self, capacity: width) - lo
                let mn = (local + width * 8).bindMemory(to: Float.self, capacity: width) - lo
                // ±1: the sign that turns H into G = Y ⊙ H for the current pattern.
                let y = (local + width * 12).bindMemory(to: Float.self, capacity: width) - lo
                for i in lo..<hi { sa[i] = 0; mn[i] = .infinity; y[i] = -1 }
                for mu in 0..<m {
                    let row = h + mu * n
                    for j in patterns.active[mu] where range.contains(Int(j)) { y[Int(j)] = 1 }
                    // Wrong bits are counted in halves (exact in any order).
                    var count = 0
                    for i in lo..<hi {
                        let v = row[i]
                        let g = y[i] * v
                        if g < mn[i] { mn[i] = g }
                        sa[i] += Double(abs(v))
                        count &+= g < 0 ? 2 : (g == 0 ? 1 : 0)
                    }
                    for j in patterns.active[mu] where range.contains(Int(j)) { y[Int(j)] = -1 }
                    wrongHalves[k * m + mu] = count
                }
                for i in lo..<hi { outMn[i] = mn[i]; outSa[i] = sa[i] }
            }
        }}}
        var wrong = [Double](repeating: 0, count: m)
        var total = 0.0
        for mu in 0..<m {
            var count = 0
            for k in 0..<blocks.count { count += halves[k * m + mu] }
            let e = Double(count) / 2
            wrong[mu] = e
            total += e
        }
        minG = mn
        meanAbs = sa.map { Float($0 / Double(m)) }
        errorCount = total
        wrongBits = wrong
    }

    /// Per-pattern radius min_i G[i, μ] / ‖W_i‖₂ (the q = 2 margin of the worst neuron).
    public static func radius(field h: UnsafePointer<Float>, patterns: SparsePatterns, l2: [Double]) -> [Float] {
        let n = patterns.n
        let inv = l2.map { $0 > 0 ? 1 / $0 : 0 }
        var isActive = [Bool](repeating: false, count: n)
        return (0..<patterns.m).map { mu in
            let row = h + mu * n
            for j in patterns.active[mu] { isActive[Int(j)] = true }
            var r = Double.infinity
            for i in 0..<n {
                let g = Double(isActive[i] ? row[i] : -row[i])
                r = min(r, g * inv[i])
            }
            for j in patterns.active[mu] { isActive[Int(j)] = false }
            return Float(r)
        }
    }
}

/// The scalar recordings of docs/methods.md §2.6 at one time point.
public struct StateScalars: Sendable {
    public static let names = ["min_margin_mean", "min_margin_std", "rho_mean", "rho_std", "syn_margin_mean",
                               "train_error", "capacity", "l0_mean", "l0_std", "l1_mean", "l2_mean", "theta_mean"]
    public var values: [String: Double] = [:]

    public init(stats: FieldStatistics, l1: [Double], l2sq: [Double], alive: [Int], theta: [Float], f: Double) {
        let n = l1.count, m = stats.wrongBits.count
        var margin = [Double](), rho = [Double](), syn = [Double](), l0 = [Double]()
        for i in 0..<n {
            let g = Double(stats.minG[i])
            margin.append(g / l2sq[i].squareRoot())
            rho.append(g / (l1[i] / Double(n) * (Double(n) * f * (1 - f)).squareRoot()))
            // Synaptic margin for z = 2 (q' = 1): min G / sqrt(Σ_j W).
            syn.append(g / l1[i].squareRoot())
            l0.append(Double(alive[i]) / Double(n))
        }
        let mm = MeanStd(margin), r = MeanStd(rho), l = MeanStd(l0)
        let tolerated = 0.2 * Double(n) * f
        values["min_margin_mean"] = mm.mean
        values["min_margin_std"] = mm.std
        values["rho_mean"] = r.mean
        values["rho_std"] = r.std
        values["syn_margin_mean"] = syn.reduce(0, +) / Double(n)
        values["train_error"] = stats.errorCount / Double(n * m)
        values["capacity"] = Double(stats.wrongBits.filter { $0 <= tolerated }.count) / Double(m)
        values["l0_mean"] = l.mean
        values["l0_std"] = l.std
        values["l1_mean"] = l1.reduce(0, +) / Double(n)
        values["l2_mean"] = l2sq.reduce(0) { $0 + $1.squareRoot() } / Double(n)
        values["theta_mean"] = theta.reduce(0.0) { $0 + Double($1) } / Double(n)
    }
}
