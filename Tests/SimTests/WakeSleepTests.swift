import Foundation
import Testing
import Sim

@Suite struct WakeSleepUnitTests {
    @Test func kwtaStepInhibitsToTheTargetCount() {
        // N = 10, f = 0.2: target 2 active; 6 positive entries, so d = 8th smallest = 2.
        let h: [Float] = [3, -1, 2, 0.5, -2, 1, -0.5, 0.1, 4, -3]
        let s = KWTAStep(field: h, f: 0.2)
        #expect(s.inhibition == 2)
        // H(h − d) with H(0) = 0: only 3 and 4 stay above.
        #expect(s.state == [1, 0, 0, 0, 0, 0, 0, 0, 1, 0])
        // Exactly f·N active already: no inhibition.
        let t = KWTAStep(field: [1, -1, -2, 0.5, -2, -1, -0.5, -0.1, -4, -3], f: 0.2)
        #expect(t.inhibition == 0)
        #expect(t.state == [1, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    }

    @Test func wakeUpdateMatchesHandComputation() {
        let n = 10, f = 0.2, eta: Float = 0.01
        let net = WakeSleepNetwork(n: n)
        WakePhase.start(net, u0: 0.6, f: f)
        // θ by the bias rule for nine weights of 0.36.
        let s1 = 9 * 0.36, s2 = 9 * 0.36 * 0.36
        let spread: Double = (2 * f * (1 - f) * s2).squareRoot()
        let theta: Double = f * s1 + spread * Normal.erfinv(1 - 2 * f)
        #expect(abs(Double(net.theta[3]) - theta) < 1e-5)
        #expect(net.w[0] == 0 && net.w[n + 1] == 0)   // diagonal removed
        // Pattern {0, 1}: fields 0.36 − θ (active) and 0.72 − θ (inactive), all negative, so
        // d is the 8th smallest = 0.72 − θ.
        let d = KWTAStep(net, active: [0, 1], f: f).inhibition
        #expect(abs(Double(d) - (0.72 - theta)) < 1e-5)
        WakePhase.present(net, active: [0, 1], eta: eta, f: f)
        let c = Double(eta) * abs(0.72 - theta)
        let u = net.factorMatrix(0), w = net.weightMatrix()
        #expect(abs(Double(u[0 * n + 1]) - (0.6 + c * 0.8 * 0.8)) < 1e-6)
        #expect(abs(Double(u[0 * n + 2]) - (0.6 + c * 0.8 * -0.2)) < 1e-6)
        #expect(abs(Double(u[2 * n + 3]) - (0.6 + c * 0.04)) < 1e-6)
        #expect(abs(Double(w[2 * n + 3]) - 0.6 * (0.6 + c * 0.04)) < 1e-6)
        #expect(net.factorMatrix(1)[2 * n + 3] == 0.6)   // factor 1 untouched
        #expect(u[4 * n + 4] == 0)
    }

    @Test func selectionKeepsOnlyFixedPoints() {
        let n = 10
        let patterns = SparsePatterns(n: n, f: 0.2, active: [[0, 1], [2, 3], [4, 5]])
        var w = [Float](repeating: 0.01, count: n * n)
        for p in patterns.active { for i in p { for j in p where i != j { w[Int(i) * n + Int(j)] = 1 } } }
        for i in 0..<n { w[i * n + i] = 0 }
        let net = WakeSleepNetwork(n: n)
        net.load(factor0: w, factor1: [Float](repeating: 1, count: n * n), theta: [Float](repeating: 0.5, count: n))
        #expect(WakePhase.storedPatterns(net, patterns) == [0, 1, 2])
        w[5 * n + 4] = 0.1   // neuron 5 no longer reaches threshold in pattern {4, 5}
        net.load(factor0: w, factor1: [Float](repeating: 1, count: n * n), theta: [Float](repeating: 0.5, count: n))
        #expect(WakePhase.storedPatterns(net, patterns) == [0, 1])
    }

    @Test func learningRateRamp() {
        let p = WakeSleepScale.paper.parameters(load: .high)
        #expect(p.sleepRate(epoch: 0) == 0.01)
        #expect(abs(Double(p.sleepRate(epoch: 40)) - (0.01 + 0.39 * (1 - exp(-1.0)))) < 1e-6)
        #expect(abs(Double(p.sleepRate(epoch: 2000)) - 0.4) < 1e-6)
        #expect(p.m == 500 && WakeSleepScale.paper.parameters(load: .low).m == 200)
        #expect(p.activeCount == 50)
    }

    @Test func exactPatternsHaveExactlyKActiveUnits() {
        var rng = Xoshiro256(seed: 7, stream: 1)
        let p = SparsePatterns.exact(n: 1000, m: 50, f: 0.05, rng: &rng)
        for a in p.active {
            #expect(a.count == 50)
            #expect(Set(a).count == 50)
        }
    }

    @Test func sleepKeepsTheNormAndTheStoredPatterns() {
        let n = 200
        let (net, patterns) = wokenNetwork(n: n, m: 10, seed: 3)
        let kept = WakePhase.storedPatterns(net, patterns)
        #expect(kept.count > 5)
        let sleep = SleepPhase(net: net, patterns: patterns.subset(kept), beta: 20, length: 14)
        for e in 0..<50 { sleep.step(eta: Float(0.01 + 0.39 * (1 - exp(-Double(e) / 40)))) }
        // Σ_{j,k} U² = L z per neuron after every normalisation.
        let u0 = net.factorMatrix(0), u1 = net.factorMatrix(1)
        for i in [0, 17, 199] {
            var s = 0.0
            for j in 0..<n { s += Double(u0[i * n + j] * u0[i * n + j]) + Double(u1[i * n + j] * u1[i * n + j]) }
            #expect(abs(s - 28) < 1e-3)
        }
        sleep.computeField()
        #expect(sleep.stats.errorCount == 0)
    }

    /// The field is the plain sum of the active columns in pattern order, bit for bit (what
    /// the sparse phase's argument in AliveColumns relies on).
    @Test func fieldIsTheColumnSum() {
        let n = 200
        var rng = Xoshiro256(seed: 11, stream: 1)
        let patterns = SparsePatterns.exact(n: n, m: 13, f: 0.05, rng: &rng)
        let net = WakeSleepNetwork(n: n)
        for c in 0..<(n * n) { net.u0[c] = Float(rng.uniform()); net.u1[c] = Float(rng.uniform()) }
        net.recomputeWeights()
        net.theta = (0..<n).map { _ in Float(rng.uniform()) }
        let h = SparseField.compute(net, patterns)
        for mu in 0..<patterns.m {
            for i in 0..<n {
                var v: Float = 0
                for j in patterns.active[mu] { v += net.w[Int(j) * n + i] }
                v -= net.theta[i]
                #expect(h[mu * n + i].bitPattern == v.bitPattern, "H[\(mu), \(i)]")
            }
        }
    }

    /// The sparse phase (alive synapses only) must give the dense loops' bits: the same
    /// factors, weights, θ, norms and field after every epoch, while pruning proceeds.
    @Test func sparsePhaseGivesTheDenseBits() {
        let n = 200, f = 0.05
        func woken() -> (WakeSleepNetwork, SparsePatterns) {
            let (net, patterns) = wokenNetwork(n: n, m: 30, f: f, seed: 5)
            return (net, patterns.subset(WakePhase.storedPatterns(net, patterns)))
        }
        let (netD, storedD) = woken(), (netS, storedS) = woken()
        let dense = SleepPhase(net: netD, patterns: storedD, beta: 20, length: 14)
        let sparse = SleepPhase(net: netS, patterns: storedS, beta: 20, length: 14)
        dense.sparseBelowAliveFraction = 0
        sparse.sparseBelowAliveFraction = 1.01   // sparse from the first update
        func bits(_ p: UnsafeMutablePointer<Float>) -> [UInt32] { (0..<(n * n)).map { p[$0].bitPattern } }
        let aliveBefore = dense.alive.reduce(0, +)
        for e in 0..<400 {
            let eta = Float(0.01 + 0.39 * (1 - exp(-Double(e) / 40)))
            dense.step(eta: eta); sparse.step(eta: eta)
            guard e % 50 == 49 else { continue }
            #expect(sparse.isSparse && !dense.isSparse)
            sparse.synchroniseNetwork(); dense.synchroniseNetwork()
            #expect(bits(netS.u0) == bits(netD.u0), "factor 0 differs after epoch \(e)")
            #expect(bits(netS.u1) == bits(netD.u1), "factor 1 differs after epoch \(e)")
            #expect(bits(netS.w) == bits(netD.w), "W differs after epoch \(e)")
            #expect(netS.theta == netD.theta && sparse.l1 == dense.l1 && sparse.l2sq == dense.l2sq && sparse.alive == dense.alive)
            dense.computeField(); sparse.computeField()
            #expect((0..<(storedD.m * n)).allSatisfy { dense.field[$0].bitPattern == sparse.field[$0].bitPattern })
        }
        // The comparison covered real pruning.
        #expect(Double(dense.alive.reduce(0, +)) < 0.6 * Double(aliveBefore))
    }

    /// A sleep epoch on several threads gives one thread's bits, in the dense loops and in
    /// the sparse phase: the field is split by pattern, the other loops by neuron (N = 200
    /// with 3 and 7 threads leaves blocks of unequal sizes).
    @Test(arguments: [0, 1.01])
    func sleepHasTheSameBitsForAnyThreadCount(sparseBelow: Double) {
        let n = 200, f = 0.05
        func sleeping(threads: Int) -> SleepPhase {
            let (net, patterns) = wokenNetwork(n: n, m: 30, f: f, seed: 5)
            let sleep = SleepPhase(net: net, patterns: patterns.subset(WakePhase.storedPatterns(net, patterns)), beta: 20, length: 14)
            sleep.sparseBelowAliveFraction = sparseBelow
            sleep.threads = threads
            return sleep
        }
        let one = sleeping(threads: 1), others = [sleeping(threads: 3), sleeping(threads: 7)]
        func bits(_ p: UnsafeMutablePointer<Float>) -> [UInt32] { (0..<(n * n)).map { p[$0].bitPattern } }
        let aliveBefore = one.alive.reduce(0, +)
        for e in 0..<300 {
            let eta = Float(0.01 + 0.39 * (1 - exp(-Double(e) / 40)))
            one.step(eta: eta)
            for o in others { o.step(eta: eta) }
            guard e % 60 == 59 else { continue }
            one.synchroniseNetwork()
            one.computeField()
            for o in others {
                #expect(o.isSparse == one.isSparse && one.isSparse == (sparseBelow > 1))
                o.synchroniseNetwork()
                o.computeField()
                // (Booleans first: a failed array comparison would print both arrays.)
                let factors = bits(o.net.u0) == bits(one.net.u0) && bits(o.net.u1) == bits(one.net.u1)
                let weights = bits(o.net.w) == bits(one.net.w)
                let theta = o.net.theta.map(\.bitPattern) == one.net.theta.map(\.bitPattern)
                let norms = o.l1 == one.l1 && o.l2sq == one.l2sq && o.alive == one.alive
                let stats = o.stats.minG.map(\.bitPattern) == one.stats.minG.map(\.bitPattern) && o.stats.meanAbs == one.stats.meanAbs
                    && o.stats.wrongBits == one.stats.wrongBits && o.stats.errorCount == one.stats.errorCount
                let field = (0..<(one.patterns.m * n)).allSatisfy { o.field[$0].bitPattern == one.field[$0].bitPattern }
                #expect(factors && weights && theta && norms && stats && field,
                        "epoch \(e), \(o.threads) threads: factors \(factors), W \(weights), θ \(theta), norms \(norms), statistics \(stats), field \(field)")
            }
        }
        #expect(Double(one.alive.reduce(0, +)) < 0.6 * Double(aliveBefore))
    }
}

@Suite struct WakeSleepRunTests {
    @Test func tinyRunIsDeterministicAndConsolidates() throws {
        let p = WakeSleepScale.tiny.parameters(load: .low)
        let a = try WakeSleepModel.produce(p)
        let b = try WakeSleepModel.produce(p)
        let differing = a.arrays.keys.filter { a.arrays[$0] != b.arrays[$0] }.sorted()
        #expect(differing.isEmpty, "arrays differ between identical runs: \(differing)")
        #expect(a.values == b.values)
        let stored = a.values["m_stored"]!
        #expect(stored >= 1 && stored <= Double(p.m))
        // Sleep prunes and raises the margin.
        #expect(a.values["l0_mean_after"]! < a.values["l0_mean_before"]!)
        #expect(a.values["min_margin_mean_after"]! > a.values["min_margin_mean_before"]!)
        #expect(a.arrays["w_end"]!.shape == [p.n, p.n])
        #expect(a.arrays["radius"]!.shape == [min(p.radiusEpochs, p.sleepEpochs), Int(stored)])
    }

    /// The whole tiny run (wake, sleep through its sparse phase, recordings, tolerance curves)
    /// with 3 threads gives the bytes of 1 thread. (The sleep-only test above missed a race
    /// in the sparse phase's update that this run showed.)
    @Test func tinyRunHasTheSameBytesForAnyThreadCount() throws {
        let p = WakeSleepScale.tiny.parameters(load: .low)
        var options = WakeSleepModel.Options()
        let one = try WakeSleepModel.produce(p, options: options)
        options.threads = 3
        let three = try WakeSleepModel.produce(p, options: options)
        let differing = one.arrays.keys.filter { one.arrays[$0] != three.arrays[$0] }.sorted()
        #expect(differing.isEmpty, "arrays differ between 1 and 3 threads: \(differing)")
        #expect(one.values == three.values)
    }

    @Test func resumedRunGivesTheSameBytes() throws {
        var p = WakeSleepScale.tiny.parameters(load: .low)
        p.sleepEpochs = 60
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ws-ckpt-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        var options = WakeSleepModel.Options()
        options.checkpoint = dir
        options.interruptAfterEpochs = 25
        #expect(throws: WakeSleepModel.Interrupted.self) { _ = try WakeSleepModel.produce(p, options: options) }
        options.interruptAfterEpochs = nil
        let resumed = try WakeSleepModel.produce(p, options: options)
        let straight = try WakeSleepModel.produce(p)
        #expect(resumed.arrays.keys.sorted() == straight.arrays.keys.sorted())
        let differing = straight.arrays.keys.filter { resumed.arrays[$0] != straight.arrays[$0] }.sorted()
        #expect(differing.isEmpty, "arrays differ after resume: \(differing)")
        #expect(straight.earlier == nil)
        let earlier = try #require(resumed.earlier)
        #expect(earlier.processes == 1 && earlier.cpuSeconds > 0 && earlier.wallSeconds > 0)
    }
}

/// The effects Figure 3 must show, at the default scale (minutes; opt in with TEST_LONG=1).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TEST_LONG"] == "1"))
struct WakeSleepLongTests {
    @Test func defaultScaleShowsTheConsolidationEffects() throws {
        for load in WakeSleepLoad.allCases {
            let p = WakeSleepScale.default.parameters(load: load)
            let r = try WakeSleepModel.produce(p)
            let v = r.values
            if load == .high {
                #expect(v["m_stored"]! < Double(p.m) && v["m_stored"]! > 0.8 * Double(p.m))
                #expect(v["l0_mean_after"]! < 0.2)
            } else {
                #expect(v["m_stored"]! == Double(p.m))
            }
            #expect(v["l0_mean_after"]! < 0.1 * v["l0_mean_before"]! * 2)
            let margin = r.arrays["epoch_min_margin_mean"]!.doubles
            #expect(margin.max()! > margin.last!)                 // rises, then settles lower
            #expect(margin.last! > 3 * margin.first!)
            let within = r.arrays["series_corr_within"]!.doubles.last!
            let across = r.arrays["series_corr_across"]!.doubles.last!
            #expect(within > 0.95 && abs(across) < 0.05)
            for type in ["neural_balanced", "synaptic_first"] {
                let before = r.arrays["tolerance_before_\(type)_recall"]!.doubles.reduce(0, +)
                let after = r.arrays["tolerance_after_\(type)_recall"]!.doubles.reduce(0, +)
                #expect(after > before, "\(load) \(type): area under recall after \(after) <= before \(before)")
            }
        }
    }
}

/// A network after the wake phase of docs/methods.md §2.3 (35 passes, u0 = 0.6) on `m` exact
/// patterns of `n` units drawn from stream 1 of `seed`; returns it with all the patterns.
func wokenNetwork(n: Int, m: Int, f: Double = 0.05, seed: UInt64, eta: Float = 0.01) -> (WakeSleepNetwork, SparsePatterns) {
    var rng = Xoshiro256(seed: seed, stream: 1)
    let patterns = SparsePatterns.exact(n: n, m: m, f: f, rng: &rng)
    let net = WakeSleepNetwork(n: n)
    WakePhase.start(net, u0: 0.6, f: f)
    for _ in 0..<35 { for mu in 0..<patterns.m { WakePhase.present(net, active: patterns.active[mu], eta: eta, f: f) } }
    return (net, patterns)
}
