// The statistics of Figures 5–6 applied to a simulation run and to the Kaufman data.

import Foundation

public struct FluctuationAnalysisOptions: Codable, Sendable, Equatable {
    /// Simulation: analyse the last `simulationWindow` samples (paper: 144).
    public var simulationWindow: Int = 144
    /// Data: the CV statistics use the first `dataWindow` time points (paper: 48 of 49), for
    /// the spines present at the window's last time point, as the original does. The slopes
    /// use every time point of the data (the notebook's pairs: 25 847 / 25 845 at lag 1).
    public var dataWindow: Int = 48
    /// Generators of the bootstrap draws: the data with NumPy's (the notebook's digits; its
    /// result with our own generator is computed beside it), the simulations with ours
    /// (parallel; their populations are our own runs anyway).
    public var dataGenerator: BootstrapGenerator = .numpy
    public var simulationGenerator: BootstrapGenerator = .xoshiro
    /// Bootstrap resamples including the data itself, and their seed (paper: 1000, 123).
    public var resamples: Int = 1000
    public var bootstrapSeed: UInt64 = 123
    /// Populations with fewer alive synapses at the end are left out of the comparison,
    /// as in the authors' notebook (0.10).
    public var minAliveFraction: Double = 0.10
    /// Lags for the slope statistics (nil: every lag of the window).
    public var lags: [Int]? = nil
    /// Lags of the scatter panels and the printed slopes: the simulation's in samples, the
    /// data's in time points (paper: 2 and 1).
    public var simulationLag: Int = 2
    public var dataLag: Int = 1
    /// Lags whose moving-average curves are kept for plotting: those two.
    public var curveLags: Set<Int> { [simulationLag, dataLag] }
    public var exponents: [Double] = NormVariabilityOptions.paperExponents

    public init() {}

    func normOptions(_ generator: BootstrapGenerator) -> NormVariabilityOptions {
        NormVariabilityOptions(exponents: exponents, resamples: resamples, seed: bootstrapSeed, generator: generator)
    }
}

public struct DataAnalysis: Sendable {
    /// Slopes at every lag, with the original's moving-average arithmetic.
    public var slopes: [LagSlopes]
    /// Lag-1 slopes with the exact moving average (nil when the data has one time point).
    public var exactLag1Slopes: LagSlopes?
    /// The CV statistics with `dataGenerator` (drawn on the panels, used for R²).
    public var norm: NormVariability
    /// The same statistics with the other generator, for comparison.
    public var normOtherGenerator: NormVariability
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
        guard options.dataWindow >= 2, options.dataWindow <= data.cols else {
            throw FluctuationError.invalidParameter(
                "data window must lie in 2…\(data.cols) time points (got \(options.dataWindow))")
        }
        let slopes = LagSlopes.all(data, lags: options.lags?.filter { $0 < data.cols }, curveLags: options.curveLags)
        let exact = data.cols > 1 ? LagSlopes(LagPairs(data, lag: 1), averaging: .exact) : nil
        let other: BootstrapGenerator = options.dataGenerator == .numpy ? .xoshiro : .numpy
        let statistics = [options.dataGenerator, other].map { g in
            NormVariability(data, window: 0..<options.dataWindow, presentAt: options.dataWindow - 1,
                            options: options.normOptions(g))
        }
        return DataAnalysis(slopes: slopes, exactLag1Slopes: exact, norm: statistics[0], normOtherGenerator: statistics[1])
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
            : NormVariability(window: window.rows(present), options: options.normOptions(options.simulationGenerator))
        let included = alive >= options.minAliveFraction && norm != nil
        var r2 = Double.nan
        if included, let norm, let data { r2 = rSquared(data: data.norm, simulatedRank: norm.rankMean) }
        return PopulationAnalysis(z: pop.z, finalAliveFraction: alive, included: included, window: window,
                                  slopes: slopes, norm: norm, rSquared: r2)
    }
}
