// Per-synapse arithmetic for a fixed number of factors z, so the row passes of the trainer
// compile to straight-line code (no loops over k, no pow).

/// The step g·D_k is skipped (taken as 0) where it cannot move U_k: with E(x) the exponent
/// field of x (|x| < 2^(E(x)−126), subnormals and 0 included), E(g) + E(D) ≤ E(U) + 100
/// bounds |g D| below a quarter of U's ulp, so U + g D rounds to U either way. The skipped
/// products are the ones that can be subnormal (tiny soft-min gradients); every product
/// taken is ≥ 2^−153 U, a normal number since U ≥ 1e-20 (Subnormal.swift).
@inline(__always)
func stepMoves(_ u: Float, _ g: Float, _ d: Float) -> Bool {
    @inline(__always) func e(_ x: Float) -> Int32 { Int32(truncatingIfNeeded: (x.bitPattern >> 23) & 0xFF) }
    return e(g) &+ e(d) > e(u) &+ 100
}

/// |g| below which a gradient cannot move a factor, in either model: a factor is ≥ 1e-20 (the
/// floor), half its ulp ≥ 4e-28, while η|g| ∏_{l≠k} U_l ≤ 0.4 · 1e-32 · sqrt(L z)^(z−1) < 2e-29
/// at every scale (η ≤ 0.4; normalised factors |U| ≤ sqrt(L z) ≤ sqrt(200)). So U_k + η g D_k
/// rounds to U_k. Such g are set to 0: every factor keeps its bits, and η g, which can be
/// subnormal for these g, is never formed (Subnormal.swift).
let negligibleGradient: Float = 1e-32

func dropNegligibleGradients(_ g: UnsafeMutablePointer<Float>, _ count: Int) {
    for e in 0..<count where abs(g[e]) < negligibleGradient { g[e] = 0 }
}

/// g where `stepMoves`, else 0.
@inline(__always)
func movingStep(_ u: Float, _ g: Float, _ d: Float) -> Float { stepMoves(u, g, d) ? g : 0 }

/// |g| from which a synapse's steps need no `stepMoves` guard. An alive synapse has
/// W > 1e-10 (pruneThreshold) and factors ≤ sqrt(L z) ≤ sqrt(200), so every D_k = W/U_k is
/// above 7e-12 and |g D_k| ≥ 1e-26 · 7e-12 is a normal number: U + g·D, the plain formula, is
/// formed without a subnormal, and where the guard would skip the step (it cannot move U) it
/// rounds to U anyway, the same bits. The guard's exponent arithmetic, three or four times
/// per synapse, was a third of the z = 3 factor update's time. (Were the bound ever wrong,
/// a product would only be subnormal, slow on Intel, never different.)
let unguardedGradient: Float = 1e-26

/// g = 0 (a dropped negligible gradient) needs none either: 0·D_k = 0.
@inline(__always)
func needsNoGuard(_ g: Float) -> Bool { g == 0 || abs(g) >= unguardedGradient }

/// max(x, 1e-20)², without squaring the floor. The compiler packs a synapse's factors into
/// one vector register, whose unused lanes (zeros) became max(0, 1e-20) = 1e-20; squaring
/// them formed the subnormal 1e-40 for every synapse (78% of a z = 2 epoch on an Intel
/// Xeon). A clipped factor's square is the constant instead, the same bits.
@inline(__always)
func clippedSquare(_ x: Float) -> Float { x < factorFloor ? floorSquared : x * x }
/// 1e-20 · 1e-20 in Float (the subnormal 1e-40), formed once.
let floorSquared: Float = factorFloor * factorFloor

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
        let x0: Float, x1: Float
        if needsNoGuard(g) {
            x0 = a0 + g * a1; x1 = a1 + g * a0
        } else {
            x0 = a0 + movingStep(a0, g, a1) * a1; x1 = a1 + movingStep(a1, g, a0) * a0
        }
        p[0] = max(x0, factorFloor); p[1] = max(x1, factorFloor)
        return clippedSquare(x0) + clippedSquare(x1)
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
        let d0 = a1 * a2, d1 = a0 * a2, d2 = a0 * a1
        let x0: Float, x1: Float, x2: Float
        if needsNoGuard(g) {
            x0 = a0 + g * d0; x1 = a1 + g * d1; x2 = a2 + g * d2
        } else {
            x0 = a0 + movingStep(a0, g, d0) * d0
            x1 = a1 + movingStep(a1, g, d1) * d1
            x2 = a2 + movingStep(a2, g, d2) * d2
        }
        p[0] = max(x0, factorFloor); p[1] = max(x1, factorFloor); p[2] = max(x2, factorFloor)
        return (clippedSquare(x0) + clippedSquare(x1)) + clippedSquare(x2)
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
        let d0 = (a1 * a2) * a3, d1 = (a0 * a2) * a3, d2 = a01 * a3, d3 = a01 * a2
        let g0: Float, g1: Float, g2: Float, g3: Float
        if needsNoGuard(g) {
            (g0, g1, g2, g3) = (g, g, g, g)
        } else {
            (g0, g1, g2, g3) = (movingStep(a0, g, d0), movingStep(a1, g, d1), movingStep(a2, g, d2), movingStep(a3, g, d3))
        }
        let b0 = max(a0 + g0 * d0, factorFloor)
        let b1 = max(a1 + g1 * d1, factorFloor)
        let b2 = max(a2 + g2 * d2, factorFloor)
        let b3 = max(a3 + g3 * d3, factorFloor)
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
            let b = max(p[k] + movingStep(p[k], g, d[k]) * d[k], factorFloor)
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
            w[e] = Self.normalOrZero(K.rescale(u + e * z, inv))
        }
    }

    func rescaleMany(row i: Int, list: UnsafeMutablePointer<Int32>, count: Int, inv: Float) {
        for c in 0..<count {
            let e = i * n + Int(list[c])
            w[e] = Self.normalOrZero(ManyFactors.rescale(u + e * z, inv, z: z))
        }
    }

    /// A weight whose factors were clipped to the floor in this update (two or more of them
    /// for z ≥ 2) can fall below Float's normal range; it is pruned at the next update and
    /// is held at 0 until then (Subnormal.swift). `finish()` writes the product.
    @inline(__always)
    static func normalOrZero(_ w: Float) -> Float { w < Float.leastNormalMagnitude ? 0 : w }
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
