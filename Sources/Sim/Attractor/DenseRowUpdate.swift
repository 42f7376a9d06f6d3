// The fused row update over the whole row in vector lanes, used while most of a row's
// synapses are alive: walking the alive list costs scalar work per synapse (index, mask,
// gather, a horizontal sum); while at least half the row is alive a masked pass over all N
// columns is several times cheaper. z = 1 runs four synapses per vector, z = 4 one synapse
// per vector (its four factors). For z = 2 and 3 a four-synapse form measured slower than
// the list walk, so they keep the list. The per-synapse arithmetic is that of the scalar
// kernels (same products in the same order); only the order of the row's Σ U² differs.
//
// "Alive" is the mask of docs/methods.md §1.6, taken before the update: w > 1e-10, j ≠ i. A
// synapse not in the alive list has w ≤ 1e-10 for good (pruned weights never change
// again), so the mask alone reproduces the list semantics.

typealias Lanes = SIMD4<Float>

extension RowUpdate {
    @inline(__always)
    private func load(_ p: UnsafePointer<Float>) -> Lanes {
        UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
    }

    @inline(__always)
    private func put(_ v: Lanes, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
    }

    /// Rewrites row i's alive list from a pass's mask (columns in ascending order).
    @inline(__always)
    private func rebuildList(_ list: UnsafeMutablePointer<Int32>, alive: (Int) -> Bool) {
        var c = 0
        for j in 0..<n where alive(j) {
            list[c] = Int32(truncatingIfNeeded: j)
            c += 1
        }
    }

    /// Pass 1 for z = 1: U ← max(U + scale·src, 1e-20) where alive, 1e-20 where not (0 on
    /// the diagonal). Writes the mask (1 alive, 0 pruned) to `mask` (N floats) for pass 2
    /// and rebuilds the alive list when synapses were pruned. Returns (kept, Σ U²).
    /// The mask must be taken here, before the update: for z = 1 W and U share memory.
    func updateDenseOne(row i: Int, list: UnsafeMutablePointer<Int32>, count: Int,
                        src: UnsafePointer<Float>, scale: Float, mask: UnsafeMutablePointer<Float>) -> (Int, Float) {
        precondition(z == 1)
        let ur = u + i * n
        // The diagonal is never alive; zeroing its weight (= factor) keeps it out of the mask.
        ur[i] = 0
        let threshold = Lanes(repeating: pruneThreshold), floor = Lanes(repeating: factorFloor)
        let one = Lanes(repeating: 1)
        var acc = Lanes(), alive = Lanes()
        var j = 0
        while j &+ 4 <= n {
            let a = load(ur + j)
            let dead = .!(a .> threshold)
            let live = one.replacing(with: 0, where: dead)
            put(live, mask + j)
            var b = a + scale * load(src + j)
            b.replace(with: floor, where: b .< floor)
            b.replace(with: floor, where: dead)
            put(b, ur + j)
            // Zero the dead lanes before squaring: the floor's square is subnormal.
            let kept = b.replacing(with: 0, where: dead)
            acc += kept * kept
            alive += live
            j &+= 4
        }
        var sum = acc.sum()
        var kept = Int(alive.sum())
        while j < n {
            if ur[j] > pruneThreshold {
                mask[j] = 1
                sum += OneFactor.update(ur + j, scale * src[j])
                kept += 1
            } else {
                mask[j] = 0
                ur[j] = factorFloor
            }
            j &+= 1
        }
        ur[i] = 0
        if kept != count { rebuildList(list) { mask[$0] != 0 } }
        return (kept, sum)
    }

    /// Pass 2 for z = 1: U (= W) ← U·inv where alive (the mask of pass 1); pruned synapses
    /// keep 1e-20, the diagonal 0.
    func rescaleDenseOne(row i: Int, inv: Float, mask: UnsafePointer<Float>) {
        precondition(z == 1 && deadWeight == factorFloor)
        let ur = u + i * n
        let half = Lanes(repeating: 0.5), floor = Lanes(repeating: factorFloor)
        var j = 0
        while j &+ 4 <= n {
            put((load(ur + j) * inv).replacing(with: floor, where: load(mask + j) .< half), ur + j)
            j &+= 4
        }
        while j < n {
            ur[j] = mask[j] != 0 ? ur[j] * inv : factorFloor
            j &+= 1
        }
        ur[i] = 0
    }
}

// z = 4 keeps one synapse per vector (lanes = its four factors): the factors are stored
// contiguously, so this needs no transposes, and the products D_k are formed by lane
// shuffles in the same order as `FourFactors.update` (same bits per synapse).
extension RowUpdate {
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
        // g in the lanes where g·D_k can move U_k (stepMoves), 0 elsewhere; every lane when
        // no product can be subnormal (needsNoGuard).
        let gk = needsNoGuard(g) ? Lanes(repeating: g)
            : Lanes(movingStep(a[0], g, d[0]), movingStep(a[1], g, d[1]), movingStep(a[2], g, d[2]),
                    movingStep(a[3], g, d[3]))
        var b = a + gk * d
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
        if kept != count { rebuildList(list) { wr[$0] > pruneThreshold } }
        return (kept, (acc0 + acc1).sum())
    }

    /// Pass 2 for z = 4: U ← U·inv and W ← ∏U where alive; pruned W = 0 (1e-80 is 0 in Float).
    func rescaleDenseFour(row i: Int, inv: Float) {
        let ur = u + i * n * 4, wr = w + i * n
        for j in 0..<n {
            if wr[j] > pruneThreshold {
                let p = ur + j &* 4
                let b = load(p) * inv
                put(b, p)
                wr[j] = RowUpdate.normalOrZero(((b[0] * b[1]) * b[2]) * b[3])
            } else {
                wr[j] = deadWeight
            }
        }
        put(Lanes(), ur + i * 4)
        wr[i] = 0
    }
}
