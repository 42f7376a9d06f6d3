// What the five panels of Figures 5–6 draw (docs/methods.md §6.4), built from the
// fluctuation analysis (`FluctuationAnalysis` of Sim, §4) without drawing: the seeded
// scatter subsamples, axis limits, regression lines, CV-rank curves, bootstrap curves and
// their jittered minima, q_min per z. The panels of `figure5-6` take only these structs.

import Bins
import Foundation
import Sim

public struct Figure56Data: Sendable {
    /// Scatter panels show at most this many random pairs of each sign.
    public static let maxScatterPoints = 2000
    /// Simulated populations of panel 01 (three blocks side by side).
    public static let scatterZs = [1, 2, 5]
    /// Simulated populations whose CV-rank curves panel 03 shows.
    public static let cvRankZs = [1, 2, 3, 5]
    /// Bootstrap curves shown in panel 04.
    public static let bootstrapCurves = 50

    /// |Δw| against w at one lag: all pairs (marginal histograms) and what the log–log
    /// scatter shows.
    public struct ChangeScatter: Sendable {
        public var lag: Int
        /// Every pair of each sign (the marginal histograms use them all).
        public var potentiation: WeightChanges
        public var depression: WeightChanges
        /// Moving averages and their regression lines (slopes printed in the panel).
        public var slopes: LagSlopes
        /// The log axes and what lies on them; nil when fewer than two positive values
        /// leave no axis range (the panel then says so).
        public var shown: Shown?

        public struct Shown: Sendable {
            /// Robust log-axis limits: 0.2 % and 99.8 % quantiles of the positive values, padded.
            public var wLimits: (lo: Double, hi: Double)
            public var sizeLimits: (lo: Double, hi: Double)
            /// The seeded random subsample of each sign, in drawing order.
            public var potentiation: WeightChanges
            public var depression: WeightChanges
            /// 41 log-spaced w over the shown range, and the lines over them: each sign's
            /// regression line (nil for a non-finite slope) and the least-squares line
            /// through the origin of all pairs (nil when not finite).
            public var lineW: [Double]
            public var potentiationLine: [Double]?
            public var depressionLine: [Double]?
            public var originLine: [Double]?
            /// Marginal-histogram bins (50, log-spaced) of w and |Δw|.
            public var wBins: [Double]
            public var sizeBins: [Double]
        }
    }

    /// Panel 01: one block per z of `scatterZs`; `scatter` nil when that population is not simulated.
    public struct SimulationBlock: Sendable {
        public var z: Int
        public var scatter: ChangeScatter?
        /// The final alive fraction of a population left out of the statistics (§4.4), else nil.
        public var excludedAliveFraction: Double?
    }

    /// Panel 03: the data's mean ± std CV rank and the simulated mean curves.
    public struct CVRank: Sendable {
        public struct Curve: Sendable { public var z: Int; public var rankMean: [Double] }
        public var exponents: [Double]
        public var dataMean: [Double]
        public var dataStd: [Double]
        /// Included populations of `cvRankZs`, in population order.
        public var curves: [Curve]
    }

    /// Panel 04: bootstrap CV-rank curves of the data, their minima at jittered heights,
    /// the mean curve and q_min.
    public struct Bootstrap: Sendable {
        public var exponents: [Double]
        public var curves: [[Double]]
        public var minima: [Double]
        public var minimaHeights: [Double]
        public var rankMean: [Double]
        public var qMin: Double
    }

    /// Panel 05: q_min per included z, the theory 2/z and the data's q_min ± std.
    public struct QMin: Sendable {
        public struct Point: Sendable { public var z: Int; public var qMin: Double }
        public var dataMean: Double
        public var dataStd: Double
        public var theoryZ: [Double]
        public var theoryQ: [Double]
        public var simulated: [Point]
    }

    public var simulationLag: Int
    public var dataLag: Int
    public var simulation: [SimulationBlock]
    /// Panel 02: the Kaufman et al. data at `dataLag`, and that lag in hours.
    public var kaufman: ChangeScatter
    public var kaufmanHours: Double
    public var cvRank: CVRank
    public var bootstrap: Bootstrap
    public var qMin: QMin

    public enum BuildError: Error, CustomStringConvertible {
        case noDataSlopes(lag: Int)
        public var description: String {
            switch self { case .noDataSlopes(let lag): return "figure5-6: no slopes of the data at lag \(lag)" }
        }
    }

    /// The panels' data. `seed` is the simulation's seed: it also seeds panel 01's scatter
    /// subsamples, so another simulation seed draws other points; the data scatter and the
    /// bootstrap jitter have fixed seeds.
    public static func build(data: DataAnalysis, kaufman: WeightMatrix, populations: [PopulationAnalysis],
                             simulationLag: Int, dataLag: Int, seed: UInt64) throws -> Figure56Data {
        let simulation = scatterZs.map { z -> SimulationBlock in
            guard let pop = populations.first(where: { $0.z == z }) else { return SimulationBlock(z: z) }
            let pairs = LagPairs(pop.window, lag: simulationLag)
            var rng = Xoshiro256(seed: seed, stream: 0xF16_0000 + UInt64(z))
            return SimulationBlock(z: z, scatter: changeScatter(pairs, slopes: LagSlopes(pairs), rng: &rng),
                                   excludedAliveFraction: pop.included ? nil : pop.finalAliveFraction)
        }
        guard let dataSlopes = data.slopes(lag: dataLag) else { throw BuildError.noDataSlopes(lag: dataLag) }
        var rng = Xoshiro256(seed: 2012, stream: UInt64(dataLag))
        let kaufmanScatter = changeScatter(LagPairs(kaufman, lag: dataLag), slopes: dataSlopes, rng: &rng)

        let norm = data.norm
        let curves = populations.compactMap { p -> CVRank.Curve? in
            guard p.included, cvRankZs.contains(p.z), let n = p.norm else { return nil }
            return CVRank.Curve(z: p.z, rankMean: n.rankMean)
        }
        let cvRank = CVRank(exponents: norm.exponents, dataMean: norm.rankMean, dataStd: norm.rankStd, curves: curves)

        let shown = Array(1..<min(norm.resamples, bootstrapCurves + 1))
        var g = Xoshiro256(seed: 123, stream: 4)
        var minima: [Double] = [], heights: [Double] = []
        for r in shown {
            minima.append(norm.qMinPerResample[r])
            heights.append(0.7 + 0.04 * (g.uniform() - 0.5))    // jitter so the markers do not overlap
        }
        let bootstrap = Bootstrap(exponents: norm.exponents, curves: shown.map { norm.rankCurve($0) }, minima: minima,
                                  minimaHeights: heights, rankMean: norm.rankMean, qMin: norm.qMinMean)

        let zTheory = stride(from: 0.6, through: 5.5, by: 0.02).map { $0 }
        let qMin = QMin(dataMean: norm.qMinMean, dataStd: norm.qMinStd, theoryZ: zTheory, theoryQ: zTheory.map { 2 / $0 },
                        simulated: populations.compactMap { p in
                            guard p.included, let n = p.norm else { return nil }
                            return QMin.Point(z: p.z, qMin: n.qMinMean)
                        })
        return Figure56Data(simulationLag: simulationLag, dataLag: dataLag, simulation: simulation,
                            kaufman: kaufmanScatter, kaufmanHours: Double(dataLag) * KaufmanData.hoursPerSample,
                            cvRank: cvRank, bootstrap: bootstrap, qMin: qMin)
    }

    /// Up to `maxScatterPoints` random indices of `n` (all of them, in order, when fewer).
    public static func subsample(_ n: Int, _ rng: inout Xoshiro256) -> [Int] {
        n <= maxScatterPoints ? Array(0..<n) : Array(rng.permutation(n).prefix(maxScatterPoints))
    }

    /// Robust log-axis limits: the 0.2 % and 99.8 % quantiles of the positive values, padded.
    public static func limits(_ values: [Double]) -> (lo: Double, hi: Double)? {
        let v = values.filter { $0.isFinite && $0 > 0 }.sorted()
        guard v.count >= 2 else { return nil }
        let lo = v[Int(Double(v.count - 1) * 0.002)], hi = v[Int(Double(v.count - 1) * 0.998)]
        let pad = pow(hi / lo, 0.04)
        return (lo / pad, hi * pad)
    }

    /// One scatter block: depression is subsampled first, then potentiation (the order of
    /// the draws from `rng`).
    static func changeScatter(_ pairs: LagPairs, slopes: LagSlopes, rng: inout Xoshiro256) -> ChangeScatter {
        let ltp = pairs.potentiation, ltd = pairs.depression
        var scatter = ChangeScatter(lag: pairs.lag, potentiation: ltp, depression: ltd, slopes: slopes, shown: nil)
        guard let xl = limits(ltp.w + ltd.w), let yl = limits(ltp.size + ltd.size) else { return scatter }
        func pick(_ changes: WeightChanges) -> WeightChanges {
            let idx = subsample(changes.count, &rng)
            return WeightChanges(w: idx.map { changes.w[$0] }, size: idx.map { changes.size[$0] })
        }
        let shownLTD = pick(ltd)
        let shownLTP = pick(ltp)
        let xs = Binning.logEdges(xl.lo, xl.hi, count: 40)
        func line(_ s: ChangeSlope) -> [Double]? {
            s.slope.isFinite ? xs.map { pow(10, s.fit.intercept) * pow($0, s.slope) } : nil
        }
        let all = pairs.all
        let c = LinearRegression.slopeThroughOrigin(x: all.w, y: all.size)
        scatter.shown = .init(wLimits: xl, sizeLimits: yl, potentiation: shownLTP, depression: shownLTD, lineW: xs,
                              potentiationLine: line(slopes.potentiation), depressionLine: line(slopes.depression),
                              originLine: c.isFinite ? xs.map { c * $0 } : nil,
                              wBins: Binning.logEdges(xl.lo, xl.hi, count: 50),
                              sizeBins: Binning.logEdges(yl.lo, yl.hi, count: 50))
        return scatter
    }
}

extension Figure56Data.SimulationBlock {
    init(z: Int) { self.init(z: z, scatter: nil, excludedAliveFraction: nil) }
}
