// The statistics of Figures 5–6 (§4) applied to a simulation run and to the Kaufman data.

import Foundation

public struct FluctuationAnalysisOptions: Codable, Sendable, Equatable {
    /// Simulation: analyse the last `simulationWindow` samples (paper: 144).
    public var simulationWindow: Int = 144
    /// Data: the slopes and the CV statistics use the first `dataWindow` time points (paper:
    /// 48 of 49), the CV statistics for the spines present at time point `dataWindow`. With
    /// all 49 time points the lag-1 slopes are 0.572/0.715; with the first 48 they are
    /// 0.5715/0.7158, which is what the published panel prints (0.57/0.72).
    public var dataWindow: Int = 48
    /// Bootstrap resamples including the data itself, and their seed (paper: 1000, 123).
    public var resamples: Int = 1000
    public var bootstrapSeed: UInt64 = 123
    /// Populations with fewer alive synapses at the end are left out of the comparison,
    /// as in the authors' notebook (0.10).
    public var minAliveFraction: Double = 0.10
    /// Lags for the slope statistics (nil: every lag of the window).
    public var lags: [Int]? = nil
    /// Lags whose moving-average curves are kept for plotting (paper: data 1, simulation 2).
    public var curveLags: Set<Int> = [1, 2]
    public var exponents: [Double] = NormVariabilityOptions.paperExponents

    public init() {}

    var normOptions: NormVariabilityOptions {
        NormVariabilityOptions(exponents: exponents, resamples: resamples, seed: bootstrapSeed)
    }
}

public struct DataAnalysis: Sendable {
    public var slopes: [LagSlopes]
    public var norm: NormVariability
    public func slopes(lag: Int) -> LagSlopes? { slopes.first { $0.lag == lag } }
}

public struct PopulationAnalysis: Sendable {
    public var z: Int
    public var finalAliveFraction: Double
    /// Whether the population passes `minAliveFraction` (else left out of figure and R²).
    public var included: Bool
    /// The analysed window (last samples), synapses × samples.
    public var window: WeightMatrix
    public var slopes: [LagSlopes]
    /// nil when no synapse is alive at the end.
    public var norm: NormVariability?
    /// R² of the mean CV-rank curve against every data resample; NaN if not included.
    public var rSquared: Double
    public func slopes(lag: Int) -> LagSlopes? { slopes.first { $0.lag == lag } }
}

public enum FluctuationAnalysis {
    public static func analyse(data: WeightMatrix, options: FluctuationAnalysisOptions) throws -> DataAnalysis {
        guard options.dataWindow >= 2, options.dataWindow < data.cols else {
            throw FluctuationError.invalidParameter(
                "data window must lie in 2…\(data.cols - 1) time points (got \(options.dataWindow))")
        }
        let window = data.columns(0..<options.dataWindow)
        let slopes = LagSlopes.all(window, lags: options.lags?.filter { $0 < window.cols }, curveLags: options.curveLags)
        let norm = NormVariability(data, window: 0..<options.dataWindow, presentAt: options.dataWindow,
                                   options: options.normOptions)
        return DataAnalysis(slopes: slopes, norm: norm)
    }

    public static func analyse(_ pop: PopulationRecord, data: DataAnalysis?,
                               options: FluctuationAnalysisOptions) throws -> PopulationAnalysis {
        let S = pop.w.cols
        guard options.simulationWindow >= 2, options.simulationWindow <= S else {
            throw FluctuationError.invalidParameter(
                "simulation window must lie in 2…\(S) samples (got \(options.simulationWindow))")
        }
        let window = pop.w.columns((S - options.simulationWindow)..<S)
        let slopes = LagSlopes.all(window, lags: options.lags?.filter { $0 < window.cols }, curveLags: options.curveLags)
        let alive = pop.finalAliveFraction
        let present = window.rowsPresent(at: window.cols - 1)
        let norm = present.isEmpty ? nil
            : NormVariability(window: window.rows(present), options: options.normOptions)
        let included = alive >= options.minAliveFraction && norm != nil
        var r2 = Double.nan
        if included, let norm, let data { r2 = rSquared(data: data.norm, simulatedRank: norm.rankMean) }
        return PopulationAnalysis(z: pop.z, finalAliveFraction: alive, included: included, window: window,
                                  slopes: slopes, norm: norm, rSquared: r2)
    }
}
