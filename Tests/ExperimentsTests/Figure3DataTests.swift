// Figure 3's data builder on two tiny wake–sleep results made here (tiny scale, 20 sleep
// epochs, saved to a temporary directory and read back as the figure reads them).

import Foundation
import Experiments
import Sim
import Testing

@Suite struct Figure3DataTests {
    /// Both loads at the tiny scale with 20 sleep epochs, written and read back once (the
    /// arrays are read lazily, so the directory stays; each run replaces it).
    static let runs: [WakeSleepResult] = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("figure3-data-tests")
        return Figure3Sweep.loads.map { load in
            var p = WakeSleepScale.tiny.parameters(load: load)
            p.sleepEpochs = 20
            let dir = root.appendingPathComponent(SimulationPoint.wakeSleep(scale: .tiny, load: load, seed: p.seed).name)
            let bundle = try! WakeSleepModel.produce(p)
            try! ResultStore.save(bundle, to: dir, model: WakeSleepModel.model, version: WakeSleepModel.version,
                                  parameters: try! JSONValue(encoding: p), wallSeconds: 0, command: "test")
            return try! WakeSleepResult(directory: dir, load: load)
        }
    }()
    static let data: Figure3Data = try! Figure3Data(runs: runs)
    var high: WakeSleepResult { Self.runs[0] }

    @Test func recallRastersAndMatrices() throws {
        let d = Self.data
        for (raster, after) in [(d.rasterBefore, false), (d.rasterAfter, true)] {
            #expect(raster.after == after && raster.noiseFrom == 50)
            #expect(raster.currents.count == 40 && raster.currents.allSatisfy { $0.count == 200 })
            #expect(raster.currents.allSatisfy { $0.allSatisfy { abs($0) <= 1 } })
        }
        let w = try high.weights("w_end")
        #expect(d.matrixAfter.size == 40 && d.matrixAfter.values.count == 40)
        #expect(d.matrixAfter.values[3][7] == Double(w[3 * high.n + 7]))
        #expect(d.matrixAfter.max == d.matrixAfter.values.flatMap { $0 }.max())
    }

    @Test func toleranceInPanelUnits() throws {
        let t = Self.data.tolerance
        #expect(t.map(\.load) == [WakeSleepLoad.low, .high])          // drawing order: low, then high
        let p = try high.doubles("tolerance_p")
        let recall = try high.doubles("tolerance_after_neural_balanced_recall")
        let ht = t[1]
        #expect(ht.neuralAfter == HalfRecall.interpolatedLevel(levels: p, recall: recall) * (2 / 0.05))
        let synaptic = try high.doubles("tolerance_before_synaptic_first_recall")
        #expect(ht.synapticBefore == HalfRecall.interpolatedLevel(levels: p, recall: synaptic) * (4 / 0.1))
        #expect(Self.data.summary[0].tolerance == ht)
    }

    @Test func halfRecallLevelOnHandMadeCurves() {
        let levels = [0.0, 1, 2, 3]
        // Crosses between levels 1 (0.8) and 2 (0.4): 1 + (0.8 − 0.5)/(0.8 − 0.4) = 1.75.
        #expect(abs(HalfRecall.interpolatedLevel(levels: levels, recall: [1, 0.8, 0.4, 0.1]) - 1.75) < 1e-12)
        #expect(HalfRecall.interpolatedLevel(levels: levels, recall: [1, 1, 0.5, 0.5]) == 3)   // never below 0.5
        #expect(HalfRecall.interpolatedLevel(levels: levels, recall: [0.4, 0.3, 0.2, 0.1]) == 0)
        #expect(HalfRecall.interpolatedLevel(levels: levels, recall: [1, 0.5, 0.5, 0.2]) == 2)  // flat at 0.5, then below
        #expect(HalfRecall.closestLevel(levels: levels, recall: [1, 0.8, 0.4, 0.1]) == 2)
        #expect(HalfRecall.closestLevel(levels: levels, recall: [1, 0.75, 0.25, 0]) == 1)  // tie: the first
    }

    @Test func relativeSNRAndDensity() throws {
        let s = Self.data.snrAndDensity
        #expect(Figure3Data.SNRAndDensity.relativeSNRUnit == 0.35)
        #expect(s.curves.map(\.load) == [WakeSleepLoad.low, .high])
        #expect(s.wake == 35 && s.tEnd == 55)
        let c = s.curves[1]
        let margin = try high.series("min_margin_mean"), rho = try high.series("rho_mean"), l1 = try high.series("l1_mean")
        #expect(c.time == high.time && c.neural.count == margin.count)
        for k in [0, margin.count / 2, margin.count - 1] {
            #expect(c.neural[k] == margin[k] / 0.35)
            let synaptic = rho[k] * l1[k].squareRoot() * (0.05 * 0.95 / 400).squareRoot() / 1.4 / 0.35
            #expect(abs(c.synaptic[k] - synaptic) <= 1e-12 * abs(synaptic))
        }
        #expect(c.density == (try high.series("l0_mean")))
    }

    @Test func factorCorrelationWindowAndTrajectories() throws {
        let f = Self.data.factorCorrelation
        #expect(f.tMax == 55 && f.curves.map(\.load) == [WakeSleepLoad.low, .high])
        for c in f.curves {
            #expect(c.time.allSatisfy { $0 >= 20 && $0 <= 55 })
            #expect(c.within.count == c.time.count && c.across.count == c.time.count)
            #expect(c.trajectories.allSatisfy { $0.count == c.trajectoryTime.count })
        }
        #expect(f.curves[1].trajectories.count <= 10)
        let l1 = try high.series("l1_mean")
        #expect(f.meanWeightLog10?.last == Foundation.log10(l1.last! / 400))
        #expect(Figure3Data.spread([1, 2, 3, 4, 5, 6, 7], 3) == [1, 4, 7])
        #expect(Figure3Data.spread([1, 2], 3) == [1, 2])
    }

    @Test func densityByHand() {
        // Edges 0, 1, 2, 3, 4: values 0.5, 1, 1.5 | 3.9, 4 (last edge inclusive); 5, −1, NaN outside.
        let d = Figure3Data.density([0.5, 1, 1.5, 3.9, 4, 5, -1, .nan], edges: [0, 1, 2, 3, 4])
        #expect(d == [0.2, 0.4, 0, 0.4])
        #expect(Figure3Data.density([9], edges: [0, 0.5, 1]) == [0, 0])
        // Bins of width 0.25: counts / total / width.
        let e = Figure3Data.density([0.1, 0.2, 0.3, 0.9], edges: [0, 0.25, 0.5, 0.75, 1])
        #expect(e == [2, 1, 0, 1].map { $0 / 4 / 0.25 })
    }

    @Test func weightDistributionsAndPruning() {
        let d = Self.data.weightDistribution
        #expect(d.edges.count == 81 && abs(d.edges[0] - 0.03) < 1e-12 && abs(d.edges[80] - 4) < 1e-12)
        // Densities per log10 unit integrate to 1 over the 80 equal log bins.
        let width = (Foundation.log10(4.0) - Foundation.log10(0.03)) / 80
        #expect(abs(d.before.reduce(0, +) * width - 1) < 1e-9)
        #expect(abs(d.after.reduce(0, +) * width - 1) < 1e-9)
        let p = Self.data.pruning
        #expect(p.curves.map(\.cycles) == [nil])              // 20 epochs: only the end snapshot
        #expect(p.sleepEpochs == 20 && p.lo < 0 && p.hi > 0)
        #expect(p.curves[0].y.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(p.curves[0].x.allSatisfy { $0 > p.lo && $0 < p.hi })
    }

    @Test func correlationBinsTuningAndSelectivity() {
        let b = Self.data.correlationBins
        #expect(zip(b.centres, [-0.05, 0.05, 0.15, 0.25, 0.35]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(b.density > 0 && b.density <= 1)
        #expect(b.connection.allSatisfy { $0.isNaN || ($0 >= 0 && $0 <= 1) })
        #expect(zip(b.relativeStrength, b.strength).allSatisfy { $0.isNaN && $1.isNaN || $0 == $1 / b.maxWeight })
        #expect(b.meanRelativeStrength == b.meanStrength / b.maxWeight && b.meanRelativeStrength <= 1)
        let t = Self.data.tuning
        let k = min(100, high.kept.count)
        #expect(t.ranks == (1...k).map(Double.init) && t.familiar.count == k && t.novel.count == k)
        #expect(zip(t.familiar, t.familiar.dropFirst()).allSatisfy { $0 >= $1 })   // sorted descending
        #expect(abs(t.familiar.reduce(0, +) / Double(k)) < 1e-9)                   // z-scored with its own mean
        let s = Self.data.selectivity
        for pair in [s.input, s.soft, s.hard] {
            for v in [pair.novel, pair.familiar] { #expect(v >= 0 && v <= 1 + 1e-12) }
            #expect(pair.novelSEM >= 0 && pair.familiarSEM >= 0)
        }
        // Sparseness of (1, 0, 0, 0) is 1, of a constant 0.
        let sp = Figure3Data.sparseness([1, 0, 0, 0, 2, 2, 2, 2], neurons: 2, stimuli: 4)
        #expect(abs(sp.mean - 0.5) < 1e-12)
    }

    @Test func radiusGainsAndRegressionLines() throws {
        let g = Self.data.gainsByCycles
        #expect(g.clouds.map(\.epochs) == [2, 6, 15, nil])
        let r = try high.array("radius"), m = r.shape[1]
        #expect(g.r0 == r.doubles[0..<m].map { $0 / 0.1 })
        #expect(g.r0.count == high.kept.count && g.lo == g.r0.min() && g.hi == g.r0.max())
        let end = try high.doubles("radius_end").map { $0 / 0.1 }
        #expect(g.clouds[3].gain == g.r0.indices.map { end[$0] - g.r0[$0] })
        for cloud in g.clouds {
            // Slope and intercept by hand: (n Σxy − Σx Σy) / (n Σx² − (Σx)²), ȳ − b x̄.
            let x = g.r0, y = cloud.gain, n = Double(x.count)
            let sx = x.reduce(0, +), sy = y.reduce(0, +)
            let sxy = zip(x, y).map { $0 * $1 }.reduce(0, +), sxx = x.map { $0 * $0 }.reduce(0, +)
            let slope = (n * sxy - sx * sy) / (n * sxx - sx * sx)
            #expect(abs(cloud.fit.slope - slope) < 1e-6 * max(1, abs(slope)))
            #expect(abs(cloud.fit.intercept - (sy / n - slope * sx / n)) < 1e-6)
            #expect(cloud.lineX == [g.lo, g.hi])
            #expect(cloud.lineY == [cloud.fit.intercept + cloud.fit.slope * g.lo, cloud.fit.intercept + cloud.fit.slope * g.hi])
        }
        #expect(g.topGain == g.clouds.map { $0.gain.max()! }.max())
        let loads = Self.data.gainsByLoad.loads
        #expect(loads.map(\.load) == [WakeSleepLoad.high, .low])
        #expect(loads[0].fit == g.clouds[3].fit)              // the high run's end cloud, both panels
        #expect(Self.data.summary.map(\.gainSlope) == loads.map(\.fit.slope))
    }

    @Test func summaryRows() throws {
        let rows = Self.data.summary
        #expect(rows.map(\.load) == [WakeSleepLoad.high, .low])
        for (row, run) in zip(rows, Self.runs) {
            let l0 = try run.series("l0_mean"), margin = try run.series("min_margin_mean")
            let start = run.time.firstIndex { $0 >= 35 }!
            #expect(row.mShown == run.m && row.mStored == run.kept.count && row.sleepEpochs == 20)
            #expect(row.l0Before == l0[start] && row.l0After == l0.last!)
            #expect(row.marginBefore == margin[start] && row.marginPeak == margin[start...].max()!)
        }
    }

    @Test func aMissingHighRunIsAnError() {
        #expect(throws: Figure3Data.BuildError.self) { _ = try Figure3Data(runs: [Self.runs[1]]) }
    }
}
