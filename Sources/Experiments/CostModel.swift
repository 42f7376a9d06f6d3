// What a simulation point costs before it runs, in CPU seconds of one thread: the expected
// time (`simulate cost`, `make cost-check`, the README's table per scale) and an upper bound
// (every epoch bound reached: cluster time limits, RUNNER=slurm). Each part is epochs or
// tests times a measured time per epoch or test; the constants and the runs they were
// measured on are in docs/benchmarks.md ("Cost model"). `simulate cost --check` sets the
// prediction beside the CPU time a result recorded.

import Foundation
import Sim

/// One part of a point's cost: `count` epochs or tests at `each` seconds.
public struct CostPart: Sendable {
    public var name: String
    public var count: Double
    public var each: Double
    public var seconds: Double { count * each }
}

public struct PointCost: Sendable, CustomStringConvertible {
    /// Expected CPU seconds of one thread: the sum of the parts.
    public var expected: Double { parts.reduce(0) { $0 + $1.seconds } }
    /// Upper-bound CPU seconds of one thread: `expected` with every epoch bound reached (a
    /// cluster time limit adds its own factor for slower nodes, scripts/slurm/README.md).
    public var seconds: Double { expected + beyondExpected }
    /// What the epochs between the expected count and the bound would add.
    public var beyondExpected: Double = 0
    /// Resident memory (MB), with headroom.
    public var memoryMB: Int
    /// The parts of `expected`.
    public var parts: [CostPart]
    /// Expected epochs of the point's long phase (training or sleep; nil: none).
    public var epochs: Double?
    /// Where the expected epoch count comes from.
    public var basis: String

    public var description: String { String(format: "%.0f s expected, at most %.0f s, %d MB", expected, seconds, memoryMB) }
}

public enum CostModel {
    public static func cost(_ point: SimulationPoint) -> PointCost? {
        switch point {
        case .attractor(let scale, let z, let alpha, let seed, let n):
            return AttractorCost.cost(scale.attractor.parameters(z: z, load: alpha, seed: seed, n: n),
                                      scale: scale)
        case .wakeSleep(let scale, let load, let seed):
            return WakeSleepCost.cost(scale.wakeSleep.parameters(load: load, seed: seed))
        case .fluctuations(let scale, _, let duration, let synapses, _):
            // 11 s for the paper's 999 time units of 1000 synapses (12.1 CPU-s in CI, 10 s before).
            let work = Double(duration) * Double(synapses ?? scale.defaultSynapses) / (999 * 1000)
            let parts = [CostPart(name: "populations", count: work, each: 11)]
            return PointCost(memoryMB: 300, parts: parts, epochs: nil, basis: "fixed duration")
        }
    }
}

/// Figure 2's points: training epochs, then five tolerance curves.
enum AttractorCost {
    /// Milliseconds per training epoch at N = 200: a + b·M, fitted (relative least squares,
    /// no constant term) to the 32 default points of the CI run of dd614e7; every point
    /// within 11% of its fit.
    static let epochAt200: [Int: (a: Double, b: Double)] =
        [1: (0.0680, 0.00244), 2: (0.0432, 0.00357), 3: (0.0806, 0.00351), 4: (0.0678, 0.00237)]
    /// At the same α an epoch at N costs (N/200)^γ times one at N = 200 (M grows with N).
    /// The six points at α = 0.08 with N = 400 (z = 1…4) and N = 1000 (z = 3, 4) gave
    /// 1.9–2.3, mean 2.2 (docs/benchmarks.md, Cost model).
    static let gamma = 2.2

    /// The z whose measurements stand for `z`: z > 4 uses z = 4's (as the models reuse its
    /// constants, docs/methods.md §1.10).
    static func measuredZ(_ z: Int) -> Int { min(max(z, 1), 4) }

    static func epochSeconds(n: Int, m: Int, z: Int) -> Double {
        let c = epochAt200[measuredZ(z)]!
        let m200 = Double(m) * 200 / Double(n)
        return (c.a + c.b * m200) * pow(Double(n) / 200, gamma) / 1000
    }

    /// Epochs to convergence with the default scale's training (docs/methods.md §1.10) at
    /// N = 200, seed 100, per z over Figure 2's sweep (a test keeps the rows as long as the
    /// sweep); nil: not converged by the 2·10⁵ bound.
    static let alphas = Figure2Sweep.alphas.map(\.value)
    static let convergedAt200: [Int: [Int?]] = [
        1: [100_000, 130_000, 150_000, 170_000, 170_000, nil, nil, nil],
        2: [nil, nil, nil, nil, nil, nil, nil, nil],
        3: [40_000, 50_000, 70_000, 90_000, 110_000, 170_000, 270_000, 370_000],
        4: [40_000, 70_000, 80_000, 120_000, 150_000, 290_000, 450_000, 720_000],
    ]
    /// Epochs to convergence grow as N^δ at a fixed α. At α = 0.08, N = 400 took 1.8×
    /// (z = 1), 1× (z = 3) and 2× (z = 4) the epochs of N = 200, and N = 1000 2.25× (z = 3)
    /// and 3× (z = 4): δ = 0.85, 0, 1, 0.50, 0.68, mean 0.6.
    static let delta = 0.6

    /// Expected training epochs and where the number comes from.
    static func expectedEpochs(_ p: AttractorParameters, scale: Scale) -> (Double, String) {
        let bound = Double(p.maxEpochs)
        // Only the default training (default and large) has measured convergence; the
        // paper's rates and tiny's short bounds give the bound.
        guard scale == .default || scale == .large, let table = convergedAt200[measuredZ(p.z)], table.count == alphas.count else {
            return (bound, "epoch bound (no measured convergence at this scale's training)")
        }
        // Interpolate log(epochs) in α between the measured loads; a load whose neighbour did
        // not converge is taken as not converging.
        let a = min(max(p.alpha, alphas.first!), alphas.last!)
        let at200: Double
        if let k = alphas.firstIndex(where: { abs($0 - a) < 1e-9 }) {
            guard let e = table[k] else { return (bound, "epoch bound (did not converge at N = 200 by 2·10⁵ epochs)") }
            at200 = Double(e)
        } else {
            let k = alphas.lastIndex { $0 < a }!
            guard let lo = table[k], let hi = table[k + 1] else {
                return (bound, "epoch bound (did not converge at N = 200 by 2·10⁵ epochs)")
            }
            let t = (a - alphas[k]) / (alphas[k + 1] - alphas[k])
            at200 = exp(log(Double(lo)) + t * (log(Double(hi)) - log(Double(lo))))
        }
        let scaled = at200 * pow(Double(p.n) / 200, delta)
        // Convergence is tested every `convergenceInterval` epochs.
        let interval = Double(p.convergenceInterval)
        let epochs = (scaled / interval * (1 - 1e-12)).rounded(.up) * interval
        if epochs >= bound { return (bound, "epoch bound (convergence expected after it)") }
        return (epochs, String(format: "convergence (%.0f epochs at N = 200, × (N/200)^%.1f)", at200, delta))
    }

    /// Seconds of one tolerance test (a noisy start or noisy weights, up to 50 steps of
    /// recall for all M patterns) at N = 1000, M = 80, z = 1: neural_balanced 8.8 ms, and
    /// synaptic 11.2 ms (synaptic_all 8.7, synaptic_first 13.7 ms; docs/benchmarks.md,
    /// Tolerance curves); scaled by (N/1000)²·M/80.
    static let neuralTestAt1000 = 0.0088
    static let synapticTestAt1000 = 0.0112

    static func cost(_ p: AttractorParameters, scale: Scale) -> PointCost {
        let each = epochSeconds(n: p.n, m: p.m, z: p.z)
        let (epochs, basis) = expectedEpochs(p, scale: scale)
        let tests = Double((p.noiseLevels - 1) * p.nTests + 1)
        let size = pow(Double(p.n) / 1000, 2) * Double(p.m) / 80
        let parts = [
            CostPart(name: "training epochs", count: epochs, each: each),
            CostPart(name: "neural tolerance tests (2 curves)", count: 2 * tests, each: neuralTestAt1000 * size),
            CostPart(name: "synaptic tolerance tests (3 curves)", count: 3 * tests, each: synapticTestAt1000 * size),
        ]
        let bytes = Double(p.n * p.n) * Double(4 * (p.z + 4)) + Double(p.n * p.m * 16)
        return PointCost(beyondExpected: (Double(p.maxEpochs) - epochs) * each, memoryMB: Int(bytes / 1e6 * 2) + 200,
                         parts: parts, epochs: epochs, basis: basis)
    }
}

/// Figure 3's points: the wake phase, sleep epochs, and three tolerance curves before and
/// after sleep. Measured at N = 1000 per load (the only size of the default and paper
/// scales; tiny's N = 400 scales every part by (N/1000)³: at a fixed load M ∝ N).
enum WakeSleepCost {
    struct Calibration {
        /// Wake phase and selection (`--bench-epochs`).
        var wake: Double
        /// Seconds per sleep epoch: the paper run's mean over 10⁵ epochs (the first 2000
        /// alone gave 7.62 and 3.79 ms in `--bench-epochs 2000`).
        var sleepEpoch: Double
        /// Seconds of one test of each of the three curves together, before sleep
        /// (`--bench-tolerance-levels 10`, one thread) and after it (what the paper run
        /// spent beyond wake, sleep and the curves before sleep).
        var testsBefore: Double
        var testsAfter: Double
    }
    static let calibration: [WakeSleepLoad: Calibration] = [
        .high: Calibration(wake: 9.6, sleepEpoch: 0.0073, testsBefore: 0.0755, testsAfter: 0.117),
        .low: Calibration(wake: 3.5, sleepEpoch: 0.0038, testsBefore: 0.0380, testsAfter: 0.0675),
    ]

    static func cost(_ p: WakeSleepParameters) -> PointCost? {
        guard let c = calibration[p.load] else { return nil }
        let size = pow(Double(p.n) / 1000, 3)
        let tests = Double((p.toleranceLevels - 1) * p.toleranceTests + 1)
        let parts = [CostPart(name: "sleep epochs", count: Double(p.sleepEpochs), each: c.sleepEpoch * size),
                     CostPart(name: "wake phase", count: 1, each: c.wake * size),
                     CostPart(name: "tolerance tests before sleep (3 curves)", count: tests, each: c.testsBefore * size),
                     CostPart(name: "tolerance tests after sleep (3 curves)", count: tests, each: c.testsAfter * size)]
        return PointCost(memoryMB: Int(Double(p.n * p.n) * 40 / 1e6) + 300,
                         parts: parts, epochs: Double(p.sleepEpochs), basis: "fixed sleep epochs")
    }
}
