// Runs the z = 1…5 populations of docs/methods.md §3 on shared noise and samples them once per time unit.
//
// The noise of a chunk of steps is generated first (in parallel over synapse blocks),
// then the populations, which are independent given the noise, integrate that chunk in
// parallel over z. Both splits are fixed, so results do not depend on the thread count.

import Foundation

/// The sampled trajectory of one population.
public struct PopulationRecord: Sendable {
    public var z: Int
    /// Weights, synapses × samples (dead synapses are 0).
    public var w: WeightMatrix
    /// Per sample: mean and std (ddof 0) of the alive weights, and the alive fraction.
    public var mean: [Double]
    public var std: [Double]
    public var alive: [Double]

    public var finalAliveFraction: Double { alive.last ?? .nan }
}

public struct FluctuationRun: Sendable {
    public var parameters: FluctuationParameters
    public var populations: [PopulationRecord]
    public func population(z: Int) -> PopulationRecord? { populations.first { $0.z == z } }
}

public enum FluctuationSimulation {
    /// Steps of noise generated at a time (memory: steps × N × 2 doubles).
    static let chunkSteps = 1000

    public static func run(_ p: FluctuationParameters, progress: Progress? = nil) throws -> FluctuationRun {
        try p.validate()
        let N = p.synapses, S = p.samples, perSample = p.stepsPerSample
        let totalSteps = S * perSample
        var noise = SharedNoise(synapses: N, seed: p.seed)
        var buffer = [Double](repeating: 0, count: min(chunkSteps, totalSteps) * N * 2)
        let pops = WorkerBox(p.zValues.map { FactorPopulation(z: $0, synapses: N) })
        let records = WorkerBox(p.zValues.map {
            PopulationRecord(z: $0, w: WeightMatrix(rows: N, cols: S, values: [Double](repeating: 0, count: N * S)),
                             mean: [Double](repeating: .nan, count: S), std: [Double](repeating: .nan, count: S),
                             alive: [Double](repeating: .nan, count: S))
        })
        var done = 0
        while done < totalSteps {
            let steps = min(chunkSteps, totalSteps - done)
            noise.fill(&buffer, steps: steps)
            let first = done
            buffer.withUnsafeBufferPointer { nb in
                let noisePtr = WorkerPointer(UnsafeMutablePointer(mutating: nb.baseAddress!))
                pops.value.withUnsafeMutableBufferPointer { popBuf in
                    let pp = WorkerPointer(popBuf.baseAddress!)
                    records.value.withUnsafeMutableBufferPointer { recBuf in
                        let rp = WorkerPointer(recBuf.baseAddress!)
                        DispatchQueue.concurrentPerform(iterations: p.zValues.count) { m in
                            for s in 0..<steps {
                                pp.pointer[m].step(noise: noisePtr.pointer + s * N * 2, p)
                                let stepNumber = first + s + 1
                                if stepNumber % perSample == 0 {
                                    record(pp.pointer[m], into: &rp.pointer[m], sample: stepNumber / perSample - 1)
                                }
                            }
                        }
                    }
                }
            }
            done += steps
            progress?.update(done: Double(done), total: Double(totalSteps), detail: "steps")
        }
        return FluctuationRun(parameters: p, populations: records.value)
    }

    static func record(_ pop: FactorPopulation, into rec: inout PopulationRecord, sample s: Int) {
        let N = pop.synapses, S = rec.w.cols
        var n = 0, sum = 0.0
        for i in 0..<N {
            let x = pop.w[i]
            rec.w.values[i * S + s] = x
            if x > 0 { n += 1; sum += x }
        }
        let mean = n > 0 ? sum / Double(n) : .nan
        var ss = 0.0
        for x in pop.w where x > 0 { ss += (x - mean) * (x - mean) }
        rec.mean[s] = mean
        rec.std[s] = n > 0 ? (ss / Double(n)).squareRoot() : .nan
        rec.alive[s] = Double(n) / Double(N)
    }
}
