// `simulate fluctuations`: the z = 1…5 synaptic-fluctuation populations of docs/methods.md §3,
// cached as a result directory; `--analyse` also prints the docs/methods.md §4 statistics against the data.

import ArgumentParser
import Experiments
import Foundation
import Sim

struct FluctuationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fluctuations",
        abstract: "Intrinsic synaptic fluctuations for z = 1…5 on shared noise (Figures 5–6).")

    @Option(help: "Random seed of the shared noise.") var seed: UInt64 = Figure56Sweep.defaultSeed
    @Option(name: .customLong("t"), help: "Duration T in time units = number of samples (default: 999 paper, 40 tiny).")
    var duration: Int?
    @Option(name: .customLong("n"), help: "Synapses per population (default: 1000 paper, 100 tiny).")
    var synapses: Int?
    @Option(help: "Euler step (paper: 0.005; must divide the time unit).") var dt: Double = FluctuationParameters.defaultDt
    @Option(help: "Scale: tiny (100 synapses, T = 40); default and paper both run the paper's size.")
    var scale: Scale = .paper
    @Option(help: "Result directory (default: data/results/<paper|tiny>/fluctuations/seed<seed>_T<T>).") var out: String?
    @Flag(help: "Recompute even if a result exists.") var force = false
    @Flag(help: "Also compute and print the statistics of §4 against the Kaufman data.") var analyse = false
    @Option(help: "Kaufman et al. 2012 data file (for --analyse).") var data: String = KaufmanData.defaultPath
    @Option(help: "Analyse the last WINDOW samples (paper: 144).") var window: Int = FluctuationAnalysisOptions().simulationWindow
    @Option(help: "Bootstrap resamples (paper: 1000).") var resamples: Int = FluctuationAnalysisOptions().resamples
    @Option(help: "Lag (samples) whose slopes are printed for the simulation (paper: 2).") var lag: Int = FluctuationAnalysisOptions().simulationLag

    func validate() throws {
        if let duration, duration < 1 { throw ValidationError("--t must be ≥ 1 (got \(duration))") }
        if let synapses, synapses < 1 { throw ValidationError("--n must be ≥ 1 (got \(synapses))") }
        if resamples < 1 { throw ValidationError("--resamples must be ≥ 1 (got \(resamples))") }
        if lag < 1 { throw ValidationError("--lag must be ≥ 1 (got \(lag))") }
    }

    func run() throws {
        var p = FluctuationParameters(scale: scale.fluctuations, seed: seed, synapses: synapses, duration: duration)
        p.dt = dt
        let dir = URL(fileURLWithPath: out ?? SimulationPoint.fluctuations(p, scale: scale.fluctuations).directory())
        let progress = Progress("fluctuations")
        let start = Date()
        let run: FluctuationRun
        do {
            try p.validate()
            run = try FluctuationStore.produceOrLoad(dir, parameters: p, force: force, progress: progress)
        } catch let e as FluctuationError { throw ValidationError(e.description) }
        print("result: \(dir.path) (\(String(format: "%.1f", Date().timeIntervalSince(start))) s)")
        print("final alive fraction: " + run.populations.map { "z=\($0.z) \(String(format: "%.2f", $0.finalAliveFraction))" }
            .joined(separator: ", "))
        guard analyse else { return }
        var options = FluctuationAnalysisOptions()
        options.simulationWindow = window
        options.resamples = resamples
        options.simulationLag = lag
        let t0 = Date()
        let kaufman = try KaufmanData.load(URL(fileURLWithPath: data))
        print(try FluctuationStudy(run: run, kaufman: kaufman, options: options).report, terminator: "")
        print("statistics: \(String(format: "%.1f", Date().timeIntervalSince(t0))) s")
    }
}
