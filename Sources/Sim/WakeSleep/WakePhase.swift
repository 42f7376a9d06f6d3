// Wake: one-shot Hebbian encoding gated by the k-WTA inhibition (docs/methods.md §2.3).

import Foundation

public enum WakePhase {
    /// Start of waking: all factors u0 (no jitter), clip (zeroes the diagonal), θ by the bias
    /// rule of docs/methods.md §1.5.
    public static func start(_ net: WakeSleepNetwork, u0: Float, f: Double) {
        net.fill(u0)
        clipAndBias(net, coefficient: 0, centred: nil, f: f)
    }

    /// One presentation: `step(x)` gives d; U[:,:,0] += η|d|(x − f)(x − f)ᵀ; clip; W; θ by
    /// the bias rule. Returns d.
    @discardableResult
    public static func present(_ net: WakeSleepNetwork, active: [Int32], eta: Float, f: Double) -> Float {
        let d = KWTAStep(net, active: active, f: f).inhibition
        var xc = [Float](repeating: Float(-f), count: net.n)
        for j in active { xc[Int(j)] = Float(1 - f) }
        clipAndBias(net, coefficient: eta * abs(d), centred: xc, f: f)
        return d
    }

    /// The fused pass: factor-0 update c·(x_i − f)(x_j − f) (skipped when `centred` is nil),
    /// clip of docs/methods.md §1.3 with the mask from before the update, W = u0·u1, and the per-neuron sums
    /// Σ_j W and Σ_j W² for θ_i = f Σ W + sqrt(2 f (1−f) Σ W²)·erfinv(1 − 2f).
    static func clipAndBias(_ net: WakeSleepNetwork, coefficient c: Float, centred: [Float]?, f: Double) {
        let n = net.n
        // Float32 sums, like the original's float32 tensors.
        var s1 = [Float](repeating: 0, count: n), s2 = [Float](repeating: 0, count: n)
        let xc = centred ?? [Float](repeating: 0, count: n)
        xc.withUnsafeBufferPointer { xb in
        s1.withUnsafeMutableBufferPointer { s1b in
        s2.withUnsafeMutableBufferPointer { s2b in
            let x = xb.baseAddress!, a1 = s1b.baseAddress!, a2 = s2b.baseAddress!
            for j in 0..<n {
                let a = c * x[j]
                let p0 = net.u0 + j * n, p1 = net.u1 + j * n, pw = net.w + j * n
                clipRange(0, j, a: a, x: x, p0: p0, p1: p1, pw: pw, s1: a1, s2: a2)
                clipRange(j + 1, n, a: a, x: x, p0: p0, p1: p1, pw: pw, s1: a1, s2: a2)
                p0[j] = 0; p1[j] = 0; pw[j] = 0
            }
        }}}
        // Dead synapses entered the sums as 0 (clipRange). Where no weight reaches 1e-10 the
        // held ones are the whole sum: add them as the dense arithmetic does.
        for i in 0..<n where !(s2[i] >= 1e-20) { (s1[i], s2[i]) = net.factorWeightNorms(i) }
        let e = Normal.erfinv(1 - 2 * f)
        for i in 0..<n {
            net.theta[i] = Float(f * Double(s1[i]) + (2 * f * (1 - f) * Double(s2[i])).squareRoot() * e)
        }
    }

    /// Update, clip and weight sums of the synapses i ∈ lo..<hi of presynaptic column j.
    @inline(__always)
    static func clipRange(_ lo: Int, _ hi: Int, a: Float, x: UnsafePointer<Float>, p0: UnsafeMutablePointer<Float>,
                          p1: UnsafeMutablePointer<Float>, pw: UnsafeMutablePointer<Float>,
                          s1: UnsafeMutablePointer<Float>, s2: UnsafeMutablePointer<Float>) {
        var i = lo
        while i < hi {
            let alive = pw[i] > pruneThreshold
            var v0 = p0[i] + a * x[i]
            var v1 = p1[i]
            v0 = alive ? v0 : 0
            v1 = alive ? v1 : 0
            v0 = max(v0, factorFloor)
            v1 = max(v1, factorFloor)
            p0[i] = v0; p1[i] = v1
            // A dead synapse's weight 1e-20 · 1e-20 is subnormal: held at 0 (completeHeldWeights
            // writes it), 0 · v1 so that no vector lane forms it (Subnormal.swift).
            let wv = (alive ? v0 : 0) * v1
            pw[i] = wv
            s1[i] += wv
            s2[i] += wv * wv
            i += 1
        }
    }

    /// Patterns that are fixed points for every neuron (docs/methods.md §2.4): min_i Y[i,μ] H[i,μ] > 0.
    public static func storedPatterns(_ net: WakeSleepNetwork, _ patterns: SparsePatterns) -> [Int] {
        let n = net.n
        let h = SparseField.compute(net, patterns)
        var kept: [Int] = []
        for mu in 0..<patterns.m {
            var isActive = [Bool](repeating: false, count: n)
            for j in patterns.active[mu] { isActive[Int(j)] = true }
            var ok = true
            for i in 0..<n {
                let g = isActive[i] ? h[mu * n + i] : -h[mu * n + i]
                if !(g > 0) { ok = false; break }
            }
            if ok { kept.append(mu) }
        }
        return kept
    }
}
