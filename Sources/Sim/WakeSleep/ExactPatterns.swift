// "Exact" sparse patterns of docs/methods.md §2.1: every pattern has exactly K = round(N f)
// active units, placed uniformly at random, independently per pattern.

import Foundation

public struct SparsePatterns: Sendable, Equatable {
    public let n: Int
    public let m: Int
    public let f: Double
    /// Active unit indices of pattern μ (ascending): active[μ].
    public let active: [[Int32]]

    public init(n: Int, f: Double, active: [[Int32]]) {
        self.n = n
        self.m = active.count
        self.f = f
        self.active = active.map { $0.sorted() }
    }

    /// K distinct units per pattern by a partial Fisher–Yates shuffle of 0..<N.
    public static func exact(n: Int, m: Int, f: Double, rng: inout Xoshiro256) -> SparsePatterns {
        let k = Int((Double(n) * f).rounded())
        precondition(k >= 1 && k < n)
        var perm = Array(0..<n)
        var active: [[Int32]] = []
        active.reserveCapacity(m)
        for _ in 0..<m {
            for i in 0..<k {
                let r = i + rng.index(below: n - i)
                perm.swapAt(i, r)
            }
            active.append(perm[0..<k].map { Int32($0) })
        }
        return SparsePatterns(n: n, f: f, active: active)
    }

    /// The patterns listed in `indices`, in that order.
    public func subset(_ indices: [Int]) -> SparsePatterns {
        SparsePatterns(n: n, f: f, active: indices.map { active[$0] })
    }

    /// Dense 0/1 vector of pattern μ.
    public func dense(_ mu: Int) -> [Float] {
        var x = [Float](repeating: 0, count: n)
        for j in active[mu] { x[Int(j)] = 1 }
        return x
    }

    /// For every unit j, the patterns in which it is active (ascending): the transpose of
    /// `active`, used to form g = P Xᵀ as sums of rows of P.
    public func patternsOfUnit() -> [[Int32]] {
        var out = [[Int32]](repeating: [], count: n)
        for mu in 0..<m { for j in active[mu] { out[Int(j)].append(Int32(mu)) } }
        return out
    }

    /// X as N×M row-major 0/1 bytes (X[j, μ] at j*M + μ), the stored form.
    public var matrixBytes: [UInt8] {
        var x = [UInt8](repeating: 0, count: n * m)
        for mu in 0..<m { for j in active[mu] { x[Int(j) * m + mu] = 1 } }
        return x
    }

    /// Rebuilds patterns from N×M 0/1 values (X[j, μ] at j*M + μ).
    public static func fromMatrix(n: Int, m: Int, f: Double, values: [Double]) -> SparsePatterns {
        precondition(values.count == n * m)
        var active = [[Int32]](repeating: [], count: m)
        for j in 0..<n { for mu in 0..<m where values[j * m + mu] != 0 { active[mu].append(Int32(j)) } }
        return SparsePatterns(n: n, f: f, active: active)
    }

    /// The dense PatternSet of docs/methods.md §1 (for the robustness tests and metrics of Sim/Attractor).
    public var patternSet: PatternSet {
        var x = [Float](repeating: 0, count: n * m)
        for mu in 0..<m { for j in active[mu] { x[Int(j) * m + mu] = 1 } }
        return PatternSet(n: n, m: m, f: f, x: x)
    }
}
