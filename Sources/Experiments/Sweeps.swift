// What each figure simulates: the sweep of points per scale, in one place. The Makefile
// gets its targets from here (`simulate points`), the figures read the same points back.

import Sim

/// The loads of Figure 2 that panels and claims name.
extension AttractorLoad {
    /// The lowest load of the sweep, where panels 01, 03 and 06 look.
    public static let alpha0_08 = AttractorLoad(text: "0.08")!
    public static let alpha0_1425 = AttractorLoad(text: "0.1425")!
    /// The load of the saved weight matrices (panels 09, 10).
    public static let alpha0_33 = AttractorLoad.saved
}

/// Figure 2: attractor networks for every z and load α.
public enum Figure2Sweep {
    public static let zs = [1, 2, 3, 4]
    /// The paper's loads α = M/N, lowest first. Add a load here (its text names its directory).
    public static let alphas: [AttractorLoad] = [.alpha0_08, .alpha0_1425] + ["0.205", "0.2675"].map { AttractorLoad(text: $0)! }
        + [.alpha0_33] + ["0.45333", "0.57667", "0.7"].map { AttractorLoad(text: $0)! }
    public static let defaultSeeds: [UInt64] = [100]
    /// The paper's loads of the max-noise panels (04, 07), which the committed N = 1000 set holds.
    public static let toleranceLoads: [AttractorLoad] = [.alpha0_08, .alpha0_1425, .alpha0_33]

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
    public static let loads = WakeSleepLoad.allCases
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

/// Figure 2's finite-size study: the loads of the tolerance panels with the default scale's
/// training at three network sizes, to show where the N = 1000 claims appear
/// (docs/report.md): N = 200 (the `default` scale itself), N = 400 (`default` with N
/// overridden: …_N400) and N = 1000 (the `large` scale, which the committed evidence set
/// holds).
public enum FiniteSizeStudy {
    /// The tolerance loads, as the evidence set has them.
    public static let alphas = EvidenceSet.alphas
    public static let zs = Figure2Sweep.zs

    /// (scale, N override) of each size, smallest first.
    public static let sizes: [(scale: Scale, n: Int?)] = [(.default, nil), (.default, 400), (.large, nil)]

    /// Whether a report at `scale` shows the study (its training is the study's).
    public static func covers(_ scale: Scale) -> Bool { sizes.contains { $0.scale == scale && $0.n == nil } }

    /// The points `make finite-size` computes, highest load first: those of N = 400. The
    /// `default` scale's sweep has the N = 200 ones, and the committed evidence set the
    /// N = 1000 ones (`make evidence` recomputes them).
    public static func points(seeds: [UInt64] = Figure2Sweep.defaultSeeds) -> [SimulationPoint] {
        seeds.flatMap { seed in
            alphas.reversed().flatMap { alpha in
                sizes.filter { $0.n != nil }.flatMap { size in
                    zs.map { SimulationPoint.attractor(scale: size.scale, z: $0, alpha: alpha, seed: seed, n: size.n) }
                }
            }
        }
    }
}
