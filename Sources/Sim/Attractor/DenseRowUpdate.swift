// The fused row update over the whole row, four synapses at a time in vector lanes, used
// while most of a row's synapses are alive (z = 1 here; z = 4 below, one synapse per vector;
// for z = 2 and 3 this form measured slower than the list walk, so they keep the list). Walking the alive list costs scalar work per
// synapse (index, mask, gather, a horizontal sum); while at least half the row is alive a
// masked pass over all N columns is several times cheaper. The per-synapse arithmetic is
// that of the scalar kernels (same products in the same order, so the same bits); only
// the order of the row's Σ U² differs.
//
// "Alive" is the mask of models.md §1.6, taken before the update: w > 1e-10, j ≠ i. A
// synapse not in the alive list has w ≤ 1e-10 for good (pruned weights never change
// again), so the mask alone reproduces the list semantics.

typealias Lanes = SIMD4<Float>

/// The factor arithmetic of `FactorKernel` on four synapses at once: lane s of `a_k` is
/// factor k of synapse s (factors k ≥ z are unused).
protocol FactorLaneKernel: FactorKernel {
    static var z: Int { get }
    /// U_k ← U_k + g·D_k for every k < z (before the floor).
    static func step(_ a0: inout Lanes, _ a1: inout Lanes, _ a2: inout Lanes, _ a3: inout Lanes, _ g: Lanes)
    /// ∏_k U_k.
    static func product(_ a0: Lanes, _ a1: Lanes, _ a2: Lanes, _ a3: Lanes) -> Lanes
}

extension OneFactor: FactorLaneKernel {
    static var z: Int { 1 }
    @inline(__always)
    static func step(_ a0: inout Lanes, _ a1: inout Lanes, _ a2: inout Lanes, _ a3: inout Lanes, _ g: Lanes) {
        a0 = a0 + g
    }
    @inline(__always) static func product(_ a0: Lanes, _ a1: Lanes, _ a2: Lanes, _ a3: Lanes) -> Lanes { a0 }
}

extension RowUpdate {
    /// Factor k of the four synapses whose factors start at p.
    @inline(__always)
    private func lanes(_ p: UnsafeMutablePointer<Float>, _ k: Int, _ z: Int) -> Lanes {
        Lanes(p[k], p[z &+ k], p[2 &* z &+ k], p[3 &* z &+ k])
    }

    @inline(__always)
    private func store(_ v: Lanes, _ p: UnsafeMutablePointer<Float>, _ k: Int, _ z: Int) {
        p[k] = v[0]; p[z &+ k] = v[1]; p[2 &* z &+ k] = v[2]; p[3 &* z &+ k] = v[3]
    }

    @inline(__always)
    private func load4(_ p: UnsafePointer<Float>) -> Lanes {
        UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
    }

    /// Pass 1: U ← max(U + scale·src·D, 1e-20) where alive, 1e-20 where not (0 on the
    /// diagonal). Writes the mask (1 alive, 0 pruned) to `mask` (N floats) for pass 2 and
    /// rebuilds the alive list when synapses were pruned. Returns (kept, Σ U²).
    /// The mask must be taken here, before the update: for z = 1 W and U share memory.
    @inline(__always)
    func updateDense<K: FactorLaneKernel>(_: K.Type, row i: Int, list: UnsafeMutablePointer<Int32>, count: Int,
                                          src: UnsafePointer<Float>, scale: Float,
                                          mask: UnsafeMutablePointer<Float>) -> (Int, Float) {
        let z = K.z
        let ur = u + i * n * z, wr = w + i * n
        // The diagonal is never alive; zeroing its weight first keeps it out of the mask.
        wr[i] = 0
        let threshold = Lanes(repeating: pruneThreshold), floor = Lanes(repeating: factorFloor)
        let one = Lanes(repeating: 1)
        var acc = Lanes(), alive = Lanes()
        var j = 0
        while j &+ 4 <= n {
            let p = ur + j &* z
            let dead = .!(load4(wr + j) .> threshold)
            let live = one.replacing(with: 0, where: dead)
            UnsafeMutableRawPointer(mask + j).storeBytes(of: live, as: Lanes.self)
            var a0 = lanes(p, 0, z)
            var a1 = z > 1 ? lanes(p, 1, z) : a0
            var a2 = z > 2 ? lanes(p, 2, z) : a0
            var a3 = z > 3 ? lanes(p, 3, z) : a0
            K.step(&a0, &a1, &a2, &a3, scale * load4(src + j))
            @inline(__always) func clip(_ b: inout Lanes) {
                b.replace(with: floor, where: b .< floor)
                b.replace(with: floor, where: dead)
            }
            clip(&a0); var sq = a0 * a0
            store(a0, p, 0, z)
            if z > 1 { clip(&a1); sq += a1 * a1; store(a1, p, 1, z) }
            if z > 2 { clip(&a2); sq += a2 * a2; store(a2, p, 2, z) }
            if z > 3 { clip(&a3); sq += a3 * a3; store(a3, p, 3, z) }
            acc += sq.replacing(with: 0, where: dead)
            alive += live
            j &+= 4
        }
        var sum = acc.sum()
        var kept = Int(alive.sum())
        while j < n {
            let p = ur + j * z
            if wr[j] > pruneThreshold {
                mask[j] = 1
                sum += K.update(p, scale * src[j])
                kept += 1
            } else {
                mask[j] = 0
                for k in 0..<z { p[k] = factorFloor }
            }
            j &+= 1
        }
        for k in 0..<z { ur[i * z + k] = 0 }
        if kept != count {
            var c = 0
            for j in 0..<n where mask[j] != 0 {
                list[c] = Int32(truncatingIfNeeded: j)
                c += 1
            }
        }
        return (kept, sum)
    }

    /// Pass 2: U ← U·inv and W ← ∏U where alive (the mask of pass 1); pruned synapses keep
    /// U = 1e-20 and get W = 1e-20^z (0 on the diagonal).
    @inline(__always)
    func rescaleDense<K: FactorLaneKernel>(_: K.Type, row i: Int, inv: Float, mask: UnsafePointer<Float>) {
        let z = K.z
        let ur = u + i * n * z, wr = w + i * n
        let half = Lanes(repeating: 0.5), floor = Lanes(repeating: factorFloor)
        let deadW = Lanes(repeating: deadWeight)
        var j = 0
        while j &+ 4 <= n {
            let p = ur + j &* z
            let dead = load4(mask + j) .< half
            let a0 = (lanes(p, 0, z) * inv).replacing(with: floor, where: dead)
            let a1 = z > 1 ? (lanes(p, 1, z) * inv).replacing(with: floor, where: dead) : a0
            let a2 = z > 2 ? (lanes(p, 2, z) * inv).replacing(with: floor, where: dead) : a0
            let a3 = z > 3 ? (lanes(p, 3, z) * inv).replacing(with: floor, where: dead) : a0
            store(a0, p, 0, z)
            if z > 1 { store(a1, p, 1, z) }
            if z > 2 { store(a2, p, 2, z) }
            if z > 3 { store(a3, p, 3, z) }
            // For z = 1 W is U: this stores the same values again.
            UnsafeMutableRawPointer(wr + j).storeBytes(
                of: K.product(a0, a1, a2, a3).replacing(with: deadW, where: dead), as: Lanes.self)
            j &+= 4
        }
        while j < n {
            if mask[j] != 0 {
                wr[j] = K.rescale(ur + j * z, inv)
            } else {
                for k in 0..<z { ur[j * z + k] = factorFloor }
                wr[j] = deadWeight
            }
            j &+= 1
        }
        for k in 0..<z { ur[i * z + k] = 0 }
        wr[i] = 0
    }
}

// z = 4 keeps one synapse per vector (lanes = its four factors): the factors are stored
// contiguously, so this needs no transposes, and the products D_k are formed by lane
// shuffles in the same order as `FourFactors.update` (same bits per synapse).
extension RowUpdate {
    @inline(__always)
    private func load(_ p: UnsafePointer<Float>) -> Lanes {
        UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
    }

    @inline(__always)
    private func put(_ v: Lanes, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
    }

    /// One synapse of pass 1 (z = 4): its updated Σ_k U_k² lanes, or zeros when pruned.
    @inline(__always)
    private func stepFour(_ p: UnsafeMutablePointer<Float>, _ weight: Float, _ g: Float) -> Lanes {
        let floor = Lanes(repeating: factorFloor)
        guard weight > pruneThreshold else {
            put(floor, p)
            return Lanes()
        }
        let a = load(p)
        // D = ((a1 a2) a3, (a0 a2) a3, (a0 a1) a3, (a0 a1) a2).
        let d = (Lanes(a[1], a[0], a[0], a[0]) * Lanes(a[2], a[2], a[1], a[1])) * Lanes(a[3], a[3], a[3], a[2])
        var b = a + g * d
        b.replace(with: floor, where: b .< floor)
        put(b, p)
        return b * b
    }

    /// Pass 1 for z = 4. Leaves W untouched: `rescaleDenseFour` reads the same mask from it.
    func updateDenseFour(row i: Int, list: UnsafeMutablePointer<Int32>, count: Int,
                         src: UnsafePointer<Float>, scale: Float) -> (Int, Float) {
        let ur = u + i * n * 4, wr = w + i * n
        wr[i] = 0
        var acc0 = Lanes(), acc1 = Lanes()
        var kept = 0
        var j = 0
        while j &+ 2 <= n {
            let w0 = wr[j], w1 = wr[j &+ 1]
            acc0 += stepFour(ur + j &* 4, w0, scale * src[j])
            acc1 += stepFour(ur + (j &+ 1) &* 4, w1, scale * src[j &+ 1])
            kept &+= (w0 > pruneThreshold ? 1 : 0) &+ (w1 > pruneThreshold ? 1 : 0)
            j &+= 2
        }
        if j < n {
            acc0 += stepFour(ur + j &* 4, wr[j], scale * src[j])
            kept &+= wr[j] > pruneThreshold ? 1 : 0
        }
        put(Lanes(), ur + i * 4)
        if kept != count {
            var c = 0
            for j in 0..<n where wr[j] > pruneThreshold {
                list[c] = Int32(truncatingIfNeeded: j)
                c += 1
            }
        }
        return (kept, (acc0 + acc1).sum())
    }

    /// Pass 2 for z = 4: U ← U·inv and W ← ∏U where alive; pruned W = 1e-80 = 0 in Float.
    func rescaleDenseFour(row i: Int, inv: Float) {
        let ur = u + i * n * 4, wr = w + i * n
        for j in 0..<n {
            if wr[j] > pruneThreshold {
                let p = ur + j &* 4
                let b = load(p) * inv
                put(b, p)
                wr[j] = ((b[0] * b[1]) * b[2]) * b[3]
            } else {
                wr[j] = deadWeight
            }
        }
        put(Lanes(), ur + i * 4)
        wr[i] = 0
    }
}
