// The "bp" training loop of docs/methods.md §1.6, fast.
//
// Per epoch one field H = W X − θ serves the convergence test and the step. The
// element-wise work (derivative, update, clip, normalise, product) is fused into two
// passes over the *alive* synapses of each row: pruned synapses never change again, so
// each row keeps a list of the synapses not yet pruned (in ascending column order).
// Rows are independent, so row blocks run on several threads with identical bits; the two
// products too (Blas.gemm(…, threads:), BlasRowBlocks.swift).
//
// Deviations from a literal dense implementation (all below Float32 resolution of the
// quantities that feed back into learning):
// - Pruned factors are kept at exactly 1e-20 during training instead of 1e-20/sqrt(s_i)
//   (the normalisation of the previous epoch); `finish()` writes the exact values
//   1e-20/sqrt(s_i) of the last normalisation, so the final U and W match the dense
//   arithmetic.
// - Pruned weights are 0 during training for z ≥ 2 instead of their product of floors
//   (1e-40 for z = 2: a subnormal Float32, slow on Intel CPUs; `Subnormal.swift`); the
//   sums they enter are the same bits, and `finish()` writes the stored values.
// - The normaliser s_i sums U² over unpruned synapses only: a pruned synapse adds
//   z·1e-40 (a Float32 subnormal), far below one ulp of s_i.
// - When fewer than 10% of synapses are alive, W X and P Xᵀ are computed as sparse
//   products over alive synapses (pruned weights ≤ 1e-20 are left out of the sums).
// The choice between sparse and dense products depends only on the network state,
// never on the thread count.

import Foundation

public struct AttractorTrainingConfig: Sendable, Codable, Equatable {
    public var eta: Float
    public var etaTheta: Float
    public var length: Double
    public var beta: Float
    public var maxEpochs: Int
    /// Epochs between convergence tests (10⁴ in the paper).
    public var convergenceInterval: Int
    public init(eta: Float, etaTheta: Float, length: Double, beta: Float, maxEpochs: Int, convergenceInterval: Int) {
        self.eta = eta
        self.etaTheta = etaTheta
        self.length = length
        self.beta = beta
        self.maxEpochs = maxEpochs
        self.convergenceInterval = convergenceInterval
    }
}

/// Summary of the convergence-test quantities at one epoch.
public struct ConvergenceProbe: Sendable {
    public var l0: Double
    public var minMargin: Double
    public var meanNorm: Double
    public var trainError: Double
}

public final class AttractorTrainer: @unchecked Sendable {
    public let net: SynapticNetwork
    public let patterns: PatternSet
    public let config: AttractorTrainingConfig
    public var threads: Int
    /// Below this fraction of alive synapses the products run sparse.
    public var sparseBelow: Double = 0.1
    /// Rows with at least this fraction of alive synapses take the masked dense update pass
    /// (z = 1 and 4; `DenseRowUpdate.swift`); the others walk their alive list. Above 1:
    /// never. (For z = 2 and 3 the vector form measured slower than the list walk.)
    public var denseFromAliveFraction: Double = 0.5
    /// Tests: counts subnormal operands of the products and passes (SubnormalGuardTests).
    public var operandAudit: SubnormalAudit?

    /// Epochs completed.
    public internal(set) var epoch: Int = 0
    /// Epoch at which the convergence test passed, or −1.
    public internal(set) var convergedAt: Int = -1
    /// Training error of the last computed field.
    public internal(set) var trainError: Double = 1
    public internal(set) var lastProbe: ConvergenceProbe?
    /// What earlier processes spent on this run, read from the checkpoint it resumed (nil:
    /// started here, or resumed from a checkpoint that did not record it).
    public internal(set) var spentBeforeResume: SpentTime?
    var prevL0: Double = 0
    var prevMargin: Double = 0
    /// m_i of the previous epoch (nil before the first epoch).
    var meanAbsField: [Float]? = nil
    /// m_i = mean_μ |H[i,μ]| of the last completed epoch (nil before the first epoch).
    public var previousMeanAbsField: [Float]? { meanAbsField }
    /// sqrt(s_i) of the last normalisation of each row.
    let rowRoot: UnsafeMutablePointer<Float>
    /// Per-row lists of synapses not yet pruned: aliveIdx[i*n + c] for c < aliveCount[i].
    let aliveIdx: UnsafeMutablePointer<Int32>
    let aliveCount: UnsafeMutablePointer<Int>

    // Scratch.
    let field: UnsafeMutablePointer<Float>     // H, N×M
    let replay: UnsafeMutablePointer<Float>    // P, N×M
    var denseGrad: UnsafeMutablePointer<Float>? // g = P Xᵀ, N×N (allocated on demand)
    let rowMin: UnsafeMutablePointer<Float>, rowArg: UnsafeMutablePointer<Int>
    let rowMeanAbs: UnsafeMutablePointer<Float>, rowErr: UnsafeMutablePointer<Double>
    let yhat: UnsafeMutablePointer<Float>, rowScratch: UnsafeMutablePointer<Float>

    public var isFinished: Bool { convergedAt >= 0 || epoch >= config.maxEpochs }

    /// Prepares training as in docs/methods.md §1.6 ("before the loop"): `net` holds the initial factors;
    /// normalises, sets θ by docs/methods.md §1.5. All synapses start alive (the diagonal is removed by the
    /// first clip, as in the original).
    /// With `prepare: false` the network is taken as it is (no normalisation, θ kept) —
    /// for models that set up their own start (e.g. the sleep phase of the wake–sleep model).
    public init(net: SynapticNetwork, patterns: PatternSet, config: AttractorTrainingConfig, threads: Int = 1,
                prepare: Bool = true) {
        precondition(net.n == patterns.n)
        Blas.ensureSingleThreaded()
        self.net = net
        self.patterns = patterns
        self.config = config
        self.threads = threads
        let n = net.n, m = patterns.m
        rowRoot = .allocate(capacity: n)
        if prepare {
            rowRoot.initialize(from: SynapseOps.normalise(net, length: config.length), count: n)
            net.theta = SynapseOps.biasThresholds(net, f: patterns.f)
        } else {
            rowRoot.initialize(repeating: 1, count: n)
        }
        // A network pruned elsewhere (bench floor) may hold subnormal weights: read as 0,
        // as training writes them.
        Subnormal.flush(net.w, n * n)
        aliveIdx = .allocate(capacity: n * n)
        aliveCount = .allocate(capacity: n)
        for i in 0..<n {
            var c = 0
            for j in 0..<n where net.w[i * n + j] > pruneThreshold {
                aliveIdx[i * n + c] = Int32(j)
                c += 1
            }
            aliveCount[i] = c
        }
        field = .allocate(capacity: n * m)
        replay = .allocate(capacity: n * m)
        rowMin = .allocate(capacity: n); rowMin.initialize(repeating: 0, count: n)
        rowArg = .allocate(capacity: n); rowArg.initialize(repeating: 0, count: n)
        rowMeanAbs = .allocate(capacity: n); rowMeanAbs.initialize(repeating: 0, count: n)
        rowErr = .allocate(capacity: n); rowErr.initialize(repeating: 0, count: n)
        yhat = .allocate(capacity: n); yhat.initialize(repeating: 0, count: n)
        rowScratch = .allocate(capacity: n * n); rowScratch.initialize(repeating: 0, count: n * n)
        let probe = probeConvergence(computeField: true)
        prevL0 = probe.l0
        prevMargin = probe.minMargin
    }

    deinit {
        aliveIdx.deallocate()
        field.deallocate()
        replay.deallocate()
        denseGrad?.deallocate()
        for p in [rowMin, rowMeanAbs, yhat, rowScratch] as [UnsafeMutablePointer<Float>] { p.deallocate() }
        rowRoot.deallocate(); aliveCount.deallocate(); rowArg.deallocate(); rowErr.deallocate()
    }

    var aliveFraction: Double {
        var total = 0
        for i in 0..<net.n { total += aliveCount[i] }
        return Double(total) / Double(net.n * net.n)
    }

    // MARK: field and row statistics

    /// H = W X − θ (row-major N×M) and the per-row statistics of G = Y ⊙ H.
    func computeField() {
        let n = net.n, m = patterns.m
        let sparse = aliveFraction < sparseBelow
        let w = SendablePointer(net.w), h = SendablePointer(field)
        let theta = net.theta
        operandAudit?.record("trainer W (field)", net.w, n * n)
        patterns.x.withUnsafeBufferPointer { xb in
            let x = xb.baseAddress!
            if !sparse {
                Blas.gemm(rows: n, cols: m, inner: n, a: net.w, lda: n, b: x, ldb: m, transB: false, c: field, ldc: m,
                          threads: threads)
            }
            let xs = UncheckedBox(x)
            let idx = SendablePointer(aliveIdx)
            let counts = SendablePointer(aliveCount)
            RowParallel.forEachBlock(n, threads: threads) { rows in
                let x = xs.value
                for i in rows {
                    let hr = h.base + i * m
                    if sparse {
                        hr.update(repeating: 0, count: m)
                        let list = idx.base + i * n
                        for c in 0..<counts[i] {
                            let j = Int(list[c])
                            let wv = w[i * n + j]
                            let xr = x + j * m
                            for mu in 0..<m { hr[mu] += wv * xr[mu] }
                        }
                    }
                    let th = theta[i]
                    for mu in 0..<m { hr[mu] -= th }
                }
            }
        }
        operandAudit?.record("trainer H (row statistics, soft-min)", field, n * m)
        rowStatistics()
    }

    /// Per row: min_μ G and its first argmin, mean_μ |H|, and the count of training errors.
    func rowStatistics() {
        let n = net.n, m = patterns.m
        let h = SendablePointer(field)
        let mn = SendablePointer(rowMin), ag = SendablePointer(rowArg)
        let me = SendablePointer(rowMeanAbs), er = SendablePointer(rowErr)
        patterns.x.withUnsafeBufferPointer { xb in
            let xs = UncheckedBox(xb.baseAddress!)
            RowParallel.forEachBlock(n, threads: threads) { rows in
                for i in rows {
                    let s = FieldRowStatistics(h: h.base + i * m, x: xs.value + i * m, m: m)
                    mn[i] = s.min; ag[i] = s.argmin
                    me[i] = s.meanAbs; er[i] = s.errors
                }
            }
        }
        var total = 0.0
        for i in 0..<n { total += rowErr[i] }
        trainError = total / Double(n * m)
    }

    /// The convergence-test quantities (l0, mean min margin, n̄, error) of the current state.
    public func probeConvergence(computeField compute: Bool = true) -> ConvergenceProbe {
        if compute { computeField() }
        let n = net.n, z = net.z
        var l0 = 0.0, margin = 0.0, norm = 0.0
        for i in 0..<n {
            var alive = 0, sq = 0.0, nb = 0.0
            let list = aliveIdx + i * n
            for c in 0..<aliveCount[i] {
                // A listed weight held at 0 (RowUpdate.normalOrZero) counts with its product.
                let e = i * n + Int(list[c])
                let wv = Double(net.w[e] == 0 ? net.product(e) : net.w[e])
                if wv > Double(pruneThreshold) { alive += 1 }
                sq += wv * wv
                switch z {
                case 1: nb += wv * wv
                case 2: nb += wv
                case 4: nb += wv.squareRoot()
                default: nb += Foundation.pow(wv, 2.0 / Double(z))
                }
            }
            l0 += Double(alive) / Double(n)
            margin += Double(rowMin[i]) / sq.squareRoot()
            norm += nb
        }
        let p = ConvergenceProbe(l0: l0 / Double(n), minMargin: margin / Double(n), meanNorm: norm / Double(n),
                                 trainError: trainError)
        lastProbe = p
        return p
    }

    // MARK: training

    /// Runs epochs until convergence, the epoch bound, or `untilEpoch` (exclusive bound on
    /// completed epochs), calling `observe` after every epoch.
    /// `shouldStop` is asked before every epoch (a signal asked to stop: StopRequest).
    public func train(untilEpoch: Int? = nil, observe: ((AttractorTrainer) -> Void)? = nil,
                      shouldStop: () -> Bool = { false }) {
        let stop = min(untilEpoch ?? config.maxEpochs, config.maxEpochs)
        while convergedAt < 0 && epoch < stop && !shouldStop() {
            if runEpoch() { break }
            observe?(self)
        }
    }

    /// One epoch (1-based number epoch+1). Returns true when the convergence test stopped
    /// training (the state is then left as at the start of this epoch).
    @discardableResult
    public func runEpoch() -> Bool {
        let number = epoch + 1
        computeField()
        if number % config.convergenceInterval == 0 {
            let p = probeConvergence(computeField: false)
            if abs(p.l0 - prevL0) < 1e-4, abs(p.minMargin - prevMargin) < 1e-4, p.l0 < 0.99,
               p.trainError == 0, abs(p.meanNorm - config.length) < 0.02 {
                convergedAt = number
                return true
            }
            prevL0 = p.l0
            prevMargin = p.minMargin
        }
        if trainError > 0 { perceptronStep() } else { softMinStep() }
        meanAbsField = Array(UnsafeBufferPointer(start: rowMeanAbs, count: net.n))
        for i in 0..<net.n { net.theta[i] -= config.etaTheta * yhat[i] }
        epoch = number
        return false
    }

    /// Step 3 of docs/methods.md §1.6: every neuron moves towards its worst pattern μ_i.
    func perceptronStep() {
        let n = net.n, m = patterns.m, eta = config.eta
        patterns.xT.withUnsafeBufferPointer { xtb in
        patterns.x.withUnsafeBufferPointer { xb in
            let xt = UncheckedBox(xtb.baseAddress!), x = UncheckedBox(xb.baseAddress!)
            let args = SendablePointer(rowArg), yh = SendablePointer(yhat)
            updateRows { i, _ in
                let mu = args[i]
                let y = 2 * x.value[i * m + mu] - 1
                yh[i] = y
                // η·y_i·x_{μ_i}[j]: the column of the worst pattern, scaled.
                return (UnsafePointer(xt.value + mu * n), eta * y)
            }
        }}
    }

    /// Step 4 of docs/methods.md §1.6: soft-min replay of all patterns.
    /// One soft-min replay epoch (step 4 of docs/methods.md §1.6 and the threshold update) whatever the
    /// training error, with rates and β given here — the sleep epoch of the wake–sleep model
    /// (docs/methods.md §2.5). No convergence test; counts as an epoch.
    public func softMinEpoch(eta: Float, etaTheta: Float, beta: Float) {
        computeField()
        softMinStep(eta: eta, beta: beta)
        meanAbsField = Array(UnsafeBufferPointer(start: rowMeanAbs, count: net.n))
        for i in 0..<net.n { net.theta[i] -= etaTheta * yhat[i] }
        epoch += 1
    }

    func softMinStep() { softMinStep(eta: config.eta, beta: config.beta) }

    func softMinStep(eta: Float, beta: Float) {
        let n = net.n, m = patterns.m
        let prev = meanAbsField ?? Array(UnsafeBufferPointer(start: rowMeanAbs, count: n))
        let h = SendablePointer(field), p = SendablePointer(replay)
        let yh = SendablePointer(yhat)
        RowParallel.forEachBlock(n, threads: threads) { rows in
            for i in rows {
                yh[i] = SoftMinRow.weights(h: h.base + i * m, p: p.base + i * m, m: m, beta: beta, meanAbs: prev[i])
                // With β = 100 many replay weights are subnormal. They enter the gradient
                // P Xᵀ as 0: a change below 1e-35 of a g that moves a factor ≥ 1e-20
                // (half an ulp ≥ 4e-28) only through η g D (Subnormal.swift). ŷ keeps them.
                Subnormal.flush(p.base + i * m, m)
            }
        }
        let sparse = aliveFraction < sparseBelow
        operandAudit?.record("trainer P (replay gradient)", replay, n * m)
        patterns.x.withUnsafeBufferPointer { xb in
            let x = UncheckedBox(xb.baseAddress!)
            if sparse {
                let idx = SendablePointer(aliveIdx), counts = SendablePointer(aliveCount)
                updateRows { i, scratch in
                    // g[i,j] = Σ_μ P[i,μ] X[j,μ] for the alive j only.
                    let pr = p.base + i * m, list = idx.base + i * n
                    for c in 0..<counts[i] {
                        let j = Int(list[c])
                        scratch[j] = Blas.dot(count: m, pr, x.value + j * m)
                    }
                    dropNegligibleGradients(scratch, n)
                    return (UnsafePointer(scratch), eta)
                }
            } else {
                if denseGrad == nil { denseGrad = .allocate(capacity: n * n) }
                let g = denseGrad!
                Blas.gemm(rows: n, cols: n, inner: m, a: replay, lda: m, b: x.value, ldb: m, transB: true, c: g, ldc: n,
                          threads: threads)
                dropNegligibleGradients(g, n * n)
                operandAudit?.record("trainer g (factor update)", g, n * n)
                let gs = SendablePointer(g)
                updateRows { i, _ in (UnsafePointer(gs.base + i * n), eta) }
            }
        }
    }

    /// The fused update of the alive synapses of every row: U += coef(j)·D (mask from
    /// before the update), clip (docs/methods.md §1.3), normalise (§1.4), W = ∏U. `rowCoefficients(i)`
    /// returns (source, scale) with η·g[i,j] = scale·source[j]; it may fill the row's
    /// scratch buffer (length N) and return it as the source.
    func updateRows(_ rowCoefficients: (Int, UnsafeMutablePointer<Float>) -> (UnsafePointer<Float>, Float)) {
        let n = net.n, z = net.z, length = config.length
        let u = SendablePointer(net.u), w = SendablePointer(net.w)
        let idx = SendablePointer(aliveIdx)
        let counts = SendablePointer(aliveCount)
        let roots = SendablePointer(rowRoot)
        let scratch = SendablePointer(rowScratch)
        let denseFrom = denseFromAliveFraction
        operandAudit?.record("trainer U (factor update)", net.u, n * n * z)
        // A pruned weight: the floor for z = 1; for z ≥ 2 the product of floors (≤ 1e-40) is
        // below Float's normal range and training holds 0 instead (header comment).
        let deadWeight: Float = z == 1 ? factorFloor : 0
        withoutActuallyEscaping(rowCoefficients) { rc in
        let coefs = UncheckedBox(rc)
        let kernel = RowUpdate(n: n, z: z, u: u.base, w: w.base, deadWeight: deadWeight)
        RowParallel.forEachBlock(n, threads: threads) { rows in
            let d = UnsafeMutablePointer<Float>.allocate(capacity: z)
            let sq = UnsafeMutablePointer<Float>.allocate(capacity: n)
            defer { d.deallocate(); sq.deallocate() }
            for i in rows {
                let (src, scale) = coefs.value(i, scratch.base + i * n)
                let list = idx.base + i * n
                let count = counts[i]
                let dense = Double(count) >= denseFrom * Double(n)
                let (kept, sumSq): (Int, Float)
                switch z {
                case 1 where dense: (kept, sumSq) = kernel.updateDenseOne(row: i, list: list, count: count, src: src, scale: scale, mask: sq)
                case 4 where dense: (kept, sumSq) = kernel.updateDenseFour(row: i, list: list, count: count, src: src, scale: scale)
                case 1: (kept, sumSq) = kernel.update(OneFactor.self, row: i, list: list, count: count, src: src, scale: scale, sq: sq)
                case 2: (kept, sumSq) = kernel.update(TwoFactors.self, row: i, list: list, count: count, src: src, scale: scale, sq: sq)
                case 3: (kept, sumSq) = kernel.update(ThreeFactors.self, row: i, list: list, count: count, src: src, scale: scale, sq: sq)
                case 4: (kept, sumSq) = kernel.update(FourFactors.self, row: i, list: list, count: count, src: src, scale: scale, sq: sq)
                default: (kept, sumSq) = kernel.updateMany(row: i, list: list, count: count, src: src, scale: scale, d: d, sq: sq)
                }
                counts[i] = kept
                // A neuron whose synapses are all pruned keeps its (zero) weights; the original
                // would divide by 0 here.
                let root = sumSq > 0 ? Float(Double(sumSq) / (length * Double(z))).squareRoot() : 1
                roots[i] = root
                // Deviation (≤ 1 ulp): U·(1/sqrt(s)) instead of U/sqrt(s); division is the
                // slowest operation of the pass.
                let inv = 1 / root
                switch z {
                case 1 where dense: kernel.rescaleDenseOne(row: i, inv: inv, mask: sq)
                case 4 where dense: kernel.rescaleDenseFour(row: i, inv: inv)
                case 1: kernel.rescale(OneFactor.self, row: i, list: list, count: kept, inv: inv)
                case 2: kernel.rescale(TwoFactors.self, row: i, list: list, count: kept, inv: inv)
                case 3: kernel.rescale(ThreeFactors.self, row: i, list: list, count: kept, inv: inv)
                case 4: kernel.rescale(FourFactors.self, row: i, list: list, count: kept, inv: inv)
                default: kernel.rescaleMany(row: i, list: list, count: kept, inv: inv)
                }
            }
        }
        }
    }

    /// Writes the exact pruned-factor values of the last normalisation (1e-20/sqrt(s_i);
    /// 0 on the diagonal) into U and W, and the products of the weights held at 0 during
    /// training (Subnormal.swift). Call once after training, before reading U or W.
    public func finish() {
        let n = net.n, z = net.z
        guard epoch > 0 else { return }
        for i in 0..<n {
            var listed = [Bool](repeating: false, count: n)
            for c in 0..<aliveCount[i] {
                let e = i * n + Int(aliveIdx[i * n + c])
                listed[e - i * n] = true
                if net.w[e] == 0 { net.w[e] = net.product(e) }
            }
            let v = factorFloor / rowRoot[i]
            for j in 0..<n where !listed[j] {
                let e = i * n + j
                let p = net.u + e * z
                for k in 0..<z { p[k] = j == i ? 0 : v }
                net.w[e] = net.product(e)
            }
        }
    }
}
