// `figure2`: draws every panel of Figure 2 from the cached sweep results (the Makefile
// runs the simulations first), the composed page, summary.csv and comparison.txt.

import ArgumentParser
import Experiments
import Foundation
import FigureSupport
import Plot
import Sim

@main
struct Figure2Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure2", abstract: "Draw Figure 2 (attractor networks with z-factor synapses) from cached results.")

    @OptionGroup var options: FigureOptions
    @Option(parsing: .upToNextOption, help: "Values of z.") var zs: [Int] = Figure2Sweep.zs
    @Option(parsing: .upToNextOption, help: "Loads α, written as in the result directory names.")
    var alphas: [String] = Figure2Sweep.alphas
    @Option(parsing: .upToNextOption, help: "Seeds (several: mean ± s.e.m.).") var seeds: [UInt64] = Figure2Sweep.defaultSeeds

    func validate() throws {
        if zs.isEmpty || alphas.isEmpty || seeds.isEmpty { throw ValidationError("--zs, --alphas and --seeds need values") }
        if let bad = alphas.first(where: { Double($0) == nil }) { throw ValidationError("--alphas: '\(bad)' is not a number") }
    }

    func run() throws {
        let out = options.out
        let sweep: Sweep
        do {
            sweep = try Sweep.load(results: options.resultsRoot(), scale: options.scale, zs: zs, alphas: alphas, seeds: seeds)
        } catch {
            throw options.missingResults(error, figure: "figure2")
        }
        let dir = URL(fileURLWithPath: out).appendingPathComponent("figure2")
        try AtomicFile.ensureDirectory(dir)

        let panels: [(name: String, figure: Figure)] = [
            ("01-snr-by-norm-exponent", try Figure2Panels.snrByNormExponent(sweep)),
            ("02-neural-snr-vs-load", try Figure2Panels.neuralSNRVsLoad(sweep)),
            ("03-recall-vs-neural-noise", try Figure2Panels.recallVsNoise(
                sweep, type: .neuralBalanced, scale: { 2 * $0 / 0.5 }, title: "Neural noise",
                xLabel: Markup.tex("Noise level $f_\\mathrm{noise}/f$"), noteAtTop: true)),
            ("04-max-neural-noise-vs-z", try Figure2Panels.maxNoiseVsZ(
                sweep, yLabel: Markup.tex("Max noise ($f_\\mathrm{noise}/f$)")) { try $0.maxNeuralNoise() }),
            ("05-synaptic-snr-vs-load", try Figure2Panels.synapticSNRVsLoad(sweep)),
            ("06-recall-vs-synaptic-noise", try Figure2Panels.recallVsNoise(
                sweep, type: .synapticFirstAlive, scale: { 0.2 * $0 / 0.1 }, title: "Synaptic noise",
                xLabel: Markup.tex("Noise $\\sigma_\\mathrm{noise}/\\langle u\\rangle_\\mathrm{obs}$"), noteAtTop: false)),
            ("07-max-synaptic-noise-vs-z", try Figure2Panels.maxNoiseVsZ(
                sweep, yLabel: Markup.tex("Max noise ($\\sigma_\\mathrm{noise}/\\langle u\\rangle_\\mathrm{obs}$)"),
) { try $0.maxSynapticNoise() }),
            ("08-connection-density-vs-load", try Figure2Panels.connectionDensityVsLoad(sweep)),
            ("09-surviving-weight-distribution", try Figure2Panels.survivingWeightDistribution(sweep)),
            ("10-all-weight-distribution", try Figure2Panels.allWeightDistribution(sweep)),
        ]
        for (name, figure) in panels {
            try figure.save(base: dir.appendingPathComponent(name).path)
        }
        try Figure2Page.compose(panels.map(\.figure)).save(base: URL(fileURLWithPath: out).appendingPathComponent("figure2").path)
        try AtomicFile.write(try Figure2Summary.csv(sweep), to: dir.appendingPathComponent("summary.csv"))
        let comparison = try Figure2Comparison.text(sweep)
        try AtomicFile.write(comparison, to: dir.appendingPathComponent("comparison.txt"))
        print(comparison, terminator: "")
        print("figure2: wrote \(panels.count) panels, figure2.pdf/png, summary.csv and comparison.txt under \(out)")
    }
}
