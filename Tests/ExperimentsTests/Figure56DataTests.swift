// Figure56Data on a tiny fluctuation run (30 synapses, T = 24) against a small synthetic
// data matrix: the panel structs' shapes, the seeded subsamples, the theory line.

import Experiments
import Foundation
import Sim
import Testing

@Suite struct Figure56DataTests {
    static func analysis(resamples: Int = 12) throws -> (DataAnalysis, WeightMatrix, [PopulationAnalysis]) {
        let p = FluctuationParameters(synapses: 30, duration: 24, seed: 3)
        let run = try FluctuationSimulation.run(p)
        // Synthetic "spine data": 40 spines × 10 time points, positive, seeded.
        var g = Xoshiro256(seed: 7, stream: 1)
        let data = WeightMatrix(rows: 40, cols: 10, values: (0..<400).map { _ in 0.5 + g.uniform() })
        var options = FluctuationAnalysisOptions()
        options.simulationWindow = 20
        options.dataWindow = 10
        options.resamples = resamples
        let dataStats = try FluctuationAnalysis.analyse(data: data, options: options)
        let populations = try run.populations.map { try FluctuationAnalysis.analyse($0, data: dataStats, options: options) }
        return (dataStats, data, populations)
    }

    @Test func panelStructShapes() throws {
        let (dataStats, data, populations) = try Self.analysis()
        let d = try Figure56Data.build(data: dataStats, kaufman: data, populations: populations,
                                       simulationLag: 2, dataLag: 1, seed: 3)
        // 01: the blocks of z = 1, 2, 5, each with every pair (fewer than 2000: all shown, in order).
        #expect(d.simulation.map(\.z) == [1, 2, 5])
        for block in d.simulation {
            let scatter = try #require(block.scatter)
            #expect(scatter.lag == 2)
            // A population that died out leaves no positive weights: no axes, nothing shown.
            guard let shown = scatter.shown else {
                #expect(block.z != 1)
                continue
            }
            #expect(shown.potentiation == scatter.potentiation && shown.depression == scatter.depression)
            #expect(shown.lineW.count == 41 && shown.wBins.count == 51 && shown.sizeBins.count == 51)
            #expect(shown.wLimits.lo < shown.wLimits.hi && shown.sizeLimits.lo < shown.sizeLimits.hi)
            if let line = shown.originLine { #expect(line.count == 41) }
            let pop = try #require(populations.first { $0.z == block.z })
            #expect((block.excludedAliveFraction == nil) == pop.included)
        }
        // 02: the data at lag 1 (0.5 h).
        #expect(d.kaufman.lag == 1 && d.kaufmanHours == 0.5)
        #expect(d.kaufman.potentiation.count + d.kaufman.depression.count <= 40 * 9)
        // 03: the data band and one curve per included population of z = 1, 2, 3, 5.
        let q = dataStats.norm.exponents
        #expect(d.cvRank.exponents == q && d.cvRank.dataMean.count == q.count && d.cvRank.dataStd.count == q.count)
        #expect(d.cvRank.curves.allSatisfy { [1, 2, 3, 5].contains($0.z) && $0.rankMean.count == q.count })
        #expect(d.cvRank.curves.map(\.z) == populations.filter { $0.included && $0.norm != nil && [1, 2, 3, 5].contains($0.z) }.map(\.z))
        // 04: resamples 1…11 (the first is the data itself), minima at jittered heights around 0.7.
        #expect(d.bootstrap.curves.count == 11 && d.bootstrap.curves.allSatisfy { $0.count == q.count })
        #expect(d.bootstrap.minima == Array(dataStats.norm.qMinPerResample[1..<12]))
        #expect(d.bootstrap.minimaHeights.count == 11 && d.bootstrap.minimaHeights.allSatisfy { abs($0 - 0.7) <= 0.02 })
        #expect(d.bootstrap.qMin == dataStats.norm.qMinMean)
        // 05: q_min per included z and the line 2/z.
        #expect(d.qMin.dataMean == dataStats.norm.qMinMean && d.qMin.dataStd == dataStats.norm.qMinStd)
        #expect(d.qMin.theoryZ.first == 0.6 && d.qMin.theoryZ.count == d.qMin.theoryQ.count)
        #expect(zip(d.qMin.theoryZ, d.qMin.theoryQ).allSatisfy { $1 == 2 / $0 })
        #expect(d.qMin.simulated.map(\.z) == populations.filter { $0.included && $0.norm != nil }.map(\.z))
    }

    @Test func buildIsDeterministicAndFollowsTheBootstrapCount() throws {
        let (dataStats, data, populations) = try Self.analysis(resamples: 80)
        let a = try Figure56Data.build(data: dataStats, kaufman: data, populations: populations,
                                       simulationLag: 2, dataLag: 1, seed: 3)
        let b = try Figure56Data.build(data: dataStats, kaufman: data, populations: populations,
                                       simulationLag: 2, dataLag: 1, seed: 3)
        #expect(a.bootstrap.curves.count == Figure56Data.bootstrapCurves)
        #expect(a.bootstrap.minimaHeights == b.bootstrap.minimaHeights)
        #expect(a.kaufman.shown?.depression == b.kaufman.shown?.depression)
        // A lag the data analysis has no slopes for is an error, not a crash.
        #expect(throws: Figure56Data.BuildError.self) {
            try Figure56Data.build(data: dataStats, kaufman: data, populations: populations,
                                   simulationLag: 2, dataLag: 42, seed: 3)
        }
    }

    @Test func subsamplesAndLimits() {
        var rng = Xoshiro256(seed: 1, stream: 2)
        #expect(Figure56Data.subsample(5, &rng) == [0, 1, 2, 3, 4])
        let big = Figure56Data.subsample(5000, &rng)
        #expect(big.count == Figure56Data.maxScatterPoints && Set(big).count == big.count && big.allSatisfy { $0 < 5000 })
        var again = Xoshiro256(seed: 1, stream: 2)
        _ = Figure56Data.subsample(5, &again)
        #expect(Figure56Data.subsample(5000, &again) == big)
        #expect(Figure56Data.limits([1, .nan, -1]) == nil)
        // Three values: the 0.2 % and 99.8 % quantiles are the first and second, padded by (10/1)^0.04.
        let l = Figure56Data.limits([100, 1, 10])
        #expect(l?.lo == 1 / pow(10, 0.04) && l?.hi == 10 * pow(10, 0.04))
    }
}
