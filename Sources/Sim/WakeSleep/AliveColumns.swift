// The sparse phase of sleep: once most synapses are pruned, the replay gradient, the
// factor update and the normalisation run over the alive synapses only (docs/methods.md
// §2.5, "Sparse phase"). The field keeps summing whole columns of W (contiguous adds beat
// a scatter over the alive rows down to ~10% density), from a copy with dead synapses at
// exactly 0.
//
// Why the result is the dense arithmetic bit for bit: a synapse that fails the alive test
// (W > 1e-10) at an update is clipped to the factor floor (1e-20) and stays dead, since the
// next normalisation divides it by a root r_i ≈ 1 and (1e-20 / r_i)² is far below 1e-10.
// Its weight, ≈ 1e-40, and its squared factors are then below half an ulp of every sum
// they enter (fields, Σ U², Σ W, Σ W²) once any alive term is in it, so skipping them
// leaves every sum unchanged; the alive terms are added in the same order (ascending j,
// and the same pattern order) as in the dense loops. The state of a dead synapse is
// known exactly — both factors floor / r_i of the last normalisation, W their product —
// and is written back by `materialise`. Two cases would break the argument, and both
// hand the network back to the dense loops: a neuron losing its last alive synapse (the
// dense Σ U² would then be a sum of denormals) and a root so small that a dead synapse
// would come back to life.

import Foundation

final class AliveColumns {
    let n: Int
    /// Column j (presynaptic unit j) holds entries start[j] ..< start[j] + count[j].
    let start: UnsafeMutablePointer<Int>
    let count: UnsafeMutablePointer<Int>
    /// Postsynaptic neuron i of each entry, ascending within a column.
    let rows: UnsafeMutablePointer<Int32>
    let u0: UnsafeMutablePointer<Float>
    let u1: UnsafeMutablePointer<Float>
    let w: UnsafeMutablePointer<Float>
    /// Per entry: the update's Σ_k U_k² term where a thread other than the first stores it
    /// for the second phase of the sums (`update`).
    let term: UnsafeMutablePointer<Float>
    /// W presynaptic-major (like WakeSleepNetwork.w) with dead synapses at 0, for the field.
    let wz: UnsafeMutablePointer<Float>
    /// The patterns containing unit j, flattened: patternsOf[patternStart[j] ..< patternStart[j + 1]].
    let patternStart: [Int]
    let patternsOf: [Int32]
    /// Roots r_i of the last normalisation: a dead synapse holds floor / r_i in both factors.
    var roots: [Float]

    /// The synapses of `net` alive by the update's test (W > 1e-10, off the diagonal); the
    /// others are dead from this update on. Built at the start of an update, which sets
    /// `roots` before anything reads them.
    init(net: WakeSleepNetwork, unitPatterns: [[Int32]]) {
        n = net.n
        start = .allocate(capacity: n); count = .allocate(capacity: n)
        var total = 0
        for j in 0..<n {
            start[j] = total
            let col = net.w + j * n
            var c = 0
            for i in 0..<n where i != j && col[i] > pruneThreshold { c += 1 }
            count[j] = c
            total += c
        }
        rows = .allocate(capacity: max(total, 1))
        u0 = .allocate(capacity: max(total, 1))
        u1 = .allocate(capacity: max(total, 1))
        w = .allocate(capacity: max(total, 1))
        term = .allocate(capacity: max(total, 1))
        wz = .allocate(capacity: n * n)
        wz.initialize(repeating: 0, count: n * n)
        roots = [Float](repeating: 1, count: n)
        patternStart = [0] + unitPatterns.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1.count) }
        patternsOf = unitPatterns.flatMap { $0 }
        for j in 0..<n {
            var k = start[j]
            let c = j * n
            for i in 0..<n where i != j && net.w[c + i] > pruneThreshold {
                rows[k] = Int32(i); u0[k] = net.u0[c + i]; u1[k] = net.u1[c + i]; w[k] = net.w[c + i]
                wz[c + i] = w[k]
                k += 1
            }
        }
    }

    deinit {
        start.deallocate(); count.deallocate()
        rows.deallocate(); u0.deallocate(); u1.deallocate(); w.deallocate(); term.deallocate(); wz.deallocate()
    }

    /// Alive entries (by the last update's test) of all columns.
    var entries: Int { (0..<n).reduce(0) { $0 + count[$1] } }

    /// Hᵀ[μ*N + i] = Σ_{j ∈ active(μ)} W[i, j] − θ_i (SparseField.compute on the copy
    /// with dead synapses at 0).
    func field(patterns: SparsePatterns, theta: UnsafePointer<Float>, into h: UnsafeMutablePointer<Float>, threads: Int) {
        SparseField.compute(weights: UnsafePointer(wz), n: n, patterns: patterns, theta: theta, into: h, threads: threads)
    }

    /// Where each neuron block's entries of column j begin, and where the column ends:
    /// seg[j·(B+1) + b] for block b of B, seg[j·(B+1) + B]. Found by the thread that has just
    /// updated column j, while its rows are in cache (the second phase's own binary searches
    /// missed the cache at nearly every step: 0.2–0.3 ms per pass at N = 1000).
    @inline(__always)
    func markBlocks(of j: Int, _ blocks: [Range<Int>], in seg: UnsafeMutablePointer<Int>) {
        let lo = start[j], hi = lo + count[j], out = seg + j * (blocks.count + 1)
        for (b, block) in blocks.enumerated() {
            var a = lo, c = hi
            while a < c {
                let mid = (a + c) / 2
                if Int(rows[mid]) < block.lowerBound { a = mid + 1 } else { c = mid }
            }
            out[b] = a
        }
        out[blocks.count] = hi
    }

    /// The first phase's column ranges (SleepPhase, "Two-phase sums"), balanced by alive
    /// entries: each thread updates whole columns, so it writes pages no other thread writes.
    func columnRanges(threads: Int, firstShare: Double, perEntry: (Int) -> Int = { _ in 1 }) -> [Range<Int>] {
        let count = self.count
        return RowParallel.sumPhaseRanges(n, threads: threads, firstShare: firstShare) { count[$0] * perEntry($0) }
    }

    /// The first thread's share of each first phase (RowParallel.sumPhaseRanges); 0.6–1.1
    /// measured alike within this machine's drift (docs/benchmarks.md).
    static let updateFirstShare = 0.9
    static let normaliseFirstShare = 0.9

    /// The factor update of SleepPhase.updateFactors on the alive synapses: g = Σ over the
    /// patterns containing j of P[μ, i] (in the same pattern order), U_k += η g D_k A;
    /// synapses failing the alive test are dropped (clipped to the floor) and each column is
    /// compacted as it goes. Returns Σ_{j,k} U² per neuron, each neuron's terms added in
    /// column order in two phases (SleepPhase, "Two-phase sums"): the threads split the
    /// columns, the first adding its terms to the sums and the others storing theirs in
    /// `term`; then the neuron blocks (SleepPhase.neuronBlocks) add the stored terms.
    func update(eta: Float, replay: UnsafePointer<Float>, blocks: [Range<Int>]) -> [Float] {
        var sums = [Float](repeating: 0, count: n)
        let maxPatterns = (0..<n).map { patternStart[$0 + 1] - patternStart[$0] }.max() ?? 0
        let n = self.n, rows = self.rows, u0 = self.u0, u1 = self.u1, w = self.w, wz = self.wz, term = self.term
        let start = self.start, count = self.count
        // An entry's work grows with the patterns its gradient sums.
        let columns = columnRanges(threads: blocks.count, firstShare: AliveColumns.updateFirstShare) {
            self.patternStart[$0 + 1] - self.patternStart[$0] + 2
        }
        let seg = UnsafeMutablePointer<Int>.allocate(capacity: n * (blocks.count + 1))
        defer { seg.deallocate() }
        sums.withUnsafeMutableBufferPointer { sb in
        patternsOf.withUnsafeBufferPointer { pb in
        patternStart.withUnsafeBufferPointer { psb in
            let s = SendablePointer(sb.baseAddress!), patternsOf = pb.baseAddress!, patternStart = psb.baseAddress!
            RowParallel.forEach(columns) { c, range in
                let s = s.base
                let pattern = UnsafeMutablePointer<UnsafePointer<Float>>.allocate(capacity: max(maxPatterns, 1))
                defer { pattern.deallocate() }
                @inline(__always) func updateColumn(_ j: Int, addingSums: Bool) {
                    let np = patternStart[j + 1] - patternStart[j]
                    for q in 0..<np { pattern[q] = replay + Int(patternsOf[patternStart[j] + q]) * n }
                    let lo = start[j]
                    var kept = lo
                    for k in lo..<(lo + count[j]) {
                        let i = Int(rows[k])
                        // Dropped: clipped to the floor, out of the column from now on.
                        guard w[k] > pruneThreshold else { wz[j * n + i] = 0; continue }
                        var g: Float = 0
                        for q in 0..<np { g += pattern[q][i] }
                        if abs(g) < negligibleGradient { g = 0 }   // dropNegligibleGradients
                        let a0 = u0[k], a1 = u1[k]
                        let step = eta * g
                        let x0 = a0 + movingStep(a0, step, a1) * a1, x1 = a1 + movingStep(a1, step, a0) * a0
                        rows[kept] = Int32(i)
                        u0[kept] = max(x0, factorFloor); u1[kept] = max(x1, factorFloor)
                        // clippedSquare: the floor is never squared in an unused vector lane.
                        let t = clippedSquare(x0) + clippedSquare(x1)
                        if addingSums { s[i] += t } else { term[kept] = t }
                        kept += 1
                    }
                    count[j] = kept - lo
                }
                if c == 0 {
                    for j in range { updateColumn(j, addingSums: true) }
                } else {
                    for j in range { updateColumn(j, addingSums: false); markBlocks(of: j, blocks, in: seg) }
                }
            }
            guard columns.count > 1 else { return }
            let rest = columns[1].lowerBound..<n
            RowParallel.forEach(blocks) { b, _ in
                let s = s.base
                for j in rest {
                    let o = seg + j * (blocks.count + 1) + b
                    for k in o[0]..<o[1] { s[Int(rows[k])] += term[k] }
                }
            }
        }}}
        return sums
    }

    /// U_i /= r_i, W = u0·u1 on the alive synapses; per-neuron Σ W, Σ W², #{W > 1e-10},
    /// in two phases like `update` (the stored terms are the weights themselves).
    func normalise(roots: [Float], blocks: [Range<Int>]) -> (l1: [Float], l2sq: [Float], alive: [Int32]) {
        self.roots = roots
        let n = self.n, rows = self.rows, u0 = self.u0, u1 = self.u1, w = self.w, wz = self.wz
        let start = self.start, count = self.count
        var a1 = [Float](repeating: 0, count: n), a2 = [Float](repeating: 0, count: n)
        var al = [Int32](repeating: 0, count: n)
        let columns = columnRanges(threads: blocks.count, firstShare: AliveColumns.normaliseFirstShare)
        let seg = UnsafeMutablePointer<Int>.allocate(capacity: n * (blocks.count + 1))
        defer { seg.deallocate() }
        roots.withUnsafeBufferPointer { rb in
        a1.withUnsafeMutableBufferPointer { b1 in
        a2.withUnsafeMutableBufferPointer { b2 in
        al.withUnsafeMutableBufferPointer { bl in
            let r = rb.baseAddress!, s1 = SendablePointer(b1.baseAddress!), s2 = SendablePointer(b2.baseAddress!)
            let cnt = SendablePointer(bl.baseAddress!)
            RowParallel.forEach(columns) { c, range in
                let s1 = s1.base, s2 = s2.base, cnt = cnt.base
                @inline(__always) func normaliseColumn(_ j: Int, addingSums: Bool) {
                    let lo = start[j]
                    for k in lo..<(lo + count[j]) {
                        let i = Int(rows[k])
                        let v0 = u0[k] / r[i], v1 = u1[k] / r[i]
                        u0[k] = v0; u1[k] = v1
                        let wv = v0 * v1
                        w[k] = wv
                        // Clipped twice in this update, a listed synapse's weight can be subnormal;
                        // the field reads it as 0 (Subnormal.swift) until the next update drops it.
                        wz[j * n + i] = wv < Float.leastNormalMagnitude ? 0 : wv
                        if addingSums {
                            s1[i] += wv
                            s2[i] += wv * wv
                            cnt[i] &+= wv > pruneThreshold ? 1 : 0
                        }
                    }
                }
                if c == 0 {
                    for j in range { normaliseColumn(j, addingSums: true) }
                } else {
                    for j in range { normaliseColumn(j, addingSums: false); markBlocks(of: j, blocks, in: seg) }
                }
            }
            guard columns.count > 1 else { return }
            let rest = columns[1].lowerBound..<n
            RowParallel.forEach(blocks) { b, _ in
                let s1 = s1.base, s2 = s2.base, cnt = cnt.base
                for j in rest {
                    let o = seg + j * (blocks.count + 1) + b
                    for k in o[0]..<o[1] {
                        let i = Int(rows[k]), wv = w[k]
                        s1[i] += wv
                        s2[i] += wv * wv
                        cnt[i] &+= wv > pruneThreshold ? 1 : 0
                    }
                }
            }
        }}}}
        return (a1, a2, al)
    }

    /// Whether a dead synapse would pass the alive test after this normalisation.
    var deadCouldRevive: Bool {
        roots.contains { r in (factorFloor / r) * (factorFloor / r) > pruneThreshold }
    }

    /// Writes the full state into `net`: alive entries as stored, dead ones floor / r_i in
    /// both factors, the diagonal 0.
    func materialise(into net: WakeSleepNetwork) {
        for j in 0..<n {
            let c = j * n
            for i in 0..<n {
                let v = i == j ? 0 : factorFloor / roots[i]
                net.u0[c + i] = v; net.u1[c + i] = v; net.w[c + i] = v * v
            }
            let lo = start[j]
            for k in lo..<(lo + count[j]) {
                let i = Int(rows[k])
                net.u0[c + i] = u0[k]; net.u1[c + i] = u1[k]; net.w[c + i] = w[k]
            }
        }
    }
}
