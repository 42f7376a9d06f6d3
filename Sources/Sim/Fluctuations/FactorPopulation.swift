// One population of N synapses with z factors each (docs/methods.md §3), integrated with
// Euler–Maruyama. w = ∏_k u_k; u_0 is the fast, noisy factor, u_1…u_{z−1} follow it
// with time constant τ; a homeostatic term pulls the mean of w^{2/z} over alive synapses
// towards w0. A synapse whose weight reaches 0 is dead for good.

import Foundation

public struct FactorPopulation: Sendable {
    public let z: Int
    public let synapses: Int
    /// Factors, factor-major: u[k * N + i] is factor k of synapse i.
    public private(set) var u: [Double]
    /// Current weights w_i = u_0·u_1·…·u_{z−1}.
    public private(set) var w: [Double]

    public init(z: Int, synapses: Int) {
        precondition(z >= 1 && synapses >= 1, "FactorPopulation: z ≥ 1 and synapses ≥ 1 required")
        self.z = z
        self.synapses = synapses
        u = [Double](repeating: 1, count: z * synapses)
        w = [Double](repeating: 1, count: synapses)
    }

    /// w^{2/z}: the quantity whose mean homeostasis holds at w0 (exact forms for z = 1, 2, 4).
    @inline(__always)
    public static func homeostaticPower(_ w: Double, z: Int) -> Double {
        switch z {
        case 1: return w * w
        case 2: return w
        case 4: return w.squareRoot()
        default: return pow(w, 2 / Double(z))
        }
    }

    /// Mean of w^{2/z} over alive synapses (NaN when none is alive).
    public var homeostaticMean: Double {
        var sum = 0.0, n = 0
        for x in w where x > 0 { sum += Self.homeostaticPower(x, z: z); n += 1 }
        return n > 0 ? sum / Double(n) : .nan
    }

    public var aliveCount: Int { w.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }

    /// One Euler step. `noise` holds ξ_0, ξ_1 for every synapse: noise[2i], noise[2i+1].
    public mutating func step(noise: UnsafePointer<Double>, _ p: FluctuationParameters) {
        let N = synapses, z = self.z
        let mean = homeostaticMean
        let h = mean.isFinite ? 1 - mean / p.w0 : 0      // all dead: nothing left to scale
        let sqrtDt = p.dt.squareRoot()
        let dtTau = p.dt / p.tau
        let gain = p.homeostasisGain
        let sk = p.sigma * p.kappa, s1k = p.sigma * (1 - p.kappa)
        u.withUnsafeMutableBufferPointer { U in
            w.withUnsafeMutableBufferPointer { W in
                for i in 0..<N {
                    guard W[i] > 0 else {
                        // Dead (from the previous step): all factors stay 0.
                        for k in 0..<z { U[k * N + i] = 0 }
                        W[i] = 0
                        continue
                    }
                    var slow = 1.0
                    for k in 1..<max(z, 1) { slow *= U[k * N + i] }
                    let u0Old = U[i]
                    let u0 = u0Old
                        + (s1k * noise[2 * i] + sk * slow * noise[2 * i + 1]) * sqrtDt
                        + p.drift * (s1k + sk * slow) * p.dt
                        + gain * h * u0Old * p.dt
                    // The slow factors follow the new u_0, all relative to the old u_1.
                    let u1Old = z > 1 ? U[N + i] : 0
                    var prod = max(u0, 0)
                    U[i] = prod
                    for k in 1..<max(z, 1) {
                        let uk = U[k * N + i]
                        let next = max(uk + (u0 - u1Old) * dtTau + gain * h * uk * dtTau, 0)
                        U[k * N + i] = next
                        prod *= next
                    }
                    W[i] = prod
                }
            }
        }
    }
}
