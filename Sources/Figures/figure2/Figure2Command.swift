// `figure2`: draws every panel of Figure 2 from the cached sweep results (the Makefile
// runs the simulations first), the composed page, summary.csv and comparison.txt.

import ArgumentParser
import Foundation
import Plot
import Sim

@main
struct Figure2Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure2", abstract: "Draw Figure 2 (attractor networks with z-factor synapses) from cached results.")

    @Option(help: "Scale name, only used in messages (default|paper|tiny).") var scale = "default"
    @Option(help: "Results directory of this scale (holds attractor/z…_alpha…_seed…/).") var results = "data/results/default"
    @Option(help: "Output directory for figures.") var out = "figures"
    @Option(help: "Values of z, space separated.") var zs = "1 2 3 4"
    @Option(help: "Loads alpha, space separated, written as in the result directory names.")
    var alphas = "0.08 0.1425 0.205 0.2675 0.33 0.45333 0.57667 0.7"
    @Option(help: "Seeds, space separated (several: mean ± s.e.m.).") var seeds = "100"

    func parseList<T>(_ text: String, _ name: String, _ parse: (String) -> T?) throws -> [T] {
        let items = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        let values = items.compactMap(parse)
        guard !items.isEmpty, values.count == items.count else {
            throw ValidationError("--\(name) '\(text)' is not a list of numbers")
        }
        return values
    }

    func run() throws {
        let zList = try parseList(zs, "zs") { Int($0) }
        let seedList = try parseList(seeds, "seeds") { Int($0) }
        let alphaTexts = try parseList(alphas, "alphas") { Double($0) == nil ? nil : $0 }
        let sweep: Sweep
        do {
            sweep = try Sweep.load(results: URL(fileURLWithPath: results), zs: zList, alphas: alphaTexts, seeds: seedList)
        } catch {
            throw ValidationError("\(error) — run `make figure2 SCALE=\(scale)` to produce the results first")
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
