// The one product per step of the wake–sleep model: H = W X − θ for sparse binary
// patterns, as sums of K columns of W (docs/methods.md §2.2, §2.5), and the k-WTA step.

import Foundation

public enum SparseField {
    /// Hᵀ[μ*N + i] = Σ_{j ∈ active(μ)} W[i, j] − θ_i for every pattern (M×N, pattern-major).
    /// Neurons are split over `threads` (each entry is its own sum).
    public static func compute(_ net: WakeSleepNetwork, _ patterns: SparsePatterns,
                               into h: UnsafeMutablePointer<Float>, threads: Int = 1) {
        net.theta.withUnsafeBufferPointer { tb in
            compute(weights: UnsafePointer(net.w), n: net.n, patterns: patterns, theta: tb.baseAddress!, into: h,
                    threads: threads)
        }
    }

    /// The same for presynaptic-major weights `w` (W[i, j] at w[j*N + i]).
    static func compute(weights w: UnsafePointer<Float>, n: Int, patterns: SparsePatterns, theta: UnsafePointer<Float>,
                        into h: UnsafeMutablePointer<Float>, threads: Int = 1) {
        if threads <= 1 {
            for mu in 0..<patterns.m { column(weights: w, n: n, patterns.active[mu], theta: theta, into: h + mu * n) }
            return
        }
        // Split by pattern: each pattern's field is its own row of Hᵀ, and every h[i] adds the
        // same columns in the same order whatever the split. (Split by neuron, both threads
        // wrote halves of every row of Hᵀ in step, within the same pages, and two threads
        // were barely faster than one; docs/benchmarks.md.)
        RowParallel.forEach(RowParallel.ranges(patterns.m, threads: threads)) { _, patternRange in
            for mu in patternRange {
                column(weights: w, n: n, patterns.active[mu], theta: theta, into: h + mu * n)
            }
        }
    }

    /// h = W x − θ for one pattern given by its active units.
    @inline(__always)
    static func column(weights w: UnsafePointer<Float>, n: Int, _ active: [Int32],
                       theta: UnsafePointer<Float>, into h: UnsafeMutablePointer<Float>) {
        for i in 0..<n { h[i] = 0 }
        for j in active {
            let col = w + Int(j) * n
            for i in 0..<n { h[i] += col[i] }
        }
        for i in 0..<n { h[i] -= theta[i] }
    }

    /// Hᵀ as a Swift array (M×N, pattern-major).
    public static func compute(_ net: WakeSleepNetwork, _ patterns: SparsePatterns) -> [Float] {
        var h = [Float](repeating: 0, count: patterns.m * net.n)
        h.withUnsafeMutableBufferPointer { compute(net, patterns, into: $0.baseAddress!) }
        return h
    }
}

/// The recall step with k-winners-take-all inhibition of docs/methods.md §2.2.
public struct KWTAStep: Sendable, Equatable {
    /// Field h = W x − θ.
    public var field: [Float]
    /// Output state s = H(h − d).
    public var state: [Float]
    /// Inhibition d: 0 if H(h) already has round(N f) active units, else the
    /// N(1−f)-th smallest entry of h (index N(1−f) − 1 of the ascending sort).
    public var inhibition: Float

    /// The step from the field alone (exposed for tests).
    public init(field h: [Float], f: Double) {
        let n = h.count
        let target = Int((Double(n) * f).rounded())
        let active = h.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        var d: Float = 0
        if active != target {
            let rank = Int((Double(n) * (1 - f)).rounded())
            d = h.sorted()[rank - 1]
        }
        field = h
        inhibition = d
        state = h.map { $0 - d > 0 ? 1 : 0 }
    }

    /// The step for a stored-format pattern (its active units).
    public init(_ net: WakeSleepNetwork, active: [Int32], f: Double) {
        var h = [Float](repeating: 0, count: net.n)
        net.theta.withUnsafeBufferPointer { tb in
            h.withUnsafeMutableBufferPointer {
                SparseField.column(weights: UnsafePointer(net.w), n: net.n, active, theta: tb.baseAddress!, into: $0.baseAddress!)
            }
        }
        self.init(field: h, f: f)
    }

    /// The step from an arbitrary binary state (dense 0/1 vector), used by recall rasters.
    public init(_ net: WakeSleepNetwork, state x: [Float], f: Double) {
        let active = x.indices.filter { x[$0] > 0 }.map { Int32($0) }
        self.init(net, active: active, f: f)
    }
}
