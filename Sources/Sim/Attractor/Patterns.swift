// Random binary patterns of docs/methods.md §1.1.

import Foundation

/// M binary patterns of N neurons: X ∈ {0,1}^{N×M}, stored row-major as Float32 0/1
/// (x[j*m + μ], so that W·X is one sgemm), plus the pattern-major transpose.
public struct PatternSet: Sendable {
    public let n: Int
    public let m: Int
    public let f: Double
    /// X[j, μ] at x[j*m + μ].
    public let x: [Float]
    /// X[j, μ] at xT[μ*n + j] (pattern μ contiguous).
    public let xT: [Float]

    public init(n: Int, m: Int, f: Double, x: [Float]) {
        precondition(x.count == n * m)
        self.n = n
        self.m = m
        self.f = f
        self.x = x
        var t = [Float](repeating: 0, count: n * m)
        for j in 0..<n { for mu in 0..<m { t[mu * n + j] = x[j * m + mu] } }
        xT = t
    }

    /// Bernoulli(f) entries, drawn row by row; a row without any 1 (a neuron that is
    /// silent in every pattern) is redrawn whole, with the same law, until it has one.
    public static func bernoulli(n: Int, m: Int, f: Double, rng: inout Xoshiro256) -> PatternSet {
        precondition(f > 0 && m > 0)
        var x = [Float](repeating: 0, count: n * m)
        for j in 0..<n {
            var any = false
            while !any {
                for mu in 0..<m {
                    let on = rng.uniform() < f
                    x[j * m + mu] = on ? 1 : 0
                    any = any || on
                }
            }
        }
        return PatternSet(n: n, m: m, f: f, x: x)
    }

    /// Target sign Y[i, μ] = 2 X[i, μ] − 1.
    @inline(__always) public func y(_ i: Int, _ mu: Int) -> Float { 2 * x[i * m + mu] - 1 }
}
