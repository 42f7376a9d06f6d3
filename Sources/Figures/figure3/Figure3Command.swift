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
            ("01-recall-raster-before", MatrixPanels.recallRaster(data.rasterBefore)),
            ("02-recall-raster-after", MatrixPanels.recallRaster(data.rasterAfter)),
            ("03-noise-tolerance-before-after", DynamicsPanels.noiseTolerance(data.tolerance)),
            ("04-snr-and-density-over-replay", DynamicsPanels.snrAndDensity(data.snrAndDensity)),
            ("05-weight-matrix-before", MatrixPanels.weightMatrix(data.matrixBefore)),
            ("06-weight-matrix-after", MatrixPanels.weightMatrix(data.matrixAfter)),
            ("07-factor-correlation-and-trajectories", DynamicsPanels.correlationAndTrajectories(data.factorCorrelation)),
            ("08-weight-distribution-before-after", try WeightPanels.distribution(data.weightDistribution)),
            ("09-pruning-probability-vs-weight", WeightPanels.pruningProbability(data.pruning)),
            ("10-connection-probability-vs-correlation", ResponsePanels.connectionProbability(data.correlationBins)),
            ("11-connection-strength-vs-correlation", ResponsePanels.connectionStrength(data.correlationBins)),
            ("12-tuning-curves", ResponsePanels.tuningCurves(data.tuning)),
            ("13-stimulus-selectivity", ResponsePanels.selectivity(data.selectivity)),
            ("14-snr-gain-vs-initial-snr-by-cycles", GainPanels.gainByCycles(data.gainsByCycles)),
            ("15-snr-gain-low-vs-high-load", GainPanels.gainByLoad(data.gainsByLoad)),
        ]

        let summary = Figure3Summary.csv(data.summary)
        let notes = Figure3Summary.notes(data)
        try options.write(figure: "figure3", panels: panels, page: Figure3Page.compose,
                          files: [("summary.csv", summary), ("statistics.txt", notes)])
        print(summary + notes, terminator: "")
        print("figure3: wrote \(panels.count) panels, figure3.pdf/png, summary.csv and statistics.txt under \(out)")
    }
}
