import Foundation
import Testing
import Sim

@Suite struct AttractorRobustnessTests {
    // A 3-cycle: neuron i copies neuron i+1 (mod 3), θ = ½. From (1,1,0):
    // S1 = (1,0,1), S2 = (0,1,1), S3 = (1,1,0). Read-out after n steps is H of S_n:
    // n=1: (1,0,1) vs target (1,1,0): 2 wrong; n=2: (0,1,1): 2 wrong; n=3: (1,1,0): 0.
    @Test func stepCountingOnACycle() {
        let net = attractorHandNetwork([[0, 1, 0], [0, 0, 1], [1, 0, 0]], theta: [0.5, 0.5, 0.5])
        let tester = RobustnessTester(net: net, patterns: attractorPatterns([[1, 1, 0]]))
        let r = tester.tolerance(type: .neuralIso, level: 0, nTests: 4, stepCounts: [1, 2, 3, 4], seed: 1, levelIndex: 0)
        let twoThirds: Double = 2.0 / 3
        let expectedError: [Double] = [twoThirds, twoThirds, 0, twoThirds]
        let expectedRecall: [Double] = [0, 0, 1, 0]
        #expect(r.map(\.error) == expectedError)
        // Recall threshold 0.2·N·f = 0.3 wrong bits.
        #expect(r.map(\.recall) == expectedRecall)
    }

    @Test func balancedNoiseAtHalfInvertsEveryBit() {
        // Identity weights: every state is a fixed point, so the read-out is the start state.
        // neural-balanced at p = f = ½ flips active bits with p/f = 1 and inactive with 1.
        let net = attractorHandNetwork([[1, 0, 0], [0, 1, 0], [0, 0, 1]], theta: [0.5, 0.5, 0.5])
        let tester = RobustnessTester(net: net, patterns: attractorPatterns([[1, 0, 1], [0, 1, 0]]))
        let clean = tester.tolerance(type: .neuralBalanced, level: 0, nTests: 3, stepCounts: [1, 50], seed: 1, levelIndex: 0)
        #expect(clean == [RecallReadout(recall: 1, error: 0), RecallReadout(recall: 1, error: 0)])
        let inverted = tester.tolerance(type: .neuralBalanced, level: 0.5, nTests: 3, stepCounts: [1, 50], seed: 1, levelIndex: 1)
        #expect(inverted == [RecallReadout(recall: 0, error: 1), RecallReadout(recall: 0, error: 1)])
        let iso = tester.tolerance(type: .neuralIso, level: 1, nTests: 3, stepCounts: [50], seed: 1, levelIndex: 2)
        #expect(iso == [RecallReadout(recall: 0, error: 1)])
    }

    @Test func recallWorkCountsTheMovingPatterns() {
        // The 3-cycle never leaves the block: one product per step up to the last read-out.
        let cycle = RobustnessTester(net: attractorHandNetwork([[0, 1, 0], [0, 0, 1], [1, 0, 0]], theta: [0.5, 0.5, 0.5]),
                                     patterns: attractorPatterns([[1, 1, 0]]))
        var w = cycle.recallWork(type: .neuralIso, level: 0, nTests: 4, stepCounts: [1, 2, 3, 4], seed: 1, levelIndex: 0)
        #expect((w.rows, w.products) == (4, 4))
        // Identity weights: both patterns are fixed points after the first product, in each of 3 noisy tests.
        let identity = RobustnessTester(net: attractorHandNetwork([[1, 0, 0], [0, 1, 0], [0, 0, 1]], theta: [0.5, 0.5, 0.5]),
                                        patterns: attractorPatterns([[1, 0, 1], [0, 1, 0]]))
        w = identity.recallWork(type: .neuralBalanced, level: 0.5, nTests: 3, stepCounts: [1, 50], seed: 1, levelIndex: 1)
        #expect((w.rows, w.products) == (6, 3))
    }

    @Test func signZeroCountsHalf() {
        // W = I, θ = 1: h = S − 1 is 0 on active bits (half wrong) and −1 on inactive (right).
        let net = attractorHandNetwork([[1, 0, 0], [0, 1, 0], [0, 0, 1]], theta: [1, 1, 1])
        let tester = RobustnessTester(net: net, patterns: attractorPatterns([[1, 1, 0]]))
        let r = tester.tolerance(type: .neuralIso, level: 0, nTests: 1, stepCounts: [1], seed: 1, levelIndex: 0)
        #expect(r[0].error == 1.0 / 3)
    }

    @Test func synapticNoiseStatisticsAndPrunedSynapses() {
        // z = 1, N = 40: alive weights 0.5, row 0 pruned (1e-20), diagonal 0.
        let n = 40
        var rows = [[Float]](repeating: [Float](repeating: 0.5, count: n), count: n)
        for j in 0..<n { rows[0][j] = 1e-20 }
        for i in 0..<n { rows[i][i] = 0 }
        let net = attractorHandNetwork(rows, theta: [Float](repeating: 0, count: n))
        let pats = PatternSet(n: n, m: 1, f: 0.5, x: (0..<n).map { Float($0 % 2) })
        let tester = RobustnessTester(net: net, patterns: pats)
        let before = net.factors
        var rng = Xoshiro256(seed: 3, stream: 0)
        let sigma: Float = 0.05
        // first-alive: alive synapses get N(0, σ²); pruned ones and the diagonal stay at the floor.
        let w = tester.noisyWeights(type: .synapticFirstAlive, sigma: sigma, rng: &rng)
        var d = [Double]()
        for i in 1..<n { for j in 0..<n where j != i { d.append(Double(w[i * n + j]) - 0.5) } }
        let mean = d.reduce(0, +) / Double(d.count)
        let sd = (d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(d.count)).squareRoot()
        #expect(abs(mean) < 0.005)
        #expect(abs(sd - 0.05) < 0.004)
        #expect((0..<n).allSatisfy { w[$0] == 1e-20 })
        #expect((1..<n).allSatisfy { w[$0 * n + $0] == 1e-20 })
        // first: pruned synapses only move up.
        let wf = tester.noisyWeights(type: .synapticFirst, sigma: sigma, rng: &rng)
        #expect((0..<n).allSatisfy { wf[$0] >= 1e-20 })
        #expect((0..<n).filter { wf[$0] > 1e-3 }.count > n / 2)
        // all: the diagonal too.
        let wa = tester.noisyWeights(type: .synapticAll, sigma: sigma, rng: &rng)
        #expect((1..<n).filter { wa[$0 * n + $0] > 1e-3 }.count > n / 4)
        // The clean network is untouched.
        #expect(net.factors == before)
    }

    /// The noisy weights one normal at a time, per factor in order (the definition that
    /// RobustnessTester's block-wise loops must reproduce bit for bit).
    static func referenceNoisyWeights(_ net: SynapticNetwork, alive: [Bool], type: NoiseType, sigma: Float,
                                      rng: inout Xoshiro256) -> [Float] {
        var spare: Float? = nil
        func normal() -> Float {
            if let s = spare { spare = nil; return s }
            let (a, b) = rng.normalFloatPair()
            spare = b
            return a
        }
        let z = net.z
        return (0..<(net.n * net.n)).map { e in
            var prod: Float = 1
            for k in 0..<z {
                var v = net.u[e * z + k]
                switch type {
                case .synapticAll: v += sigma * normal()
                case .synapticFirst where k == 0: let x = sigma * normal(); v += alive[e] ? x : abs(x)
                case .synapticFirstAlive where k == 0 && alive[e]: v += sigma * normal()
                default: break
                }
                v = max(v, 1e-20)
                prod = k == 0 ? v : prod * v
            }
            // A product below Float's normal range is 0 (Subnormal.product: the noisy weights
            // never form subnormal numbers); the others are the plain Float products.
            return Subnormal.isSubnormal(prod) ? 0 : prod
        }
    }

    @Test(arguments: [1, 2, 4])
    func noisyWeightsAreTheNormalsInFactorOrder(z: Int) {
        // N = 70 (4900 synapses: several blocks of 1024 and a part block), a third pruned.
        let n = 70
        var rows = [[Float]](repeating: [], count: n)
        var pick = Xoshiro256(seed: 9, stream: 1)
        for i in 0..<n { rows[i] = (0..<n).map { j in j == i || pick.uniform() < 0.33 ? 1e-20 : Float(pick.uniform()) } }
        let net = attractorHandNetwork(rows, theta: [Float](repeating: 0, count: n), z: z)
        let tester = RobustnessTester(net: net, patterns: PatternSet(n: n, m: 1, f: 0.5, x: (0..<n).map { Float($0 % 2) }))
        let alive = net.aliveMask()
        for type in [NoiseType.synapticAll, .synapticFirst, .synapticFirstAlive] {
            var a = Xoshiro256(seed: 5, stream: 3), b = a
            let got = tester.noisyWeights(type: type, sigma: 0.3, rng: &a)
            let want = Self.referenceNoisyWeights(net, alive: alive, type: type, sigma: 0.3, rng: &b)
            #expect(got.map(\.bitPattern) == want.map(\.bitPattern), "\(type) z = \(z)")
        }
    }

    @Test func resultsDoNotDependOnThreads() {
        let p = AttractorScale.tiny.parameters(z: 2, load: AttractorLoad(0.1425))
        let t = AttractorPoint.makeTrainer(p)
        t.train(untilEpoch: 300)
        t.finish()
        let a = RobustnessTester(net: t.net, patterns: t.patterns, threads: 1)
        let b = RobustnessTester(net: t.net, patterns: t.patterns, threads: 3)
        for type in NoiseType.allCases {
            let ra = a.tolerance(type: type, level: 0.1, nTests: 5, stepCounts: [1, 50], seed: 9, levelIndex: 2)
            let rb = b.tolerance(type: type, level: 0.1, nTests: 5, stepCounts: [1, 50], seed: 9, levelIndex: 2)
            #expect(ra == rb)
        }
    }

    // A 2-cycle: two neurons copy each other, θ = ½. From (1,0): S1 = (0,1), S2 = (1,0), …
    // The read-out after n steps is H(W S_{n−1} − θ) = S_n: wrong for odd n, right for even.
    // A third and fourth neuron hold a fixed point, so one pattern stops at once while the
    // other cycles; both in sparse and dense mode.
    @Test func twoCycleReadOutsAreExactForLateStepCounts() {
        let net = attractorHandNetwork([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]],
                                       theta: [0.5, 0.5, 0.5, 0.5])
        let pats = attractorPatterns([[1, 0, 0, 0], [0, 0, 1, 0]], f: 0.25)
        let steps = [1, 2, 3, 4, 5, 50, 51]
        for sparse in [false, true] {
            let tester = RobustnessTester(net: net, patterns: pats, sparseStates: sparse)
            let r = tester.tolerance(type: .neuralIso, level: 0, nTests: 1, stepCounts: steps, seed: 1, levelIndex: 0)
            // Pattern 0 has 2 wrong bits of 4 at odd n; pattern 1 none: error 2/8 or 0.
            #expect(r.map(\.error) == steps.map { $0 % 2 == 1 ? 0.25 : 0 })
            #expect(r.map(\.recall) == steps.map { $0 % 2 == 1 ? 0.5 : 1 })
        }
    }

    // Sparse and dense dynamics agree: weights on a 1/64 grid make every sum exact in both,
    // so neural-noise read-outs are identical; synaptic noise breaks exactness, so there
    // the curves agree within sampling noise.
    @Test func sparseDynamicsMatchDense() {
        let n = 80, m = 12
        var rng = Xoshiro256(seed: 5, stream: 0)
        var rows = [[Float]](repeating: [Float](repeating: 0, count: n), count: n)
        for i in 0..<n { for j in 0..<n where j != i { rows[i][j] = Float(rng.next() % 64) / 64 } }
        var columns: [[Float]] = []
        for _ in 0..<m {
            var x = [Float](repeating: 0, count: n)
            for j in rng.permutation(n).prefix(8) { x[j] = 1 }
            columns.append(x)
        }
        let net = attractorHandNetwork(rows, theta: [Float](repeating: 3, count: n))
        let pats = attractorPatterns(columns, f: 0.1)
        let dense = RobustnessTester(net: net, patterns: pats)
        let sparse = RobustnessTester(net: net, patterns: pats, sparseStates: true)
        for level in [0.0, 0.02, 0.05] {
            for type in [NoiseType.neuralIso, .neuralBalanced] {
                let a = dense.tolerance(type: type, level: level, nTests: 4, stepCounts: [1, 3, 50], seed: 2, levelIndex: 1)
                let b = sparse.tolerance(type: type, level: level, nTests: 4, stepCounts: [1, 3, 50], seed: 2, levelIndex: 1)
                #expect(a == b)
            }
            for type in [NoiseType.synapticAll, .synapticFirst] {
                let a = dense.tolerance(type: type, level: level, nTests: 4, stepCounts: [1, 50], seed: 2, levelIndex: 1)
                let b = sparse.tolerance(type: type, level: level, nTests: 4, stepCounts: [1, 50], seed: 2, levelIndex: 1)
                for (x, y) in zip(a, b) {
                    #expect(abs(x.recall - y.recall) <= 0.1)
                    #expect(abs(x.error - y.error) <= 0.02)
                }
            }
        }
    }
}
