// One (z, alpha, seed) point of the Figure 2 sweep, as read back from its cached result.

import Foundation
import Sim

struct SweepPoint {
    let z: Int
    let alpha: Double
    let seed: Int
    let result: StoredResult

    var n: Int { Int(result.values["n"] ?? .nan) }
    var m: Int { Int(result.values["m"] ?? .nan) }
    var f: Double { result.values["f"] ?? 0.5 }

    /// Mean over neurons of a metric of docs/methods.md §1.8 (`l0`, `min_margin`, `rho`, ...).
    func mean(_ metric: String) throws -> Double { try result.value("\(metric)_mean") }
    func value(_ name: String) throws -> Double { try result.value(name) }

    /// Base noise levels p and recall (50 steps) for one noise type.
    func recallCurve(_ type: NoiseType) throws -> (p: [Double], recall: [Double]) {
        (try result.array("p").doubles, try result.array("recall_\(type.rawValue)_s50").doubles)
    }

    /// The base level p at which the 50-step recall is closest to 0.5 (first such level).
    func halfRecallLevel(_ type: NoiseType) throws -> Double {
        let (p, recall) = try recallCurve(type)
        guard !p.isEmpty, p.count == recall.count else {
            throw ResultError.corrupt(path: result.directory.path, reason: "empty or ragged tolerance curve \(type.rawValue)")
        }
        var best = 0
        for i in recall.indices where abs(recall[i] - 0.5) < abs(recall[best] - 0.5) { best = i }
        return p[best]
    }

    /// Max tolerated neural noise as plotted: 2p/f at recall ≈ 0.5 (neural-balanced).
    func maxNeuralNoise() throws -> Double { 2 * (try halfRecallLevel(.neuralBalanced)) / f }

    /// Max tolerated synaptic noise as plotted: 0.2p/0.1 at recall ≈ 0.5 (synaptic-first-alive;
    /// 0.2p is the noise std, 0.1 the mean factor after the "mean-u" rescaling).
    func maxSynapticNoise() throws -> Double { 0.2 * (try halfRecallLevel(.synapticFirstAlive)) / 0.1 }

    /// Directory name used by the Makefile and `simulate attractor`.
    static func directoryName(z: Int, alpha: String, seed: Int) -> String { "z\(z)_alpha\(alpha)_seed\(seed)" }

    static func load(results: URL, z: Int, alpha: String, seed: Int) throws -> SweepPoint {
        let dir = results.appendingPathComponent("attractor").appendingPathComponent(directoryName(z: z, alpha: alpha, seed: seed))
        guard let a = Double(alpha) else { throw ResultError.corrupt(path: dir.path, reason: "alpha '\(alpha)' is not a number") }
        return SweepPoint(z: z, alpha: a, seed: seed, result: try ResultStore.load(dir))
    }
}

/// Mean and standard error over seeds (s.e.m. is 0 for a single seed).
struct MeanSEM {
    let mean: Double
    let sem: Double
    init(_ xs: [Double]) {
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
struct Sweep {
    let zs: [Int]
    let alphas: [Double]
    let seeds: [Int]
    /// points[z][alphaIndex] = one point per seed.
    let points: [Int: [[SweepPoint]]]

    static func load(results: URL, zs: [Int], alphas: [String], seeds: [Int]) throws -> Sweep {
        var points: [Int: [[SweepPoint]]] = [:]
        for z in zs {
            points[z] = try alphas.map { a in try seeds.map { try SweepPoint.load(results: results, z: z, alpha: a, seed: $0) } }
        }
        return Sweep(zs: zs, alphas: alphas.map { Double($0)! }, seeds: seeds, points: points)
    }

    func at(z: Int, alphaIndex: Int) -> [SweepPoint] { points[z]![alphaIndex] }

    /// Index of the load closest to `alpha`.
    func alphaIndex(nearest alpha: Double) -> Int {
        alphas.indices.min(by: { abs(alphas[$0] - alpha) < abs(alphas[$1] - alpha) })!
    }

    /// A statistic over seeds for every load at one z.
    func series(z: Int, _ stat: (SweepPoint) throws -> Double) rethrows -> [MeanSEM] {
        try alphas.indices.map { i in MeanSEM(try at(z: z, alphaIndex: i).map(stat)) }
    }
}
