// Figure 3's data builder: the two wake–sleep results in, what each of the fifteen panels
// shows (Figure3PanelData.swift) and the numbers of summary.csv/statistics.txt out. Pure:
// no drawing; the model work (recall dynamics, responses) is Sim's (RecallRaster,
// Responses). Definitions: docs/methods.md §2.7, units §6.3.

import Bins
import Foundation
import Sim

public struct Figure3Data: Sendable {
    public var rasterBefore: Raster               // 01
    public var rasterAfter: Raster                // 02
    /// 03, in drawing order (low, then high).
    public var tolerance: [Tolerance]
    public var snrAndDensity: SNRAndDensity                 // 04
    public var matrixBefore: MatrixBlock              // 05
    public var matrixAfter: MatrixBlock               // 06
    public var factorCorrelation: FactorCorrelation         // 07
    public var weightDistribution: WeightDistribution       // 08
    public var pruning: PruningProbability                  // 09
    public var correlationBins: CorrelationBins             // 10, 11
    public var tuning: TuningCurves                         // 12
    public var selectivity: Selectivity                     // 13
    public var gainsByCycles: GainsByCycles                 // 14
    public var gainsByLoad: GainsByLoad                     // 15
    /// summary.csv, one row per run in the order of the runs.
    public var summary: [SummaryRow]

    /// Builds every panel from `runs` (both loads; single-run panels use "high").
    /// Familiar/novel stimuli are drawn with the high run's seed.
    public init(runs: [WakeSleepResult]) throws {
        guard let high = runs.first(where: { $0.load == .high }) else { throw BuildError.missingLoad(.high) }
        let storedHigh = try high.storedPatterns()
        let wEnd = try high.weights("w_end"), wBefore = try high.weights("w_epoch0")
        rasterBefore = Raster(
            recall: RecallRaster.run(weights: wBefore, theta: try high.floats("theta_before"), n: high.n,
                                     stored: storedHigh, factors: .scaledByU0, noiseFrom: Self.noiseFrom),
            noiseFrom: Self.noiseFrom, after: false)
        rasterAfter = Raster(
            recall: RecallRaster.run(weights: wEnd, theta: try high.floats("theta_end"), n: high.n,
                                     stored: storedHigh, factors: .squareRoot, noiseFrom: Self.noiseFrom),
            noiseFrom: Self.noiseFrom, after: true)
        let tolerances = try runs.map(Self.tolerance)
        tolerance = zip(runs, tolerances).sorted(by: { $0.0.load == .low && $1.0.load == .high }).map(\.1)
        snrAndDensity = try Self.snrAndDensity(runs)
        matrixBefore = Self.weightBlock(wBefore, n: high.n)
        matrixAfter = Self.weightBlock(wEnd, n: high.n)
        factorCorrelation = try Self.factorCorrelation(runs)
        weightDistribution = Self.weightDistribution(before: wBefore, after: wEnd, n: high.n)
        pruning = try Self.pruningProbability(high, before: wBefore)
        correlationBins = Self.correlationBins(weights: wEnd, n: high.n, stored: storedHigh)
        let stim = Responses.stimuli(storedHigh, count: 100, seed: high.seed)
        tuning = Self.tuningCurves(weights: wEnd, n: high.n, familiar: stim.familiar, novel: stim.novel)
        selectivity = Self.selectivity(weights: wEnd, theta: try high.floats("theta_end"), n: high.n,
                                       familiar: stim.familiar, novel: stim.novel)
        gainsByCycles = try Self.gainsByCycles(high)
        gainsByLoad = try Self.gainsByLoad(runs)
        let slopes = Dictionary(gainsByLoad.loads.map { ($0.load, $0.fit.slope) }, uniquingKeysWith: { a, _ in a })
        summary = try zip(runs, tolerances).map { run, tol in
            try Self.summaryRow(run, tolerance: tol, gainSlope: slopes[run.load] ?? .nan)
        }
    }

    public enum BuildError: Error, CustomStringConvertible {
        case missingLoad(WakeSleepLoad)
        public var description: String {
            switch self {
            case .missingLoad(let load): return "Figure 3 needs the '\(load)' wake–sleep result"
            }
        }
    }

    /// First step of the recall rasters with synaptic noise.
    public static let noiseFrom = 50

    // MARK: 03 tolerance

    /// (neural, synaptic) max tolerated noise of a run before and after sleep:
    /// neural-balanced and synaptic-first, in the paper's units (`WakeSleepResult.noiseScale`).
    public static func tolerance(_ run: WakeSleepResult) throws -> Tolerance {
        let p = try run.doubles("tolerance_p")
        func level(_ when: String, _ type: NoiseType) throws -> Double {
            HalfRecall.interpolatedLevel(levels: p, recall: try run.doubles("tolerance_\(when)_\(type.rawValue)_recall")) * (try run.noiseScale(type))
        }
        return Tolerance(load: run.load,
                         neuralBefore: try level("before", .neuralBalanced), neuralAfter: try level("after", .neuralBalanced),
                         synapticBefore: try level("before", .synapticFirst), synapticAfter: try level("after", .synapticFirst))
    }

    // MARK: 04 relative SNR and density

    /// A run's min margin and synaptic margin ρ·sqrt(l1)·sqrt(f(1−f)/N)/1.4 in relative SNR.
    public static func relativeSNR(_ run: WakeSleepResult) throws -> (neural: [Double], synaptic: [Double]) {
        let margin = try run.series("min_margin_mean")
        let rho = try run.series("rho_mean"), l1 = try run.series("l1_mean")
        let scale = (run.f * (1 - run.f) / Double(run.n)).squareRoot() / 1.4
        let unit = SNRAndDensity.relativeSNRUnit
        return (margin.map { $0 / unit }, rho.indices.map { rho[$0] * l1[$0].squareRoot() * scale / unit })
    }

    static func snrAndDensity(_ runs: [WakeSleepResult]) throws -> SNRAndDensity {
        let curves = try runs.sorted(by: { $0.load.rawValue < $1.load.rawValue }).reversed().map { run in
            let snr = try relativeSNR(run)
            return SNRSeries(load: run.load, time: run.time, neural: snr.neural, synaptic: snr.synaptic,
                             density: try run.series("l0_mean"))
        }
        return SNRAndDensity(wake: Double(runs[0].wakePasses), tEnd: endTime(runs), curves: curves)
    }

    static func endTime(_ runs: [WakeSleepResult]) -> Double {
        Double(runs.map { $0.wakePasses + $0.sleepEpochs }.max()!)
    }

    // MARK: 05/06 weight matrices

    static func weightBlock(_ w: [Float], n: Int) -> MatrixBlock {
        let k = min(40, n)
        let block = (0..<k).map { i in (0..<k).map { j in Double(w[i * n + j]) } }
        return MatrixBlock(values: block, max: block.flatMap { $0 }.max() ?? 1, size: k)
    }

    // MARK: 07 factor correlations and trajectories

    static func factorCorrelation(_ runs: [WakeSleepResult]) throws -> FactorCorrelation {
        let tEnd = endTime(runs)
        let tMax = min(200, tEnd)
        let curves = try runs.sorted(by: { $0.load.rawValue < $1.load.rawValue }).reversed().map { run -> FactorCorrelationSeries in
            let t = run.time
            let sel = t.indices.filter { t[$0] >= 20 && t[$0] <= tMax }
            let within = try run.series("corr_within"), across = try run.series("corr_across")
            // Trajectories: 10 survivors (high) or 3 survivors + 5 pruned (low).
            let traj = try run.floats("w0_trajectory"), n = run.n
            let surv = try run.doubles("tracked_surviving").map { Int($0) }
            let pruned = try run.doubles("tracked_pruned").map { Int($0) }
            let chosen = run.load == .high ? spread(surv, 10) : spread(surv, 3) + spread(pruned, 5)
            let trajectories = chosen.map { j in
                t.indices.map { k -> Double in
                    let w = Double(traj[k * n + j])
                    return w > 0 ? Foundation.log10(w) : -40
                }
            }
            return FactorCorrelationSeries(load: run.load, time: sel.map { t[$0] }, within: sel.map { within[$0] },
                                           across: sel.map { across[$0] }, trajectoryTime: t, trajectories: trajectories)
        }
        var data = FactorCorrelation(wake: Double(runs[0].wakePasses), tEnd: tEnd, tMax: tMax, curves: curves)
        if let high = runs.first(where: { $0.load == .high }) {
            let l1 = try high.series("l1_mean")
            data.meanWeightTime = high.time
            data.meanWeightLog10 = l1.map { Foundation.log10($0 / Double(high.n)) }
        }
        return data
    }

    /// `count` entries evenly spread over `a` (all of them when fewer).
    public static func spread(_ a: [Int], _ count: Int) -> [Int] {
        guard a.count > count, count > 1 else { return Array(a.prefix(count)) }
        return (0..<count).map { a[Int((Double($0) * Double(a.count - 1) / Double(count - 1)).rounded())] }
    }

    // MARK: 08 weight distributions

    /// Densities over log10 w (80 bins, 0.03…4) of pre-sleep weights (> 1e-4), of the
    /// pre-sleep values of weights pruned by the end, and of the surviving weights after
    /// sleep (off-diagonal).
    static func weightDistribution(before: [Float], after: [Float], n: Int) -> WeightDistribution {
        var pre: [Double] = [], pruned: [Double] = [], post: [Double] = []
        for i in 0..<n {
            for j in 0..<n where j != i {
                let e = i * n + j, w = before[e]
                let survives = after[e] > pruneThreshold
                if w > 1e-4 {
                    pre.append(Foundation.log10(Double(w)))
                    if !survives { pruned.append(Foundation.log10(Double(w))) }
                }
                if survives { post.append(Foundation.log10(Double(after[e]))) }
            }
        }
        let lo = Foundation.log10(0.03), hi = Foundation.log10(4.0)
        let edgesLog = (0...80).map { lo + (hi - lo) * Double($0) / 80 }
        return WeightDistribution(edges: edgesLog.map { Foundation.pow(10, $0) },
                                  before: density(pre, edges: edgesLog),
                                  pruned: density(pruned, edges: edgesLog),
                                  after: density(post, edges: edgesLog))
    }

    /// Probability density over evenly spaced `edges` (integral 1 over the values inside
    /// [edges.first, edges.last]; zeros when none is): `Binning.counts` (numpy.histogram's
    /// bins, the last edge inclusive) / total / bin width.
    public static func density(_ values: [Double], edges: [Double]) -> [Double] {
        let counts = Binning.counts(values, edges: edges)
        let total = counts.reduce(0, +), width = (edges[edges.count - 1] - edges[0]) / Double(edges.count - 1)
        return counts.map { total > 0 ? $0 / total / width : 0 }
    }

    // MARK: 09 pruning probability

    /// Fraction of pre-sleep alive weights pruned after 100 and 500 cycles and at the end,
    /// in 40 bins of the z-scored log10 pre-sleep weight.
    static func pruningProbability(_ run: WakeSleepResult, before: [Float]) throws -> PruningProbability {
        let n = run.n
        var alive: [(Int, Double)] = []
        for i in 0..<n {
            for j in 0..<n where j != i && before[i * n + j] > pruneThreshold {
                alive.append((i * n + j, Foundation.log10(Double(before[i * n + j]))))
            }
        }
        let logs = alive.map(\.1)
        let ms = MeanStd(logs)
        let zs = logs.map { ($0 - ms.mean) / ms.std }
        let lo = zs.min()!, hi = zs.max()!
        let bins = 40
        var curves: [PruningCurve] = []
        for (name, cycles) in [("w_epoch100", 100), ("w_epoch500", 500), ("w_end", nil)] as [(String, Int?)]
        where run.has(name) {
            let w = try run.weights(name)
            var total = [Double](repeating: 0, count: bins), gone = [Double](repeating: 0, count: bins)
            for (idx, (e, _)) in alive.enumerated() {
                let b = min(bins - 1, Int((zs[idx] - lo) / (hi - lo) * Double(bins)))
                total[b] += 1
                if !(w[e] > pruneThreshold) { gone[b] += 1 }
            }
            let use = (0..<bins).filter { total[$0] > 0 }
            curves.append(PruningCurve(cycles: cycles,
                                       x: use.map { lo + (hi - lo) * (Double($0) + 0.5) / Double(bins) },
                                       y: use.map { gone[$0] / total[$0] }))
        }
        return PruningProbability(lo: lo, hi: hi, sleepEpochs: run.sleepEpochs, curves: curves)
    }

    // MARK: 10/11 connectivity against response correlation

    /// Connection probability (W[i,j] > 1e-10) and mean strength of existing connections
    /// against the Pearson correlation of the responses of neurons i and j over the stored
    /// patterns, in bins [lo, lo + width), ... (i ≠ j).
    public static func correlationBins(weights w: [Float], n: Int, stored: SparsePatterns,
                                       edges: [Double] = [-0.1, 0, 0.1, 0.2, 0.3, 0.4]) -> CorrelationBins {
        let c = Responses.correlations(Responses.currents(weights: w, n: n, patterns: stored), n: n, m: stored.m)
        let bins = edges.count - 1
        var count = [Double](repeating: 0, count: bins), conn = [Double](repeating: 0, count: bins)
        var strength = [Double](repeating: 0, count: bins)
        var total = 0.0, connected = 0.0, sumW = 0.0, maxW = 0.0
        for i in 0..<n {
            for j in 0..<n where j != i {
                let wv = Double(w[i * n + j])
                let isConn = w[i * n + j] > pruneThreshold
                total += 1
                if isConn { connected += 1; sumW += wv; maxW = max(maxW, wv) }
                let v = Double(c[i * n + j])
                guard v >= edges[0], v < edges[bins] else { continue }
                var b = 0
                while b + 1 < bins && v >= edges[b + 1] { b += 1 }
                count[b] += 1
                if isConn { conn[b] += 1; strength[b] += wv }
            }
        }
        let meanStrength = connected > 0 ? sumW / connected : .nan
        let perBin = (0..<bins).map { conn[$0] > 0 ? strength[$0] / conn[$0] : .nan }
        return CorrelationBins(
            centres: (0..<bins).map { (edges[$0] + edges[$0 + 1]) / 2 },
            connection: (0..<bins).map { count[$0] > 0 ? conn[$0] / count[$0] : .nan },
            strength: perBin, relativeStrength: perBin.map { $0 / maxW },
            density: connected / total, meanStrength: meanStrength, maxWeight: maxW,
            meanRelativeStrength: meanStrength / maxW)
    }

    // MARK: 12/13 tuning and selectivity

    /// Mean over neurons of the per-neuron z-scored (familiar mean/std) currents sorted
    /// descending, by stimulus rank.
    public static func tuningCurves(weights w: [Float], n: Int, familiar: SparsePatterns,
                                    novel: SparsePatterns) -> TuningCurves {
        let k = familiar.m
        let rf = Responses.currents(weights: w, n: n, patterns: familiar)
        let rn = Responses.currents(weights: w, n: n, patterns: novel)
        var cf = [Double](repeating: 0, count: k), cn = [Double](repeating: 0, count: k)
        var used = 0.0
        for i in 0..<n {
            let f = Array(rf[(i * k)..<((i + 1) * k)]), v = Array(rn[(i * k)..<((i + 1) * k)])
            let mean = f.reduce(0, +) / Double(k)
            let sd = (f.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(k)).squareRoot()
            guard sd > 0 else { continue }
            used += 1
            let fs = f.map { ($0 - mean) / sd }.sorted(by: >), vs = v.map { ($0 - mean) / sd }.sorted(by: >)
            for r in 0..<k { cf[r] += fs[r]; cn[r] += vs[r] }
        }
        return TuningCurves(ranks: (0..<k).map { Double($0 + 1) },
                            familiar: cf.map { $0 / used }, novel: cn.map { $0 / used })
    }

    /// Sparseness (1 − ⟨x⟩²/⟨x²⟩)/(1 − 1/n) over the n = `stimuli` values of each neuron
    /// (neurons with ⟨x²⟩ = 0 skipped): mean and s.e.m. over neurons.
    public static func sparseness(_ values: [Double], neurons n: Int, stimuli k: Int) -> (mean: Double, sem: Double) {
        var s: [Double] = []
        for i in 0..<n {
            let x = values[(i * k)..<((i + 1) * k)]
            let m1 = x.reduce(0, +) / Double(k), m2 = x.reduce(0) { $0 + $1 * $1 } / Double(k)
            guard m2 > 0 else { continue }
            s.append((1 - m1 * m1 / m2) / (1 - 1 / Double(k)))
        }
        let ms = MeanStd(s)
        return (ms.mean, ms.std / Double(s.count).squareRoot())
    }

    static func selectivity(weights w: [Float], theta: [Float], n: Int, familiar: SparsePatterns,
                            novel: SparsePatterns) -> Selectivity {
        let k = familiar.m
        let rf = Responses.currents(weights: w, n: n, patterns: familiar)
        let rn = Responses.currents(weights: w, n: n, patterns: novel)
        func sigmoid(_ r: [Double], _ beta: Double) -> [Double] {
            r.indices.map { e in 1 / (1 + Foundation.exp(-beta * (r[e] - Double(theta[e / k])))) }
        }
        func pair(_ transform: ([Double]) -> [Double]) -> SparsenessPair {
            let a = sparseness(transform(rn), neurons: n, stimuli: k)
            let b = sparseness(transform(rf), neurons: n, stimuli: k)
            return SparsenessPair(novel: a.mean, familiar: b.mean, novelSEM: a.sem, familiarSEM: b.sem)
        }
        return Selectivity(input: pair { $0 }, soft: pair { sigmoid($0, 0.45) }, hard: pair { sigmoid($0, 0.6) })
    }

    // MARK: 14/15 radius gains

    /// Per-pattern radius at the start of sleep epoch e (e = nil: the end), in "(norm.)"
    /// units. Runs shorter than e epochs give their last recorded row (none: the end state).
    public static func radius(_ run: WakeSleepResult, epoch: Int?) throws -> [Double] {
        let u = GainsByCycles.radiusUnit
        if let e = epoch {
            let r = try run.array("radius")
            let m = r.shape[1]
            guard r.shape[0] > 0 else { return try run.doubles("radius_end").map { $0 / u } }
            let row = min(e, r.shape[0] - 1)
            return Array(r.doubles[(row * m)..<((row + 1) * m)]).map { $0 / u }
        }
        return try run.doubles("radius_end").map { $0 / u }
    }

    /// The least-squares line of `gain` against `r0`, drawn from `lo` to `hi`.
    static func line(_ r0: [Double], _ gain: [Double], lo: Double, hi: Double) -> (LineFit, [Double], [Double]) {
        let fit = LinearRegression.fit(x: r0, y: gain)
        return (fit, [lo, hi], [fit.intercept + fit.slope * lo, fit.intercept + fit.slope * hi])
    }

    static func gainsByCycles(_ run: WakeSleepResult) throws -> GainsByCycles {
        let r0 = try radius(run, epoch: 0)
        let lo = r0.min()!, hi = r0.max()!
        var clouds: [GainCloud] = []
        for e in [2, 6, 15, nil] as [Int?] {
            let rt = try radius(run, epoch: e)
            let gain = r0.indices.map { rt[$0] - r0[$0] }
            let (fit, x, y) = line(r0, gain, lo: lo, hi: hi)
            clouds.append(GainCloud(epochs: e, gain: gain, fit: fit, lineX: x, lineY: y))
        }
        return GainsByCycles(r0: r0, lo: lo, hi: hi, topGain: clouds.map { $0.gain.max()! }.max()!,
                             sleepEpochs: run.sleepEpochs, clouds: clouds)
    }

    static func gainsByLoad(_ runs: [WakeSleepResult]) throws -> GainsByLoad {
        GainsByLoad(loads: try runs.map { run in
            let r0 = try radius(run, epoch: 0), rt = try radius(run, epoch: nil)
            let gain = r0.indices.map { rt[$0] - r0[$0] }
            let (fit, x, y) = line(r0, gain, lo: r0.min()!, hi: r0.max()!)
            return LoadGain(load: run.load, r0: r0, gain: gain, fit: fit, lineX: x, lineY: y)
        })
    }

    // MARK: summary

    static func summaryRow(_ run: WakeSleepResult, tolerance: Tolerance, gainSlope: Double) throws -> SummaryRow {
        let margin = try run.series("min_margin_mean"), l0 = try run.series("l0_mean")
        let sleepStart = run.time.firstIndex { $0 >= Double(run.wakePasses) } ?? 0
        let within = try run.series("corr_within"), across = try run.series("corr_across")
        return SummaryRow(load: run.load, mShown: run.m, mStored: run.kept.count,
                                 l0Before: l0[sleepStart], l0After: l0.last!,
                                 marginBefore: margin[sleepStart], marginAfter: margin.last!,
                                 tolerance: tolerance, marginPeak: margin[sleepStart...].max()!,
                                 corrWithinEnd: within.last!, corrAcrossEnd: across.last!,
                                 gainSlope: gainSlope, sleepEpochs: run.sleepEpochs)
    }
}
