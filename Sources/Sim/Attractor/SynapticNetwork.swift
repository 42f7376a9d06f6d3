// The synapse state of a recurrent network with z-factor synapses (docs/methods.md §1.2):
// factors U (N×N×z, interleaved: U[(i*N + j)*z + k]), weights W = ∏_k U (N×N) and
// thresholds θ (N). Everything is Float32, like the original, because the weight
// histogram of Figure 2 depends on Float32 underflow (1e-20^z).
//
// Never enable flush-to-zero: the stored weights of pruned z = 2 synapses are the subnormal
// 1e-40 (Figure 2's panel 10). The hot loops keep such numbers out of their arithmetic
// instead (Subnormal.swift).

import Foundation

/// Weights at or below this value are pruned (mask 0) for good.
public let pruneThreshold: Float = 1e-10
/// Floor of every factor after a clip.
public let factorFloor: Float = 1e-20

public final class SynapticNetwork: @unchecked Sendable {
    public let n: Int
    public let z: Int
    /// Factors, interleaved per synapse: U[(i*n + j)*z + k].
    public let u: UnsafeMutablePointer<Float>
    /// Weights, row-major: W[i*n + j] (row i = postsynaptic neuron). For z = 1 this is the
    /// same memory as `u`.
    public let w: UnsafeMutablePointer<Float>
    public var theta: [Float]

    public init(n: Int, z: Int) {
        precondition(n > 0 && z >= 1)
        self.n = n
        self.z = z
        u = .allocate(capacity: n * n * z)
        u.initialize(repeating: 0, count: n * n * z)
        // For z = 1 the weight is the factor: W and U share storage.
        if z == 1 {
            w = u
        } else {
            w = .allocate(capacity: n * n)
            w.initialize(repeating: 0, count: n * n)
        }
        theta = [Float](repeating: 0, count: n)
    }

    deinit {
        if w != u { w.deallocate() }
        u.deallocate()
    }

    /// A deep copy.
    public func copy() -> SynapticNetwork {
        let c = SynapticNetwork(n: n, z: z)
        c.u.update(from: u, count: n * n * z)
        c.w.update(from: w, count: n * n)
        c.theta = theta
        return c
    }

    /// Factors i.i.d. uniform on [lo, hi), drawn row by row from one stream so the
    /// result does not depend on threads.
    public func initialiseFactors(lo: Float, hi: Float, rng: inout Xoshiro256) {
        for e in 0..<(n * n * z) { u[e] = lo + (hi - lo) * rng.uniformFloat() }
        recomputeWeights()
    }

    /// The product of the z factors of synapse `e` (= i*n + j), in factor order.
    @inline(__always)
    public func product(_ e: Int) -> Float {
        let p = u + e * z
        var x = p[0]
        var k = 1
        while k < z { x *= p[k]; k += 1 }
        return x
    }

    /// W = ∏_k U for every synapse.
    public func recomputeWeights(rows: Range<Int>? = nil) {
        let r = rows ?? 0..<n
        for e in (r.lowerBound * n)..<(r.upperBound * n) { w[e] = product(e) }
    }

    /// Alive mask A = W > 1e-10 (row-major N×N).
    public func aliveMask() -> [Bool] {
        (0..<(n * n)).map { w[$0] > pruneThreshold }
    }

    public var weights: [Float] { Array(UnsafeBufferPointer(start: w, count: n * n)) }
    public var factors: [Float] { Array(UnsafeBufferPointer(start: u, count: n * n * z)) }
    /// Factor plane k as an N×N row-major array.
    public func factorPlane(_ k: Int) -> [Float] { (0..<(n * n)).map { u[$0 * z + k] } }
}
