// Reference (dense) synapse operations of docs/methods.md §1.2–1.5 and §1.7. They touch every
// synapse and are meant for set-up, read-out and models other than the fast trainer
// (e.g. the wake–sleep model of Figure 3). The trainer (AttractorTrainer) does the same
// arithmetic on alive synapses only.

import Foundation

public enum SynapseOps {
    /// Clip of docs/methods.md §1.3: U *= A (mask from before the update), U = max(U, 1e-20), U[i,i,:] = 0,
    /// recompute W.
    public static func clip(_ net: SynapticNetwork, mask: [Bool]) {
        let n = net.n, z = net.z
        precondition(mask.count == n * n)
        for i in 0..<n {
            for j in 0..<n {
                let e = i * n + j
                let p = net.u + e * z
                for k in 0..<z {
                    var v = mask[e] ? p[k] : 0
                    v = max(v, factorFloor)
                    p[k] = i == j ? 0 : v
                }
                net.w[e] = net.product(e)
            }
        }
    }

    /// The per-neuron squared factor norm Σ_{j,k} U[i,j,k]², summed in Double.
    public static func factorSquareSums(_ net: SynapticNetwork) -> [Double] {
        let n = net.n, z = net.z
        return (0..<n).map { i in
            var s = 0.0
            let p = net.u + i * n * z
            for e in 0..<(n * z) { s += Double(p[e]) * Double(p[e]) }
            return s
        }
    }

    /// Normalisation of docs/methods.md §1.4: every neuron gets Σ_{j,k} U² = L·z; returns sqrt(s_i).
    @discardableResult
    public static func normalise(_ net: SynapticNetwork, length: Double) -> [Float] {
        let n = net.n, z = net.z
        let sums = factorSquareSums(net)
        var roots = [Float](repeating: 1, count: n)
        for i in 0..<n {
            let root = Float(sums[i] / (length * Double(z))).squareRoot()
            roots[i] = root
            let p = net.u + i * n * z
            for e in 0..<(n * z) { p[e] /= root }
        }
        net.recomputeWeights()
        return roots
    }

    /// Threshold initialisation of docs/methods.md §1.5:
    /// θ_i = f Σ_j W + sqrt(2 f (1−f) Σ_j W²) · erfinv(1 − 2f).
    public static func biasThresholds(_ net: SynapticNetwork, f: Double) -> [Float] {
        let n = net.n
        let e = Normal.erfinv(1 - 2 * f)
        return (0..<n).map { i in
            var s1 = 0.0, s2 = 0.0
            for j in 0..<n {
                let x = Double(net.w[i * n + j])
                s1 += x; s2 += x * x
            }
            return Float(f * s1 + (2 * f * (1 - f) * s2).squareRoot() * e)
        }
    }

    /// "mean-u" rescaling of docs/methods.md §1.7: c_i = 10 Σ_{j,k} U / (n_alive_i z); θ_i /= c_i^z;
    /// U_i /= c_i; recompute W. Returns c.
    @discardableResult
    public static func rescaleMeanU(_ net: SynapticNetwork) -> [Float] {
        let n = net.n, z = net.z
        var cs = [Float](repeating: 1, count: n)
        for i in 0..<n {
            var sum = 0.0
            var alive = 0
            let p = net.u + i * n * z
            for e in 0..<(n * z) { sum += Double(p[e]) }
            for j in 0..<n where net.w[i * n + j] > pruneThreshold { alive += 1 }
            // A neuron without any alive synapse keeps its scale (the original would divide by 0).
            guard alive > 0 else { continue }
            let c = Float(10 * sum / Double(alive * z))
            cs[i] = c
            var cz: Float = 1
            for _ in 0..<z { cz *= c }
            net.theta[i] /= cz
            for e in 0..<(n * z) { p[e] /= c }
        }
        net.recomputeWeights()
        return cs
    }
}
