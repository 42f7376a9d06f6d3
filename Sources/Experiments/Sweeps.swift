// What each figure simulates: the sweep of points per scale, in one place. The Makefile
// gets its targets from here (`simulate points`), the figures read the same points back.

import Sim

/// Figure 2: attractor networks for every z and load α.
public enum Figure2Sweep {
    public static let zs = [1, 2, 3, 4]
    /// The loads α = M/N, written as in the result directory names. Add a load here.
    public static let alphas = ["0.08", "0.1425", "0.205", "0.2675", "0.33", "0.45333", "0.57667", "0.7"]
    public static let defaultSeeds: [UInt64] = [100]

    /// Every point, highest load first: those take longest, so `make -j` starts them first.
    public static func points(scale: Scale, seeds: [UInt64] = defaultSeeds) -> [SimulationPoint] {
        seeds.flatMap { seed in
            alphas.reversed().flatMap { alpha in
                zs.map { SimulationPoint.attractor(scale: scale, z: $0, alpha: alpha, seed: seed) }
            }
        }
    }
}

/// Figure 3: one wake–sleep run per load.
public enum Figure3Sweep {
    public static let loads = ["high", "low"]
    public static let defaultSeed: UInt64 = 700

    public static func points(scale: Scale, seed: UInt64 = defaultSeed) -> [SimulationPoint] {
        loads.map { SimulationPoint.wakeSleep(scale: scale, load: $0, seed: seed) }
    }
}

/// Figures 5–6: one run of the z = 1…5 fluctuation populations.
public enum Figure56Sweep {
    public static let defaultSeed: UInt64 = 1

    public static func point(scale: Scale, seed: UInt64 = defaultSeed) -> SimulationPoint {
        let fluctuationScale = scale.fluctuations
        return .fluctuations(scale: fluctuationScale, seed: seed, duration: fluctuationScale.defaultDuration)
    }
}

/// Figure 2's finite-size study: the lowest load at the scale's training but other network
/// sizes, to show where the N = 1000 claims appear (docs/methods.md §7.2). The scale's own N
/// (200 at `default`) is the sweep's point itself.
public enum FiniteSizeStudy {
    public static let alpha = "0.08"
    public static let sizes = [400, 1000]
    public static let zs = Figure2Sweep.zs

    public static func points(scale: Scale, seeds: [UInt64] = Figure2Sweep.defaultSeeds, sizes: [Int] = sizes,
                              zs: [Int] = zs) -> [SimulationPoint] {
        seeds.flatMap { seed in
            sizes.filter { $0 != scale.attractor.n }.flatMap { n in
                zs.map { SimulationPoint.attractor(scale: scale, z: $0, alpha: alpha, seed: seed, n: n) }
            }
        }
    }
}
