// What the ten panels of Figure 2 draw (docs/methods.md §6.2), built from the typed sweep
// (`AttractorSweep`) without drawing: means ± s.e.m. over seeds, half-recall noise levels
// in the paper's units (from each result's stored noise factors), the theory curves of
// `Sim/Theory` (§5), and the weight distributions. The panels of `figure2` take only these
// structs.

import Bins
import Foundation
import Sim

public struct Figure2Data {
    /// f of every Figure 2 network (§1).
    public static let f = AttractorParameters.f
    /// The lowest load, where panels 01, 03 and 06 look.
    public static let lowLoad = AttractorLoad.alpha0_08
    /// Panel 02's neural noise, f_noise/f: the flipped fraction the SNR is measured against.
    public static let neuralNoiseFraction = 0.03
    /// The load of the saved weight matrices (panels 09, 10).
    public static let savedLoad = AttractorLoad.saved
    /// Loads of the max-noise panels (04, 07): the paper's 0.08, 0.1425 and 0.33.
    public static let maxNoiseLoads = Figure2Sweep.toleranceLoads
    /// The α grid of the theory curves of panels 02 and 05.
    public static let theoryAlphas = stride(from: 0.04, through: 0.8, by: 0.005).map { $0 }

    /// One statistic per load at one z, mean ± s.e.m. over seeds.
    public struct Series {
        public var z: Int
        public var mean: [Double]
        public var sem: [Double]
        public init(z: Int, _ stats: [MeanSEM]) { self.z = z; mean = stats.map(\.mean); sem = stats.map(\.sem) }
    }

    /// A theory curve.
    public struct Curve {
        public var x: [Double]
        public var y: [Double]
    }

    /// 01: one bar group per norm exponent q at the lowest load, one bar per z, each
    /// group divided by its maximum over z.
    public struct SNRByNormExponent {
        public struct Group {
            /// The exponent as printed ("2", "1", "2/3", "1/2") and the metric it shows.
            public var exponent: String
            public var metric: AttractorMetric
            /// Mean over seeds per z, divided by the group's maximum.
            public var heights: [Double]
        }
        public var alpha: Double
        public var groups: [Group]
    }

    /// 02 and 05: SNR per z against the load, and theory curves per z.
    public struct SNRVsLoad {
        public var series: [Series]
        /// (z, curve): z = 1 (02, 05) and z = 2 (05) when those z are in the sweep.
        public var theory: [(z: Int, curve: Curve)]
        /// The noise the SNR is relative to, as the panel's note gives it: f_noise/f (02) or
        /// σ_noise/⟨u⟩_obs (05).
        public var noiseRatio: Double
    }

    /// 03 and 06: the 50-step recall against the noise in the paper's units at the lowest load.
    public struct RecallVsNoise {
        public struct ZCurve {
            public var z: Int
            /// The first seed's levels in the paper's units, and the recall averaged over seeds.
            public var noise: [Double]
            public var recall: [Double]
            /// Mean over seeds of the half-recall level, each in its own result's units.
            public var halfRecallNoise: Double
        }
        public var type: NoiseType
        public var alpha: Double
        /// In the order of the sweep's zs.
        public var curves: [ZCurve]
    }

    /// 04 and 07: the max tolerated noise (paper's units) per z, mean ± s.e.m. over seeds, per load.
    public struct MaxNoiseVsZ {
        public struct Load {
            /// The requested load (the label) and the nearest simulated one.
            public var requestedLoad: AttractorLoad
            public var alpha: Double
            public var mean: [Double]
            public var sem: [Double]
        }
        public var type: NoiseType
        public var loads: [Load]
    }

    /// 08: the mean connection density l0 per z against the load, and the theory.
    public struct ConnectionDensity {
        public var series: [Series]
        /// z → ∞: the boundary (α_0(0, l0), l0/2) of the region without solutions (§5.4).
        public var boundary: Curve
        /// z = 1: density 0.5 at every load.
        public var z1Density: Double
        /// z = 2: the L1 solution's connection probability against α_c (§5.3).
        public var z2: Curve
    }

    /// 09: the surviving weights (> 1e-10, rescaled to mean 0.1) of the saved network per z.
    public struct SurvivingWeights {
        public var alpha: Double
        /// log10 of the 51 bin edges (1e-3…1).
        public var logEdges: [Double]
        /// Counts per z (sweep order) in units of 10^unit.
        public var counts: [[Double]]
        public var unit: Int

        /// The shape of each z's stairs: log10 of the fullest bin's centre, and the width in
        /// decades between the stairs' outer crossings of half that bin's count (the edges
        /// where the curve rises above and finally falls below it).
        public var shapes: [(modeLog10: Double, halfWidthDecades: Double)] {
            counts.map { c in
                guard let top = c.indices.max(by: { c[$0] < c[$1] || (c[$0] == c[$1] && $0 > $1) }), c[top] > 0 else { return (.nan, .nan) }
                let above = c.indices.filter { c[$0] >= c[top] / 2 }
                return ((logEdges[top] + logEdges[top + 1]) / 2, logEdges[above.last! + 1] - logEdges[above.first!])
            }
        }
    }

    /// 10: all off-diagonal weights of the same networks, exact zeros apart.
    public struct AllWeights {
        /// 201 log-spaced edges 1e-41…10.
        public var edges: [Double]
        /// Counts and exact zeros per z (sweep order), in units of 10^unit.
        public var counts: [[Double]]
        public var zeros: [Double]
        public var unit: Int
        /// The highest bar or zero count in units of 10^unit, and the highest count of an
        /// effective weight (≥ 1e-10) in plain counts.
        public var peak: Double
        public var effectivePeak: Double
        /// 10^unit.
        public var countScale: Double
    }

    /// comparison.txt: per load, the simulated means over seeds (nil when that z is not in
    /// the sweep) next to the mean-field theory of §5.
    public struct Comparison {
        public struct Row {
            public var alpha: Double
            public var l0Z1: Double?
            public var l0Z2: Double?
            /// The L1 solution's connection probability p_exc and ρ(α) (§5.3).
            public var pExc: Double
            public var minMarginZ1: Double?
            /// κ_max(α) (§5.2).
            public var kappaMax: Double
            public var rhoZ2: Double?
            public var rhoTheory: Double
            /// l0 at the largest z against the z → ∞ minimal density (§5.4).
            public var l0ZMax: Double?
            public var l0Bound: Double
        }
        /// Max tolerated noise per z (paper's units, mean over seeds) at one load.
        public struct MaxNoise {
            public var alpha: Double
            public var neural: [Double]
            public var synaptic: [Double]
        }
        public var rows: [Row]
        /// At the lowest and the highest load.
        public var maxNoise: [MaxNoise]
    }

    public var zs: [Int]
    public var alphas: [Double]
    public var snrByNormExponent: SNRByNormExponent
    public var neuralSNR: SNRVsLoad
    public var neuralRecall: RecallVsNoise
    public var maxNeuralNoise: MaxNoiseVsZ
    public var synapticSNR: SNRVsLoad
    public var synapticRecall: RecallVsNoise
    public var maxSynapticNoise: MaxNoiseVsZ
    public var density: ConnectionDensity
    public var survivingWeights: SurvivingWeights
    public var allWeights: AllWeights
    public var comparison: Comparison
    /// summary.csv: one row per point.
    public var summary: [SummaryRow]

    /// One point's headline numbers (summary.csv).
    public struct SummaryRow {
        public var z: Int
        public var alpha: Double
        public var seed: UInt64
        public var n: Int
        public var m: Int
        /// The means of `summaryMetrics`, then conv_epochs and the max neural and synaptic noise.
        public var values: [Double]
    }

    /// The metrics summary.csv lists, in its column order.
    public static let summaryMetrics: [AttractorMetric] = [.l0, .minMargin, .rho, .synMargin, .l1, .l2]

    /// summary.csv's rows: every point of the sweep, by z, load and seed.
    public static func summaryRows(_ s: AttractorSweep) throws -> [SummaryRow] {
        try s.zs.flatMap { z in
            try s.alphas.indices.flatMap { i in
                try s.at(z: z, alphaIndex: i).map { p in
                    SummaryRow(z: z, alpha: p.alpha, seed: p.seed, n: p.n, m: p.m,
                               values: try summaryMetrics.map { try p.mean($0) }
                                   + [try p.value("conv_epochs"), try p.maxNoise(.neuralBalanced), try p.maxNoise(.synapticFirstAlive)])
                }
            }
        }
    }

    public static func build(_ s: AttractorSweep) throws -> Figure2Data {
        let scaled = try s.zs.map { try scaledWeights(s, z: $0) }
        return Figure2Data(
            zs: s.zs, alphas: s.alphas,
            snrByNormExponent: try snrByNormExponent(s),
            neuralSNR: try neuralSNR(s),
            neuralRecall: try recallVsNoise(s, type: .neuralBalanced),
            maxNeuralNoise: try maxNoiseVsZ(s, type: .neuralBalanced),
            synapticSNR: try synapticSNR(s),
            synapticRecall: try recallVsNoise(s, type: .synapticFirstAlive),
            maxSynapticNoise: try maxNoiseVsZ(s, type: .synapticFirstAlive),
            density: try connectionDensity(s),
            survivingWeights: survivingWeights(alpha: s.alphas[s.alphaIndex(nearest: savedLoad)], scaled.map(\.surviving)),
            allWeights: allWeights(scaled.map(\.all)),
            comparison: try comparison(s),
            summary: try summaryRows(s))
    }

    // MARK: Panels

    /// Panel 01's groups: the q-norm margin each norm exponent q shows.
    public static let normExponentGroups: [(metric: AttractorMetric, exponent: String)] = [
        (.minMargin, "2"), (.rho, "1"), (.normMarginQ2_3, "2/3"), (.normMarginQ1_2, "1/2"),
    ]

    static func snrByNormExponent(_ s: AttractorSweep) throws -> SNRByNormExponent {
        let i = s.alphaIndex(nearest: lowLoad)
        return SNRByNormExponent(alpha: s.alphas[i], groups: try normExponentGroups.map { g in
            let values = try s.zs.map { z in MeanSEM(try s.at(z: z, alphaIndex: i).map { try $0.mean(g.metric) }).mean }
            let top = values.max() ?? 1
            return .init(exponent: g.exponent, metric: g.metric, heights: values.map { $0 / top })
        })
    }

    /// Panel 02's neural SNR per z at the sweep's first load.
    public static func neuralSNRAt(_ s: AttractorSweep) throws -> [Double] {
        let c = neuralNoiseScale(f: f, fNoise: neuralNoiseFraction * f)
        return try s.zs.map { z in try s.series(z: z) { try $0.mean(.minMargin) / c }[0].mean }
    }

    static func neuralSNR(_ s: AttractorSweep) throws -> SNRVsLoad {
        let c = neuralNoiseScale(f: f, fNoise: neuralNoiseFraction * f)
        let kappa = try L2Capacity.kappaMaxCurve(f: f, alphas: theoryAlphas)
        let series = try s.zs.map { z in Series(z: z, try s.series(z: z) { try $0.mean(.minMargin) / c }) }
        return SNRVsLoad(series: series, theory: [(1, Curve(x: theoryAlphas, y: kappa.map { $0 / c }))],
                         noiseRatio: neuralNoiseFraction)
    }

    /// The synaptic noise std σ of panel 05: the stored synaptic_first_alive factor (0.2)
    /// times the mean factor 0.1 after rescaling.
    static func synapticSigma(_ s: AttractorSweep) throws -> Double {
        let first = s.at(z: s.zs[0], alphaIndex: 0)[0]
        return try first.noiseFactor(.synapticFirstAlive) * AttractorResult.meanFactorAfterRescaling
    }

    public static func synapticSNR(_ s: AttractorSweep) throws -> SNRVsLoad {
        let sigma = try synapticSigma(s)
        var theory: [(z: Int, curve: Curve)] = []
        // Theory, z = 1: κ(α)·⟨l2⟩ / sqrt(N f σ²/2), with ⟨l2⟩ the z = 1 mean l2 over loads.
        if s.zs.contains(1) {
            let n = Double(s.at(z: 1, alphaIndex: 0)[0].n)
            let l2 = try s.series(z: 1) { try $0.mean(.l2) }.map(\.mean)
            let meanL2 = l2.reduce(0, +) / Double(l2.count)
            let kappa = try L2Capacity.kappaMaxCurve(f: f, alphas: theoryAlphas)
            theory.append((1, Curve(x: theoryAlphas, y: kappa.map { $0 * meanL2 / (n * f * sigma * sigma / 2).squareRoot() })))
        }
        // Theory, z = 2: ρ(α) f sqrt(l1/N) / sqrt(f σ²) at each simulated load.
        if s.zs.contains(2) {
            let n = Double(s.at(z: 2, alphaIndex: 0)[0].n)
            let l1 = try s.series(z: 2) { try $0.mean(.l1) }.map(\.mean)
            let rho = try s.alphas.map { try L1Capacity.point(alpha: $0, f: f).rho }
            theory.append((2, Curve(x: s.alphas, y: s.alphas.indices.map {
                rho[$0] * f * (l1[$0] / n).squareRoot() / (f * sigma * sigma).squareRoot()
            })))
        }
        let series = try s.zs.map { z in
            Series(z: z, try s.series(z: z) { p -> Double in
                let margin = try p.mean(.synMargin)
                if z == 1 {
                    let n = Double(p.n)
                    return margin * n.squareRoot() / (sigma * (n * f * (try p.mean(.l0))).squareRoot())
                }
                return margin / (f * sigma * sigma).squareRoot()
            })
        }
        return SNRVsLoad(series: series, theory: theory, noiseRatio: sigma / AttractorResult.meanFactorAfterRescaling)
    }

    static func recallVsNoise(_ s: AttractorSweep, type: NoiseType) throws -> RecallVsNoise {
        let i = s.alphaIndex(nearest: lowLoad)
        let curves = try s.zs.map { z -> RecallVsNoise.ZCurve in
            let pts = s.at(z: z, alphaIndex: i)
            let (p, _) = try pts[0].recallCurve(type)
            let recalls = try pts.map { try $0.recallCurve(type).recall }
            let mean = p.indices.map { k in recalls.map { $0[k] }.reduce(0, +) / Double(recalls.count) }
            let half = MeanSEM(try pts.map { try $0.maxNoise(type) }).mean
            return .init(z: z, noise: try p.map { try pts[0].noiseInPaperUnits(type, level: $0) }, recall: mean,
                         halfRecallNoise: half)
        }
        return RecallVsNoise(type: type, alpha: s.alphas[i], curves: curves)
    }

    static func maxNoiseVsZ(_ s: AttractorSweep, type: NoiseType, loads: [AttractorLoad] = maxNoiseLoads) throws -> MaxNoiseVsZ {
        MaxNoiseVsZ(type: type, loads: try loads.map { a in
            let i = s.alphaIndex(nearest: a)
            let v = try s.zs.map { z in MeanSEM(try s.at(z: z, alphaIndex: i).map { try $0.maxNoise(type) }) }
            return .init(requestedLoad: a, alpha: s.alphas[i], mean: v.map(\.mean), sem: v.map(\.sem))
        })
    }

    static func connectionDensity(_ s: AttractorSweep) throws -> ConnectionDensity {
        let l0s = Binning.logEdges(1e-3, 1, count: 200)
        let boundary = try L0Boundary.curve(l0s: l0s, kappa: 0, f: f)
        let rhos = Binning.logEdges(0.05, 20, count: 150)
        let l1 = try L1Capacity.curve(f: f, rhos: rhos)
        return ConnectionDensity(
            series: try s.zs.map { z in Series(z: z, try s.series(z: z) { try $0.mean(.l0) }) },
            boundary: Curve(x: boundary.map(\.alpha0), y: boundary.map(\.density)), z1Density: 0.5,
            z2: Curve(x: l1.map(\.alphaC), y: l1.map(\.connectionProbability)))
    }

    static func comparison(_ s: AttractorSweep) throws -> Comparison {
        let zMax = s.zs.max() ?? 4
        let rows = try s.alphas.enumerated().map { i, a -> Comparison.Row in
            func mean(_ z: Int, _ metric: AttractorMetric) throws -> Double? {
                guard s.zs.contains(z) else { return nil }
                return MeanSEM(try s.at(z: z, alphaIndex: i).map { try $0.mean(metric) }).mean
            }
            let l1 = try L1Capacity.point(alpha: a, f: f)
            return Comparison.Row(alpha: a, l0Z1: try mean(1, .l0), l0Z2: try mean(2, .l0), pExc: l1.connectionProbability,
                                  minMarginZ1: try mean(1, .minMargin), kappaMax: try L2Capacity.kappaMax(alpha: a, f: f),
                                  rhoZ2: try mean(2, .rho), rhoTheory: l1.rho, l0ZMax: try mean(zMax, .l0),
                                  l0Bound: try L0Boundary.minimalDensity(alpha: a, kappa: 0, f: f).density)
        }
        let maxNoise = try s.alphas.indices.filter { [0, s.alphas.count - 1].contains($0) }.map { i in
            func means(_ type: NoiseType) throws -> [Double] {
                try s.zs.map { z in MeanSEM(try s.at(z: z, alphaIndex: i).map { try $0.maxNoise(type) }).mean }
            }
            return Comparison.MaxNoise(alpha: s.alphas[i], neural: try means(.neuralBalanced),
                                       synaptic: try means(.synapticFirstAlive))
        }
        return Comparison(rows: rows, maxNoise: maxNoise)
    }

    // MARK: Weight distributions (09, 10)

    /// Off-diagonal weights of the saved (α ≈ 0.33) network of one z, in Double (keeps the
    /// 1e-40 subnormals exact), scaled so that surviving weights (> 1e-10) have mean 0.1.
    public static func scaledWeights(_ s: AttractorSweep, z: Int) throws -> (all: [Double], surviving: [Double]) {
        let i = s.alphaIndex(nearest: savedLoad)
        let p = s.at(z: z, alphaIndex: i)[0]
        let w = try p.result.array("W")
        guard w.shape.count == 2, w.shape[0] == w.shape[1] else {
            throw ResultError.corrupt(path: p.result.directory.path, reason: "W is not square")
        }
        let n = w.shape[0]
        let raw = w.doubles
        var offDiagonal: [Double] = []
        offDiagonal.reserveCapacity(n * (n - 1))
        for r in 0..<n { for c in 0..<n where r != c { offDiagonal.append(raw[r * n + c]) } }
        let alive = offDiagonal.filter { $0 > 1e-10 }
        let factor = alive.isEmpty ? 1 : 0.1 / (alive.reduce(0, +) / Double(alive.count))
        return (offDiagonal.map { $0 * factor }, alive.map { $0 * factor })
    }

    /// A power of ten that brings counts up to `maxCount` into 1…10 (10⁴ at the paper's N).
    public static func countUnit(_ maxCount: Double) -> Int { maxCount >= 10 ? Int(floor(log10(maxCount))) : 0 }

    /// Panel 09's bins: 50 log bins 1e-3…1.
    static let survivingEdges = Binning.logEdges(1e-3, 1, count: 50)

    /// Panel 09 from the surviving (rescaled) weights of each z at load `alpha`.
    public static func survivingWeights(alpha: Double, _ surviving: [[Double]]) -> SurvivingWeights {
        let edges = survivingEdges
        let counts = surviving.map { Binning.counts($0, edges: edges) }
        let unit = countUnit(counts.flatMap { $0 }.max() ?? 1)
        return SurvivingWeights(alpha: alpha, logEdges: edges.map(log10),
                                counts: counts.map { c in c.map { $0 / pow(10, Double(unit)) } }, unit: unit)
    }

    static func allWeights(_ weights: [[Double]]) -> AllWeights {
        let edges = Binning.logEdges(1e-41, 10, count: 200)
        let counts = weights.map { Binning.counts($0, edges: edges) }
        let zeros = weights.map { w in Double(w.filter { $0 == 0 }.count) }
        let unit = countUnit(max(counts.flatMap { $0 }.max() ?? 1, zeros.max() ?? 1))
        let scale = pow(10, Double(unit))
        let peak = max(counts.flatMap { $0 }.max() ?? 1, zeros.max() ?? 1) / scale
        let effectivePeak = counts.flatMap { c in c.indices.filter { edges[$0] >= 1e-10 }.map { c[$0] } }.max() ?? 0
        return AllWeights(edges: edges, counts: counts.map { c in c.map { $0 / scale } }, zeros: zeros.map { $0 / scale },
                          unit: unit, peak: peak, effectivePeak: effectivePeak, countScale: scale)
    }
}

/// The tolerance panels of Figure 2 alone (03, 04, 06, 07): what a sweep of only the
/// tolerance loads gives, e.g. the committed N = 1000 evidence set (`EvidenceSet`), which
/// has neither every load nor the weights the other panels read.
public struct Figure2ToleranceData {
    public var zs: [Int]
    public var neuralRecall: Figure2Data.RecallVsNoise
    public var maxNeuralNoise: Figure2Data.MaxNoiseVsZ
    public var synapticRecall: Figure2Data.RecallVsNoise
    public var maxSynapticNoise: Figure2Data.MaxNoiseVsZ

    public init(zs: [Int], neuralRecall: Figure2Data.RecallVsNoise, maxNeuralNoise: Figure2Data.MaxNoiseVsZ,
                synapticRecall: Figure2Data.RecallVsNoise, maxSynapticNoise: Figure2Data.MaxNoiseVsZ) {
        self.zs = zs; self.neuralRecall = neuralRecall; self.maxNeuralNoise = maxNeuralNoise
        self.synapticRecall = synapticRecall; self.maxSynapticNoise = maxSynapticNoise
    }

    /// `s` must hold the lowest load (the recall panels); the max-noise panels show those of
    /// `Figure2Data.maxNoiseLoads` it holds (a set still being computed lacks some).
    public static func build(_ s: AttractorSweep) throws -> Figure2ToleranceData {
        guard s.loads.contains(Figure2Data.lowLoad) else {
            throw ResultError.corrupt(path: "Figure 2 tolerance panels", reason: "the sweep has no load α = \(Figure2Data.lowLoad)")
        }
        let loads = Figure2Data.maxNoiseLoads.filter(s.loads.contains)
        return Figure2ToleranceData(
            zs: s.zs,
            neuralRecall: try Figure2Data.recallVsNoise(s, type: .neuralBalanced),
            maxNeuralNoise: try Figure2Data.maxNoiseVsZ(s, type: .neuralBalanced, loads: loads),
            synapticRecall: try Figure2Data.recallVsNoise(s, type: .synapticFirstAlive),
            maxSynapticNoise: try Figure2Data.maxNoiseVsZ(s, type: .synapticFirstAlive, loads: loads))
    }
}
