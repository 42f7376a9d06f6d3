// Sleep: soft-min replay consolidation of the stored patterns (docs/methods.md §2.5).
//
// Per epoch there is one field Hᵀ = (W X − θ)ᵀ (sum of K columns of W per pattern); the
// replay weights P, g = P Xᵀ (sum, for every presynaptic unit j, of the rows of P of the
// patterns containing j), the factor update, clip (docs/methods.md §1.3) and normalisation (§1.4) follow
// the dense equations literally — every synapse, pruned ones included — so the result is
// the dense arithmetic, just organised around the 5% active units.
//
// Once pruning has left fewer than `sparseBelowAliveFraction` of the synapses alive, the
// same epoch runs over the alive synapses only (AliveColumns), with the same bits; the
// network's arrays are then brought up to date only when read (`synchroniseNetwork`).
//
// The dense loops keep subnormal numbers out of their arithmetic (Subnormal.swift): a dead
// synapse's weight, (1e-20/r_i)² ≈ 1e-40, is held at 0 in `net.w` and its squared factors
// are left out of Σ U², which leaves every sum with an alive term unchanged. A neuron with
// no alive synapse has no such term; its sums are then recomputed with the dense
// arithmetic, subnormals included (`exactSquareSum`, `WakeSleepNetwork.factorWeightNorms`), because there they
// decide its next root. `synchroniseNetwork` writes the held weights' products (`completeHeldWeights`).

import Foundation

public final class SleepPhase: @unchecked Sendable {
    public let net: WakeSleepNetwork
    public let patterns: SparsePatterns
    public let beta: Float
    public let length: Double
    /// Sleep epochs completed.
    public internal(set) var epoch = 0
    /// m_i of the previous epoch.
    public internal(set) var meanAbsPrev: [Float]
    /// Norms of the current W (refreshed by every normalisation).
    public internal(set) var l1: [Double]
    public internal(set) var l2sq: [Double]
    public internal(set) var alive: [Int]
    /// Statistics of the current field (valid after `computeField`).
    public internal(set) var stats: FieldStatistics

    let unitPatterns: [[Int32]]
    /// Hᵀ and Pᵀ (M×N), gᵀ (N×N, g[i, j] at j*N + i).
    public let field: UnsafeMutablePointer<Float>
    let replay: UnsafeMutablePointer<Float>
    let grad: UnsafeMutablePointer<Float>
    var fieldIsCurrent = false
    /// The sparse phase: alive synapses only. While it runs, `net`'s arrays are stale
    /// until `synchroniseNetwork()`.
    var sparse: AliveColumns?
    /// Set when the sparse phase had to hand back to the dense loops (see AliveColumns).
    var sparseRefused = false
    /// Whether the dense loops hold dead synapses' weights at 0 in `net.w` (header comment).
    var weightsHeldAtZero = false
    /// Tests: counts subnormal operands of the epoch's sums and passes (SubnormalGuardTests).
    public var operandAudit: SubnormalAudit?
    /// Alive fraction (of the N(N−1) synapses) below which epochs take the sparse phase;
    /// 0 keeps every epoch dense. Only 0.5 against 0 was measured (docs/benchmarks.md), not
    /// where the two break even.
    public var sparseBelowAliveFraction = SleepPhase.defaultSparseBelowAliveFraction
    public static let defaultSparseBelowAliveFraction = 0.5
    /// Whether the sparse phase is running.
    public var isSparse: Bool { sparse != nil }
    /// Threads for the epoch's loops: the field is split by pattern, the replay gradient by
    /// presynaptic unit j, the statistics by neuron i (each is its own sum), and the updates,
    /// normalisations and soft-min are two-phase sums (below), so every sum keeps its order
    /// and the bits do not depend on the count.
    public var threads = 1
    /// The neuron blocks of the per-neuron loops (8-aligned: vector lanes stay as they were).
    var neuronBlocks: [Range<Int>] { RowParallel.ranges(net.n, threads: threads, alignment: 8) }

    // Two-phase sums. The arrays are presynaptic-major (a column j of N floats, 4 KB at
    // N = 1000), but each per-neuron sum (Σ U², the norms, Σ_μ Λ, ŷ) must add its terms in
    // column (or pattern) order. Split by neuron, two threads wrote the two halves of the
    // same pages in step and were slower than one (docs/benchmarks.md). So these loops run in
    // two phases: first the threads split the columns (or pattern rows), each writing only
    // its own pages; the first thread also adds its terms to the sums, which makes them the
    // exact prefix of the sequential sums, while the others store their terms (often stored
    // anyway: W is the term of Σ W). Then the neuron blocks go on with each sum over the
    // remaining columns in order, reading only. The bits are the sequential loop's.

    /// The first thread's share of the first phase, against 1 for each other thread: it also
    /// adds the sums (measured: docs/benchmarks.md).
    static let firstSumShare = 0.8

    /// Buffers and state shared by a fresh and a resumed sleep; the field is not computed yet.
    private init(net: WakeSleepNetwork, patterns: SparsePatterns, beta: Float, length: Double,
                 epoch: Int, meanAbsPrev: [Float]) {
        self.net = net
        self.patterns = patterns
        self.beta = beta
        self.length = length
        let n = net.n, m = patterns.m
        unitPatterns = patterns.patternsOfUnit()
        field = .allocate(capacity: m * n)
        replay = .allocate(capacity: m * n)
        grad = .allocate(capacity: n * n)
        self.epoch = epoch
        self.meanAbsPrev = meanAbsPrev
        l1 = []; l2sq = []; alive = []
        stats = FieldStatistics(field: field, patterns: SparsePatterns(n: n, f: patterns.f, active: []))
    }

    /// Prepares sleep: the rescale of docs/methods.md §2.5 (c_i = sqrt(Σ U²/(L z)), U_i /= c_i, θ_i /= c_i²)
    /// and m_i = mean_μ |H[i, μ]| on the stored patterns.
    public convenience init(net: WakeSleepNetwork, patterns: SparsePatterns, beta: Float, length: Double) {
        self.init(net: net, patterns: patterns, beta: beta, length: length, epoch: 0, meanAbsPrev: [])
        let roots = normaliseRows(squareSums: squareSums())
        for i in 0..<net.n { net.theta[i] /= roots[i] * roots[i] }
        computeField()
        meanAbsPrev = stats.meanAbs
    }

    /// Resumes from a checkpointed state (factors and θ already in `net`).
    public convenience init(resuming net: WakeSleepNetwork, patterns: SparsePatterns, beta: Float, length: Double,
                            epoch: Int, meanAbsPrev: [Float]) {
        self.init(net: net, patterns: patterns, beta: beta, length: length, epoch: epoch, meanAbsPrev: meanAbsPrev)
        (l1, l2sq, alive) = net.rowNorms()
        computeField()
    }

    deinit { field.deallocate(); replay.deallocate(); grad.deallocate() }

    /// Brings `net`'s factor and weight arrays up to date: the sparse phase's state, or the
    /// products of the weights the dense loops hold at 0. Call before reading them between
    /// epochs.
    public func synchroniseNetwork() {
        if let sp = sparse {
            sp.materialise(into: net)
        } else if weightsHeldAtZero {
            net.completeHeldWeights()
        }
        weightsHeldAtZero = false
    }

    /// H for the current state and its statistics.
    public func computeField() {
        if let audit = operandAudit {
            let n = net.n
            if let sp = sparse { audit.record("sleep W (field, sparse phase)", sp.wz, n * n) }
            else { audit.record("sleep W (field)", net.w, n * n) }
        }
        if let sp = sparse {
            net.theta.withUnsafeBufferPointer { sp.field(patterns: patterns, theta: $0.baseAddress!, into: field, threads: threads) }
        } else {
            SparseField.compute(net, patterns, into: field, threads: threads)
        }
        stats = FieldStatistics(field: field, patterns: patterns, threads: threads)
        fieldIsCurrent = true
    }

    /// Per-pattern radius of the current state.
    public func radius() -> [Float] {
        if !fieldIsCurrent { computeField() }
        return FieldStatistics.radius(field: field, patterns: patterns, l2: l2sq.map { $0.squareRoot() })
    }

    /// One sleep epoch with learning rate `eta` (docs/methods.md §2.5).
    public func step(eta: Float) {
        if !fieldIsCurrent { computeField() }
        let yhat = softMinReplay()
        meanAbsPrev = stats.meanAbs
        enterOrLeaveSparsePhase()
        if let sp = sparse {
            let roots = rootsOf(squareSums: sp.update(eta: eta, replay: replay, blocks: neuronBlocks))
            let norms = sp.normalise(roots: roots, blocks: neuronBlocks)
            l1 = norms.l1.map(Double.init); l2sq = norms.l2sq.map(Double.init); alive = norms.alive.map(Int.init)
            if sp.deadCouldRevive { leaveSparsePhase() }
        } else {
            replayGradient()
            if let audit = operandAudit {
                let n = net.n
                audit.record("sleep g (factor update)", grad, n * n)
                audit.record("sleep U0 (factor update)", net.u0, n * n)
                audit.record("sleep U1 (factor update)", net.u1, n * n)
            }
            normaliseRows(squareSums: updateFactors(eta: eta))
        }
        for i in 0..<net.n { net.theta[i] -= eta * yhat[i] }
        epoch += 1
        fieldIsCurrent = false
    }

    /// At the start of an update: enter the sparse phase once few synapses are alive, leave
    /// it if a neuron is about to lose its last one: its count of W > 1e-10 at the last
    /// normalisation is 0 (the update keeps exactly the synapses counted there).
    func enterOrLeaveSparsePhase() {
        let n = net.n
        if sparse == nil, !sparseRefused,
           Double(alive.reduce(0, +)) < sparseBelowAliveFraction * Double(n * (n - 1)) {
            sparse = AliveColumns(net: net, unitPatterns: unitPatterns)
        }
        if sparse != nil, alive.contains(0) { leaveSparsePhase() }
    }

    func leaveSparsePhase() {
        synchroniseNetwork()
        sparse = nil
        sparseRefused = true
    }

    /// P[i,μ] = Λ S / Σ_ν Λ with Λ = exp(−β |H| / m_i) (m_i of the previous epoch);
    /// returns ŷ_i = Σ_μ P[i, μ]. Both per-neuron sums over μ (Σ Λ and ŷ) are two-phase
    /// ("Two-phase sums" above) over the patterns, the rows of Pᵀ.
    func softMinReplay() -> [Float] {
        let n = net.n, m = patterns.m, beta = self.beta
        operandAudit?.record("sleep H (soft-min)", field, m * n)
        var total = [Float](repeating: 0, count: n)
        var yhat = [Float](repeating: 0, count: n)
        let scale = meanAbsPrev.map { -beta / $0 }
        let blocks = neuronBlocks
        let patternRows = RowParallel.sumPhaseRanges(m, threads: blocks.count, firstShare: SleepPhase.firstSumShare)
        let rest = patternRows.count > 1 ? patternRows[1].lowerBound..<m : m..<m
        let field = self.field, replay = self.replay
        typealias F4 = SIMD4<Float>
        @inline(__always) func load(_ q: UnsafePointer<Float>) -> F4 { UnsafeRawPointer(q).loadUnaligned(as: F4.self) }
        @inline(__always) func store(_ v: F4, _ q: UnsafeMutablePointer<Float>) {
            UnsafeMutableRawPointer(q).storeBytes(of: v, as: F4.self)
        }
        let vectorEnd = n - n % 4
        scale.withUnsafeBufferPointer { sb in
        total.withUnsafeMutableBufferPointer { tb in
        LibmExactExp.table.withUnsafeBufferPointer { eb in
            let s = sb.baseAddress!, t = SendablePointer(tb.baseAddress!), expTable = eb.baseAddress!
            // Λ = exp((−β|h|)/m_i) as in the original; expf underflows to 0 well above −110.
            // Four at a time with libm's bits (LibmExactExp).
            @inline(__always) func lambdaRow(_ mu: Int, addingTotals: Bool) {
                let t = t.base, h = field + mu * n, p = replay + mu * n
                var i = 0
                while i < vectorEnd {
                    let magnitude = unsafeBitCast(unsafeBitCast(load(h + i), to: SIMD4<UInt32>.self) & 0x7FFF_FFFF, to: F4.self)
                    let a = magnitude * load(s + i)
                    let lam = LibmExactExp.exp(a, table: expTable).replacing(with: 0, where: .!(a .> -110))
                    store(lam, p + i)
                    if addingTotals { store(load(t + i) + lam, t + i) }
                    i += 4
                }
                while i < n {
                    let a = abs(h[i]) * s[i]
                    let lam: Float = a > -110 ? Foundation.exp(a) : 0
                    p[i] = lam
                    if addingTotals { t[i] += lam }
                    i += 1
                }
            }
            RowParallel.forEach(patternRows) { c, rows in
                if c == 0 { for mu in rows { lambdaRow(mu, addingTotals: true) } }
                else { for mu in rows { lambdaRow(mu, addingTotals: false) } }
            }
            RowParallel.forEach(rest.isEmpty ? [] : blocks) { _, range in
                let t = t.base
                for mu in rest {
                    let p = replay + mu * n
                    for i in range { t[i] += p[i] }
                }
            }
        }}}
        // Deviation (as in AttractorTrainer): a neuron whose Λ all underflow would get 0/0 in
        // the original; use the same soft-min shifted by its largest exponent instead.
        for i in 0..<n where !(total[i] > 0) {
            var top = -Float.infinity
            for mu in 0..<m { top = max(top, abs(field[mu * n + i]) * scale[i]) }
            total[i] = 0
            for mu in 0..<m {
                let lam = Foundation.exp(abs(field[mu * n + i]) * scale[i] - top)
                replay[mu * n + i] = lam
                total[i] += lam
            }
        }
        // P = Λ S / Σ Λ and ŷ. Subnormal replay weights enter the gradient as 0 (as in
        // AttractorTrainer.softMinStep); ŷ keeps them, so a row is flushed after its terms
        // were added to ŷ.
        total.withUnsafeBufferPointer { tb in
        yhat.withUnsafeMutableBufferPointer { yb in
            let t = tb.baseAddress!, y = SendablePointer(yb.baseAddress!)
            @inline(__always) func replayRow(_ mu: Int, addingYhat: Bool) {
                let y = y.base, h = field + mu * n, p = replay + mu * n
                for i in 0..<n {
                    let hv = h[i]
                    let sg: Float = hv > 0 ? 1 : (hv < 0 ? -1 : 0)
                    let v = (p[i] * sg) / t[i]
                    if addingYhat {
                        y[i] += v
                        p[i] = Subnormal.isSubnormal(v) ? 0 : v
                    } else {
                        p[i] = v
                    }
                }
            }
            RowParallel.forEach(patternRows) { c, rows in
                if c == 0 { for mu in rows { replayRow(mu, addingYhat: true) } }
                else { for mu in rows { replayRow(mu, addingYhat: false) } }
            }
            RowParallel.forEach(rest.isEmpty ? [] : blocks) { _, range in
                let y = y.base
                for mu in rest {
                    let p = replay + mu * n
                    for i in range {
                        let v = p[i]
                        y[i] += v
                        // Written only where it changes: the other threads' neurons share these pages.
                        if Subnormal.isSubnormal(v) { p[i] = 0 }
                    }
                }
            }
        }}
        operandAudit?.record("sleep P (replay gradient)", replay, m * n)
        return yhat
    }

    /// gᵀ[j, :] = Σ_{μ : X[j,μ] = 1} Pᵀ[μ, :].
    func replayGradient() {
        let n = net.n
        let grad = self.grad, replay = self.replay, unitPatterns = self.unitPatterns
        // Each presynaptic unit j is its own sum: units split over the threads.
        RowParallel.forEach(RowParallel.ranges(n, threads: threads)) { _, units in
            for j in units {
                let g = grad + j * n
                for i in 0..<n { g[i] = 0 }
                for mu in unitPatterns[j] {
                    let p = replay + Int(mu) * n
                    for i in 0..<n { g[i] += p[i] }
                }
                dropNegligibleGradients(g, n)
            }
        }
    }

    /// U_k += η g D_k A (D_0 = u1, D_1 = u0, factors before the update), clip with the mask
    /// from before the update; returns Σ_{j,k} U² per neuron. Sums are Float32, like the
    /// original's float32 tensors. Dead synapses' squares (2e-40) are left out, except for a
    /// neuron with no alive term (`exactSquareSum`).
    func updateFactors(eta: Float) -> [Float] {
        let n = net.n
        var sums = [Float](repeating: 0, count: n)
        let u0 = net.u0, u1 = net.u1, w = net.w, grad = self.grad
        let blocks = neuronBlocks
        // Two-phase sums (above); the other threads store their terms in g, which the update
        // of each synapse reads once, before it.
        let columns = RowParallel.sumPhaseRanges(n, threads: blocks.count, firstShare: SleepPhase.firstSumShare)
        sums.withUnsafeMutableBufferPointer { sb in
            let s = SendablePointer(sb.baseAddress!)
            RowParallel.forEach(columns) { c, range in
                let s = s.base
                for j in range {
                    let p0 = u0 + j * n, p1 = u1 + j * n, pw = w + j * n, g = grad + j * n
                    if c == 0 {
                        SleepPhase.updateRange(0, j, eta: eta, p0: p0, p1: p1, pw: pw, g: g, s: s, addingSums: true)
                        SleepPhase.updateRange(j + 1, n, eta: eta, p0: p0, p1: p1, pw: pw, g: g, s: s, addingSums: true)
                    } else {
                        SleepPhase.updateRange(0, j, eta: eta, p0: p0, p1: p1, pw: pw, g: g, s: s, addingSums: false)
                        SleepPhase.updateRange(j + 1, n, eta: eta, p0: p0, p1: p1, pw: pw, g: g, s: s, addingSums: false)
                    }
                    // The diagonal: the clip sets it to 0.
                    p0[j] = 0; p1[j] = 0
                }
            }
            guard columns.count > 1 else { return }
            let rest = columns[1].lowerBound..<n
            RowParallel.forEach(blocks) { _, range in
                let s = s.base
                for j in rest {
                    let g = grad + j * n
                    // The block's neurons but the diagonal i = j.
                    var i = range.lowerBound
                    while i < range.upperBound {
                        if i != j { s[i] += g[i] }
                        i += 1
                    }
                }
            }
        }
        // An alive synapse adds ≥ 2e-10 (its factors multiply to > 1e-10) unless the clip
        // took both factors in this update; below 1e-20 no alive term can be in the sum.
        for i in 0..<n where !(sums[i] >= 1e-20) { sums[i] = exactSquareSum(i) }
        return sums
    }

    /// Σ_{j≠i} (U0² + U1²) of neuron i with every synapse, as the dense arithmetic adds it.
    func exactSquareSum(_ i: Int) -> Float {
        let n = net.n
        var s: Float = 0
        for j in 0..<n where j != i {
            let b0 = net.u0[j * n + i], b1 = net.u1[j * n + i]
            s += b0 * b0 + b1 * b1
        }
        return s
    }

    @inline(__always)
    static func updateRange(_ lo: Int, _ hi: Int, eta: Float, p0: UnsafeMutablePointer<Float>,
                            p1: UnsafeMutablePointer<Float>, pw: UnsafeMutablePointer<Float>,
                            g: UnsafeMutablePointer<Float>, s: UnsafeMutablePointer<Float>, addingSums: Bool) {
        var i = lo
        while i < hi {
            let isAlive = pw[i] > pruneThreshold
            let a0 = p0[i], a1 = p1[i]
            let step = eta * g[i]
            // Steps too small to move a factor are 0 (stepMoves, FactorKernels.swift).
            var b0 = a0 + movingStep(a0, step, a1) * a1
            var b1 = a1 + movingStep(a1, step, a0) * a0
            b0 = isAlive ? b0 : 0
            b1 = isAlive ? b1 : 0
            b0 = max(b0, factorFloor)
            b1 = max(b1, factorFloor)
            p0[i] = b0; p1[i] = b1
            // A dead synapse's squares would be the subnormal (1e-20)²: they enter as 0.
            let q0 = isAlive ? b0 : 0, q1 = isAlive ? b1 : 0
            // Without the sums, the term replaces g[i], which nothing reads after this step.
            if addingSums { s[i] += q0 * q0 + q1 * q1 } else { g[i] = q0 * q0 + q1 * q1 }
            i += 1
        }
    }

    /// One presynaptic row of `normaliseRows` for neurons lo..<hi, eight at a time: the
    /// compiler did not vectorise the scalar form once the loop ran on neuron blocks (the
    /// per-neuron arithmetic, and so the bits, are those of the scalar form at the tail).
    @inline(__always)
    static func normaliseSpan(_ lo: Int, _ hi: Int, p0: UnsafeMutablePointer<Float>, p1: UnsafeMutablePointer<Float>,
                              pw: UnsafeMutablePointer<Float>, r: UnsafePointer<Float>, hold: UnsafePointer<Float>,
                              s1: UnsafeMutablePointer<Float>, s2: UnsafeMutablePointer<Float>,
                              count: UnsafeMutablePointer<Int32>, addingSums: Bool) {
        typealias F8 = SIMD8<Float>
        @inline(__always) func load(_ q: UnsafePointer<Float>) -> F8 { UnsafeRawPointer(q).loadUnaligned(as: F8.self) }
        @inline(__always) func store(_ v: F8, _ q: UnsafeMutablePointer<Float>) {
            UnsafeMutableRawPointer(q).storeBytes(of: v, as: F8.self)
        }
        let floor = F8(repeating: factorFloor), threshold = F8(repeating: pruneThreshold)
        var i = lo
        while i &+ 8 <= hi {
            let a0 = load(p0 + i), a1 = load(p1 + i), root = load(r + i)
            let held = (a0 .== floor) .& (a1 .== floor) .& (load(hold + i) .!= 0)
            let v0 = a0 / root, v1 = a1 / root
            store(v0, p0 + i); store(v1, p1 + i)
            // 0 · v1 rather than selecting after the product (as the scalar form below).
            let wv = v0.replacing(with: 0, where: held) * v1
            store(wv, pw + i)
            if addingSums {
                store(load(s1 + i) + wv, s1 + i)
                store(load(s2 + i) + wv * wv, s2 + i)
                let c = UnsafeRawPointer(count + i).loadUnaligned(as: SIMD8<Int32>.self)
                UnsafeMutableRawPointer(count + i).storeBytes(of: c &+ SIMD8<Int32>().replacing(with: 1, where: wv .> threshold),
                                                              as: SIMD8<Int32>.self)
            }
            i &+= 8
        }
        while i < hi {
            let held = p0[i] == factorFloor && p1[i] == factorFloor && hold[i] != 0
            let v0 = p0[i] / r[i], v1 = p1[i] / r[i]
            p0[i] = v0; p1[i] = v1
            let wv = (held ? 0 : v0) * v1
            pw[i] = wv
            if addingSums {
                s1[i] += wv
                s2[i] += wv * wv
                count[i] &+= wv > pruneThreshold ? 1 : 0
            }
            i &+= 1
        }
    }

    /// The second phase of `normaliseRows`' sums: column pw's weights added to the norms of
    /// the neurons in `range`, eight at a time (each lane its own neuron's sum).
    @inline(__always)
    static func addWeightSums(_ range: Range<Int>, pw: UnsafePointer<Float>, s1: UnsafeMutablePointer<Float>,
                              s2: UnsafeMutablePointer<Float>, count: UnsafeMutablePointer<Int32>) {
        typealias F8 = SIMD8<Float>
        @inline(__always) func load(_ q: UnsafePointer<Float>) -> F8 { UnsafeRawPointer(q).loadUnaligned(as: F8.self) }
        @inline(__always) func store(_ v: F8, _ q: UnsafeMutablePointer<Float>) {
            UnsafeMutableRawPointer(q).storeBytes(of: v, as: F8.self)
        }
        let threshold = F8(repeating: pruneThreshold)
        var i = range.lowerBound
        while i &+ 8 <= range.upperBound {
            let wv = load(pw + i)
            store(load(s1 + i) + wv, s1 + i)
            store(load(s2 + i) + wv * wv, s2 + i)
            let c = UnsafeRawPointer(count + i).loadUnaligned(as: SIMD8<Int32>.self)
            UnsafeMutableRawPointer(count + i).storeBytes(of: c &+ SIMD8<Int32>().replacing(with: 1, where: wv .> threshold),
                                                          as: SIMD8<Int32>.self)
            i &+= 8
        }
        while i < range.upperBound {
            let wv = pw[i]
            s1[i] += wv
            s2[i] += wv * wv
            count[i] &+= wv > pruneThreshold ? 1 : 0
            i &+= 1
        }
    }

    /// Σ_{j,k} U² per neuron of the current factors.
    func squareSums() -> [Float] {
        let n = net.n
        var sums = [Float](repeating: 0, count: n)
        sums.withUnsafeMutableBufferPointer { sb in
            let s = sb.baseAddress!
            for j in 0..<n {
                let p0 = net.u0 + j * n, p1 = net.u1 + j * n
                for i in 0..<n { s[i] += p0[i] * p0[i] + p1[i] * p1[i] }
            }
        }
        return sums
    }

    /// r_i = sqrt(s_i / (L z)) (1 for a neuron without synapses).
    func rootsOf(squareSums sums: [Float]) -> [Float] {
        let lz = Float(length * 2)
        return sums.map { s -> Float in s > 0 ? (s / lz).squareRoot() : 1 }
    }

    /// U_i /= sqrt(s_i / (L z)); W = u0·u1; refreshes l1, l2², alive. Returns the roots.
    /// A synapse with both factors at the floor (dead, or clipped twice in this update) whose
    /// weight (1e-20/r_i)² would be subnormal is held at W = 0 (header comment).
    @discardableResult
    func normaliseRows(squareSums sums: [Float]) -> [Float] {
        let n = net.n
        let roots = rootsOf(squareSums: sums)
        // Per neuron: 1 where a floored synapse's weight is below Float's normal range.
        let holdFloored: [Float] = roots.map { r in
            let v = factorFloor / r
            return Double(v) * Double(v) < Double(Float.leastNormalMagnitude) ? 1 : 0
        }
        var a1 = [Float](repeating: 0, count: n), a2 = [Float](repeating: 0, count: n)
        var al = [Int32](repeating: 0, count: n)
        roots.withUnsafeBufferPointer { rb in
        holdFloored.withUnsafeBufferPointer { hb in
        a1.withUnsafeMutableBufferPointer { b1 in
        a2.withUnsafeMutableBufferPointer { b2 in
        al.withUnsafeMutableBufferPointer { bl in
            let r = rb.baseAddress!, hold = hb.baseAddress!
            let s1 = SendablePointer(b1.baseAddress!), s2 = SendablePointer(b2.baseAddress!)
            let cnt = SendablePointer(bl.baseAddress!)
            let u0 = net.u0, u1 = net.u1, w = net.w
            let blocks = neuronBlocks
            let columns = RowParallel.sumPhaseRanges(n, threads: blocks.count, firstShare: SleepPhase.firstSumShare)
            RowParallel.forEach(columns) { c, range in
                // Plain pointers inside the loop: through the wrappers it no longer vectorised.
                let s1 = s1.base, s2 = s2.base, cnt = cnt.base
                for j in range {
                    if c == 0 {
                        SleepPhase.normaliseSpan(0, n, p0: u0 + j * n, p1: u1 + j * n, pw: w + j * n, r: r, hold: hold,
                                                 s1: s1, s2: s2, count: cnt, addingSums: true)
                    } else {
                        SleepPhase.normaliseSpan(0, n, p0: u0 + j * n, p1: u1 + j * n, pw: w + j * n, r: r, hold: hold,
                                                 s1: s1, s2: s2, count: cnt, addingSums: false)
                    }
                }
            }
            guard columns.count > 1 else { return }
            let rest = columns[1].lowerBound..<n
            RowParallel.forEach(blocks) { _, range in
                let s1 = s1.base, s2 = s2.base, cnt = cnt.base
                for j in rest { SleepPhase.addWeightSums(range, pw: w + j * n, s1: s1, s2: s2, count: cnt) }
            }
        }}}}}
        if holdFloored.contains(1) { weightsHeldAtZero = true }
        // Without an alive synapse the held weights are the whole sum: the dense arithmetic's.
        for i in 0..<n where al[i] == 0 { (a1[i], a2[i]) = net.factorWeightNorms(i) }
        l1 = a1.map(Double.init); l2sq = a2.map(Double.init); alive = al.map(Int.init)
        return roots
    }
}
