// `bench floor`, the synaptic fluctuations (Figures 5–6) against their floor
// (FloorBench.swift says how a floor is counted).

import ArgumentParser
import Foundation
import Sim

enum FluctuationFloors {
    /// FluctuationSimulation.run at the paper's size (5 populations z = 1…5 of 1000 synapses,
    /// dt = 0.005), twice; the time is scaled to T = 999 when `duration` is shorter.
    static func rows(duration: Int) throws -> ([FloorRow], [String]) {
        let p = FluctuationParameters(scale: .paper, seed: 1, duration: duration)
        let paperT = FluctuationScale.paper.defaultDuration
        let scale = Double(paperT) / Double(duration)
        var cpu = 0.0, wall = 0.0
        for r in 0..<2 {
            progress("fluctuations: run \(r + 1) of 2, T = \(duration)")
            let c0 = ProcessCPU.seconds(), t0 = Clock.now()
            _ = try FluctuationSimulation.run(p)
            cpu += ProcessCPU.seconds() - c0
            wall += Clock.now() - t0
        }
        cpu /= 2; wall /= 2
        let N = Double(p.synapses), steps = Double(paperT * p.stepsPerSample)
        var w = Work()
        // Noise: two Double normals per synapse and step, shared by the five populations.
        w.doubleNormals = 2 * N * steps
        // Per synapse and step of population z: the slow product (z − 1), the fast factor's
        // Euler step (≈ 12 ops), each slow factor's step, clip and product (≈ 8), the
        // homeostatic term w^{2/z} and its sum (2), the alive test (1).
        let perSynapse = p.zValues.reduce(0.0) { $0 + Double(12 + 9 * ($1 - 1) + 3) }
        w.doubleOps = perSynapse * N * steps
        // w^{2/z} for z = 3 and 5 is a pow: counted as a log and an exp.
        w.exps = 2 * Double(p.zValues.filter { ![1, 2, 4].contains($0) }.count) * N * steps
        // The state (15 factors + 5 weights per synapse, 160 kB) stays in L2; the noise can
        // be used as it is drawn; only the samples leave: 5·N·T doubles.
        w.bytes = Double(p.zValues.count) * N * Double(paperT) * 8
        w.workingSet = w.bytes
        let row = FloorRow(phase: "fluctuation simulation, paper size (z = 1…5, \(p.synapses) synapses each, T = \(paperT), dt = \(p.dt))",
                           work: String(format: "%.0f k Euler steps%@; ", steps / 1e3,
                                        duration == paperT ? "" : String(format: " (timed T = %d, scaled)", duration)) + w.summary,
                           measured: cpu * scale, load: w, twoThreads: wall * scale)
        // Where the time goes: the noise of 1000 steps and 1000 steps of each population.
        let chunk = 1000
        var noise = SharedNoise(synapses: p.synapses, seed: 1)
        var buffer = [Double](repeating: 0, count: chunk * p.synapses * 2)
        let c0 = ProcessCPU.seconds()
        noise.fill(&buffer, steps: chunk)
        let fill = ProcessCPU.seconds() - c0
        var perZ: [String] = []
        buffer.withUnsafeBufferPointer { b in
            for z in p.zValues {
                var pop = FactorPopulation(z: z, synapses: p.synapses)
                let t0 = Clock.now()
                for s in 0..<chunk { pop.step(noise: b.baseAddress! + s * p.synapses * 2, p) }
                perZ.append(String(format: "z=%d %.1f", z, (Clock.now() - t0) / Double(chunk) * 1e6))
                floorSink += pop.w[0]
            }
        }
        let note = String(format: "fluctuations: 1 thread = CPU seconds summed over threads (the simulation always spreads over every core with DispatchQueue.concurrentPerform), 2 threads = wall. Per step: noise %.1f µs CPU; populations (fresh, all alive) %@ µs",
                          fill / Double(chunk) * 1e6, perZ.joined(separator: ", "))
        return ([row], [note])
    }
}
