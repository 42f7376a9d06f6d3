// Robustness tests of docs/methods.md §1.9: recall dynamics from noisy starts or with noisy
// synapses, read out after n_steps.
//
// Dynamics run pattern-major (state S is M×N, pattern μ contiguous) so that the still
// moving patterns are a contiguous block: h = S Wᵀ − θ is one sgemm on that block. A
// pattern that reaches a fixed point (S^{t+1} = S^t) is exact from then on, so it leaves
// the block and all its later read-outs equal sign(h) of that step.
//
// With `sparseStates` (sparse patterns, f ≪ 1) the field of each moving pattern is instead
// −θ plus the sum of the columns of W at its active units, read from a transposed copy of W
// (contiguous columns): ~N·f·N additions instead of N² multiply-adds per pattern and step.
// The two paths round differently, so each model uses one of them throughout.
//
// A pattern in a 2-cycle (S^{t+1} = S^{t−1}) alternates between two known fields from then
// on, so it leaves the block too, with exact read-outs for every later step count.
//
// Weights below Float's normal range (the stored 1e-40 of pruned z = 2 synapses, noisy
// products of floored factors) enter the dynamics as 0: the same sums, without the slow path
// of subnormal numbers (Subnormal.swift).
//
// Several step counts (e.g. 1 and 50) are read out from one run of the dynamics, from the
// same noise draws. (The original drew fresh noise for each call; the curves are then
// estimates from the same draws rather than independent ones — the expectation is
// unchanged.)

import Foundation

public enum NoiseType: String, CaseIterable, Sendable, Codable {
    case neuralIso = "neural_iso"
    case neuralBalanced = "neural_balanced"
    case synapticAll = "synaptic_all"
    case synapticFirst = "synaptic_first"
    case synapticFirstAlive = "synaptic_first_alive"

    /// Stream-id component of the noise draws.
    var code: UInt64 {
        switch self {
        case .neuralIso: return 1
        case .neuralBalanced: return 2
        case .synapticAll: return 3
        case .synapticFirst: return 4
        case .synapticFirstAlive: return 5
        }
    }

    public var isSynaptic: Bool { self == .synapticAll || self == .synapticFirst || self == .synapticFirstAlive }
}

/// Recall (fraction of patterns with at most 0.2·N·f wrong bits) and error (fraction of
/// wrong bits, sign 0 counting ½) of one read-out.
public struct RecallReadout: Sendable, Equatable {
    public var recall: Double
    public var error: Double
    public init(recall: Double, error: Double) { self.recall = recall; self.error = error }
}

/// The work of recall dynamics: `rows` pattern-steps (patterns in the moving block, summed
/// over steps) in `products` field computations (one sgemm, or one sparse pass, per step).
public struct RecallWork: Sendable, Equatable {
    public var rows = 0
    public var products = 0
    public init() {}
}

public final class RobustnessTester: @unchecked Sendable {
    public let net: SynapticNetwork
    public let patterns: PatternSet
    public let threads: Int
    /// Sparse recall dynamics (see `dynamics`): for sparse patterns (f ≪ 1).
    public let sparseStates: Bool
    /// Alive mask of the clean network (W > 1e-10).
    let alive: [Bool]
    /// The clean W with subnormal weights at 0: the operand of the neural-noise dynamics
    /// (public for the guard test, which plants a subnormal in it).
    public let cleanW: UnsafeMutablePointer<Float>
    /// Tests: counts subnormal operands of the dynamics (SubnormalGuardTests).
    public var operandAudit: SubnormalAudit?

    public init(net: SynapticNetwork, patterns: PatternSet, threads: Int = 1, sparseStates: Bool = false) {
        Blas.ensureSingleThreaded()
        self.net = net
        self.patterns = patterns
        self.threads = threads
        self.sparseStates = sparseStates
        alive = net.aliveMask()
        cleanW = .allocate(capacity: net.n * net.n)
        cleanW.initialize(from: net.w, count: net.n * net.n)
        Subnormal.flush(cleanW, net.n * net.n)
        if sparseStates {
            cleanWT = .allocate(capacity: net.n * net.n)
            Self.transpose(UnsafePointer(cleanW), into: cleanWT!, n: net.n)
        } else {
            cleanWT = nil
        }
    }

    deinit { cleanWT?.deallocate(); cleanW.deallocate() }

    /// Wᵀ of the clean network (sparse mode only): column j of W at cleanWT + j·N.
    let cleanWT: UnsafeMutablePointer<Float>?

    /// out[j·n + i] = a[i·n + j], in cache-sized tiles.
    static func transpose(_ a: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, n: Int) {
        let tile = 32
        for i0 in stride(from: 0, to: n, by: tile) {
            for j0 in stride(from: 0, to: n, by: tile) {
                for i in i0..<min(i0 + tile, n) {
                    for j in j0..<min(j0 + tile, n) { out[j * n + i] = a[i * n + j] }
                }
            }
        }
    }

    /// Per-thread work buffers.
    final class Workspace {
        let state: UnsafeMutablePointer<Float>
        /// S^{t−1} of each moving pattern (2-cycle detection).
        let previous: UnsafeMutablePointer<Float>
        let field: UnsafeMutablePointer<Float>
        let noisyW: UnsafeMutablePointer<Float>
        /// Transposed noisy W (sparse mode, synaptic noise).
        let noisyWT: UnsafeMutablePointer<Float>
        /// Active units of one state (sparse mode).
        let activeUnits: UnsafeMutablePointer<Int32>
        var slot: [Int]
        /// What `dynamics` computed with this workspace (read by `recallWork`).
        var work = RecallWork()
        init(n: Int, m: Int, synaptic: Bool, sparse: Bool) {
            state = .allocate(capacity: n * m)
            previous = .allocate(capacity: n * m)
            field = .allocate(capacity: n * m)
            noisyW = .allocate(capacity: synaptic ? n * n : 1)
            noisyWT = .allocate(capacity: synaptic && sparse ? n * n : 1)
            activeUnits = .allocate(capacity: n)
            slot = Array(0..<m)
        }
        deinit {
            state.deallocate(); previous.deallocate(); field.deallocate(); noisyW.deallocate()
            noisyWT.deallocate(); activeUnits.deallocate()
        }
    }

    /// A tolerance curve: `tolerance` at every level (level `levels[k]` uses the streams of
    /// index `levelIndices[k]`), as recall and error per step count and level. `progress` is
    /// told after each level (its position k and the first read-out). Figures 2 and 3 both
    /// drive their curves through this.
    public func curve(type: NoiseType, levels: [Double], levelIndices: [Int], nTests: Int, stepCounts: [Int],
                      seed: UInt64, progress: (Int, RecallReadout) -> Void = { _, _ in })
        -> (recall: [[Double]], error: [[Double]]) {
        precondition(levels.count == levelIndices.count, "curve: \(levels.count) levels, \(levelIndices.count) indices")
        var recall = [[Double]](repeating: [], count: stepCounts.count)
        var error = [[Double]](repeating: [], count: stepCounts.count)
        for (k, level) in levels.enumerated() {
            let r = tolerance(type: type, level: level, nTests: nTests, stepCounts: stepCounts, seed: seed,
                              levelIndex: levelIndices[k])
            for s in stepCounts.indices { recall[s].append(r[s].recall); error[s].append(r[s].error) }
            progress(k, r[0])
        }
        return (recall, error)
    }

    /// `tolerance(type, level, n_tests, n_steps)` for several step counts at once: returns
    /// one averaged read-out per entry of `stepCounts`. Test t uses the random stream
    /// (seed, type, levelIndex, t), so results do not depend on threads.
    public func tolerance(type: NoiseType, level: Double, nTests: Int, stepCounts: [Int],
                          seed: UInt64, levelIndex: Int) -> [RecallReadout] {
        precondition(nTests > 0 && stepCounts.allSatisfy { $0 >= 1 })
        // Without noise every test is the same deterministic run.
        let runs = level == 0 ? 1 : nTests
        var perTest = [[RecallReadout]](repeating: [], count: runs)
        let n = net.n, m = patterns.m
        perTest.withUnsafeMutableBufferPointer { pb in
            let out = UncheckedBox(pb.baseAddress!)
            RowParallel.forEachBlock(runs, threads: threads, minBlock: 1) { tests in
                let ws = Workspace(n: n, m: m, synaptic: type.isSynaptic, sparse: self.sparseStates)
                for t in tests {
                    var rng = Xoshiro256(seed: seed, stream: Self.stream(type: type, levelIndex: levelIndex, test: t))
                    out.value[t] = runTest(type: type, level: level, stepCounts: stepCounts, rng: &rng, ws: ws)
                }
            }
        }
        return stepCounts.indices.map { s in
            var r = 0.0, e = 0.0
            for t in 0..<runs { r += perTest[t][s].recall; e += perTest[t][s].error }
            return RecallReadout(recall: r / Double(runs), error: e / Double(runs))
        }
    }

    /// The random stream of test `test` at level index `levelIndex`.
    static func stream(type: NoiseType, levelIndex: Int, test: Int) -> UInt64 {
        (0xA7 << 56) | (type.code << 48) | (UInt64(levelIndex) << 24) | UInt64(test)
    }

    /// The work `tolerance` does at one level (the same tests and noise draws), counted on
    /// this thread: for `bench floor`, which sets it against the sgemm floor.
    public func recallWork(type: NoiseType, level: Double, nTests: Int, stepCounts: [Int],
                           seed: UInt64, levelIndex: Int) -> RecallWork {
        let ws = Workspace(n: net.n, m: patterns.m, synaptic: type.isSynaptic, sparse: sparseStates)
        for t in 0..<(level == 0 ? 1 : nTests) {
            var rng = Xoshiro256(seed: seed, stream: Self.stream(type: type, levelIndex: levelIndex, test: t))
            _ = runTest(type: type, level: level, stepCounts: stepCounts, rng: &rng, ws: ws)
        }
        return ws.work
    }

    func runTest(type: NoiseType, level: Double, stepCounts: [Int], rng: inout Xoshiro256,
                 ws: Workspace) -> [RecallReadout] {
        let n = net.n, m = patterns.m
        let weights: UnsafePointer<Float>
        // Start state, pattern-major.
        patterns.xT.withUnsafeBufferPointer { ws.state.update(from: $0.baseAddress!, count: n * m) }
        switch type {
        case .neuralIso:
            flipBits(ws.state, count: n * m, pOn: level, pOff: level, rng: &rng)
            weights = UnsafePointer(cleanW)
        case .neuralBalanced:
            let f = patterns.f
            flipBits(ws.state, count: n * m, pOn: level / f, pOff: level / (1 - f), rng: &rng)
            weights = UnsafePointer(cleanW)
        case .synapticAll, .synapticFirst, .synapticFirstAlive:
            noisyWeights(type: type, sigma: Float(level), into: ws.noisyW, rng: &rng)
            weights = UnsafePointer(ws.noisyW)
            if sparseStates {
                Self.transpose(weights, into: ws.noisyWT, n: n)
                return dynamics(weights: weights, weightsT: UnsafePointer(ws.noisyWT), ws: ws, stepCounts: stepCounts)
            }
        }
        if let wT = cleanWT { return dynamics(weights: weights, weightsT: UnsafePointer(wT), ws: ws, stepCounts: stepCounts) }
        return dynamics(weights: weights, ws: ws, stepCounts: stepCounts)
    }

    /// Flips active bits with probability pOn and inactive ones with pOff.
    func flipBits(_ s: UnsafeMutablePointer<Float>, count: Int, pOn: Double, pOff: Double, rng: inout Xoshiro256) {
        for e in 0..<count {
            let on = s[e] == 1
            if rng.uniform() < (on ? pOn : pOff) { s[e] = on ? 0 : 1 }
        }
    }

    /// The noisy weights of one synaptic test (the clean U is never modified).
    public func noisyWeights(type: NoiseType, sigma: Float, rng: inout Xoshiro256) -> [Float] {
        precondition(type.isSynaptic)
        var out = [Float](repeating: 0, count: net.n * net.n)
        out.withUnsafeMutableBufferPointer { noisyWeights(type: type, sigma: sigma, into: $0.baseAddress!, rng: &rng) }
        return out
    }

    /// W of the noisy factors (the clean U is never modified), a block of synapses at a time.
    /// The normals are the ziggurat's pairs in stream order (`NormalBlock`), one per noisy
    /// factor in turn: the same draws, and the same bits, as drawing each when its factor is
    /// read; the straight loops over a block let the compiler vectorise the sums. Products
    /// below Float's normal range are 0 (`Subnormal.product`), the others the Float products.
    func noisyWeights(type: NoiseType, sigma: Float, into w: UnsafeMutablePointer<Float>, rng: inout Xoshiro256) {
        let n = net.n, z = net.z
        let u = net.u
        let floor = factorFloor
        let synapses = 1024
        var normals = NormalBlock(capacity: 2 * synapses * max(z, 1))
        defer { normals.deallocate() }
        alive.withUnsafeBufferPointer { aliveBuffer in
            let alive = aliveBuffer.baseAddress!
            var e0 = 0
            while e0 < n * n {
                let count = min(synapses, n * n - e0)
                switch type {
                case .synapticAll where z == 1:
                    let g = normals.take(count, rng: &rng)
                    let ub = u + e0, wb = w + e0
                    for i in 0..<count { wb[i] = max(ub[i] + sigma * g[i], floor) }
                case .synapticAll:
                    let g = normals.take(count * z, rng: &rng)
                    for i in 0..<count {
                        let p = u + (e0 + i) * z, q = g + i * z
                        var prod = max(p[0] + sigma * q[0], floor)
                        for k in 1..<z { prod = Subnormal.product(prod, max(p[k] + sigma * q[k], floor)) }
                        w[e0 + i] = prod
                    }
                case .synapticFirst:
                    let g = normals.take(count, rng: &rng)
                    for i in 0..<count {
                        let e = e0 + i, p = u + e * z
                        let x = sigma * g[i]
                        var prod = max(p[0] + (alive[e] ? x : abs(x)), floor)
                        for k in 1..<z { prod = Subnormal.product(prod, max(p[k], floor)) }
                        w[e] = prod
                    }
                case .synapticFirstAlive:
                    var noisy = 0
                    for e in e0..<(e0 + count) where alive[e] { noisy += 1 }
                    let g = normals.take(noisy, rng: &rng)
                    var next = 0
                    for i in 0..<count {
                        let e = e0 + i, p = u + e * z
                        var first = p[0]
                        if alive[e] { first += sigma * g[next]; next += 1 }
                        var prod = max(first, floor)
                        for k in 1..<z { prod = Subnormal.product(prod, max(p[k], floor)) }
                        w[e] = prod
                    }
                case .neuralIso, .neuralBalanced:
                    preconditionFailure("noisyWeights: \(type) is not synaptic noise")
                }
                e0 += count
            }
        }
    }

    /// Runs S^{t+1} = H(W S^t − θ) and reads out O = sign(W S − θ) after each requested
    /// number of steps (n_steps − 1 updates).
    /// `weightsT` (sparse mode) is the transpose of `weights`.
    func dynamics(weights: UnsafePointer<Float>, weightsT: UnsafePointer<Float>? = nil, ws: Workspace,
                  stepCounts: [Int]) -> [RecallReadout] {
        let n = net.n, m = patterns.m
        let theta = net.theta
        let maxSteps = stepCounts.max()!
        if let audit = operandAudit {
            audit.record("tolerance W (dynamics)", weights, n * n)
            if let wT = weightsT { audit.record("tolerance Wᵀ (sparse dynamics)", wT, n * n) }
        }
        var wrong = [[Double]](repeating: [Double](repeating: 0, count: m), count: stepCounts.count)
        var active = m
        for c in 0..<m { ws.slot[c] = c }
        let targets = patterns.xT
        func wrongBits(_ c: Int) -> Double {
            let h = ws.field + c * n
            let mu = ws.slot[c]
            var e = 0.0
            targets.withUnsafeBufferPointer { tb in
                let y = tb.baseAddress! + mu * n
                for i in 0..<n {
                    let hv = h[i]
                    if hv == 0 { e += 0.5 } else if (hv > 0) != (y[i] == 1) { e += 1 }
                }
            }
            return e
        }
        // Wrong bits of h_t and h_{t−1} per pattern μ.
        var wrongNow = [Double](repeating: 0, count: m), wrongBefore = wrongNow
        let previous = ws.previous
        var t = 0
        while true {
            // h_t = S^t Wᵀ − θ for the moving patterns.
            if let wT = weightsT, Self.sparseIsCheaper(ws.state, rows: active, n: n) {
                theta.withUnsafeBufferPointer { tb in
                    for c in 0..<active {
                        Self.sparseField(wT, state: ws.state + c * n, theta: tb.baseAddress!, n: n,
                                         units: ws.activeUnits, into: ws.field + c * n)
                    }
                }
            } else {
                Blas.gemm(rows: active, cols: n, inner: n, a: ws.state, lda: n, b: weights, ldb: n, transB: true,
                          c: ws.field, ldc: n)
                for c in 0..<active {
                    let h = ws.field + c * n
                    for i in 0..<n { h[i] -= theta[i] }
                }
            }
            ws.work.rows += active
            ws.work.products += 1
            for c in 0..<active { wrongNow[ws.slot[c]] = wrongBits(c) }
            // Read-outs with n_steps − 1 == t.
            for (s, steps) in stepCounts.enumerated() where steps - 1 == t {
                for c in 0..<active { wrong[s][ws.slot[c]] = wrongNow[ws.slot[c]] }
            }
            if t + 1 >= maxSteps { break }
            // S^{t+1} = H(h_t). A pattern at a fixed point (S^{t+1} = S^t) reads out h_t at
            // every later count; one in a 2-cycle (S^{t+1} = S^{t−1}) alternates between
            // h_{t−1} and h_t. Both leave the moving block.
            var kept = 0
            for c in 0..<active {
                let h = ws.field + c * n, s = ws.state + c * n, before = previous + c * n
                var changed = false, cycle = t > 0
                for i in 0..<n {
                    let v: Float = h[i] > 0 ? 1 : 0
                    if v != s[i] { changed = true }
                    if v != before[i] { cycle = false }
                    before[i] = s[i]
                    s[i] = v
                }
                let mu = ws.slot[c]
                if !changed {
                    for (si, steps) in stepCounts.enumerated() where steps - 1 > t { wrong[si][mu] = wrongNow[mu] }
                } else if cycle {
                    for (si, steps) in stepCounts.enumerated() where steps - 1 > t {
                        wrong[si][mu] = (steps - 1 - t) % 2 == 1 ? wrongBefore[mu] : wrongNow[mu]
                    }
                } else {
                    if kept != c {
                        (ws.state + kept * n).update(from: s, count: n)
                        (previous + kept * n).update(from: before, count: n)
                        ws.slot[kept] = mu
                    }
                    kept += 1
                }
            }
            swap(&wrongNow, &wrongBefore)
            active = kept
            t += 1
            if active == 0 { break }
        }
        let threshold = 0.2 * Double(n) * patterns.f
        return wrong.map { e in
            RecallReadout(recall: Double(e.filter { $0 <= threshold }.count) / Double(m),
                          error: e.reduce(0, +) / Double(n * m))
        }
    }

    /// Whether these states have few enough active units that summing columns beats one
    /// sgemm on the block. The cut-over density was measured on the paper-scale Figure 3
    /// curves (`simulate wake-sleep --bench-tolerance-levels`): 0.1 and 0.2 were equally
    /// fast, 0.05 and always-dense 1.5–2× slower. The choice depends only on the test's
    /// own states, so results stay independent of the thread count.
    static let sparseDensityLimit = 0.15
    static func sparseIsCheaper(_ s: UnsafePointer<Float>, rows: Int, n: Int) -> Bool {
        var count = 0
        for e in 0..<(rows * n) where s[e] != 0 { count += 1 }
        return Double(count) < sparseDensityLimit * Double(rows * n)
    }

    /// h = W s − θ for one binary state s, as −θ plus the columns of W (rows of Wᵀ) at the
    /// active units, four at a time.
    @inline(__always)
    static func sparseField(_ wT: UnsafePointer<Float>, state s: UnsafePointer<Float>, theta: UnsafePointer<Float>,
                            n: Int, units: UnsafeMutablePointer<Int32>, into h: UnsafeMutablePointer<Float>) {
        var k = 0
        for j in 0..<n where s[j] != 0 { units[k] = Int32(j); k += 1 }
        for i in 0..<n { h[i] = -theta[i] }
        var a = 0
        while a + 4 <= k {
            let c0 = wT + Int(units[a]) * n, c1 = wT + Int(units[a + 1]) * n
            let c2 = wT + Int(units[a + 2]) * n, c3 = wT + Int(units[a + 3]) * n
            for i in 0..<n { h[i] += (c0[i] + c1[i]) + (c2[i] + c3[i]) }
            a += 4
        }
        while a < k {
            let c0 = wT + Int(units[a]) * n
            for i in 0..<n { h[i] += c0[i] }
            a += 1
        }
    }
}
