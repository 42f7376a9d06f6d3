import Foundation
import Sim
import Testing

@Suite struct FluctuationSimulationTests {
    func tinyRun(seed: UInt64 = 1, z: [Int] = [1, 2, 3, 4, 5], n: Int = 100, t: Int = 20) throws -> FluctuationRun {
        var p = FluctuationParameters(synapses: n, duration: t, seed: seed)
        p.zValues = z
        return try FluctuationSimulation.run(p)
    }

    @Test func shapesAndDeterminism() throws {
        let a = try tinyRun()
        let b = try tinyRun()
        #expect(a.populations.map(\.z) == [1, 2, 3, 4, 5])
        for (pa, pb) in zip(a.populations, b.populations) {
            #expect(pa.w.rows == 100 && pa.w.cols == 20)
            #expect(pa.w.values == pb.w.values)
            #expect(pa.alive.count == 20 && pa.mean.count == 20 && pa.std.count == 20)
        }
        let c = try tinyRun(seed: 2)
        #expect(c.populations[0].w.values != a.populations[0].w.values)
    }

    @Test func noiseIsSharedAndIndependentOfOtherPopulations() throws {
        // The z = 2 population sees the same noise whether or not the others run.
        let all = try tinyRun()
        let alone = try tinyRun(z: [2])
        #expect(all.population(z: 2)!.w.values == alone.populations[0].w.values)
    }

    @Test func noiseBlocksFollowTheirOwnStreams() {
        // Each block of synapses draws from its own stream (seed, block) in step order, so the
        // noise equals a sequential draw per block: it cannot depend on the thread count or on
        // how the steps are chunked.
        let n = 300, steps = 4, B = SharedNoise.blockSize
        var noise = SharedNoise(synapses: n, seed: 9)
        var whole = [Double](repeating: 0, count: steps * n * 2)
        noise.fill(&whole, steps: steps)
        for b in 0..<((n + B - 1) / B) {
            var rng = Xoshiro256(seed: 9, stream: UInt64(b))
            for step in 0..<steps {
                for i in (b * B)..<min(b * B + B, n) {
                    #expect(whole[(step * n + i) * 2] == rng.normal() && whole[(step * n + i) * 2 + 1] == rng.normal())
                }
            }
        }
        var chunked = SharedNoise(synapses: n, seed: 9)
        var part = [Double](repeating: 0, count: 2 * n * 2)
        chunked.fill(&part, steps: 1)
        #expect(Array(part[0..<(n * 2)]) == Array(whole[0..<(n * 2)]))
        chunked.fill(&part, steps: 2)
        #expect(part == Array(whole[(n * 2)..<(3 * n * 2)]))
        // Synapses of a full block get the same noise whatever N is.
        var smaller = SharedNoise(synapses: 200, seed: 9)
        var few = [Double](repeating: 0, count: steps * 200 * 2)
        smaller.fill(&few, steps: steps)
        for step in 0..<steps {
            #expect(Array(few[(step * 200 * 2)..<((step * 200 + B) * 2)]) == Array(whole[(step * n * 2)..<((step * n + B) * 2)]))
        }
    }

    @Test func firstStepIsTheSameForEveryZ() {
        // At the start every factor is 1, so slow = 1 and h = 0: u_0 moves identically for
        // every z when the noise is shared.
        var p = FluctuationParameters(synapses: 3, duration: 1, seed: 0)
        p.dt = 0.01
        let noise: [Double] = [0.3, -1.2, 2.0, 0.5, -0.7, 0.1]
        var u0s: [[Double]] = []
        for z in 1...4 {
            var pop = FactorPopulation(z: z, synapses: 3)
            noise.withUnsafeBufferPointer { pop.step(noise: $0.baseAddress!, p) }
            u0s.append(Array(pop.u[0..<3]))
            // Expected by hand: u0 = 1 + σ((1−κ)ξ0 + κξ1)√dt + bσ·dt.
            for i in 0..<3 {
                let e = 1 + 0.05 * (0.5 * noise[2 * i] + 0.5 * noise[2 * i + 1]) * 0.1 + 0.1 * 0.05 * 0.01
                #expect(abs(pop.u[i] - e) < 1e-15)
                // Slow factors move towards the new u_0 by (u_0 − 1)·dt/τ.
                for k in 1..<z { #expect(abs(pop.u[k * 3 + i] - (1 + (e - 1) * 0.01 / 30)) < 1e-15) }
            }
        }
        #expect(u0s.allSatisfy { $0 == u0s[0] })
    }

    @Test func deadSynapsesStayDead() {
        // Strong noise kills synapses quickly.
        var p = FluctuationParameters(synapses: 200, duration: 1, seed: 4)
        p.sigma = 3
        var g = Xoshiro256(seed: 4)
        for z in [1, 3] {
            var pop = FactorPopulation(z: z, synapses: 200)
            var everDead = [Bool](repeating: false, count: 200)
            for _ in 0..<400 {
                let noise = (0..<400).map { _ in g.normal() }
                noise.withUnsafeBufferPointer { pop.step(noise: $0.baseAddress!, p) }
                for i in 0..<200 {
                    if everDead[i] {
                        #expect(pop.w[i] == 0)
                        for k in 0..<z { #expect(pop.u[k * 200 + i] == 0) }
                    }
                    if pop.w[i] == 0 { everDead[i] = true }
                    #expect(pop.w[i] >= 0)
                }
            }
            #expect(everDead.contains(true))
            #expect(pop.aliveCount == everDead.filter { !$0 }.count)
        }
    }

    @Test func homeostasisHoldsMeanOfWToTheTwoOverZ() throws {
        let run = try tinyRun(n: 300, t: 30)
        for pop in run.populations {
            for s in 0..<pop.w.cols {
                var sum = 0.0, n = 0
                for i in 0..<pop.w.rows where pop.w[i, s] > 0 {
                    sum += FactorPopulation.homeostaticPower(pop.w[i, s], z: pop.z); n += 1
                }
                #expect(abs(sum / Double(n) - 1) < 0.05, "z=\(pop.z) sample \(s): \(sum / Double(n))")
            }
            // Recorded per-sample statistics agree with the stored weights.
            let last = pop.w.cols - 1
            let alive = (0..<pop.w.rows).filter { pop.w[$0, last] > 0 }
            #expect(pop.alive[last] == Double(alive.count) / Double(pop.w.rows))
            let m = alive.map { pop.w[$0, last] }.reduce(0, +) / Double(alive.count)
            #expect(abs(pop.mean[last] - m) < 1e-12)
        }
    }

    @Test func slowFactorsStayEqual() {
        // Every slow factor obeys the same update from the same start.
        var p = FluctuationParameters(synapses: 50, duration: 1, seed: 0)
        p.sigma = 0.5
        var g = Xoshiro256(seed: 8)
        var pop = FactorPopulation(z: 4, synapses: 50)
        for _ in 0..<500 {
            let noise = (0..<100).map { _ in g.normal() }
            noise.withUnsafeBufferPointer { pop.step(noise: $0.baseAddress!, p) }
        }
        for i in 0..<50 {
            #expect(pop.u[50 + i] == pop.u[100 + i] && pop.u[100 + i] == pop.u[150 + i])
        }
    }

    @Test func resultIsCachedAndReloaded() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fluct-\(UUID().uuidString)/r")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        var p = FluctuationParameters(scale: .tiny, seed: 3, duration: 10)
        p.synapses = 40
        let a = try FluctuationStore.produceOrLoad(dir, parameters: p)
        let stored = try ResultStore.load(dir)
        #expect(try stored.array("w_z3").shape == [40, 10])
        #expect(try stored.array("alive_z5").shape == [10])
        #expect(stored.sidecar.model == "fluctuations")
        let b = try FluctuationStore.produceOrLoad(dir, parameters: p)
        #expect(a.populations.map(\.w) == b.populations.map(\.w))
        var other = p; other.seed = 4
        #expect(throws: ResultError.self) { try FluctuationStore.produceOrLoad(dir, parameters: other) }
        var bad = p; bad.synapses = 0
        #expect(throws: FluctuationError.self) { try FluctuationStore.produceOrLoad(dir, parameters: bad) }
        // Load only: the stored run comes back; other parameters or no result are errors.
        #expect(try FluctuationStore.load(dir, parameters: p).populations.map(\.w) == a.populations.map(\.w))
        #expect(throws: ResultError.self) { try FluctuationStore.load(dir, parameters: other) }
        #expect(throws: ResultError.self) { try FluctuationStore.load(dir.appendingPathComponent("none"), parameters: p) }
    }
}

@Suite struct FluctuationPoolingTests {
    @Test func poolingStacksSynapsesAndRecomputesFractions() throws {
        var p1 = FluctuationParameters(synapses: 30, duration: 5, seed: 1)
        p1.zValues = [1, 3]
        var p2 = p1; p2.seed = 2; p2.synapses = 20
        let a = try FluctuationSimulation.run(p1), b = try FluctuationSimulation.run(p2)
        let pooled = try FluctuationRun.pooled([a, b])
        #expect(pooled.parameters.synapses == 50)
        for (k, pop) in pooled.populations.enumerated() {
            #expect(pop.w.rows == 50)
            #expect(Array(pop.w.values[0..<(30 * 5)]) == a.populations[k].w.values)
            let expected = (a.populations[k].alive[4] * 30 + b.populations[k].alive[4] * 20) / 50
            #expect(abs(pop.alive[4] - expected) < 1e-12)
        }
        var p3 = p1; p3.duration = 6
        #expect(throws: FluctuationError.self) { try FluctuationRun.pooled([a, try FluctuationSimulation.run(p3)]) }
    }
}

/// Opt-in (TEST_LONG=1): a T = 200 paper-size run, where every population survives and the
/// released script gives q_min ≈ 2/z.
@Suite struct FluctuationLongTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TEST_LONG"] == "1"))
    func qMinFollowsTwoOverZAtT200() throws {
        let run = try FluctuationSimulation.run(FluctuationParameters(synapses: 1000, duration: 200, seed: 1))
        var o = FluctuationAnalysisOptions()
        o.resamples = 200
        o.lags = [2]
        for pop in run.populations {
            #expect(pop.finalAliveFraction > 0.9)
            let a = try FluctuationAnalysis.analyse(pop, data: nil, options: o)
            let q = try #require(a.norm).qMinMean
            #expect(abs(q - 2 / Double(pop.z)) < 0.15, "z=\(pop.z): q_min \(q)")
            let s = try #require(a.slopes(lag: 2))
            if pop.z == 1 { #expect(abs(s.potentiation.slope) < 0.2 && abs(s.depression.slope) < 0.2) }
            if pop.z >= 2 { #expect(s.potentiation.slope > 0.4 && s.depression.slope > 0.4) }
        }
    }
}
