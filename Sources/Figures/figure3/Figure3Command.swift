// `figure3`: draws the fifteen panels of Figure 3 (wake–sleep consolidation) from the
// cached results of `simulate wake-sleep` (both loads), the composed page and summary.csv.
// Parse → load (WakeSleepResult) → build (Figure3Data, Sources/Experiments) → draw (the
// Panels*.swift files, which take only Figure3Data's structs) → save.

import ArgumentParser
import Experiments
import Foundation
import FigureSupport
import Plot
import Sim

@main
struct Figure3Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure3", abstract: "Draw Figure 3 (wake–sleep consolidation) from cached results.")

    @OptionGroup var options: FigureOptions
    @Option(help: "Seed of the runs.") var seed: UInt64 = Figure3Sweep.defaultSeed

    func run() throws {
        let out = options.out
        let runs: [WakeSleepResult]
        do {
            runs = try Figure3Sweep.loads.map {
                try WakeSleepResult.load(results: options.resultsRoot(), scale: options.scale, load: $0, seed: seed)
            }
        } catch {
            throw options.missingResults(error, figure: "figure3")
        }
        let data = try Figure3Data(runs: runs)

        let panels: [(name: String, figure: Figure)] = [
            (Figure3Panel.recallRasterBefore.rawValue, MatrixPanels.recallRaster(data.rasterBefore)),
            (Figure3Panel.recallRasterAfter.rawValue, MatrixPanels.recallRaster(data.rasterAfter)),
            (Figure3Panel.noiseToleranceBeforeAfter.rawValue, DynamicsPanels.noiseTolerance(data.tolerance)),
            (Figure3Panel.snrAndDensityOverReplay.rawValue, DynamicsPanels.snrAndDensity(data.snrAndDensity)),
            (Figure3Panel.weightMatrixBefore.rawValue, MatrixPanels.weightMatrix(data.matrixBefore)),
            (Figure3Panel.weightMatrixAfter.rawValue, MatrixPanels.weightMatrix(data.matrixAfter)),
            (Figure3Panel.factorCorrelationAndTrajectories.rawValue, DynamicsPanels.correlationAndTrajectories(data.factorCorrelation)),
            (Figure3Panel.weightDistributionBeforeAfter.rawValue, try WeightPanels.distribution(data.weightDistribution)),
            (Figure3Panel.pruningProbabilityVsWeight.rawValue, WeightPanels.pruningProbability(data.pruning)),
            (Figure3Panel.connectionProbabilityVsCorrelation.rawValue, ResponsePanels.connectionProbability(data.correlationBins)),
            (Figure3Panel.connectionStrengthVsCorrelation.rawValue, ResponsePanels.connectionStrength(data.correlationBins)),
            (Figure3Panel.tuningCurves.rawValue, ResponsePanels.tuningCurves(data.tuning)),
            (Figure3Panel.stimulusSelectivity.rawValue, ResponsePanels.selectivity(data.selectivity)),
            (Figure3Panel.snrGainVsInitialSNRByCycles.rawValue, GainPanels.gainByCycles(data.gainsByCycles)),
            (Figure3Panel.snrGainLowVsHighLoad.rawValue, GainPanels.gainByLoad(data.gainsByLoad)),
        ]

        let summary = Figure3Summary.csv(data.summary)
        let notes = Figure3Summary.notes(data)
        try options.write(figure: "figure3", panels: panels, page: Figure3Page.compose,
                          files: [("summary.csv", summary), ("statistics.txt", notes)])
        print(summary + notes, terminator: "")
        print("figure3: wrote \(panels.count) panels, figure3.pdf/png, summary.csv and statistics.txt under \(out)")
    }
}
