// Typed reading of `simulate attractor` results (Figure 2): one point, and the sweep of
// every (z, α, seed) point with statistics over seeds. What each value is and its unit:
// docs/results.md.

import Foundation
import Sim

/// One (z, α, seed) point of the Figure 2 sweep, as read back from its cached result.
public struct AttractorResult {
    public let z: Int
    public let load: AttractorLoad
    public let seed: UInt64
    public let result: StoredResult

    public var alpha: Double { load.value }
    public var n: Int { Int(result.values["n"] ?? .nan) }
    public var m: Int { Int(result.values["m"] ?? .nan) }
    public var f: Double { result.values["f"] ?? 0.5 }

    /// Mean over neurons of a network metric (`l0`, `min_margin`, `rho`, …).
    public func mean(_ metric: AttractorMetric) throws -> Double { try result.value("\(metric.rawValue)_mean") }
    public func value(_ name: String) throws -> Double { try result.value(name) }

    /// Base noise levels p and recall (50 steps) for one noise type.
    public func recallCurve(_ type: NoiseType) throws -> (p: [Double], recall: [Double]) {
        (try result.array("p").doubles, try result.array("recall_\(type.rawValue)_s50").doubles)
    }

    /// The base level p at which the 50-step recall is closest to 0.5 (first such level).
    public func halfRecallLevel(_ type: NoiseType) throws -> Double {
        let (p, recall) = try recallCurve(type)
        guard !p.isEmpty, p.count == recall.count else {
            throw ResultError.corrupt(path: result.directory.path, reason: "empty or ragged tolerance curve \(type.rawValue)")
        }
        return HalfRecall.closestLevel(levels: p, recall: recall)
    }

    // The max tolerated noise in the paper's units, from the stored noise factors:
    // `maxNoise(_:)` and `noiseInPaperUnits(_:level:)` (AttractorNoiseUnits.swift).

    public static func load(results: URL, scale: Scale, z: Int, alpha: AttractorLoad, seed: UInt64,
                            n: Int? = nil) throws -> AttractorResult {
        let point = SimulationPoint.attractor(scale: scale, z: z, alpha: alpha, seed: seed, n: n)
        return AttractorResult(z: z, load: alpha, seed: seed, result: try ResultStore.load(point.directory(inScaleFolder: results)))
    }
}

/// Mean and standard error over seeds (s.e.m. is 0 for a single seed).
public struct MeanSEM {
    public let mean: Double
    public let sem: Double
    public init(_ xs: [Double]) {
        let n = Double(xs.count)
        let m = xs.reduce(0, +) / n
        mean = m
        if xs.count > 1 {
            let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
            sem = (v / n).squareRoot()
        } else {
            sem = 0
        }
    }
}

/// All points of the sweep, indexed by z and alpha, with every seed.
public struct AttractorSweep {
    public let zs: [Int]
    public let loads: [AttractorLoad]
    public let seeds: [UInt64]
    /// points[z][alphaIndex] = one point per seed.
    public let points: [Int: [[AttractorResult]]]

    public init(zs: [Int], loads: [AttractorLoad], seeds: [UInt64], points: [Int: [[AttractorResult]]]) {
        self.zs = zs; self.loads = loads; self.seeds = seeds; self.points = points
    }

    /// The loads' values, in the sweep's order (the x values of the load panels).
    public var alphas: [Double] { loads.map(\.value) }

    /// The results of `Figure2Sweep` (or the given zs/α/seeds) under `results` (data/results/<scale>).
    public static func load(results: URL, scale: Scale, zs: [Int] = Figure2Sweep.zs, alphas: [AttractorLoad] = Figure2Sweep.alphas,
                            seeds: [UInt64] = Figure2Sweep.defaultSeeds, n: Int? = nil) throws -> AttractorSweep {
        var points: [Int: [[AttractorResult]]] = [:]
        for z in zs {
            points[z] = try alphas.map { a in
                try seeds.map { try AttractorResult.load(results: results, scale: scale, z: z, alpha: a, seed: $0, n: n) }
            }
        }
        return AttractorSweep(zs: zs, loads: alphas, seeds: seeds, points: points)
    }

    public func at(z: Int, alphaIndex: Int) -> [AttractorResult] { points[z]![alphaIndex] }

    /// Index of the load closest to `load` (itself when the sweep holds it).
    public func alphaIndex(nearest load: AttractorLoad) -> Int {
        loads.firstIndex(of: load) ?? alphas.indices.min(by: { abs(alphas[$0] - load.value) < abs(alphas[$1] - load.value) })!
    }

    /// A statistic over seeds for every load at one z.
    public func series(z: Int, _ stat: (AttractorResult) throws -> Double) rethrows -> [MeanSEM] {
        try alphas.indices.map { i in MeanSEM(try at(z: z, alphaIndex: i).map(stat)) }
    }
}
