// The guard of Subnormal.swift, independent of the CPU: drive every model into a pruned
// state and count subnormal Float32 values in every operand of its products and element-wise
// passes (SubnormalAudit, fed by the models themselves). On AMD CPUs the slow path barely
// shows in timings, so the count, not a time, is what is tested. Each test also shows that
// the count sees a planted subnormal.

import Foundation
import Testing
import Sim

@Suite struct SubnormalGuardTests {
    /// A tiny network trained past its first prunings (and into the soft-min phase), with the
    /// trainer's audit attached from the first epoch.
    static func trainedNetwork(z: Int, softMinEpochs: Int = 3000) -> (AttractorTrainer, SubnormalAudit, AttractorParameters) {
        let p = AttractorScale.tiny.parameters(z: z, load: AttractorLoad(0.08))
        let t = AttractorPoint.makeTrainer(p)
        let audit = SubnormalAudit()
        t.operandAudit = audit
        var softMin = 0
        while softMin < softMinEpochs && t.epoch < 40_000 {
            if t.trainError == 0 { softMin += 1 }
            t.runEpoch()
        }
        return (t, audit, p)
    }

    @Test(arguments: [1, 2, 3, 4])
    func attractorTrainingAndToleranceTestsSeeNoSubnormal(z: Int) {
        let (t, audit, p) = Self.trainedNetwork(z: z)
        let n = p.n
        // The run covered pruning and the soft-min step.
        let alive = Double((0..<(n * n)).filter { t.net.w[$0] > pruneThreshold }.count) / Double(n * n)
        #expect(alive < 0.9, "z = \(z): alive \(alive)")
        #expect(t.trainError == 0)
        #expect(audit.examined["trainer W (field)", default: 0] >= 3000 * n * n)
        #expect(audit.examined["trainer g (factor update)", default: 0] > 0)
        #expect(audit.examined["trainer P (replay gradient)", default: 0] > 0)
        #expect(audit.total == 0, "z = \(z): \(audit.subnormals.filter { $0.value > 0 })")
        t.finish()
        if z == 2 {
            // The stored weights keep the subnormal 1e-40 of pruned synapses (panel 10) ...
            #expect(Subnormal.count(t.net.w, n * n) > 0)
        }
        // ... and the tolerance tests keep them out of their dynamics.
        let tester = RobustnessTester(net: t.net, patterns: t.patterns)
        let testAudit = SubnormalAudit()
        tester.operandAudit = testAudit
        for type in NoiseType.allCases {
            _ = tester.tolerance(type: type, level: type.isSynaptic ? 0.05 : 0.02, nTests: 3, stepCounts: [1, 10],
                                 seed: 3, levelIndex: 1)
        }
        #expect(testAudit.examined["tolerance W (dynamics)", default: 0] == (2 * 3 + 3 * 3) * n * n)
        #expect(testAudit.total == 0, "z = \(z): \(testAudit.subnormals)")
    }

    /// 1e-20 · 1e-20 in Float: the weight of a pruned z = 2 synapse.
    static let floorSquared = factorFloor * factorFloor

    @Test func auditCatchesAPlantedSubnormal() {
        let (t, audit, p) = Self.trainedNetwork(z: 2, softMinEpochs: 1500)
        let n = p.n
        #expect(audit.total == 0)
        // A pruned synapse's weight as the code before this guard held it: 1e-40.
        let e = (0..<(n * n)).first { $0 % (n + 1) != 0 && t.net.w[$0] == 0 }!
        t.net.w[e] = Self.floorSquared
        t.runEpoch()
        #expect(audit.subnormals["trainer W (field)"] == 1)
        // The tolerance tests' operand: plant one in the tester's clean W.
        t.finish()
        let tester = RobustnessTester(net: t.net, patterns: t.patterns)
        let testAudit = SubnormalAudit()
        tester.operandAudit = testAudit
        tester.cleanW[e] = Self.floorSquared
        _ = tester.tolerance(type: .neuralIso, level: 0.02, nTests: 2, stepCounts: [1], seed: 1, levelIndex: 0)
        #expect(testAudit.subnormals["tolerance W (dynamics)"] == 2)
    }

    @Test func noisyWeightsFormNoSubnormal() {
        // Factors of pruned synapses at the floor: noisy products of two or more floors fall
        // below the normal range; they must be 0, and the others the plain Float products.
        let (t, _, _) = Self.trainedNetwork(z: 3, softMinEpochs: 1500)
        t.finish()
        let tester = RobustnessTester(net: t.net, patterns: t.patterns)
        for type in [NoiseType.synapticAll, .synapticFirst, .synapticFirstAlive] {
            var rng = Xoshiro256(seed: 9, stream: 2)
            let w = tester.noisyWeights(type: type, sigma: 0.3, rng: &rng)
            #expect(Subnormal.count(w) == 0, "\(type)")
            #expect(w.contains(0))
        }
        #expect(Subnormal.product(1e-20, 1e-20) == 0)
        #expect(Subnormal.product(3e-19, 0.7) == Float(3e-19) * Float(0.7))
        #expect(Subnormal.product(1e-19, 1.2e-19) == Float(1e-19) * Float(1.2e-19))   // 1.2e-38: normal
        #expect(Subnormal.product(1e-19, 1.1e-19) == 0)                                // 1.1e-38: not
    }

    /// Wake, then sleep through its dense phase and its sparse phase: every operand of the
    /// field, the soft-min, the replay gradient and the factor update, and the tolerance
    /// tests of the slept network.
    @Test func wakeSleepSeesNoSubnormal() {
        let n = 200
        let (net, patterns) = wokenNetwork(n: n, m: 30, seed: 5)
        #expect(Subnormal.count(net.w, n * n) == 0)
        let stored = patterns.subset(WakePhase.storedPatterns(net, patterns))
        let sleep = SleepPhase(net: net, patterns: stored, beta: 20, length: 14)
        let audit = SubnormalAudit()
        sleep.operandAudit = audit
        let aliveBefore = sleep.alive.reduce(0, +)
        var denseWithPruned = 0
        for e in 0..<500 {
            sleep.step(eta: Float(0.01 + 0.39 * (1 - exp(-Double(e) / 40))))
            if !sleep.isSparse && sleep.alive.reduce(0, +) < aliveBefore { denseWithPruned += 1 }
        }
        #expect(denseWithPruned > 10, "the dense phase ran with pruned synapses")
        #expect(sleep.isSparse)
        #expect(audit.examined["sleep W (field, sparse phase)", default: 0] > 0)
        #expect(audit.total == 0, "\(audit.subnormals.filter { $0.value > 0 })")
        // The network as read keeps the dense arithmetic's dead weights (1e-40/r_i²) ...
        sleep.synchroniseNetwork()
        #expect(Subnormal.count(net.w, n * n) > 0)
        // ... which the tolerance tests read as 0.
        // As WakeSleepModel builds the tester of its tolerance curves.
        let copy = net.synapticNetwork()
        SynapseOps.rescaleMeanU(copy)
        let tester = RobustnessTester(net: copy, patterns: stored.patternSet, sparseStates: true)
        let testAudit = SubnormalAudit()
        tester.operandAudit = testAudit
        for type in [NoiseType.neuralBalanced, .synapticFirst] {
            _ = tester.tolerance(type: type, level: 0.05, nTests: 2, stepCounts: [1, 10], seed: 1, levelIndex: 0)
        }
        #expect(testAudit.total == 0, "\(testAudit.subnormals)")

        // Planted: a dead weight at 1e-40 in the dense loops' W.
        let dense = SleepPhase(net: net, patterns: stored, beta: 20, length: 14)
        dense.sparseBelowAliveFraction = 0
        let plantedAudit = SubnormalAudit()
        dense.operandAudit = plantedAudit
        let e = (0..<(n * n)).first { $0 % (n + 1) != 0 && net.w[$0] <= pruneThreshold }!
        dense.step(eta: 0.1)
        #expect(plantedAudit.total == 0)
        net.w[e] = Self.floorSquared
        dense.computeField()
        #expect(plantedAudit.subnormals["sleep W (field)"] == 1)
    }

    /// Waking with a rate high enough to kill synapses: W holds no subnormal while waking,
    /// and `completeHeldWeights` gives back the dense arithmetic's W = U0·U1 (1e-40 where dead).
    @Test func wakeHoldsDeadWeightsAtZero() {
        // The default high load's ratio (M = N/2, f = 0.05) at N = 200.
        let n = 200
        // The smallest of these rates that kills synapses at this size.
        var net = WakeSleepNetwork(n: n), dead: [Int] = []
        for eta: Float in [0.01, 0.03, 0.1, 0.3, 1] where dead.count <= 10 {
            net = wokenNetwork(n: n, m: 100, seed: 8, eta: eta).0
            dead = (0..<(n * n)).filter { $0 % (n + 1) != 0 && net.w[$0] <= pruneThreshold }
        }
        #expect(dead.count > 10, "synapses died while waking")
        #expect(Subnormal.count(net.w, n * n) == 0)
        net.completeHeldWeights()
        #expect((0..<(n * n)).allSatisfy { net.w[$0] == net.u0[$0] * net.u1[$0] })
        #expect(dead.allSatisfy { net.w[$0] == Self.floorSquared })
    }

    /// The fluctuation model is Double throughout; dead synapses are exact zeros. Driven hard
    /// enough for populations to die, its state holds no subnormal Double.
    @Test func fluctuationsSeeNoSubnormal() {
        var p = FluctuationParameters(synapses: 300, duration: 60, seed: 4)
        p.sigma = 0.3
        var noise = SharedNoise(synapses: p.synapses, seed: p.seed)
        var buffer = [Double](repeating: 0, count: p.synapses * 2)
        var pops = [1, 2, 3, 4, 5].map { FactorPopulation(z: $0, synapses: p.synapses) }
        for step in 1...(p.samples * p.stepsPerSample) {
            noise.fill(&buffer, steps: 1)
            buffer.withUnsafeBufferPointer { b in for k in pops.indices { pops[k].step(noise: b.baseAddress!, p) } }
            if step % 1000 == 0 {
                for pop in pops {
                    #expect(Subnormal.count(pop.u) == 0 && Subnormal.count(pop.w) == 0, "z = \(pop.z) step \(step)")
                }
            }
        }
        #expect(pops.contains { $0.aliveCount < p.synapses }, "some synapses died")
        #expect(Subnormal.count([Double.leastNonzeroMagnitude, 1, 0]) == 1)
    }
}
