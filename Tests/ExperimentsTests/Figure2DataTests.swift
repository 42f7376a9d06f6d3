// Figure2Data on a hand-made sweep: two z, two loads, two seeds of results written in a
// temporary directory at their canonical places, with numbers simple enough to check by hand.

import Bins
import Experiments
import Foundation
import Sim
import Testing

@Suite struct Figure2DataTests {
    static let zs = [1, 2]
    static let alphas: [AttractorLoad] = [.alpha0_08, .alpha0_33]
    static let seeds: [UInt64] = [1, 2]
    static let levels = [0.0, 0.1, 0.2, 0.3]

    /// A results root (data/results/<scale> layout) holding every point of the sweep.
    /// Seed 1 and seed 2 differ in l0 (0.3 vs 0.5 + 0.1·z) and in their recall curves; the
    /// point z = 2, α = 0.08, seed 2 stores a synaptic noise factor of 0.3 instead of 0.2.
    static func makeResults() throws -> URL {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("figure2-data-\(getpid())-\(UInt64.random(in: 0..<UInt64.max))")
        for z in zs {
            for alpha in alphas {
                for seed in seeds {
                    let point = SimulationPoint.attractor(scale: .tiny, z: z, alpha: alpha, seed: seed)
                    let dir = root.appendingPathComponent(point.model).appendingPathComponent(point.name)
                    let first = seed == 1
                    var values: [String: Double] = ["n": 4, "m": 2, "f": 0.5, "conv_epochs": 100]
                    values["l0_mean"] = first ? 0.3 : 0.5 + 0.1 * Double(z)
                    for metric in ["min_margin", "rho", "syn_margin", "l1", "l2", "norm_margin_q2_3", "norm_margin_q1_2"] {
                        values["\(metric)_mean"] = Double(z) * (first ? 1 : 2)
                    }
                    var arrays: [String: NDArray] = [
                        "p": NDArray(levels),
                        // Closest to 0.5: level 0.2 (seed 1), level 0.1 (seed 2).
                        "recall_neural_balanced_s50": NDArray(first ? [1, 0.8, 0.45, 0.1] : [1, 0.6, 0.3, 0] as [Double]),
                        // Closest to 0.5: level 0.2 for both seeds.
                        "recall_synaptic_first_alive_s50": NDArray(first ? [1, 0.9, 0.5, 0.2] : [1, 0.7, 0.4, 0.1] as [Double]),
                    ]
                    if alpha == .alpha0_33 {
                        // Off-diagonal: two exact zeros, one pruned 1e-20, nine alive (sum 1.6).
                        let w: [Float] = [9, 0.1, 0.3, 0,
                                          0.2, 9, 1e-20, 0.2,
                                          0.2, 0.1, 9, 0.3,
                                          0, 0.1, 0.1, 9]
                        arrays["W"] = NDArray(w, shape: [4, 4])
                    }
                    let synapticFactor = (z == 2 && alpha == .alpha0_08 && !first) ? 0.3 : 0.2
                    let parameters = JSONValue.object([
                        "z": .number(Double(z)), "alpha_text": .string(alpha.text), "seed": .number(Double(seed)),
                        "noise_factors": .object(["neural_iso": .number(1), "neural_balanced": .number(1),
                                                  "synaptic_all": .number(0.1), "synaptic_first": .number(0.16),
                                                  "synaptic_first_alive": .number(synapticFactor)]),
                    ])
                    try ResultStore.save(ResultBundle(arrays: arrays, values: values), to: dir, model: "attractor",
                                         version: 1, parameters: parameters, wallSeconds: 0, command: "test")
                }
            }
        }
        return root
    }

    static func sweep() throws -> (AttractorSweep, URL) {
        let root = try makeResults()
        return (try AttractorSweep.load(results: root, scale: .tiny, zs: zs, alphas: alphas, seeds: seeds), root)
    }

    @Test func halfRecallLevelOnAHandMadeCurve() throws {
        let (s, root) = try Self.sweep()
        defer { try? FileManager.default.removeItem(at: root) }
        let pts = s.at(z: 1, alphaIndex: 0)
        #expect(try pts[0].halfRecallLevel(.neuralBalanced) == 0.2)
        #expect(try pts[1].halfRecallLevel(.neuralBalanced) == 0.1)
        #expect(try pts[0].halfRecallLevel(.synapticFirstAlive) == 0.2)
        #expect(try pts[1].halfRecallLevel(.synapticFirstAlive) == 0.2)
    }

    @Test func noiseUnitsComeFromTheStoredFactors() throws {
        let (s, root) = try Self.sweep()
        defer { try? FileManager.default.removeItem(at: root) }
        let p = s.at(z: 1, alphaIndex: 0)[0]
        #expect(try p.noiseFactor(.synapticFirstAlive) == 0.2)
        #expect(try p.noiseFactor(.neuralBalanced) == 1)
        // Neural: 2·factor·p/f; synaptic: factor·p/0.1, the paper's units (docs/methods.md §6.2).
        #expect(try p.noiseInPaperUnits(.neuralBalanced, level: 0.2) == 2 * 0.2 / 0.5)
        #expect(try p.noiseInPaperUnits(.synapticFirstAlive, level: 0.2) == 0.2 * 0.2 / 0.1)
        #expect(try p.maxNoise(.neuralBalanced) == 2 * 0.2 / 0.5)
        #expect(try p.maxNoise(.synapticFirstAlive) == 0.2 * 0.2 / 0.1)
        // Another stored factor gives another conversion.
        let other = s.at(z: 2, alphaIndex: 0)[1]
        #expect(try other.noiseFactor(.synapticFirstAlive) == 0.3)
        #expect(try other.maxNoise(.synapticFirstAlive) == 0.3 * 0.2 / 0.1)

        let d = try Figure2Data.build(s)
        let neural = try #require(d.neuralRecall.curves.first { $0.z == 1 })
        #expect(neural.noise == Self.levels.map { 2 * $0 / 0.5 })
        let synaptic = try #require(d.synapticRecall.curves.first { $0.z == 1 })
        #expect(synaptic.noise == Self.levels.map { 0.2 * $0 / 0.1 })
        // z = 2: each seed's half level in its own units, then the mean.
        let z2 = try #require(d.synapticRecall.curves.first { $0.z == 2 })
        #expect(abs(z2.halfRecallNoise - (0.2 * 0.2 / 0.1 + 0.3 * 0.2 / 0.1) / 2) < 1e-12)
    }

    @Test func meansAndSEMOverSeeds() throws {
        let (s, root) = try Self.sweep()
        defer { try? FileManager.default.removeItem(at: root) }
        let d = try Figure2Data.build(s)
        #expect(d.zs == [1, 2] && d.alphas == [0.08, 0.33])
        // l0 of z = 1: 0.3 and 0.6 → mean 0.45, s.e.m. = sd/√2 = (0.15·√2)/√2 = 0.15.
        let l0 = try #require(d.density.series.first { $0.z == 1 })
        for k in 0..<2 {
            #expect(abs(l0.mean[k] - 0.45) < 1e-12)
            #expect(abs(l0.sem[k] - 0.15) < 1e-12)
        }
        // Max neural noise at α = 0.08, z = 1: 0.8 and 0.4 → 0.6 ± 0.2.
        let load = d.maxNeuralNoise.loads[0]
        #expect(load.requestedLoad == .alpha0_08 && load.alpha == 0.08)
        #expect(abs(load.mean[0] - 0.6) < 1e-12)
        #expect(abs(load.sem[0] - 0.2) < 1e-12)
        // The 0.1425 load falls back to the nearest simulated one.
        #expect(d.maxNeuralNoise.loads.map(\.alpha) == [0.08, 0.08, 0.33])
        // Recall averaged over seeds, point by point.
        let curve = try #require(d.neuralRecall.curves.first { $0.z == 1 })
        #expect(curve.recall == [1, (0.8 + 0.6) / 2, (0.45 + 0.3) / 2, (0.1 + 0) / 2])
        #expect(abs(curve.halfRecallNoise - 0.6) < 1e-12)
        // Bars of 01: means over seeds (z: 1.5, 3), divided by the group maximum.
        #expect(d.snrByNormExponent.groups.map(\.exponent) == ["2", "1", "2/3", "1/2"])
        for g in d.snrByNormExponent.groups { #expect(g.heights == [0.5, 1]) }
        // Theory curves: z = 1 in 02, z = 1 and 2 in 05; the comparison has one row per load.
        #expect(d.neuralSNR.theory.map(\.z) == [1])
        #expect(d.synapticSNR.theory.map(\.z) == [1, 2])
        #expect(d.synapticSNR.theory[1].curve.x == d.alphas)
        #expect(d.comparison.rows.count == 2)
        #expect(abs((d.comparison.rows[0].l0Z1 ?? .nan) - 0.45) < 1e-12)
        #expect(d.comparison.maxNoise.map(\.alpha) == [0.08, 0.33])
    }

    @Test func weightDistributionsOfTheSavedNetwork() throws {
        let (s, root) = try Self.sweep()
        defer { try? FileManager.default.removeItem(at: root) }
        let (all, surviving) = try Figure2Data.scaledWeights(s, z: 1)
        #expect(all.count == 12)
        // 9 alive weights (sum 1.6), rescaled to mean 0.1.
        #expect(surviving.count == 9)
        #expect(abs(surviving.reduce(0, +) / 9 - 0.1) < 1e-7)
        let d = try Figure2Data.build(s)
        #expect(d.survivingWeights.alpha == 0.33)
        #expect(d.survivingWeights.logEdges.count == 51)
        #expect(d.survivingWeights.counts.map { $0.reduce(0, +) } == [9, 9])
        #expect(d.survivingWeights.unit == 0)
        #expect(d.allWeights.edges.count == 201)
        #expect(d.allWeights.zeros == [2, 2])
        // The 1e-20 weight is counted among all weights, not among the effective ones.
        #expect(d.allWeights.counts.map { $0.reduce(0, +) } == [10, 10])
        #expect(d.allWeights.countScale == 1)
    }

    @Test func binningMatchesNumPyHistogram() {
        #expect(Binning.logEdges(1, 100, count: 2).map { ($0 * 1e9).rounded() / 1e9 } == [1, 10, 100])
        // Right edge of the last bin inclusive, outside values and NaN not counted.
        #expect(Binning.counts([0.5, 1, 5, 10, 50, 100, 200, .nan], edges: [1, 10, 100]) == [2, 3])
    }
}
