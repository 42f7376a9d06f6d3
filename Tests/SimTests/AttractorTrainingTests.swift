import Foundation
import Testing
import Sim

@Suite struct AttractorTrainingTests {
    @Test func patternsHaveNoSilentNeuron() {
        var rng = Xoshiro256(seed: 5, stream: 1)
        // With f = 0.05 and M = 3 a row is all zero 86% of the time before redrawing.
        let p = PatternSet.bernoulli(n: 200, m: 3, f: 0.05, rng: &rng)
        for j in 0..<200 { #expect((0..<3).contains { p.x[j * 3 + $0] == 1 }) }
        #expect(p.x.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(p.xT[2 * 200 + 7] == p.x[7 * 3 + 2])
    }

    @Test func clipFloorsPrunedFactorsWithFloat32Underflow() {
        for z in 1...3 {
            let net = attractorHandNetwork([[0.5, 0.5], [0.5, 0.5]], theta: [0, 0], z: z)
            // Synapse (0,1) pruned by the mask.
            SynapseOps.clip(net, mask: [true, false, true, true])
            #expect(net.w[0] == 0 && net.w[3] == 0)  // diagonal
            switch z {
            case 1: #expect(net.w[1] == Float(1e-20))
            case 2:
                #expect(net.w[1] > 0 && net.w[1] < Float.leastNormalMagnitude)  // subnormal 1e-40
                #expect(net.w[1] == Float(1e-20) * Float(1e-20))
            default: #expect(net.w[1] == 0)
            }
            #expect(net.w[2] == 0.5)
        }
    }

    @Test func normalisationGivesLengthTimesZ() {
        let net = SynapticNetwork(n: 30, z: 3)
        var rng = Xoshiro256(seed: 1, stream: 2)
        net.initialiseFactors(lo: 0.07, hi: 0.13, rng: &rng)
        SynapseOps.normalise(net, length: 7)
        for s in SynapseOps.factorSquareSums(net) { #expect(abs(s - 21) < 21e-6) }
    }

    /// Runs a tiny network epoch by epoch and checks the invariants of docs/methods.md §1.2–1.4.
    @Test(arguments: [1, 2, 3, 4])
    func trainingInvariants(z: Int) {
        let p = AttractorScale.tiny.parameters(z: z, load: AttractorLoad(0.205))
        let t = AttractorPoint.makeTrainer(p)
        let n = p.n
        var prunedAt = [Int](repeating: -1, count: n * n)
        // While training a pruned weight is 1e-20 for z = 1 and 0 for z ≥ 2 (1e-20^z is
        // below Float's normal range: Subnormal.swift); finish() writes the stored values.
        let dead: Float = z == 1 ? 1e-20 : 0
        for epoch in 1...1500 {
            t.runEpoch()
            for e in 0..<(n * n) where e % (n + 1) != 0 {
                if prunedAt[e] >= 0 {
                    // Pruned synapses never change again (floored factors, weight held).
                    #expect(t.net.w[e] == dead)
                } else if t.net.w[e] == dead {
                    prunedAt[e] = epoch
                }
            }
            if epoch == 1 || epoch % 500 == 0 {
                for i in 0..<n { #expect(t.net.w[i * n + i] == 0) }
            }
        }
        #expect(t.epoch == 1500)
        t.finish()
        // The stored weight of a pruned synapse: the product of its factors 1e-20/sqrt(s_i),
        // the subnormal ≈ 1e-40 for z = 2 (Figure 2's panel 10), 0 for z ≥ 3.
        for e in 0..<(n * n) where prunedAt[e] >= 0 {
            #expect(t.net.w[e] == t.net.product(e))
            if z == 2 { #expect(Subnormal.isSubnormal(t.net.w[e])) }
            if z >= 3 { #expect(t.net.w[e] == 0) }
        }
        // Σ_{j,k} U² = L·z per neuron after the last normalisation.
        for s in SynapseOps.factorSquareSums(t.net) { #expect(abs(s - p.length * Double(z)) < 1e-4 * p.length * Double(z)) }
        if z == 2 { #expect(prunedAt.contains { $0 > 0 }) }
    }

    /// The trained state has the same bits for any thread count: the element-wise passes run
    /// on row blocks, and so do both products (Blas.gemm(…, threads:)). N = 100 gives the
    /// products several 12-row blocks; both kinds of step run (every third epoch a soft-min
    /// epoch, whatever the error), and synapses pushed under the threshold at epoch 3 are
    /// pruned.
    @Test(arguments: [1, 2, 4])
    func trainingHasTheSameBitsForAnyThreadCount(z: Int) {
        let p = AttractorScale.tiny.parameters(z: z, load: AttractorLoad(0.1425), n: 100)
        var steps = (perceptron: 0, softMin: 0)
        // threads 0: the count changes every epoch (1, 3, 2, 5, …), as a point following its
        // share of the cores does (CoreShare).
        func trained(threads: Int) -> AttractorTrainer {
            let t = AttractorPoint.makeTrainer(p, threads: max(threads, 1))
            for epoch in 1...1500 {
                if threads == 0 { t.threads = [1, 3, 2, 5][epoch % 4] }
                if epoch == 3 { for e in stride(from: 1, to: p.n * p.n, by: 7) { t.net.w[e] = min(t.net.w[e], 1e-12) } }
                if epoch % 3 == 0 {
                    let c = p.trainingConfig
                    t.softMinEpoch(eta: c.eta, etaTheta: c.etaTheta, beta: c.beta)
                    if threads == 1 { steps.softMin += 1 }
                    continue
                }
                if threads == 1 { if t.trainError > 0 { steps.perceptron += 1 } else { steps.softMin += 1 } }
                if t.runEpoch() { break }
            }
            return t
        }
        let single = trained(threads: 1)
        for threads in [2, 3, 5, 0] {
            let many = trained(threads: threads)
            #expect(many.epoch == single.epoch)
            #expect(many.net.u.elementsEqualBits(single.net.u, count: p.n * p.n * z), "z = \(z), \(threads) threads: U")
            #expect(many.net.w.elementsEqualBits(single.net.w, count: p.n * p.n), "z = \(z), \(threads) threads: W")
            #expect(many.net.theta.map(\.bitPattern) == single.net.theta.map(\.bitPattern))
        }
        #expect(steps.perceptron > 0 && steps.softMin > 100, "\(steps)")
        #expect((0..<(p.n * p.n)).filter { single.net.w[$0] > pruneThreshold }.count < p.n * p.n * 9 / 10)
    }

    /// The masked dense row pass and the alive-list pass are the same update (only the
    /// order of each row's Σ U² differs): same pruned set, weights equal to rounding over
    /// the first epochs (later, training amplifies rounding like any reordering would).
    /// N = 37 exercises the vector tails; synapses pushed under the threshold before epoch 3
    /// exercise pruning in both. At α = 0.08 the error is 0 after a few epochs, so the
    /// soft-min step runs (for z = 1 as one product accumulated into U).
    @Test(arguments: [1, 4], [0.08, 0.205])
    func denseAndListRowPassesAgree(z: Int, alpha: Double) {
        let p = AttractorScale.tiny.parameters(z: z, load: AttractorLoad(alpha), n: 37)
        var dense = AttractorPoint.makeTrainer(p), list = AttractorPoint.makeTrainer(p)
        if alpha < 0.1 {
            // Start both from a network trained to zero error.
            dense.train(untilEpoch: 2000)
            #expect(dense.trainError == 0)
            dense.finish()
            dense = AttractorTrainer(net: dense.net.copy(), patterns: dense.patterns, config: p.trainingConfig, prepare: false)
            list = AttractorTrainer(net: dense.net.copy(), patterns: dense.patterns, config: p.trainingConfig, prepare: false)
        }
        dense.denseFromAliveFraction = 0
        list.denseFromAliveFraction = 2
        let n = p.n
        // Alive off-diagonal synapses spread over the matrix, pushed under the threshold.
        var pushed: [Int] = []
        var dead: Float = factorFloor
        for _ in 1..<z { dead *= factorFloor }
        var softMinEpochs = 0
        for epoch in 1...20 {
            if list.trainError == 0 { softMinEpochs += 1 }
            if epoch == 3 {
                pushed = stride(from: 1, to: n * n, by: 97).filter { $0 % (n + 1) != 0 && list.net.w[$0] > pruneThreshold }
                #expect(pushed.count >= 5)
                for e in pushed { dense.net.w[e] = 1e-12; list.net.w[e] = 1e-12 }
            }
            dense.runEpoch(); list.runEpoch()
            var worst: Float = 0, largest: Float = 0
            for e in 0..<(n * n) {
                #expect((dense.net.w[e] > pruneThreshold) == (list.net.w[e] > pruneThreshold), "synapse \(e) epoch \(epoch)")
                worst = max(worst, abs(dense.net.w[e] - list.net.w[e]))
                largest = max(largest, abs(list.net.w[e]))
                if e % (n + 1) == 0 { #expect(dense.net.w[e] == 0) }
            }
            // Rounding-level agreement (≤ 5e-6) for ten epochs; later the soft-min step can
            // amplify it (z = 3, α = 0.08 jumps to ~1e-5 at epoch 11), as any reordering would.
            let tolerance: Float = epoch <= 10 ? 1e-5 : 1e-3
            #expect(worst <= tolerance * largest, "z=\(z) epoch \(epoch): max |Δw| \(worst) of \(largest)")
            for k in 0..<(n * n * z) {
                #expect(abs(dense.net.u[k] - list.net.u[k]) <= tolerance * max(1, abs(list.net.u[k])), "factor \(k) epoch \(epoch)")
            }
            if epoch >= 3 {
                for e in pushed {
                    #expect(dense.net.w[e] == dead && list.net.w[e] == dead)
                    for k in 0..<z { #expect(dense.net.u[e * z + k] == factorFloor && list.net.u[e * z + k] == factorFloor) }
                }
            }
        }
        #expect(dense.trainError == list.trainError)
        if alpha < 0.1 { #expect(softMinEpochs > 5) }
    }

    @Test func softMinEpochEqualsTrainingEpochAtZeroError() {
        let p = AttractorScale.tiny.parameters(z: 2, load: AttractorLoad(0.08))
        let a = AttractorPoint.makeTrainer(p)
        a.train(untilEpoch: 2500)
        #expect(a.trainError == 0)
        a.finish()
        // Two trainers on copies of the trained network, taken as they are.
        let c = AttractorTrainer(net: a.net.copy(), patterns: a.patterns, config: p.trainingConfig, prepare: false)
        let d = AttractorTrainer(net: a.net.copy(), patterns: a.patterns, config: p.trainingConfig, prepare: false)
        #expect(c.net.theta == a.net.theta)
        for _ in 0..<3 {
            c.softMinEpoch(eta: Float(p.eta), etaTheta: Float(p.etaTheta), beta: Float(p.beta))
            d.runEpoch()
        }
        #expect(d.trainError == 0)
        c.finish(); d.finish()
        #expect(c.epoch == 3)
        #expect(c.net.theta == d.net.theta)
        #expect(c.net.weights == d.net.weights)
        #expect(c.net.weights != a.net.weights)
    }

    @Test func lowLoadTrainingReachesZeroError() {
        let p = AttractorScale.tiny.parameters(z: 2, load: AttractorLoad(0.08))
        let t = AttractorPoint.makeTrainer(p)
        t.train(untilEpoch: 3000)
        #expect(t.probeConvergence().trainError == 0)
        let m = AttractorMetrics.measure(t.net, t.patterns)
        #expect(m.perNeuron[.minMargin]!.allSatisfy { $0 > 0 })
    }

    /// The fast trainer against a literal dense implementation of docs/methods.md §1.6.
    /// (Perceptron steps from the start; soft-min steps from a trained low-load network.
    /// Learning is chaotic, so a 1-ulp difference grows: compare over a few dozen epochs.
    /// Soft-min steps are the most sensitive: with β = 100 the Λ of the best pattern is often
    /// a Float32 subnormal with a few bits, so 1 ulp in h can move P by tens of percent.)
    @Test(arguments: [(1, false), (2, false), (4, false), (1, true), (2, true), (4, true)])
    func fastTrainerMatchesDenseReference(z: Int, replay: Bool) {
        let p = AttractorScale.tiny.parameters(z: z, load: AttractorLoad(0.08))
        let fast = AttractorPoint.makeTrainer(p)
        if replay {
            fast.train(untilEpoch: 4000)
            #expect(fast.trainError == 0)
        }
        fast.finish()
        let ref = fast.net.copy()
        let pats = fast.patterns
        let n = p.n, m = p.m
        let eta = Float(p.eta), etaTheta = Float(p.etaTheta), beta = Float(p.beta)
        var prevMean: [Float]? = fast.previousMeanAbsField
        var sawSoftMin = false
        for _ in 0..<(replay ? 8 : 40) {
            // Reference epoch, dense, straight from docs/methods.md §1.6.
            var h = [Float](repeating: 0, count: n * m)
            for i in 0..<n { for mu in 0..<m {
                var s: Float = 0
                for j in 0..<n { s += ref.w[i * n + j] * pats.x[j * m + mu] }
                h[i * m + mu] = s - ref.theta[i]
            } }
            var err = 0.0
            for i in 0..<n { for mu in 0..<m {
                let g = pats.y(i, mu) * h[i * m + mu]
                err += g < 0 ? 1 : (g == 0 ? 0.5 : 0)
            } }
            let mask = ref.aliveMask()
            var grad = [Float](repeating: 0, count: n * n)
            var yhat = [Float](repeating: 0, count: n)
            let meanAbs = (0..<n).map { i in Float((0..<m).reduce(0.0) { $0 + Double(abs(h[i * m + $1])) } / Double(m)) }
            if err > 0 {
                for i in 0..<n {
                    var best = Float.infinity, arg = 0
                    for mu in 0..<m where pats.y(i, mu) * h[i * m + mu] < best { best = pats.y(i, mu) * h[i * m + mu]; arg = mu }
                    yhat[i] = pats.y(i, arg)
                    for j in 0..<n { grad[i * n + j] = yhat[i] * pats.x[j * m + arg] }
                }
            } else {
                sawSoftMin = true
                let mUse = prevMean ?? meanAbs
                for i in 0..<n {
                    var lam = (0..<m).map { Foundation.exp((-beta * abs(h[i * m + $0])) / mUse[i]) }
                    var total = lam.reduce(0, +)
                    if total == 0 {
                        // The trainer's documented fallback where the original gives 0/0 = NaN.
                        let a = (0..<m).map { (-beta * abs(h[i * m + $0])) / mUse[i] }
                        lam = a.map { Foundation.exp($0 - a.max()!) }
                        total = lam.reduce(0, +)
                    }
                    let pr = (0..<m).map { mu -> Float in
                        let hv = h[i * m + mu]
                        return lam[mu] * (hv > 0 ? 1 : (hv < 0 ? -1 : 0)) / total
                    }
                    yhat[i] = pr.reduce(0, +)
                    for j in 0..<n { grad[i * n + j] = (0..<m).reduce(Float(0)) { $0 + pr[$1] * pats.x[j * m + $1] } }
                }
            }
            prevMean = meanAbs
            for e in 0..<(n * n) where mask[e] {
                let f = ref.u + e * z
                let old = (0..<z).map { f[$0] }
                for k in 0..<z {
                    var d: Float = 1
                    for l in 0..<z where l != k { d *= old[l] }
                    f[k] += eta * grad[e] * d
                }
            }
            SynapseOps.clip(ref, mask: mask)
            SynapseOps.normalise(ref, length: p.length)
            for i in 0..<n { ref.theta[i] -= etaTheta * yhat[i] }
            fast.runEpoch()
        }
        fast.finish()
        #expect(sawSoftMin == replay)
        var maxDiff: Float = 0
        for e in 0..<(n * n) { maxDiff = max(maxDiff, abs(fast.net.w[e] - ref.w[e]) / max(abs(ref.w[e]), 1e-3)) }
        var maxTheta: Float = 0
        for i in 0..<n { maxTheta = max(maxTheta, abs(fast.net.theta[i] - ref.theta[i])) }
        #expect(maxDiff < (replay ? 1e-3 : 1e-4))
        #expect(maxTheta < (replay ? 2e-4 : 1e-5))
        let fm = fast.net.aliveMask(), rm = ref.aliveMask()
        let mismatches = (0..<(n * n)).filter { fm[$0] != rm[$0] }
        #expect(mismatches.isEmpty)
    }
}

extension UnsafeMutablePointer where Pointee == Float {
    func elementsEqualBits(_ other: UnsafeMutablePointer<Float>, count: Int) -> Bool {
        (0..<count).allSatisfy { self[$0].bitPattern == other[$0].bitPattern }
    }
}
