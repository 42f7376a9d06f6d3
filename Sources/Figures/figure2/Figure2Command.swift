// `figure2`: draws every panel of Figure 2 from the cached sweep results (the Makefile
// runs the simulations first), the composed page, summary.csv and comparison.txt:
// parse → load (`AttractorSweep`) → build (`Figure2Data`) → draw (`Figure2Panels`) → save.

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
        let sweep: AttractorSweep
        do {
            sweep = try AttractorSweep.load(results: options.resultsRoot(), scale: options.scale, zs: zs, alphas: alphas, seeds: seeds)
        } catch {
            throw options.missingResults(error, figure: "figure2")
        }
        let data = try Figure2Data.build(sweep)
        let panels: [(name: String, figure: Figure)] = [
            ("01-snr-by-norm-exponent", Figure2Panels.snrByNormExponent(data.snrByNormExponent, zs: data.zs)),
            ("02-neural-snr-vs-load", Figure2Panels.neuralSNRVsLoad(data.neuralSNR, alphas: data.alphas)),
            ("03-recall-vs-neural-noise", try Figure2Panels.recallVsNoise(
                data.neuralRecall, title: "Neural noise",
                xLabel: Markup.tex("Noise level $f_\\mathrm{noise}/f$"), noteAtTop: true)),
            ("04-max-neural-noise-vs-z", try Figure2Panels.maxNoiseVsZ(
                data.maxNeuralNoise, zs: data.zs, yLabel: Markup.tex("Max noise ($f_\\mathrm{noise}/f$)"))),
            ("05-synaptic-snr-vs-load", Figure2Panels.synapticSNRVsLoad(data.synapticSNR, alphas: data.alphas)),
            ("06-recall-vs-synaptic-noise", try Figure2Panels.recallVsNoise(
                data.synapticRecall, title: "Synaptic noise",
                xLabel: Markup.tex("Noise $\\sigma_\\mathrm{noise}/\\langle u\\rangle_\\mathrm{obs}$"), noteAtTop: false)),
            ("07-max-synaptic-noise-vs-z", try Figure2Panels.maxNoiseVsZ(
                data.maxSynapticNoise, zs: data.zs,
                yLabel: Markup.tex("Max noise ($\\sigma_\\mathrm{noise}/\\langle u\\rangle_\\mathrm{obs}$)"))),
            ("08-connection-density-vs-load", try Figure2Panels.connectionDensityVsLoad(data.density, alphas: data.alphas)),
            ("09-surviving-weight-distribution", Figure2Panels.survivingWeightDistribution(data.survivingWeights, zs: data.zs)),
            ("10-all-weight-distribution", Figure2Panels.allWeightDistribution(data.allWeights, zs: data.zs)),
        ]
        let comparison = Figure2Comparison.text(data.comparison)
        try options.write(figure: "figure2", panels: panels, page: Figure2Page.compose,
                          files: [("summary.csv", try Figure2Summary.csv(sweep)), ("comparison.txt", comparison)])
        print(comparison, terminator: "")
        print("figure2: wrote \(panels.count) panels, figure2.pdf/png, summary.csv and comparison.txt under \(out)")
    }
}
