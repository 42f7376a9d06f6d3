// Figures 5–6's statistics (docs/methods.md §4), computed one way with one set of defaults
// (`FluctuationAnalysisOptions()`, the notebook's settings) for everyone who needs them:
// `figure5-6`, `simulate fluctuations --analyse` and the claims.

import Foundation
import Sim

public struct FluctuationStudy: Sendable {
    public var options: FluctuationAnalysisOptions
    public var data: DataAnalysis
    public var populations: [PopulationAnalysis]

    /// The data's statistics alone (no simulation needed).
    public static func analyseData(_ kaufman: WeightMatrix, options: FluctuationAnalysisOptions = .init()) throws -> DataAnalysis {
        try FluctuationAnalysis.analyse(data: kaufman, options: options)
    }

    /// Every population of `run` against the data. The simulation window is clamped to the
    /// run's samples; `data` reuses statistics already computed with the same options.
    public init(run: FluctuationRun, kaufman: WeightMatrix, data: DataAnalysis? = nil,
                options: FluctuationAnalysisOptions = .init()) throws {
        var o = options
        o.simulationWindow = min(o.simulationWindow, run.parameters.samples)
        let d = try data ?? Self.analyseData(kaufman, options: o)
        self.options = o
        self.data = d
        populations = try run.populations.map { try FluctuationAnalysis.analyse($0, data: d, options: o) }
    }

    public func population(z: Int) -> PopulationAnalysis? { populations.first { $0.z == z } }

    /// The text report (statistics.txt).
    public var report: String {
        FluctuationReport.text(data: data, populations: populations, simulationLag: options.simulationLag,
                               dataLag: options.dataLag, options: options)
    }
}
