// Per-synapse arithmetic for a fixed number of factors z, so the row passes of the trainer
// compile to straight-line code (no loops over k, no pow).

/// The update of one alive synapse: U_k += g·D_k with D_k = ∏_{l≠k} U_l (factors before the
/// update, products in ascending l), then U_k = max(U_k, 1e-20). Returns Σ_k U_k².
/// `rescale` divides the factors by the row's sqrt(s_i) (as a product with 1/sqrt(s_i))
/// and returns W = ∏_k U_k.
protocol FactorKernel {
    static func update(_ p: UnsafeMutablePointer<Float>, _ g: Float) -> Float
    static func rescale(_ p: UnsafeMutablePointer<Float>, _ inv: Float) -> Float
}

enum OneFactor: FactorKernel {
    @inline(__always) static func update(_ p: UnsafeMutablePointer<Float>, _ g: Float) -> Float {
        let b = max(p[0] + g, factorFloor)
        p[0] = b
        return b * b
    }
    @inline(__always) static func rescale(_ p: UnsafeMutablePointer<Float>, _ inv: Float) -> Float {
        let b = p[0] * inv
        p[0] = b
        return b
    }
}

enum TwoFactors: FactorKernel {
    @inline(__always) static func update(_ p: UnsafeMutablePointer<Float>, _ g: Float) -> Float {
        let a0 = p[0], a1 = p[1]
        let b0 = max(a0 + g * a1, factorFloor), b1 = max(a1 + g * a0, factorFloor)
        p[0] = b0; p[1] = b1
        return b0 * b0 + b1 * b1
    }
    @inline(__always) static func rescale(_ p: UnsafeMutablePointer<Float>, _ inv: Float) -> Float {
        let b0 = p[0] * inv, b1 = p[1] * inv
        p[0] = b0; p[1] = b1
        return b0 * b1
    }
}

enum ThreeFactors: FactorKernel {
    @inline(__always) static func update(_ p: UnsafeMutablePointer<Float>, _ g: Float) -> Float {
        let a0 = p[0], a1 = p[1], a2 = p[2]
        let b0 = max(a0 + g * (a1 * a2), factorFloor)
        let b1 = max(a1 + g * (a0 * a2), factorFloor)
        let b2 = max(a2 + g * (a0 * a1), factorFloor)
        p[0] = b0; p[1] = b1; p[2] = b2
        return b0 * b0 + b1 * b1 + b2 * b2
    }
    @inline(__always) static func rescale(_ p: UnsafeMutablePointer<Float>, _ inv: Float) -> Float {
        let b0 = p[0] * inv, b1 = p[1] * inv, b2 = p[2] * inv
        p[0] = b0; p[1] = b1; p[2] = b2
        return (b0 * b1) * b2
    }
}

enum FourFactors: FactorKernel {
    @inline(__always) static func update(_ p: UnsafeMutablePointer<Float>, _ g: Float) -> Float {
        let a0 = p[0], a1 = p[1], a2 = p[2], a3 = p[3]
        let a01 = a0 * a1
        let b0 = max(a0 + g * ((a1 * a2) * a3), factorFloor)
        let b1 = max(a1 + g * ((a0 * a2) * a3), factorFloor)
        let b2 = max(a2 + g * (a01 * a3), factorFloor)
        let b3 = max(a3 + g * (a01 * a2), factorFloor)
        p[0] = b0; p[1] = b1; p[2] = b2; p[3] = b3
        return b0 * b0 + b1 * b1 + b2 * b2 + b3 * b3
    }
    @inline(__always) static func rescale(_ p: UnsafeMutablePointer<Float>, _ inv: Float) -> Float {
        let b0 = p[0] * inv, b1 = p[1] * inv, b2 = p[2] * inv, b3 = p[3] * inv
        p[0] = b0; p[1] = b1; p[2] = b2; p[3] = b3
        return ((b0 * b1) * b2) * b3
    }
}

/// Any z (slow path, z ≥ 5).
enum ManyFactors {
    static func update(_ p: UnsafeMutablePointer<Float>, _ g: Float, z: Int, d: UnsafeMutablePointer<Float>) -> Float {
        for k in 0..<z {
            var prod: Float = 1
            var first = true
            for l in 0..<z where l != k {
                prod = first ? p[l] : prod * p[l]
                first = false
            }
            d[k] = prod
        }
        var s2: Float = 0
        for k in 0..<z {
            let b = max(p[k] + g * d[k], factorFloor)
            p[k] = b
            s2 += b * b
        }
        return s2
    }
    static func rescale(_ p: UnsafeMutablePointer<Float>, _ inv: Float, z: Int) -> Float {
        var prod: Float = 1
        for k in 0..<z {
            let b = p[k] * inv
            p[k] = b
            prod = k == 0 ? b : prod * b
        }
        return prod
    }
}

/// One row of the fused update: drops synapses pruned by the mask computed before the
/// update (their factors go to the floor 1e-20; the diagonal to 0), updates the others,
/// and returns (kept, Σ U²). Then `rescale` applies the normalisation.
///
/// Each kept synapse's Σ_k U_k² goes to `sq[kept]` and the row sum is taken afterwards
/// with vector accumulators (`FloatSum`): a running scalar sum would make every synapse
/// wait for the previous one's add. The order depends only on the row's data, never on
/// threads.
struct RowUpdate {
    let n: Int
    let z: Int
    let u: UnsafeMutablePointer<Float>
    let w: UnsafeMutablePointer<Float>
    let deadWeight: Float

    @inline(__always)
    func update<K: FactorKernel>(_: K.Type, row i: Int, list: UnsafeMutablePointer<Int32>, count: Int,
                                 src: UnsafePointer<Float>, scale: Float, sq: UnsafeMutablePointer<Float>) -> (Int, Float) {
        var kept = 0
        for c in 0..<count {
            let j = Int(list[c])
            let e = i &* n &+ j
            if j == i || !(w[e] > pruneThreshold) {
                prune(e, diagonal: j == i)
                continue
            }
            list[kept] = Int32(truncatingIfNeeded: j)
            sq[kept] = K.update(u + e &* z, scale * src[j])
            kept &+= 1
        }
        return (kept, FloatSum.sum(sq, count: kept))
    }

    func updateMany(row i: Int, list: UnsafeMutablePointer<Int32>, count: Int, src: UnsafePointer<Float>,
                    scale: Float, d: UnsafeMutablePointer<Float>, sq: UnsafeMutablePointer<Float>) -> (Int, Float) {
        var kept = 0
        for c in 0..<count {
            let j = Int(list[c])
            let e = i * n + j
            if j == i || !(w[e] > pruneThreshold) {
                prune(e, diagonal: j == i)
                continue
            }
            list[kept] = Int32(j)
            sq[kept] = ManyFactors.update(u + e * z, scale * src[j], z: z, d: d)
            kept += 1
        }
        return (kept, FloatSum.sum(sq, count: kept))
    }

    @inline(__always)
    func prune(_ e: Int, diagonal: Bool) {
        let p = u + e * z
        // Clip: U *= A (0), max(·, 1e-20); the diagonal is then set to 0.
        for k in 0..<z { p[k] = diagonal ? 0 : factorFloor }
        w[e] = diagonal ? 0 : deadWeight
    }

    @inline(__always)
    func rescale<K: FactorKernel>(_: K.Type, row i: Int, list: UnsafeMutablePointer<Int32>, count: Int, inv: Float) {
        for c in 0..<count {
            let e = i * n + Int(list[c])
            w[e] = K.rescale(u + e * z, inv)
        }
    }

    func rescaleMany(row i: Int, list: UnsafeMutablePointer<Int32>, count: Int, inv: Float) {
        for c in 0..<count {
            let e = i * n + Int(list[c])
            w[e] = ManyFactors.rescale(u + e * z, inv, z: z)
        }
    }
}

/// Sums of Float buffers with eight-lane accumulators (a fixed order for a given length).
enum FloatSum {
    @inline(__always)
    private static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> { EightLanes.load(p, 8) }

    static func sum(_ p: UnsafePointer<Float>, count: Int) -> Float {
        var a0 = SIMD8<Float>(), a1 = SIMD8<Float>()
        var c = 0
        while c &+ 16 <= count {
            a0 += load8(p + c)
            a1 += load8(p + (c &+ 8))
            c &+= 16
        }
        if c &+ 8 <= count {
            a0 += load8(p + c)
            c &+= 8
        }
        var s = (a0 + a1).sum()
        while c < count {
            s += p[c]
            c &+= 1
        }
        return s
    }
}
