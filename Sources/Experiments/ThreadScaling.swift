// How a point's wall time shrinks with the threads it is given (a Slurm task's
// --cpus-per-task, `--threads`): Amdahl's law, with each model's parallel fraction taken from
// its measured two-thread speed-up (docs/benchmarks.md, "Threads per point"). Only two
// threads could be measured (a 2-core machine); beyond two the law extrapolates, and
// memory bandwidth may cap it earlier.

import Sim

public enum ThreadScaling {
    /// The parallel fraction p of a measured two-thread speed-up s, from s = 1/((1 − p) + p/2).
    public static func parallelFraction(twoThreadSpeedup s: Double) -> Double { 2 * (1 - 1 / s) }

    /// Measured two-thread speed-ups of `bench threads` (N = 1000, z = 4) at the two loads
    /// it runs, Intel Xeon, 2026-12-05; between them linear in α.
    static let attractorSpeedup = (low: (alpha: 0.08, speedup: 1.86), high: (alpha: 0.7, speedup: 1.915))
    /// The paper-scale sleep epoch (`--bench-epochs 1500`, high load, Intel Xeon, 2026-12-06):
    /// 9.0–9.4 → 5.6–5.9 ms (1.61–1.63×; 1.65–1.67× over 3 000 epochs).
    static let sleepSpeedup = 1.62

    /// The point's parallel fraction (0: no measured scaling, counted as one thread).
    public static func parallelFraction(_ point: SimulationPoint) -> Double {
        switch point {
        case .attractor(_, _, let alpha, _, _):
            let (lo, hi) = attractorSpeedup
            let t = min(1, max(0, (alpha.value - lo.alpha) / (hi.alpha - lo.alpha)))
            return parallelFraction(twoThreadSpeedup: lo.speedup + t * (hi.speedup - lo.speedup))
        case .wakeSleep:
            // Sleep dominates a wake-sleep point; its tolerance tests scale better, so this
            // understates the gain.
            return parallelFraction(twoThreadSpeedup: sleepSpeedup)
        case .fluctuations:
            return 0
        }
    }

    /// Wall-time speed-up of `point` on `threads` threads.
    public static func speedup(_ point: SimulationPoint, threads: Int) -> Double {
        let p = parallelFraction(point)
        return 1 / ((1 - p) + p / Double(max(threads, 1)))
    }
}
