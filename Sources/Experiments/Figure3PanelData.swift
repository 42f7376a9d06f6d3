// What each Figure 3 panel shows, in the panel's units (docs/methods.md §2.7, §6.3): plain
// values built by `Figure3Data` from the wake–sleep results; the panels only draw them.

import Foundation
import Sim

extension Figure3Data {
    /// 01/02: input currents of the first neurons during cued recall, rows × steps in [−1, 1].
    public struct Raster: Sendable {
        /// The currents drawn and, per cue window, how well the network held the cued pattern.
        public var recall: RecallRaster.Recall
        public var currents: [[Double]] { recall.currents }
        /// First step with synaptic noise.
        public var noiseFrom: Int
        /// After sleep (else before).
        public var after: Bool
    }

    /// 03 (and summary.csv): max tolerated noise of one load at recall 0.5, neural in units
    /// of 2p/f, synaptic in units of 4p/⟨u⟩ with ⟨u⟩ = 0.1.
    public struct Tolerance: Sendable, Equatable {
        public var load: WakeSleepLoad
        public var neuralBefore: Double
        public var neuralAfter: Double
        public var synapticBefore: Double
        public var synapticAfter: Double
    }

    /// 04: one load's curves over recorded time.
    public struct SNRSeries: Sendable {
        public var load: WakeSleepLoad
        public var time: [Double]
        /// Min margin in relative SNR (margin / `SNRAndDensity.relativeSNRUnit`).
        public var neural: [Double]
        /// Synaptic margin ρ·sqrt(l1)·sqrt(f(1−f)/N)/1.4 in relative SNR.
        public var synaptic: [Double]
        /// Weight density l0 (mean over neurons).
        public var density: [Double]
    }

    /// 04: relative SNR (top) and density (bottom) against replay cycles.
    public struct SNRAndDensity: Sendable {
        /// The unit of "relative SNR": the notebook plots the raw margins on limits −0.06…0.7
        /// and labels the ticks at 0, 0.35, 0.7 as "0", "1", "2".
        public static let relativeSNRUnit = 0.35
        /// End of waking (day/night boundary) and the last time of the longest run.
        public var wake: Double
        public var tEnd: Double
        /// In drawing order (low, then high on top).
        public var curves: [SNRSeries]
    }

    /// 05/06: the top-left block W[0:k, 0:k] and its largest value.
    public struct MatrixBlock: Sendable {
        public var values: [[Double]]
        public var max: Double
        public var size: Int
    }

    /// 07: one load's factor correlations (times in 20…tMax) and tracked weights of neuron 0.
    public struct FactorCorrelationSeries: Sendable {
        public var load: WakeSleepLoad
        public var time: [Double]
        public var within: [Double]
        public var across: [Double]
        /// All recorded times, and log10 w of each chosen tracked weight (−40 where w ≤ 0).
        public var trajectoryTime: [Double]
        public var trajectories: [[Double]]
    }

    /// 07: factor correlations (top) and weight trajectories (bottom).
    public struct FactorCorrelation: Sendable {
        public var wake: Double
        public var tEnd: Double
        /// Upper end of the correlation time axis: min(200, tEnd).
        public var tMax: Double
        /// In drawing order (low, then high).
        public var curves: [FactorCorrelationSeries]
        /// log10 of the mean weight l1/N of the high run over its recorded times.
        public var meanWeightTime: [Double]?
        public var meanWeightLog10: [Double]?
    }

    /// 08: densities over log10 w (per log10 unit) on 80 bins, drawn at the weight edges.
    public struct WeightDistribution: Sendable {
        /// Bin edges as weights (81, log-spaced 0.03…4).
        public var edges: [Double]
        public var before: [Double]
        public var pruned: [Double]
        public var after: [Double]

        /// log10 of the centre of the fullest bin of `density` (the first, on a tie).
        public func modeLog10(_ density: [Double]) -> Double {
            let i = density.indices.max { density[$0] < density[$1] || (density[$0] == density[$1] && $0 > $1) } ?? 0
            return (Foundation.log10(edges[i]) + Foundation.log10(edges[i + 1])) / 2
        }

        /// log10 of the weight that splits the mass inside the plotted range in half, linear
        /// within its bin.
        public func medianLog10(_ density: [Double]) -> Double {
            let logs = edges.map { Foundation.log10($0) }
            let total = density.indices.reduce(0.0) { $0 + density[$1] * (logs[$1 + 1] - logs[$1]) }
            var below = 0.0
            for i in density.indices {
                let mass = density[i] * (logs[i + 1] - logs[i])
                if below + mass >= total / 2, mass > 0 { return logs[i] + (total / 2 - below) / mass * (logs[i + 1] - logs[i]) }
                below += mass
            }
            return .nan
        }
    }

    /// 09: one snapshot's pruning probability against the z-scored log10 pre-sleep weight.
    public struct PruningCurve: Sendable {
        /// Sleep epochs of the snapshot (nil: the end of sleep).
        public var cycles: Int?
        /// Centres of the non-empty bins, and the fraction pruned in each.
        public var x: [Double]
        public var y: [Double]
    }

    /// 09: pruning probability of pre-sleep alive weights per z-score bin.
    public struct PruningProbability: Sendable {
        /// Range of the z-scores.
        public var lo: Double
        public var hi: Double
        public var sleepEpochs: Int
        /// Snapshots at 100 and 500 cycles (when reached) and at the end, in that order.
        public var curves: [PruningCurve]
    }

    /// 10/11: connectivity against the response correlation of neuron pairs (high run, after).
    public struct CorrelationBins: Sendable {
        public var centres: [Double]
        /// Fraction of pairs connected (W > 1e-10) per bin (NaN: empty bin).
        public var connection: [Double]
        /// Mean strength of existing connections per bin (NaN: none).
        public var strength: [Double]
        /// `strength` divided by the largest weight (panel 11's unit).
        public var relativeStrength: [Double]
        /// Overall connection density, mean strength of existing connections, largest weight.
        public var density: Double
        public var meanStrength: Double
        public var maxWeight: Double
        /// `meanStrength` / `maxWeight`.
        public var meanRelativeStrength: Double
    }

    /// 12: mean sorted z-scored currents per stimulus rank.
    public struct TuningCurves: Sendable {
        public var ranks: [Double]
        public var familiar: [Double]
        public var novel: [Double]
    }

    /// Sparseness over stimuli (mean ± s.e.m. over neurons), novel and familiar.
    public struct SparsenessPair: Sendable, Equatable {
        public var novel: Double
        public var familiar: Double
        public var novelSEM: Double
        public var familiarSEM: Double
    }

    /// 13: sparseness of the raw currents and of soft (β = 0.45) and hard (β = 0.6) outputs.
    public struct Selectivity: Sendable {
        public var input: SparsenessPair
        public var soft: SparsenessPair
        public var hard: SparsenessPair
    }

    /// 14: one cloud of radius gains and its least-squares line.
    public struct GainCloud: Sendable {
        /// Sleep epochs (nil: the end of sleep).
        public var epochs: Int?
        public var gain: [Double]
        public var fit: LineFit
        /// The line from the smallest to the largest initial radius.
        public var lineX: [Double]
        public var lineY: [Double]
    }

    /// 14: radius gain r_t − r_0 against r_0 (high run), in "(norm.)" units.
    public struct GainsByCycles: Sendable {
        /// The "(norm.)" unit: the notebook plots raw radii and labels its ticks ×10.
        public static let radiusUnit = 0.1
        public var r0: [Double]
        /// Range of r0.
        public var lo: Double
        public var hi: Double
        /// Largest gain over all clouds.
        public var topGain: Double
        public var sleepEpochs: Int
        /// After 2, 6, 15 epochs and at the end.
        public var clouds: [GainCloud]
    }

    /// 15: one load's final gain against r_0 and its line.
    public struct LoadGain: Sendable {
        public var load: WakeSleepLoad
        public var r0: [Double]
        public var gain: [Double]
        public var fit: LineFit
        public var lineX: [Double]
        public var lineY: [Double]
    }

    /// 15: final radius gains of both loads.
    public struct GainsByLoad: Sendable {
        /// In the order of the runs.
        public var loads: [LoadGain]
    }

    /// One row of summary.csv.
    public struct SummaryRow: Sendable {
        public var load: WakeSleepLoad
        public var mShown: Int
        public var mStored: Int
        public var l0Before: Double
        public var l0After: Double
        public var marginBefore: Double
        public var marginAfter: Double
        public var tolerance: Tolerance
        public var marginPeak: Double
        public var corrWithinEnd: Double
        public var corrAcrossEnd: Double
        public var gainSlope: Double
        public var sleepEpochs: Int
    }
}
