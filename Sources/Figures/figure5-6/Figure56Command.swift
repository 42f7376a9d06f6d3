// `figure5-6`: Figures 5 and 6 of the paper — intrinsic synaptic fluctuations for
// z = 1…5 (docs/methods.md §3) against the spine-size data of Kaufman et al. 2012, with the
// statistics of docs/methods.md §4. Loads the cached simulation (`simulate fluctuations` produces it),
// computes the statistics, builds the panels' data (`Figure56Data`), draws five panels, a
// composed page, summary.csv and a text report: parse → load → analyse → build → draw → save.

import ArgumentParser
import Experiments
import FigureSupport
import Foundation
import Plot
import Sim

@main
struct Figure56Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure5-6",
        abstract: "Draw Figures 5–6 (synaptic fluctuations vs. Kaufman et al. 2012).")

    @OptionGroup var figure: FigureOptions
    @Option(help: "Seed of the simulation.") var seed: UInt64 = Figure56Sweep.defaultSeed
    @Option(parsing: .upToNextOption,
            help: "Pool the synapses of several seeds, e.g. 1 2 3 4 (option beside the faithful single seed: for z ≥ 3 single populations can collapse before T).")
    var seeds: [UInt64] = []
    @Option(name: .customLong("t"), help: "Duration T of the simulation (default: 999 paper, 40 tiny).") var duration: Int?
    @Option(name: .customLong("n"), help: "Synapses per population (default: 1000 paper, 100 tiny).") var synapses: Int?
    @Option(help: "Kaufman et al. 2012 data file.") var data: String = KaufmanData.defaultPath
    @Option(help: "Analyse the last WINDOW simulation samples (paper: 144).") var window: Int = Self.paper.simulationWindow
    @Option(help: "CV statistics of the data over its first DATA-WINDOW time points (paper: 48).") var dataWindow: Int = Self.paper.dataWindow
    @Option(help: "Bootstrap resamples (paper: 1000).") var resamples: Int = Self.paper.resamples
    @Option(help: "Bootstrap seed (paper: 123).") var bootstrapSeed: UInt64 = Self.paper.bootstrapSeed
    @Option(help: "Lag (samples) of the simulation scatter panels (paper: 2).") var simLag: Int = Self.paper.simulationLag
    @Option(help: "Lag (time points) of the data scatter panel (paper: 1).") var dataLag: Int = Self.paper.dataLag
    @Option(help: "Leave out populations with a smaller final alive fraction (notebook: 0.10).") var minAlive: Double = Self.paper.minAliveFraction

    /// The defaults of every statistics option: the notebook's settings.
    static let paper = FluctuationAnalysisOptions()

    func validate() throws {
        if let duration, duration < 2 { throw ValidationError("--t must be ≥ 2 (got \(duration))") }
        if let synapses, synapses < 1 { throw ValidationError("--n must be ≥ 1 (got \(synapses))") }
        if resamples < 1 { throw ValidationError("--resamples must be ≥ 1 (got \(resamples))") }
        if window < 2 { throw ValidationError("--window must be ≥ 2 (got \(window))") }
        if simLag < 1 || simLag >= window { throw ValidationError("--sim-lag must lie in 1..<window (got \(simLag))") }
        if dataLag < 1 { throw ValidationError("--data-lag must be ≥ 1 (got \(dataLag))") }
        if !(0...1).contains(minAlive) { throw ValidationError("--min-alive must lie in 0…1 (got \(minAlive))") }
    }

    func seedList() -> [UInt64] { seeds.isEmpty ? [seed] : seeds }

    func run() throws {
        let progress = Progress("figure5-6")
        let scale = figure.scale.fluctuations
        var runs: [FluctuationRun] = []
        for s in seedList() {
            let p = FluctuationParameters(scale: scale, seed: s, synapses: synapses, duration: duration)
            do { try p.validate() } catch let e as FluctuationError { throw ValidationError(e.description) }
            let point = SimulationPoint.fluctuations(p, scale: scale)
            let dir = point.directory(inScaleFolder: figure.resultsRoot(scaleName: scale.rawValue))
            do { runs.append(try FluctuationStore.load(dir, parameters: p)) } catch {
                throw ValidationError("\(error)\n— produce it with `simulate run \(point.directory())`"
                                      + (s == Figure56Sweep.defaultSeed ? " or `make figure5-6 SCALE=\(figure.scale.rawValue)`" : ""))
            }
        }
        let simulation = try FluctuationRun.pooled(runs)
        let p = simulation.parameters
        if runs.count > 1 { print("pooled seeds \(seedList().map(String.init).joined(separator: ",")): \(p.synapses) synapses per z") }

        var options = FluctuationAnalysisOptions()
        options.simulationWindow = window
        options.dataWindow = dataWindow
        options.resamples = resamples
        options.bootstrapSeed = bootstrapSeed
        options.minAliveFraction = minAlive
        options.simulationLag = simLag
        options.dataLag = dataLag
        let kaufman = try KaufmanData.load(URL(fileURLWithPath: data))
        guard dataLag < kaufman.cols else {
            throw ValidationError("--data-lag must be < \(kaufman.cols), the time points of \(data)")
        }
        let t0 = Date()
        let study: FluctuationStudy
        do { study = try FluctuationStudy(run: simulation, kaufman: kaufman, options: options) }
        catch let e as FluctuationError { throw ValidationError(e.description) }
        progress.message(String(format: "statistics in %.1f s", Date().timeIntervalSince(t0)))
        let dataStats = study.data, populations = study.populations
        let report = study.report
        print(report, terminator: "")

        let panelData: Figure56Data
        do {
            panelData = try Figure56Data.build(data: dataStats, kaufman: kaufman, populations: populations,
                                               simulationLag: simLag, dataLag: dataLag, seed: seed)
        } catch let e as Figure56Data.BuildError { throw ValidationError(e.description) }
        let panels: [(name: String, figure: Figure)] = [
            (Figure56Panel.dwVsWSimulation.rawValue, ChangePanels.simulation(panelData.simulation)),
            (Figure56Panel.dwVsWKaufman.rawValue, ChangePanels.kaufman(panelData.kaufman, hours: panelData.kaufmanHours)),
            (Figure56Panel.cvRankVsNormExponent.rawValue, NormPanels.cvRank(panelData.cvRank)),
            (Figure56Panel.bootstrapIllustration.rawValue, NormPanels.bootstrap(panelData.bootstrap)),
            (Figure56Panel.qMinVsZ.rawValue, NormPanels.qMin(panelData.qMin)),
        ]
        try figure.write(figure: "figure5-6", panels: panels, page: Page.compose,
                         files: [("statistics.txt", report),
                                 ("summary.csv", SummaryTable.csv(data: dataStats, populations: populations))])
        print("wrote \(figure.out)/figure5-6/ and \(figure.out)/figure5-6.pdf|png")
    }
}
