// The two-factor network of the wake–sleep model, stored presynaptic-major and planar:
// factor k of synapse (i ← j) at u_k[j*N + i], weight at w[j*N + i].
//
// Why not SynapticNetwork's layout (U[(i*N + j)*z + k])? Patterns have only 5% active
// units, so W x is a sum of K = 50 columns of W and g = P Xᵀ a sum of rows of P; with the
// columns of W (and of g) contiguous these are vector adds over postsynaptic neurons, and
// every per-neuron reduction (norms, thresholds) vectorises across neurons too. The state
// converts to and from a SynapticNetwork for the shared metrics and robustness tests.

import Foundation

public final class WakeSleepNetwork: @unchecked Sendable {
    public let n: Int
    /// Factor 0 and factor 1, presynaptic-major: u0[j*N + i].
    public let u0: UnsafeMutablePointer<Float>
    public let u1: UnsafeMutablePointer<Float>
    /// Weights W = u0·u1, presynaptic-major: w[j*N + i] = W[i, j].
    public let w: UnsafeMutablePointer<Float>
    public var theta: [Float]

    public init(n: Int) {
        self.n = n
        u0 = .allocate(capacity: n * n); u0.initialize(repeating: 0, count: n * n)
        u1 = .allocate(capacity: n * n); u1.initialize(repeating: 0, count: n * n)
        w = .allocate(capacity: n * n); w.initialize(repeating: 0, count: n * n)
        theta = [Float](repeating: 0, count: n)
    }

    deinit { u0.deallocate(); u1.deallocate(); w.deallocate() }

    /// All factors equal to `value` (docs/methods.md §2.1: no jitter).
    public func fill(_ value: Float) {
        u0.update(repeating: value, count: n * n)
        u1.update(repeating: value, count: n * n)
        recomputeWeights()
    }

    public func recomputeWeights() {
        for c in 0..<(n * n) { w[c] = u0[c] * u1[c] }
    }

    /// W as an N×N row-major array (W[i, j] at i*N + j).
    public func weightMatrix() -> [Float] {
        var out = [Float](repeating: 0, count: n * n)
        for j in 0..<n { for i in 0..<n { out[i * n + j] = w[j * n + i] } }
        return out
    }

    /// Factor k as an N×N row-major array.
    public func factorMatrix(_ k: Int) -> [Float] {
        let src = k == 0 ? u0 : u1
        var out = [Float](repeating: 0, count: n * n)
        for j in 0..<n { for i in 0..<n { out[i * n + j] = src[j * n + i] } }
        return out
    }

    /// Restores factors from N×N row-major arrays and θ; W is recomputed.
    public func load(factor0: [Float], factor1: [Float], theta: [Float]) {
        precondition(factor0.count == n * n && factor1.count == n * n && theta.count == n)
        for i in 0..<n {
            for j in 0..<n {
                u0[j * n + i] = factor0[i * n + j]
                u1[j * n + i] = factor1[i * n + j]
            }
        }
        self.theta = theta
        recomputeWeights()
    }

    /// Incoming weights of neuron i (W[i, :]).
    public func incoming(_ i: Int) -> [Float] { (0..<n).map { w[$0 * n + i] } }

    /// A SynapticNetwork (z = 2) with the same factors, weights and θ.
    public func synapticNetwork() -> SynapticNetwork {
        let net = SynapticNetwork(n: n, z: 2)
        for i in 0..<n {
            for j in 0..<n {
                let c = j * n + i, e = i * n + j
                net.u[2 * e] = u0[c]
                net.u[2 * e + 1] = u1[c]
                net.w[e] = w[c]
            }
        }
        net.theta = theta
        return net
    }

    /// Σ_j U0·U1 and Σ_j (U0·U1)² of neuron i from its factors, in ascending j, subnormal
    /// products included: the dense arithmetic's sums where the loops hold dead weights at 0
    /// (WakePhase, SleepPhase; Subnormal.swift). The diagonal's factors are 0 and add +0.
    public func factorWeightNorms(_ i: Int) -> (l1: Float, l2sq: Float) {
        var s1: Float = 0, s2: Float = 0
        for j in 0..<n {
            let wv = u0[j * n + i] * u1[j * n + i]
            s1 += wv
            s2 += wv * wv
        }
        return (s1, s2)
    }

    /// Writes U0·U1 into the off-diagonal weights the wake and sleep loops hold at 0 (dead
    /// synapses, whose weight 1e-20²/r² is subnormal). Then W = U0·U1 everywhere.
    public func completeHeldWeights() {
        for j in 0..<n {
            let c = j * n
            for i in 0..<n where i != j && w[c + i] == 0 { w[c + i] = u0[c + i] * u1[c + i] }
        }
    }

    /// Per-neuron l1 = Σ_j W, squared l2 = Σ_j W² and alive count #{W > 1e-10}. Float32
    /// sums in ascending j, exactly as the normalisation pass of SleepPhase accumulates them
    /// (so a resumed run reproduces the uninterrupted one bit for bit).
    public func rowNorms() -> (l1: [Double], l2sq: [Double], alive: [Int]) {
        var l1 = [Float](repeating: 0, count: n), l2 = [Float](repeating: 0, count: n)
        var alive = [Int](repeating: 0, count: n)
        for j in 0..<n {
            let col = w + j * n
            for i in 0..<n {
                let v = col[i]
                l1[i] += v
                l2[i] += v * v
                if v > pruneThreshold { alive[i] += 1 }
            }
        }
        return (l1.map(Double.init), l2.map(Double.init), alive)
    }

    /// Within-synapse and across-synapse factor correlations (docs/methods.md §2.6): for every presynaptic
    /// unit j, the Pearson correlation over postsynaptic neurons i of (U[i,j,0], U[i,j,1])
    /// ("within") and of (U[i,j,0], U[i,j+1,0]) ("across", neighbouring columns); each
    /// averaged over j, skipping columns where a factor is constant (undefined correlation).
    public func factorCorrelations() -> (within: Double, across: Double) {
        func corr(_ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>) -> Double? {
            var sa = 0.0, sb = 0.0, saa = 0.0, sbb = 0.0, sab = 0.0
            for i in 0..<n {
                let x = Double(a[i]), y = Double(b[i])
                sa += x; sb += y; saa += x * x; sbb += y * y; sab += x * y
            }
            let nn = Double(n)
            let va = saa - sa * sa / nn, vb = sbb - sb * sb / nn
            guard va > 0, vb > 0 else { return nil }
            return (sab - sa * sb / nn) / (va * vb).squareRoot()
        }
        var within = 0.0, nw = 0, across = 0.0, na = 0
        for j in 0..<n {
            if let r = corr(u0 + j * n, u1 + j * n) { within += r; nw += 1 }
            if j + 1 < n, let r = corr(u0 + j * n, u0 + (j + 1) * n) { across += r; na += 1 }
        }
        return (nw > 0 ? within / Double(nw) : .nan, na > 0 ? across / Double(na) : .nan)
    }
}
