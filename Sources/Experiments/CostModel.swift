// What a simulation point costs, before it runs: the CPU seconds of one thread, an upper
// bound used for cluster time limits (`simulate cost`, RUNNER=slurm) and for ETAs before a
// point reports progress. Measured inputs (docs/benchmarks.md, 2 cores, one thread):
// - attractor epochs cost a + b·M milliseconds, with (a, b) measured at N = 200 (the 32
//   default-scale points: a ≈ 0.10–0.15, b ≈ 0.0065 ms) and at N = 1000 (`make bench`:
//   z = 1, M = 80: 4.2 ms; z = 4, M = 80: 7.3 ms, M = 700: 18.6 ms), interpolated in N²;
//   the epoch count is the scale's bound (convergence usually stops earlier);
// - a tolerance curve of L levels × T tests × 50 steps at N = 1000 takes 31 s for 200 × 20,
//   scaled by L·T and by (N/1000)², five noise types per point;
// - wake–sleep: 12 ms per sleep epoch at N = 1000 plus the tolerance curves (7 min per
//   phase at 200 × 20); fluctuations: 10 s at the paper's size.

import Foundation
import Sim

public struct PointCost: Sendable, CustomStringConvertible {
    /// Upper-bound CPU seconds of one thread.
    public var seconds: Double
    /// Resident memory (MB), with headroom.
    public var memoryMB: Int

    public var description: String { String(format: "%.0f s, %d MB", seconds, memoryMB) }
}

public enum CostModel {
    /// Milliseconds per attractor epoch: (a, b) with cost a + b·M at N = 200 and N = 1000.
    static let epochAt200: (a: Double, b: Double) = (0.15, 0.0065)
    static func epochAt1000(z: Int) -> (a: Double, b: Double) {
        let b = (18.6 - 7.3) / (700 - 80)            // z = 4, measured at two loads
        let aZ1 = 4.2 - 80 * b, aZ4 = 7.3 - 80 * b
        return (aZ1 + (aZ4 - aZ1) * Double(min(max(z, 1), 4) - 1) / 3, b)
    }

    public static func epochMilliseconds(n: Int, m: Int, z: Int) -> Double {
        let lo = epochAt200, hi = epochAt1000(z: z)
        let t = (Double(n * n) - 200 * 200) / (1000 * 1000 - 200 * 200)
        let a = lo.a + (hi.a - lo.a) * t, b = lo.b + (hi.b - lo.b) * t
        return max(0.01, a + b * Double(m))
    }

    /// Seconds of one tolerance curve.
    static func toleranceSeconds(n: Int, levels: Int, tests: Int) -> Double {
        31 * Double(levels * tests) / (200 * 20) * pow(Double(n) / 1000, 2)
    }

    public static func cost(_ point: SimulationPoint) -> PointCost? {
        switch point {
        case .attractor(let scale, let z, let alphaText, let seed, let n):
            guard let alpha = Double(alphaText) else { return nil }
            let p = scale.attractor.parameters(z: z, alpha: alpha, alphaText: alphaText, seed: seed, n: n)
            let training = Double(p.maxEpochs) * epochMilliseconds(n: p.n, m: p.m, z: z) / 1000
            let tolerance = 5 * toleranceSeconds(n: p.n, levels: p.noiseLevels, tests: p.nTests)
            let bytes = Double(p.n * p.n) * Double(4 * (p.z + 4)) + Double(p.n * p.m * 16)
            return PointCost(seconds: training + tolerance + 5, memoryMB: Int(bytes / 1e6 * 2) + 200)
        case .wakeSleep(let scale, let load, let seed):
            guard let p = scale.wakeSleep.parameters(load: load, seed: seed) else { return nil }
            let sleep = Double(p.sleepEpochs) * 0.012 * pow(Double(p.n) / 1000, 2)
            let tolerance = 2 * 420 * Double(p.toleranceLevels * p.toleranceTests) / (200 * 20) * pow(Double(p.n) / 1000, 2)
            return PointCost(seconds: sleep + tolerance + 30, memoryMB: Int(Double(p.n * p.n) * 40 / 1e6) + 300)
        case .fluctuations(let scale, _, let duration, let synapses, _):
            let work = Double(duration) * Double(synapses ?? scale.defaultSynapses) / (999 * 1000)
            return PointCost(seconds: 10 * work + 2, memoryMB: 300)
        }
    }
}
