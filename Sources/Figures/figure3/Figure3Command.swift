// `figure3`: draws the fifteen panels of Figure 3 (wake–sleep consolidation) from the
// cached results of `simulate wake-sleep` (both loads), the composed page and summary.csv.

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
        let runs: [RunData]
        do {
            runs = try Figure3Sweep.loads.map {
                try RunData.load(results: options.resultsRoot(), scale: options.scale, load: $0, seed: seed)
            }
        } catch {
            throw options.missingResults(error, figure: "figure3")
        }
        let high = runs[0]
        let dir = URL(fileURLWithPath: out).appendingPathComponent("figure3")
        try AtomicFile.ensureDirectory(dir)

        let storedHigh = try high.storedPatterns()
        let bins = Fig3Analysis.correlationBins(weights: try high.weights("w_end"), n: high.n, stored: storedHigh)
        let stim = Fig3Analysis.stimuli(storedHigh, count: 100, seed: seed)
        let wEnd = try high.weights("w_end")
        let tuning = Fig3Analysis.tuningCurves(weights: wEnd, n: high.n, familiar: stim.familiar, novel: stim.novel)
        let select = Fig3Analysis.selectivity(weights: wEnd, theta: try high.floats("theta_end"), n: high.n,
                                              familiar: stim.familiar, novel: stim.novel)
        let (gainCycles, cycleSlopes) = try GainPanels.gainByCycles(high)
        let (gainLoads, loadSlopes) = try GainPanels.gainByLoad(runs)

        let panels: [(name: String, figure: Figure)] = [
            ("01-recall-raster-before", try MatrixPanels.recallRaster(high, after: false)),
            ("02-recall-raster-after", try MatrixPanels.recallRaster(high, after: true)),
            ("03-noise-tolerance-before-after", try DynamicsPanels.noiseTolerance(runs)),
            ("04-snr-and-density-over-replay", try DynamicsPanels.snrAndDensity(runs)),
            ("05-weight-matrix-before", try MatrixPanels.weightMatrix(high, after: false)),
            ("06-weight-matrix-after", try MatrixPanels.weightMatrix(high, after: true)),
            ("07-factor-correlation-and-trajectories", try DynamicsPanels.correlationAndTrajectories(runs)),
            ("08-weight-distribution-before-after", try WeightPanels.distribution(high)),
            ("09-pruning-probability-vs-weight", try WeightPanels.pruningProbability(high)),
            ("10-connection-probability-vs-correlation", ResponsePanels.connectionProbability(bins)),
            ("11-connection-strength-vs-correlation", ResponsePanels.connectionStrength(bins)),
            ("12-tuning-curves", ResponsePanels.tuningCurves(tuning)),
            ("13-stimulus-selectivity", ResponsePanels.selectivity(select)),
            ("14-snr-gain-vs-initial-snr-by-cycles", gainCycles),
            ("15-snr-gain-low-vs-high-load", gainLoads),
        ]
        for (name, figure) in panels { try figure.save(base: dir.appendingPathComponent(name).path) }
        try Figure3Page.compose(panels.map(\.figure)).save(base: URL(fileURLWithPath: out).appendingPathComponent("figure3").path)
        let summary = try Figure3Summary.csv(runs: runs, gainSlopes: loadSlopes)
        let notes = Figure3Summary.notes(cycleSlopes: cycleSlopes, bins: bins, selectivity: select)
        try AtomicFile.write(summary, to: dir.appendingPathComponent("summary.csv"))
        try AtomicFile.write(notes, to: dir.appendingPathComponent("statistics.txt"))
        print(summary + notes, terminator: "")
        print("figure3: wrote \(panels.count) panels, figure3.pdf/png, summary.csv and statistics.txt under \(out)")
    }
}
